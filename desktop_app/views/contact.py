"""The phone (``phoneForm``), workplace (``workplaceForm``) and email (``emailForm``) forms."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.i18n import N_, _
from desktop_app.viewmodels.contact import EmailViewModel, PhoneViewModel, WorkplaceViewModel
from desktop_app.views.change_form import ChangeFormView
from desktop_app.views.widgets.kiosk_input import DIGITS, TEXT


class PhoneView(ChangeFormView):
    def __init__(self, vm: PhoneViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "phone", parent)
        # The field's own error and notice: phoneError is the form's refusal.
        self.phone = self.add_field(
            vm.phone,
            "phoneInput",
            N_("New phone number"),
            half_width_only=True,
            kiosk=DIGITS,
            error_name="phoneNumberError",
            notice_name="phoneNumberNotice",
        )
        self.finish()

    def retranslate(self) -> None:
        self.title.setText(_("Change your phone number"))
        self.explain.setText(_("Enter a phone number we can reach you on."))
        self.phone.edit.setPlaceholderText(_("e.g. 090-0000-0000"))
        self.submit.setText(_("Change the phone number"))
        super().retranslate()


class WorkplaceView(ChangeFormView):
    def __init__(self, vm: WorkplaceViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "workplace", parent)
        self.workplace_name = self.add_field(
            vm.workplace_name, "workplaceNameInput", N_("Workplace name")
        )
        self.phone = self.add_field(
            vm.phone,
            "workplacePhoneInput",
            N_("Workplace phone number"),
            half_width_only=True,
            kiosk=DIGITS,
        )
        self.finish()

    def retranslate(self) -> None:
        self.title.setText(_("Change your workplace"))
        self.explain.setText(
            _("When you change jobs, please tell us the name and phone number of the new one.")
        )
        self.phone.edit.setPlaceholderText(_("e.g. 03-0000-0000"))
        self.submit.setText(_("Change the workplace"))
        super().retranslate()


class EmailView(ChangeFormView):
    def __init__(self, vm: EmailViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "email", parent)
        self.email = self.add_field(
            vm.email,
            "emailChangeInput",
            N_("New email address"),
            half_width_only=True,
            kiosk=TEXT,
            error_name="emailChangeError",
        )
        self.finish()

    def retranslate(self) -> None:
        self.title.setText(_("Change your email address"))
        self.explain.setText(
            _(
                "To confirm that it is you, we send a confirmation code to your registered "
                "phone before the change. We will also notify your previous email address of "
                "the change."
            )
        )
        self.submit.setText(_("Send a confirmation code"))
        super().retranslate()
