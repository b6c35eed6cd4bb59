"""The sign-in screen: Web-ID + password, or card number + PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain import fields
from desktop_app.domain.errors import AppError
from desktop_app.domain.fields import FieldResult, Notice
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel, state
from desktop_app.viewmodels.messages import notice_sentence

if TYPE_CHECKING:
    from desktop_app.domain.models import Session


class LoginViewModel(ViewModel):
    """Sign-in state. Secrets are cleared as soon as they have been sent.

    Signals:
        method_changed(int): 0 for Web-ID, 1 for card.
        web_id_text_changed(str), password_text_changed(str), card_text_changed(str),
        pin_text_changed(str): the inputs (cleared on sign-out).
        width_notice_changed(str): what the client converted in the ID fields ("" for none).
        can_sign_in_changed(bool): whether the sign-in button is enabled.
    """

    method_changed = Signal(int)
    web_id_text_changed = Signal(str)
    password_text_changed = Signal(str)
    card_text_changed = Signal(str)
    pin_text_changed = Signal(str)
    width_notice_changed = Signal(str)
    can_sign_in_changed = Signal(bool)

    method = state(int, "method", method_changed)
    web_id_text = state(str, "web_id_text", web_id_text_changed)
    password_text = state(str, "password_text", password_text_changed)
    card_text = state(str, "card_text", card_text_changed)
    pin_text = state(str, "pin_text", pin_text_changed)
    width_notice = state(str, "width_notice", width_notice_changed)
    can_sign_in = state(bool, "can_sign_in", can_sign_in_changed)

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
        )
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
        self._clear_secrets()
        self._app.start_session(session)

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
