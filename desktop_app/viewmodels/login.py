"""The sign-in screen: Web-ID + password, or card number + PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain import fields
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult, Notice
from desktop_app.i18n import _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel, state
from desktop_app.viewmodels.messages import notice_sentence

if TYPE_CHECKING:
    from desktop_app.domain.models import Session
    from desktop_app.store.keychain import Keychain


_CHARACTER_ERRORS = {ErrorCode.FULL_WIDTH_CHAR, ErrorCode.INVALID_CHAR}


class LoginViewModel(ViewModel):
    """Sign-in state. Secrets are cleared as soon as they have been sent.

    Signals:
        method_changed(int): 0 for Web-ID, 1 for card.
        web_id_text_changed(str), password_text_changed(str), card_text_changed(str),
        pin_text_changed(str): the inputs (cleared on sign-out).
        width_notice_changed(str): what the client converted in the ID fields ("" for none).
        can_sign_in_changed(bool): whether the sign-in button is enabled.
        remember_changed(bool): "remember my Web-ID" is ticked.
        remember_available_changed(bool): the keychain works, so the box can be ticked.
        remember_hint_changed(str): why the box is disabled ("" when it is not).
        caps_lock_hint_changed(str): the Caps Lock warning ("" when it is off).
    """

    method_changed = Signal(int)
    web_id_text_changed = Signal(str)
    password_text_changed = Signal(str)
    card_text_changed = Signal(str)
    pin_text_changed = Signal(str)
    width_notice_changed = Signal(str)
    can_sign_in_changed = Signal(bool)
    remember_changed = Signal(bool)
    remember_available_changed = Signal(bool)
    remember_hint_changed = Signal(str)
    caps_lock_hint_changed = Signal(str)

    method = state(int, "method", method_changed)
    web_id_text = state(str, "web_id_text", web_id_text_changed)
    password_text = state(str, "password_text", password_text_changed)
    card_text = state(str, "card_text", card_text_changed)
    pin_text = state(str, "pin_text", pin_text_changed)
    width_notice = state(str, "width_notice", width_notice_changed)
    can_sign_in = state(bool, "can_sign_in", can_sign_in_changed)
    remember = state(bool, "remember", remember_changed)
    remember_available = state(bool, "remember_available", remember_available_changed)
    remember_hint = state(str, "remember_hint", remember_hint_changed)
    caps_lock_hint = state(str, "caps_lock_hint", caps_lock_hint_changed)

    def __init__(
        self, app: ApplicationViewModel, device_id: str, parent: QObject | None = None
    ) -> None:
        super().__init__(app.runner, parent)
        self._app = app
        self._device_id = device_id
        self._notices: tuple[Notice, ...] = ()
        self._values.update(
            method=0,
            web_id_text="",
            password_text="",
            card_text="",
            pin_text="",
            width_notice="",
            can_sign_in=False,
            remember=False,
            remember_available=False,
            remember_hint="",
            caps_lock_hint="",
        )
        self._keychain_known = False
        self._caps_lock = False
        self.busy_changed.connect(self._refresh_can_sign_in)
        app.signed_out.connect(self.reset)

    # -- inputs --------------------------------------------------------------------------
    def set_method(self, method: int) -> None:
        self._update("method", 1 if method == 1 else 0)
        self._set_error(None)
        self._refresh_notice()
        self._refresh_can_sign_in()

    def set_web_id_text(self, text: str) -> None:
        self._set_input("web_id_text", text)

    def set_password_text(self, text: str) -> None:
        self._set_input("password_text", text)

    def set_card_text(self, text: str) -> None:
        self._set_input("card_text", text)

    def set_pin_text(self, text: str) -> None:
        self._set_input("pin_text", text)

    def _set_input(self, name: str, text: str) -> None:
        self._update(name, text)
        self._refresh_notice()
        self._refresh_can_sign_in()
        self._check_characters()

    def _check_characters(self) -> None:
        """A character that cannot be used is pointed at while typing, not at sign-in."""
        typed = next(
            (r.error for r in self._fields() if r.error and r.error.code in _CHARACTER_ERRORS),
            None,
        )
        if typed is not None:
            self._set_error(typed)
        elif self._error is not None and self._error.code in _CHARACTER_ERRORS:
            self._set_error(None)

    def commit_identifier(self) -> None:
        """The member left an ID field: show it converted, and keep saying what changed."""
        name = "web_id_text" if self._values["method"] == 0 else "card_text"
        identifier, _secret = self._fields()
        if identifier.error is None and identifier.value != self._values[name]:
            said = self._values["width_notice"]
            self._update(name, identifier.value)
            self._refresh_can_sign_in()
            self._update("width_notice", said)

    def _fields(self) -> tuple[FieldResult, FieldResult]:
        if self._values["method"] == 0:
            return (
                fields.web_id(self._values["web_id_text"]),
                fields.password(self._values["password_text"]),
            )
        return (fields.card_number(self._values["card_text"]), fields.pin(self._values["pin_text"]))

    def _refresh_notice(self) -> None:
        identifier, secret = self._fields()
        self._notices = identifier.notices + secret.notices
        self._update("width_notice", notice_sentence(self._notices))

    @Slot(bool)
    def _refresh_can_sign_in(self, _busy: bool = False) -> None:
        if self._values["method"] == 0:
            filled = bool(self._values["web_id_text"].strip() and self._values["password_text"])
        else:
            filled = bool(self._values["card_text"].strip() and self._values["pin_text"].strip())
        self._update("can_sign_in", filled and not self._values["busy"])

    # -- command -------------------------------------------------------------------------
    def sign_in(self) -> None:
        """Check the inputs here, then send them; a refusal comes back as ``error``."""
        if not self._values["can_sign_in"]:
            return
        identifier, secret = self._fields()
        for result in (identifier, secret):
            if result.error is not None:
                self._set_error(result.error)
                return
        self._set_error(None)
        store, device = self._app.store, self._device_id
        ident, secret_value = identifier.value, secret.value
        if self._values["method"] == 0:
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
        self._done()
        if self._values["method"] == 0 and self._values["remember_available"]:
            remembered = fields.web_id(self._values["web_id_text"]).value
            self._save_remembered(remembered if self._values["remember"] else None)
        self._clear_secrets()
        self._app.start_session(session)

    # -- remember my Web-ID (keychain) --------------------------------------------------------
    def load_remembered(self) -> None:
        """Ask the keychain (off the GUI thread) whether it works and what it remembers."""
        from desktop_app.store import keychain

        self._runner.submit("keychain", keychain.open_keychain, self._on_keychain, self._ignore)

    @Slot(object)
    def _on_keychain(self, found: Keychain) -> None:
        self._keychain_known = True
        self._update("remember_available", found.available)
        self._render_remember_hint()
        if found.web_id:
            self._update("remember", True)
            if not self._values["web_id_text"]:
                self.set_web_id_text(found.web_id)

    @Slot(object)
    def _ignore(self, _outcome: object) -> None:
        """The keychain's answer to a save; failures leave nothing stored anywhere."""

    def set_remember(self, remember: bool) -> None:
        self._update("remember", bool(remember) and self._values["remember_available"])

    def _save_remembered(self, web_id: str | None) -> None:
        from desktop_app.store import keychain

        self._runner.submit(
            "keychain_save", lambda: keychain.remember_web_id(web_id), self._ignore, self._ignore
        )

    def _render_remember_hint(self) -> None:
        unavailable = self._keychain_known and not self._values["remember_available"]
        self._update(
            "remember_hint",
            _(
                "This computer has no secure keychain that the client can use, so your Web-ID "
                "cannot be remembered. Nothing is saved."
            )
            if unavailable
            else "",
        )

    # -- Caps Lock ---------------------------------------------------------------------------
    def set_caps_lock(self, on: bool) -> None:
        """The view saw Caps Lock's state in the password or PIN field's key presses."""
        self._caps_lock = on
        self._render_caps_lock()

    def _render_caps_lock(self) -> None:
        self._update(
            "caps_lock_hint",
            _("Caps Lock is on. Passwords distinguish capital and small letters.")
            if self._caps_lock
            else "",
        )

    @Slot(object)
    def _on_failure(self, error: AppError) -> None:
        super()._on_failure(error)
        self._clear_secrets()

    def _clear_secrets(self) -> None:
        self._update("password_text", "")
        self._update("pin_text", "")
        self._refresh_can_sign_in()

    @Slot()
    def reset(self) -> None:
        """Forget every input (sign-out)."""
        for name in ("web_id_text", "password_text", "card_text", "pin_text"):
            self._update(name, "")
        self._notices = ()
        self._update("width_notice", "")
        self._set_error(None)
        self._refresh_can_sign_in()

    def retranslate(self) -> None:
        super().retranslate()
        self._update("width_notice", notice_sentence(self._notices))
        self._render_remember_hint()
        self._render_caps_lock()
