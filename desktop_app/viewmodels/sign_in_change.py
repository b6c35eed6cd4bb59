"""Changing the Web-ID or the password: the current password, the new value through its
policy, then the one-time code; every other session of the member ends (the store ends
them). Passwords are never converted, and Caps Lock is warned of while one is typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.domain import fields, fields_live
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.profile import CodedChange
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.change_form import ChangeFormViewModel
from desktop_app.viewmodels.field import FieldViewModel
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services

CAPS_LOCK = N_("Caps Lock is on. Passwords distinguish capital and small letters.")


class SecretFormViewModel(ChangeFormViewModel):
    """Signals:
    caps_lock_hint_changed(str): the Caps Lock warning ("" when it is off, or no password
        field has the focus).
    """

    caps_lock_hint_changed = Signal(str)
    caps_lock_hint = Observed("", caps_lock_hint_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self._caps_lock = False
        self._secret_focused = False
        self.current_password = self._field(fields.password, N_("Current password"), secret=True)

    def set_caps_lock(self, on: bool) -> None:
        self._caps_lock = on
        self._render_caps_lock()

    def set_secret_focused(self, focused: bool) -> None:
        self._secret_focused = focused
        self._render_caps_lock()

    def _render_caps_lock(self) -> None:
        on = self._caps_lock and self._secret_focused
        self.caps_lock_hint = _(CAPS_LOCK) if on else ""

    def _set_error(self, error: AppError | None) -> None:
        super()._set_error(error)
        if error is not None and error.code is ErrorCode.PASSWORD_WRONG:
            self.current_password.reset()  # a refused secret is never kept to send again

    def reset(self) -> None:
        super().reset()
        self._caps_lock = self._secret_focused = False
        self._render_caps_lock()

    def retranslate(self) -> None:
        super().retranslate()
        self._render_caps_lock()


class WebIdChangeViewModel(SecretFormViewModel):
    """Signals:
    web_id_replaced(str): the new Web-ID (a remembered one is replaced by it).
    """

    web_id_replaced = Signal(str)

    CODED = CodedChange.WEB_ID
    DONE = N_(
        "Your Web-ID has been changed. You have been signed out on every other device; "
        "please sign in there with the new Web-ID."
    )
    NAME = "change_web_id"

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self.new_web_id = self._field(fields.web_id, N_("New Web-ID"), fields_live.alnum)
        self._start()

    def fields(self) -> list[FieldViewModel]:
        return [self.new_web_id, self.current_password]

    def _coded_work(self) -> Callable[[str], Any]:
        store, token = self._services.store, self._app.token
        web_id, password = self.new_web_id.value, self.current_password.value
        return lambda code: store.get().change_web_id(token, web_id, password, code)

    def after_change(self, result: object) -> None:
        self.web_id_replaced.emit(self.new_web_id.value)


class PasswordChangeViewModel(SecretFormViewModel):
    CODED = CodedChange.PASSWORD
    DONE = N_(
        "Your password has been changed. You have been signed out on every other device; "
        "please sign in there with the new password."
    )
    NAME = "change_password"

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self.new_password = self._field(fields.password, N_("New password"), secret=True)
        self.confirm_password = self._field(
            fields.password, N_("New password (again)"), secret=True
        )
        self._start()

    def _extra_problem(self) -> str:
        if self.new_password.value != self.confirm_password.value:
            return error_sentence(AppError(ErrorCode.PASSWORD_CONFIRMATION_DIFFERS))
        return ""

    def _coded_work(self) -> Callable[[str], Any]:
        store, token = self._services.store, self._app.token
        password, new = self.current_password.value, self.new_password.value
        return lambda code: store.get().change_password(token, password, new, code)
