"""Registering a Web-ID and resetting a password: details → a 6-digit code by email or
SMS → the new credentials. Both run without a session, before signing in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot

from desktop_app.domain import fields, fields_live
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult
from desktop_app.domain.fields_live import LiveConversion
from desktop_app.domain.models import CodeChannel
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.dates import DayFacts
from desktop_app.viewmodels.field import FieldViewModel
from desktop_app.viewmodels.hints import missing, typed_problem
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services

CODE_LENGTH = 6
code_policy = fields.digits_policy(CODE_LENGTH, secret=True)

REGISTERED = N_("Your Web-ID is registered. Please sign in with it.")
RESET_DONE = N_("Your password has been reset. Please sign in with the new password.")
CODE_SENT = N_(
    "A 6-digit confirmation code has been sent. It is valid for 10 minutes. "
    "(Demo: open the inbox to read it.)"
)


def identifier_policy(raw: str) -> FieldResult:
    """A Web-ID, or a 9-digit member number."""
    number = fields.member_number(raw)
    return number if number.error is None else fields.web_id(raw)


class CodeFlowViewModel(ViewModel):
    """What both flows share: two steps, the fields, the code and the new password twice.

    Signals:
        code_sent_changed(bool): the code was sent; the second step is open.
        info_changed(str): what happened (the code was sent …).
        can_send_changed(bool), can_submit_changed(bool): the buttons' state: enabled only
            while every input of the step is valid.
        send_hint_changed(str), submit_hint_changed(str): why a button is disabled ("" when
            it is not, or while busy).
        finished(str): done; the Web-ID to sign in with ("" when not known).
    """

    code_sent_changed = Signal(bool)
    info_changed = Signal(str)
    can_send_changed = Signal(bool)
    can_submit_changed = Signal(bool)
    send_hint_changed = Signal(str)
    submit_hint_changed = Signal(str)
    finished = Signal(str)
    code_sent = Observed(False, code_sent_changed)
    info = Observed("", info_changed)
    can_send = Observed(False, can_send_changed)
    can_submit = Observed(False, can_submit_changed)
    send_hint = Observed("", send_hint_changed)
    submit_hint = Observed("", submit_hint_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self._info_id = ""
        self._captions: dict[FieldViewModel, str] = {}
        self.code = self._field(code_policy, fields_live.digits, N_("Confirmation code"))
        self.new_password = self._secret(fields.password, N_("New password"))
        self.confirm_password = self._secret(fields.password, N_("New password (again)"))

    @property
    def inbox_available(self) -> bool:
        """The screen offers the demo inbox, where the code arrives (a demo host, not a kiosk)."""
        return self._app.inbox_offered

    @property
    def inbox_available_changed(self) -> SignalInstance:
        """Emits whether the demo inbox is offered, when the store was switched."""
        return self._app.inbox_offered_changed

    def _field(
        self, policy: Callable[[str], FieldResult], live: LiveConversion | None, caption: str
    ) -> FieldViewModel:
        field = FieldViewModel(self._services, policy, self, live=live)
        self._captions[field] = caption
        return field

    def _secret(self, policy: Callable[[str], FieldResult], caption: str) -> FieldViewModel:
        field = FieldViewModel(self._services, policy, self, secret=True)
        self._captions[field] = caption
        return field

    def _start(self) -> None:
        """Called by a subclass once its own fields exist."""
        for field in self.all_fields():
            field.text_changed.connect(self._refresh)
        self.busy_changed.connect(self._refresh)
        self._app.signed_in_changed.connect(self._on_signed_in_changed)
        self._refresh()

    def _first_step_fields(self) -> list[FieldViewModel]:
        raise NotImplementedError

    def _second_step_fields(self) -> list[FieldViewModel]:
        return [self.code, self.new_password, self.confirm_password]

    def all_fields(self) -> list[FieldViewModel]:
        return self._first_step_fields() + self._second_step_fields()

    @Slot()
    @Slot(str)
    @Slot(bool)
    def _refresh(self, *_args: object) -> None:
        idle = not self.busy
        first = self._blocker(self._first_step_fields(), self._first_step_missing())
        second = self._blocker(self._second_step_fields(), [])
        if not second and self.new_password.value != self.confirm_password.value:
            second = error_sentence(AppError(ErrorCode.PASSWORD_CONFIRMATION_DIFFERS))
        self.can_send = idle and not first
        self.can_submit = idle and not first and not second and self.code_sent
        self.send_hint = first if idle else ""
        if not idle:
            self.submit_hint = ""
        elif self.code_sent:
            self.submit_hint = second or first
        else:  # 確定する waits for the code: say so, as for any other missing input
            self.submit_hint = _("Send the confirmation code first (step 1).")

    def _first_step_missing(self) -> list[str]:
        """Captions of first-step inputs that are not fields (a date …) and are empty."""
        return []

    def _blocker(self, field_models: list[FieldViewModel], absent: list[str]) -> str:
        """Why a step cannot go on ("" when nothing stops it)."""
        inputs = ((self._captions[f], f.text, f.result) for f in field_models)
        problem = typed_problem(inputs)
        if problem is not None:
            return problem
        return missing([self._captions[f] for f in field_models if not f.text] + absent)

    def _checked(self, field_models: list[FieldViewModel]) -> bool:
        """Show every field's error; true when none has one."""
        errors = [f.check() for f in field_models]
        return all(error is None for error in errors)

    def send_code(self) -> None:
        if not self.can_send or not self._checked(self._first_step_fields()):
            return
        self._set_error(None)
        self._run("send_code", self._send_work(), self._on_code_sent)

    @Slot(object)
    def _on_code_sent(self, _result: object) -> None:
        self.code_sent = True
        self._set_info(CODE_SENT)
        self._refresh()

    def submit(self) -> None:
        if not self.can_submit or not self._checked(self.all_fields()):
            return
        if self.new_password.value != self.confirm_password.value:
            self._set_error(AppError(ErrorCode.PASSWORD_CONFIRMATION_DIFFERS))
            return
        self._set_error(None)
        self._run("submit_code", self._submit_work(), self._on_submitted)

    @Slot(object)
    def _on_submitted(self, _result: object) -> None:
        web_id = self._signed_in_web_id()
        self.reset()
        self._app.show_notice(self._success_message())
        self.finished.emit(web_id)

    def _send_work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def _submit_work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def _success_message(self) -> str:
        raise NotImplementedError

    def _signed_in_web_id(self) -> str:
        return ""

    def _set_info(self, message_id: str) -> None:
        self._info_id = message_id
        self.info = _(message_id) if message_id else ""

    @Slot(bool)
    def _on_signed_in_changed(self, _signed_in: bool) -> None:
        self.reset()

    @Slot()
    def reset(self) -> None:
        super().reset()
        for field in self.all_fields():
            field.reset()
        self.code_sent = False
        self._set_info("")
        self._set_error(None)
        self._refresh()

    def retranslate(self) -> None:
        super().retranslate()
        for field in self.all_fields():
            field.retranslate()
        self._set_info(self._info_id)
        self._refresh()


class RegisterViewModel(CodeFlowViewModel):
    """Web-ID registration: member number + registered email → code → Web-ID + password."""

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self.member_number = self._field(
            fields.member_number, fields_live.digits, N_("Member number")
        )
        self.email = self._field(
            fields.POLICIES["email"], fields_live.ascii_text, N_("Registered email address")
        )
        self.new_web_id = self._field(fields.web_id, fields_live.alnum, N_("New Web-ID"))
        self._start()

    def _first_step_fields(self) -> list[FieldViewModel]:
        return [self.member_number, self.email]

    def _second_step_fields(self) -> list[FieldViewModel]:
        return [self.code, self.new_web_id, self.new_password, self.confirm_password]

    def _send_work(self) -> Callable[[], Any]:
        store, number, email = self._services.store, self.member_number.value, self.email.value
        return lambda: store.get().request_registration_code(number, email)

    def _submit_work(self) -> Callable[[], Any]:
        store = self._services.store
        number, code = self.member_number.value, self.code.value
        web_id, password = self.new_web_id.value, self.new_password.value
        return lambda: store.get().register_web_id(number, code, web_id, password)

    def _signed_in_web_id(self) -> str:
        return self.new_web_id.value

    def _success_message(self) -> str:
        return REGISTERED


class ResetChannel(IntEnum):
    """How the reset code is sent, in the order of the channel combo box."""

    EMAIL = 0
    SMS = 1

    @property
    def code_channel(self) -> CodeChannel:
        return CodeChannel.EMAIL if self is ResetChannel.EMAIL else CodeChannel.SMS


class ResetViewModel(CodeFlowViewModel):
    """Password reset: Web-ID or member number + date of birth → code → new password.

    Signals:
        channel_changed(int): the ``ResetChannel`` (0 email, 1 SMS).
        birth_date_changed(object): the date of birth entered (None until one is).
    """

    channel_changed = Signal(int)
    birth_date_changed = Signal(object)
    channel = Observed(ResetChannel.EMAIL, channel_changed)
    birth_date = Observed[date | None](None, birth_date_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self.days = DayFacts(services, app)  # today and the holidays, for the date input
        self.identifier = self._field(
            identifier_policy, fields_live.alnum, N_("Web-ID or member number")
        )
        self._start()

    def _first_step_fields(self) -> list[FieldViewModel]:
        return [self.identifier]

    def set_birth_date(self, day: date | None) -> None:
        self.birth_date = day
        self._refresh()

    def set_channel(self, index: int) -> None:
        self.channel = ResetChannel.SMS if index == ResetChannel.SMS else ResetChannel.EMAIL

    def _first_step_missing(self) -> list[str]:
        return [] if self.birth_date is not None else [N_("Date of birth")]

    def _send_work(self) -> Callable[[], Any]:
        store, ident, born = self._services.store, self.identifier.value, self.birth_date
        channel = self.channel.code_channel
        assert born is not None
        return lambda: store.get().request_password_reset(ident, born, channel)

    def _submit_work(self) -> Callable[[], Any]:
        store, ident = self._services.store, self.identifier.value
        code, password = self.code.value, self.new_password.value
        return lambda: store.get().reset_password(ident, code, password)

    def _signed_in_web_id(self) -> str:
        value = self.identifier.value
        return "" if value.isdigit() else value

    def _success_message(self) -> str:
        return RESET_DONE

    def reset(self) -> None:
        super().reset()
        self.channel = ResetChannel.EMAIL
