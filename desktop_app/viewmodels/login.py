"""The sign-in screen: Web-ID + password, or card number + PIN."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot

from desktop_app.domain import fields, fields_live
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult, Notice
from desktop_app.domain.text import ordered
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.crash import remember_secret
from desktop_app.viewmodels.hints import CHARACTER_ERRORS, typed_problem
from desktop_app.viewmodels.messages import notice_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import KeychainState, Services

if TYPE_CHECKING:
    from desktop_app.domain.models import Session


class LoginMethod(IntEnum):
    """The sign-in tabs, in their order on screen."""

    WEB_ID = 0
    CARD = 1


# What the sign-in button waits for, per tab: (identifier, secret) captions, and the sentence
# for (identifier empty, secret empty) — only what is missing is named.
_CAPTIONS = {
    0: (N_("Web-ID"), N_("Password")),
    1: (N_("Card number"), N_("PIN")),
}
_EMPTY = {
    0: {
        (True, True): N_("Enter your Web-ID and password to sign in."),
        (True, False): N_("Enter your Web-ID."),
        (False, True): N_("Enter your password."),
    },
    1: {
        (True, True): N_("Enter your card number and PIN to sign in."),
        (True, False): N_("Enter your card number."),
        (False, True): N_("Enter your PIN."),
    },
}


class LoginViewModel(ViewModel):
    """Sign-in state. Secrets are cleared as soon as they have been sent.

    Signals:
        method_changed(int): the ``LoginMethod`` (0 Web-ID, 1 card).
        web_id_text_changed(str), password_text_changed(str), card_text_changed(str),
        pin_text_changed(str): the inputs (cleared on sign-out).
        width_notice_changed(str): what the client converted in the ID fields ("" for none).
        can_sign_in_changed(bool): whether the sign-in button is enabled (both inputs valid).
        sign_in_hint_changed(str): why it is not ("" when it is, or while signing in).
        remember_changed(bool): "remember my Web-ID" is ticked.
        remember_available_changed(bool): the keychain works, so the box can be ticked.
        remember_hint_changed(str): why the box is disabled ("" when it is not).
        caps_lock_hint_changed(str): the Caps Lock warning ("" when it is off).
        card_locked_changed(bool): the last refusal was a locked card (the sign-in screen
            offers what cannot be done online: how to have it unlocked).
    """

    method_changed = Signal(int)
    web_id_text_changed = Signal(str)
    password_text_changed = Signal(str)
    card_text_changed = Signal(str)
    pin_text_changed = Signal(str)
    width_notice_changed = Signal(str)
    can_sign_in_changed = Signal(bool)
    sign_in_hint_changed = Signal(str)
    remember_changed = Signal(bool)
    remember_available_changed = Signal(bool)
    remember_hint_changed = Signal(str)
    caps_lock_hint_changed = Signal(str)
    card_locked_changed = Signal(bool)

    method = Observed(LoginMethod.WEB_ID, method_changed)
    web_id_text = Observed("", web_id_text_changed)
    password_text = Observed("", password_text_changed)
    card_text = Observed("", card_text_changed)
    pin_text = Observed("", pin_text_changed)
    width_notice = Observed("", width_notice_changed)
    can_sign_in = Observed(False, can_sign_in_changed)
    sign_in_hint = Observed("", sign_in_hint_changed)
    remember = Observed(False, remember_changed)
    remember_available = Observed(False, remember_available_changed)
    remember_hint = Observed("", remember_hint_changed)
    caps_lock_hint = Observed("", caps_lock_hint_changed)
    card_locked = Observed(False, card_locked_changed)
    KEPT_ON_RESET = frozenset({"remember", "remember_available", "remember_hint"})

    def __init__(
        self,
        services: Services,
        app: ApplicationViewModel,
        device_id: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self._device_id = device_id
        self._notices: set[Notice] = set()  # what was converted in the ID field shown
        self._keychain_known = False
        self._caps_lock = False
        self._secret_focused = False  # the password or PIN field has the focus
        self._typed = 0  # counts edits of the inputs: a sign-in runs again only as it was sent
        self._sent_as = -1
        self.busy_changed.connect(self._refresh_can_sign_in)
        self._refresh_can_sign_in()

    @property
    def inbox_available(self) -> bool:
        """The login screen offers the demo inbox (a demo host, not a kiosk)."""
        return self._app.inbox_offered

    @property
    def inbox_available_changed(self) -> SignalInstance:
        """Emits whether the demo inbox is offered, when the store was switched."""
        return self._app.inbox_offered_changed

    # -- inputs --------------------------------------------------------------------------
    def set_method(self, method: int) -> None:
        self._typed += 1
        self.method = LoginMethod.CARD if method == LoginMethod.CARD else LoginMethod.WEB_ID
        self._notices.clear()  # they were about the other tab's ID
        self._set_error(None)
        self._refresh_notice()
        self._refresh_can_sign_in()

    def set_web_id_text(self, text: str) -> None:
        """Full-width letters and digits become half-width as typed (the field shows it)."""
        converted, notices = fields_live.alnum(text)
        self._notices.update(notices)
        self._set_input(LoginViewModel.web_id_text, converted)

    def set_password_text(self, text: str) -> None:
        self._set_input(LoginViewModel.password_text, text)  # a secret: never converted

    def set_card_text(self, text: str) -> None:
        converted, notices = fields_live.digits(text)
        self._notices.update(notices)
        self._set_input(LoginViewModel.card_text, converted)

    def set_pin_text(self, text: str) -> None:
        self._set_input(LoginViewModel.pin_text, text)

    def _set_input(self, prop: Observed[str], text: str) -> None:
        if text != prop.__get__(self):
            self._typed += 1
            if self._error is not None and self._error.code not in CHARACTER_ERRORS:
                self._set_error(None)  # the last refusal was about what is being changed
        prop.__set__(self, text)
        self._refresh_notice()
        self._refresh_can_sign_in()
        self._check_characters()

    def _check_characters(self) -> None:
        """A character that cannot be used is pointed at while typing, not at sign-in."""
        typed = next(
            (r.error for r in self._fields() if r.error and r.error.code in CHARACTER_ERRORS),
            None,
        )
        if typed is not None:
            self._set_error(typed)
        elif self._error is not None and self._error.code in CHARACTER_ERRORS:
            self._set_error(None)

    def commit_identifier(self) -> None:
        """The member left an ID field: show it converted, and keep saying what changed."""
        web = self.method is LoginMethod.WEB_ID
        prop = LoginViewModel.web_id_text if web else LoginViewModel.card_text
        identifier, _secret = self._fields()
        if identifier.error is None and identifier.value != prop.__get__(self):
            self._notices.update(identifier.notices)
            prop.__set__(self, identifier.value)
            self._refresh_notice()
            self._refresh_can_sign_in()

    def _fields(self) -> tuple[FieldResult, FieldResult]:
        if self.method is LoginMethod.WEB_ID:
            return (
                fields.web_id(self.web_id_text),
                fields.password(self.password_text),
            )
        return (fields.card_number(self.card_text), fields.pin(self.pin_text))

    def _identifier_text(self) -> str:
        return self.web_id_text if self.method is LoginMethod.WEB_ID else self.card_text

    def _refresh_notice(self) -> None:
        """Say only what the ID field shows converted (the secret is never converted)."""
        if not self._identifier_text().strip():
            self._notices.clear()
        self.width_notice = notice_sentence(ordered(self._notices))

    @Slot(bool)
    def _refresh_can_sign_in(self, _busy: bool = False) -> None:
        results = self._fields()
        self.can_sign_in = all(r.error is None for r in results) and not self.busy
        quiet = self.can_sign_in or self.busy or self.card_locked  # a locked card: no PIN hint
        self.sign_in_hint = "" if quiet else self._hint(results)

    def _hint(self, results: tuple[FieldResult, FieldResult]) -> str:
        """Why the button is disabled (a wrong character is said in ``error``)."""
        texts = (self._identifier_text(), self._secret_text())
        inputs = zip(_CAPTIONS[self.method], texts, results, strict=True)
        problem = typed_problem(inputs, skip=CHARACTER_ERRORS)
        if problem is not None:
            return problem
        empty = (not texts[0], not texts[1])
        sentence = _EMPTY[self.method].get(empty)
        return _(sentence) if sentence is not None else ""

    def _secret_text(self) -> str:
        return self.password_text if self.method is LoginMethod.WEB_ID else self.pin_text

    # -- command -------------------------------------------------------------------------
    def sign_in(self) -> None:
        """Send the inputs (the button is enabled only while both are valid); a refusal
        comes back as ``error``."""
        if not self.can_sign_in:
            return
        identifier, secret = self._fields()  # both valid: ``can_sign_in`` says so
        self._set_error(None)
        self._sent_as = self._typed
        store, device = self._services.store, self._device_id
        ident, secret_value = identifier.value, secret.value
        remember_secret(secret_value)  # masked wherever it shows up in the log
        if self.method is LoginMethod.WEB_ID:
            self._run(
                "sign_in_web",
                lambda: store.get().sign_in_with_web_id(ident, secret_value, device),
                self._on_signed_in,
            )
        else:
            self._run(
                "sign_in_card",
                lambda: store.get().sign_in_with_card(ident, secret_value, device),
                self._on_signed_in,
            )

    @Slot(object)
    def _on_signed_in(self, session: Session) -> None:
        if self.method is LoginMethod.WEB_ID and self.remember_available:
            remembered = fields.web_id(self.web_id_text).value
            self._save_remembered(remembered if self.remember else None)
        self._clear_secrets()
        self._app.start_session(session)

    # -- remember my Web-ID (keychain) --------------------------------------------------------
    def load_remembered(self) -> None:
        """Ask the keychain (off the GUI thread) whether it works and what it remembers.
        A branch kiosk has none and says nothing of it: no visitor's Web-ID is remembered."""
        if self.kiosk:
            return
        keychain = self._services.keychain
        self._runner.submit("keychain", keychain.open, self._on_keychain, self._ignore)

    @Slot(object)
    def _on_keychain(self, found: KeychainState) -> None:
        self._keychain_known = True
        self.remember_available = found.available
        self._render_remember_hint()
        if found.web_id:
            self.remember = True
            if not self.web_id_text:
                self.set_web_id_text(found.web_id)

    @Slot(object)
    def _ignore(self, _outcome: object) -> None:
        """The keychain's answer to a save; failures leave nothing stored anywhere."""

    def set_remember(self, remember: bool) -> None:
        self.remember = bool(remember) and self.remember_available

    def _save_remembered(self, web_id: str | None) -> None:
        if self.kiosk:
            return
        keychain = self._services.keychain
        self._runner.submit(
            "keychain_save", lambda: keychain.remember_web_id(web_id), self._ignore, self._ignore
        )

    def _render_remember_hint(self) -> None:
        unavailable = self._keychain_known and not self.remember_available
        self.remember_hint = (
            _(
                "This computer has no secure keychain that the client can use, so your Web-ID "
                "cannot be remembered. Nothing is saved."
            )
            if unavailable
            else ""
        )

    # -- Caps Lock ---------------------------------------------------------------------------
    def set_caps_lock(self, on: bool) -> None:
        """The view saw Caps Lock's state in the password or PIN field's key presses."""
        self._caps_lock = on
        self._render_caps_lock()

    def set_secret_focused(self, focused: bool) -> None:
        """The password or PIN field got (true) or lost (false) the focus: the Caps Lock
        warning shows only while the member types a secret."""
        self._secret_focused = focused
        self._render_caps_lock()

    def _render_caps_lock(self) -> None:
        self.caps_lock_hint = (
            _("Caps Lock is on. Passwords distinguish capital and small letters.")
            if self._caps_lock and self._secret_focused
            else ""
        )

    def _set_error(self, error: AppError | None) -> None:
        super()._set_error(error)
        self.card_locked = error is not None and error.code is ErrorCode.CARD_LOCKED
        if error is not None:  # the refusal replaces what the banner said at signing out
            self._app.clear_signed_out_message()
        self._refresh_can_sign_in()

    def replace_remembered_web_id(self, web_id: str) -> None:
        """The member changed their Web-ID: a remembered one is the new one from now on (a
        stale one would be offered at the next sign-in)."""
        if web_id and self.remember and self.remember_available:
            self._save_remembered(web_id)

    def may_retry(self, name: str) -> bool:
        """A sign-in runs again only while the inputs are as they were sent."""
        return not name.startswith("sign_in") or self._sent_as == self._typed

    @Slot(object)
    def _on_failure(self, error: AppError) -> None:
        super()._on_failure(error)
        if error.code is not ErrorCode.STORE_UNAVAILABLE:  # else kept, to try again with
            self._clear_secrets()

    def _clear_secrets(self) -> None:
        self.password_text = ""
        self.pin_text = ""
        self._refresh_can_sign_in()

    @Slot()
    def reset(self) -> None:
        """Forget every input (sign-out); what the keychain can do stays known."""
        super().reset()
        self._notices.clear()
        self._caps_lock = False
        self._render_caps_lock()
        self._refresh_can_sign_in()

    @Slot(str)
    def accept_new_credentials(self, web_id: str) -> None:
        """A Web-ID was registered or its password reset: offer it for signing in."""
        if web_id:
            self.set_method(LoginMethod.WEB_ID)
            self.set_web_id_text(web_id)

    def retranslate(self) -> None:
        super().retranslate()
        self._refresh_notice()
        self._refresh_can_sign_in()
        self._render_remember_hint()
        self._render_caps_lock()
