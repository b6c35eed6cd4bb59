"""The Web-ID (``webIdForm``) and password (``passwordChangeForm``) change forms: the
current password, the new value, the Caps Lock warning, then the one-time code."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.i18n import N_, _
from desktop_app.viewmodels.sign_in_change import (
    PasswordChangeViewModel,
    SecretFormViewModel,
    WebIdChangeViewModel,
)
from desktop_app.views.binding import bind_label, make_label
from desktop_app.views.change_form import ChangeFormView
from desktop_app.views.widgets.caps_lock import CapsLockWatcher
from desktop_app.views.widgets.kiosk_input import TEXT
from desktop_app.views.widgets.policy_field import PolicyField


class SecretFormView(ChangeFormView):
    def __init__(
        self,
        vm: SecretFormViewModel,
        prefix: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(vm, prefix, parent)
        self._secret_vm = vm
        self.caps_hint = make_label(f"{prefix}CapsLockHint", "notice", wrap=True)
        self._caps = CapsLockWatcher(vm.set_caps_lock, self, focused=vm.set_secret_focused)

    def add_secret(self, field: PolicyField) -> None:
        field.edit.installEventFilter(self._caps)

    def finish(self) -> None:
        self.add_row(None, self.caps_hint)
        bind_label(
            self.caps_hint, self._secret_vm.caps_lock_hint_changed, self._secret_vm.caps_lock_hint
        )
        super().finish()

    def retranslate(self) -> None:
        self.caps_hint.setAccessibleName(_("Caps Lock"))
        super().retranslate()


class WebIdChangeView(SecretFormView):
    def __init__(self, vm: WebIdChangeViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "webId", parent)
        self.new_web_id = self.add_field(
            vm.new_web_id, "newWebIdInput", N_("New Web-ID"), half_width_only=True, kiosk=TEXT
        )
        self.password = self.add_field(
            vm.current_password,
            "webIdCurrentPasswordInput",
            N_("Current password"),
            secret=True,
        )
        self.add_secret(self.password)
        self.finish()

    def retranslate(self) -> None:
        self.title.setText(_("Change your Web-ID"))
        self.explain.setText(
            _(
                "8 to 32 half-width letters and digits. After the change, you will be signed "
                "out on all other devices."
            )
        )
        self.new_web_id.edit.setPlaceholderText(_("Half-width letters and digits"))
        self.submit.setText(_("Send a confirmation code"))
        super().retranslate()


class PasswordChangeView(SecretFormView):
    def __init__(self, vm: PasswordChangeViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "passwordChange", parent)
        self.current = self.add_field(
            vm.current_password, "currentPasswordInput", N_("Current password"), secret=True
        )
        self.new = self.add_field(
            vm.new_password, "newPasswordInput", N_("New password"), secret=True
        )
        self.again = self.add_field(
            vm.confirm_password, "newPasswordConfirmInput", N_("New password (again)"), secret=True
        )
        for field in (self.current, self.new, self.again):
            self.add_secret(field)
        self.finish()

    def retranslate(self) -> None:
        self.title.setText(_("Change your password"))
        self.explain.setText(
            _(
                "8 to 20 half-width characters with at least one letter and one digit. After "
                "the change, you will be signed out on all other devices."
            )
        )
        self.submit.setText(_("Send a confirmation code"))
        super().retranslate()
