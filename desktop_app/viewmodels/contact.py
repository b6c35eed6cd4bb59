"""Changing the phone number, the workplace (name and phone) and the email address; the
email change asks for the one-time code sent to the registered phone (the old address is
told of the change by the store)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from desktop_app.domain import fields, fields_live
from desktop_app.domain.fields import format_phone
from desktop_app.domain.profile import CodedChange, MemberProfile
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.change_form import ChangeFormViewModel
from desktop_app.viewmodels.profile_text import email_text, phone_text, workplace_text
from desktop_app.viewmodels.services import Services


class PhoneViewModel(ChangeFormViewModel):
    DONE = N_("Your phone number has been changed.")
    NAME = "change_phone"

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self.phone = self._field(fields.phone, N_("New phone number"), fields_live.digits)
        self._start()

    def _current_text(self, profile: MemberProfile) -> str:
        return _("Current phone number: {phone}").format(phone=phone_text(profile.phone))

    def _summary(self) -> str:
        return _("New phone number: {phone}").format(phone=format_phone(self.phone.value))

    def _work(self) -> Callable[[], Any]:
        store, token, phone = self._services.store, self._app.token, self.phone.value
        return lambda: store.get().change_phone(token, phone)


class WorkplaceViewModel(ChangeFormViewModel):
    DONE = N_("Your workplace has been changed.")
    NAME = "change_workplace"

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self.workplace_name = self._field(fields.workplace, N_("Workplace name"))
        self.phone = self._field(fields.phone, N_("Workplace phone number"), fields_live.digits)
        self._start()

    def _current_text(self, profile: MemberProfile) -> str:
        text = workplace_text(profile.workplace)
        return _("Current workplace: {workplace}").format(workplace=text)

    def _summary(self) -> str:
        return "\n".join(
            (
                _("Workplace: {name}").format(name=self.workplace_name.value),
                _("Workplace phone number: {phone}").format(phone=format_phone(self.phone.value)),
            )
        )

    def _work(self) -> Callable[[], Any]:
        store, token = self._services.store, self._app.token
        name, phone = self.workplace_name.value, self.phone.value
        return lambda: store.get().change_workplace(token, name, phone)


class EmailViewModel(ChangeFormViewModel):
    CODED = CodedChange.EMAIL
    DONE = N_(
        "Your email address has been changed. We have also told your previous address of "
        "the change."
    )
    NAME = "change_email"

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self.email = self._field(fields.email, N_("New email address"), fields_live.ascii_text)
        self._start()

    def _current_text(self, profile: MemberProfile) -> str:
        return _("Current email address: {email}").format(email=email_text(profile.email))

    def _coded_work(self) -> Callable[[str], Any]:
        store, token, email = self._services.store, self._app.token, self.email.value
        return lambda code: store.get().change_email(token, email, code)
