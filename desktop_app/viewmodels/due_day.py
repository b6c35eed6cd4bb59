"""Changing the due day (返済日の変更): the 5th, 15th, 25th or the month's last day, as the
store's rules offer them; the next due date the change leads to, as the store works it out,
shown before the member confirms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import AccountSummary
from desktop_app.domain.profile import DueDayEffect, MemberProfile
from desktop_app.i18n import N_, _, format_date
from desktop_app.viewmodels.form import summary_lines
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.setting import (
    DueDayChoiceViewModel,
    due_day_label,
    sentences,
)

DONE = N_("Your due day has been changed. Home shows your next due date.")


def next_due_text(effect: DueDayEffect) -> str:
    if effect.next_due_date is None:
        return _("Your next due date is set when you next borrow.")
    return _("After the change your next due date is {date}.").format(
        date=format_date(effect.next_due_date)
    )


class DueDayViewModel(DueDayChoiceViewModel):
    """Signals (and ``DueDayChoiceViewModel``'s):
    effect_changed(str): the next due date after the change, as the store says ("" if none).
    current_changed(str): the due day registered now.
    """

    effect_changed = Signal(str)
    current_changed = Signal(str)
    effect = Observed("", effect_changed)
    current = Observed("", current_changed)

    def _loaded(self, profile: MemberProfile) -> None:
        self._offer_days()
        self.set_day_index(self._index_of(profile.due_day))

    def set_day_index(self, index: int) -> None:
        """The member chose a due day: ask the store where the next due date would fall."""
        self.day_index = index if 0 <= index < len(self.days) else -1
        self._effect, self._refusal = None, None
        day, profile = self.day, self.profile
        if day is None or profile is None or day == profile.due_day:
            self._forget_question()
        else:
            token, store = self._app.token, self._services.store
            self._ask(day, lambda: store.get().due_day_effect(token, day, None))
        self._set_error(None)
        self._update()

    def _answered(self, answer: object, error: AppError | None) -> None:
        effect = answer if isinstance(answer, DueDayEffect) else None
        if effect is not None and effect.due_day != self.day:
            # Automatic debit from this bank keeps the due day: changing it would be refused.
            error = AppError(ErrorCode.DUE_DAY_FIXED, day=effect.due_day)
            effect = None
        self._effect = effect
        self._refusal = error
        self._set_error(error)

    def _refresh(self) -> None:
        self._offer_days()
        profile, day = self.profile, self.day
        self.current = due_day_label(profile.due_day) if profile is not None else ""
        if profile is not None and day == profile.due_day:
            self.effect = _("This is your due day now.")
        elif self._effect is not None:
            self.effect = next_due_text(self._effect)
        else:
            self.effect = ""

    def _ready(self) -> bool:
        profile = self.profile
        return (
            profile is not None
            and self.day is not None
            and self.day != profile.due_day
            and self._effect is not None
            and self._refusal is None
        )

    def summary(self) -> str:
        day, effect = self.day, self._effect
        if day is None or effect is None:
            return ""
        rows = [(_("New due day"), due_day_label(day))]
        if effect.next_due_date is not None:
            rows.append((_("Next due date"), format_date(effect.next_due_date)))
        return summary_lines(tuple(rows))

    def _change(self) -> tuple[str, Callable[[], Any]]:
        token, store, day = self._app.token, self._services.store, self.day
        assert day is not None
        return "change_due_day", lambda: store.get().change_due_day(token, day)

    def _done(self, outcome: MemberProfile | AccountSummary) -> str:
        return DONE

    def _error_text(self, error: AppError) -> str:
        if error.code is ErrorCode.DUE_DAY_FIXED:
            stop_first = _("To choose another due day, please stop automatic debit first.")
            return sentences([error_sentence(error), stop_first])
        return super()._error_text(error)
