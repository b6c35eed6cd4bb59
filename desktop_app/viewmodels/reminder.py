"""The reminder email (返済日お知らせメール): on or off, how many days before the due date and
at what hour; the store puts it in the outbox then. It goes to the registered email address:
without one, the form says so and points to the email change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import AccountSummary
from desktop_app.domain.profile import MemberProfile, Reminder
from desktop_app.domain.rules import ProfileRules
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services
from desktop_app.viewmodels.setting import SettingViewModel

HOURS = tuple(range(24))
REMINDER_SET = N_("The reminder email has been set.")
REMINDER_STOPPED = N_("Reminder emails have been stopped.")
NO_EMAIL = N_(
    "Reminder emails are sent to your registered email address, and none is registered. "
    "Please register an email address first."
)


def days_label(days: int) -> str:
    """「返済日の3日前」."""
    if days == 1:
        return _("1 day before the due date")
    return _("{days} days before the due date").format(days=days)


def hour_label(hour: int) -> str:
    """「9:00」."""
    return f"{hour}:00"


class ReminderViewModel(SettingViewModel):
    """Signals:
    enabled_changed(bool): 受け取る is checked.
    days_changed(list), days_labels_changed(list): the days before the due date offered.
    days_index_changed(int): the chosen one.
    hour_labels_changed(list): the hours' captions (0:00 … 23:00; item data 0 … 23).
    hour_index_changed(int): the chosen hour.
    notice_changed(str): when the reminder will come, or why it cannot ("" for nothing).
    email_needed_changed(bool): no email address is registered: offer to register one.
    """

    enabled_changed = Signal(bool)
    days_changed = Signal(list)
    days_labels_changed = Signal(list)
    days_index_changed = Signal(int)
    hour_labels_changed = Signal(list)
    hour_index_changed = Signal(int)
    notice_changed = Signal(str)
    email_needed_changed = Signal(bool)
    enabled = Observed(False, enabled_changed)
    days = Observed[list[int]]([], days_changed)
    days_labels = Observed[list[str]]([], days_labels_changed)
    days_index = Observed(-1, days_index_changed)
    hour_labels = Observed[list[str]]([], hour_labels_changed)
    hour_index = Observed(-1, hour_index_changed)
    notice = Observed("", notice_changed)
    email_needed = Observed(False, email_needed_changed)

    CONFIRMED = False  # nothing to weigh up: changed at once

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self._update()

    def _offer_days(self) -> None:
        rules = self.rules
        first, last = (rules.profile if rules is not None else ProfileRules()).reminder_days
        days = list(range(first, last + 1))
        if days != self.days:
            self.days = days
        self.days_labels = [days_label(day) for day in days]

    def _loaded(self, profile: MemberProfile) -> None:
        self._offer_days()
        reminder = profile.reminder
        self.enabled = reminder.enabled
        days = self.days
        self.days_index = days.index(reminder.days_before) if reminder.days_before in days else -1
        self.hour_index = reminder.hour if reminder.hour in HOURS else -1

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self._update()

    def set_days_index(self, index: int) -> None:
        self.days_index = index if 0 <= index < len(self.days) else -1
        self._update()

    def set_hour_index(self, index: int) -> None:
        self.hour_index = index if 0 <= index < len(HOURS) else -1
        self._update()

    def _reminder(self) -> Reminder | None:
        days = self.days
        if not 0 <= self.days_index < len(days) or self.hour_index not in HOURS:
            return None
        return Reminder(self.enabled, days[self.days_index], HOURS[self.hour_index])

    def _refresh(self) -> None:
        self._offer_days()
        self.hour_labels = [hour_label(hour) for hour in HOURS]
        profile, reminder = self.profile, self._reminder()
        self.email_needed = profile is not None and not profile.email
        if profile is None or reminder is None:
            self.notice = ""
        elif self.email_needed and self.enabled:
            self.notice = _(NO_EMAIL)
        elif self.enabled:
            self.notice = _("We will email {email} at {hour}, {days}.").format(
                email=profile.email,
                hour=hour_label(reminder.hour),
                days=days_label(reminder.days_before),
            )
        else:
            self.notice = _("No reminder email is sent.")

    def _ready(self) -> bool:
        profile, reminder = self.profile, self._reminder()
        if profile is None or reminder is None:
            return False
        if reminder.enabled and not profile.email:
            return False
        current = profile.reminder
        if not reminder.enabled:
            return current.enabled
        return reminder != current

    def _change(self) -> tuple[str, Callable[[], Any]]:
        token, store, reminder = self._app.token, self._services.store, self._reminder()
        assert reminder is not None
        return "set_reminder", lambda: store.get().set_reminder(token, reminder)

    def _done(self, outcome: MemberProfile | AccountSummary) -> str:
        reminder = outcome.reminder if isinstance(outcome, MemberProfile) else None
        return REMINDER_SET if reminder is not None and reminder.enabled else REMINDER_STOPPED

    def _error_text(self, error: AppError) -> str:
        if error.code is ErrorCode.NO_CONTACT:
            return _(NO_EMAIL)
        return super()._error_text(error)
