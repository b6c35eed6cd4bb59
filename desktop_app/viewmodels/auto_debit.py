"""Automatic debit (口座振替) from the registered bank account: started or stopped like any
other change. Some banks let the member keep any due day; every other bank fixes it (the 5th
by default): the form says so, and shows the due day and the next due date the change leads
to (as the store works it out) before the member confirms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import AccountSummary, BankAccount
from desktop_app.domain.profile import DueDayEffect, MemberProfile
from desktop_app.i18n import N_, _, format_date
from desktop_app.viewmodels.bank_account import account_line
from desktop_app.viewmodels.bank_names import bank_name
from desktop_app.viewmodels.form import summary_lines
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.setting import (
    DueDayChoiceViewModel,
    day_in_sentence,
    due_day_label,
    sentences,
)

STARTED = N_("Automatic debit has been registered. Home shows your next due date.")
STOPPED = N_("Automatic debit has been stopped.")


def _effect_sentence(effect: DueDayEffect, *, day_said: bool) -> str:
    """The due day and the next due date the change leads to (only the date when the bank's
    fixed day was said already)."""
    date = effect.next_due_date
    if day_said:
        if date is None:
            return _("Your next due date is set when you next borrow.")
        return _("Your next due date will be {date}.").format(date=format_date(date))
    day = day_in_sentence(effect.due_day)
    if date is None:
        return _(
            "Your due day will be {day}; the next due date is set when you next borrow."
        ).format(day=day)
    return _("Your due day will be {day} and your next due date {date}.").format(
        day=day, date=format_date(date)
    )


class AutoDebitViewModel(DueDayChoiceViewModel):
    """Signals (and ``DueDayChoiceViewModel``'s):
    enabled_changed(bool): 利用する is checked.
    day_choosable_changed(bool): the member may choose the due day (else the bank fixes it).
    account_changed(str): the account debited ("" when none is registered).
    notice_changed(str): what the choice means: the bank's rule, the due day and the next
        due date it leads to ("" before the registered details arrive).
    bank_needed_changed(bool): no bank account is registered: offer to register one.
    """

    enabled_changed = Signal(bool)
    day_choosable_changed = Signal(bool)
    account_changed = Signal(str)
    notice_changed = Signal(str)
    bank_needed_changed = Signal(bool)
    enabled = Observed(False, enabled_changed)
    day_choosable = Observed(False, day_choosable_changed)
    account = Observed("", account_changed)
    notice = Observed("", notice_changed)
    bank_needed = Observed(False, bank_needed_changed)

    # -- the bank's rule -------------------------------------------------------------------
    def _fixed_day(self) -> int | None:
        """The due day the registered bank fixes (None: any day may be kept)."""
        rules, profile = self.rules, self.profile
        if rules is None or profile is None or profile.bank_account is None:
            return None
        if profile.bank_account.bank_code in rules.profile.auto_debit_any_day_banks:
            return None
        return rules.profile.auto_debit_fixed_day

    # -- choices ---------------------------------------------------------------------------
    def _loaded(self, profile: MemberProfile) -> None:
        self._offer_days()
        self.enabled = profile.auto_debit
        self._choose(profile.due_day)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        profile = self.profile
        if enabled and profile is not None:
            fixed = self._fixed_day()
            self._choose(fixed if fixed is not None else profile.due_day)
        else:
            self._ask_effect()

    def set_day_index(self, index: int) -> None:
        if self._fixed_day() is not None and self.enabled:
            return  # the bank fixes it
        self.day_index = index if 0 <= index < len(self.days) else -1
        self._ask_effect()

    def _choose(self, day: int) -> None:
        self.day_index = self._index_of(day)
        self._ask_effect()

    def _ask_effect(self) -> None:
        """Starting automatic debit (or changing its day): ask the store where the due day
        and the next due date would be."""
        self._effect, self._refusal = None, None
        self._set_error(None)
        day, profile = self.day, self.profile
        if not self.enabled or day is None or profile is None or profile.bank_account is None:
            self._forget_question()
        else:
            token, store = self._app.token, self._services.store
            self._ask(day, lambda: store.get().due_day_effect(token, day, True))
        self._update()

    def _answered(self, answer: object, error: AppError | None) -> None:
        self._effect = answer if isinstance(answer, DueDayEffect) else None
        self._refusal = error
        self._set_error(error)
        if self._effect is not None and self._effect.due_day != self.day:
            self.day_index = self._index_of(self._effect.due_day)

    # -- what it means -----------------------------------------------------------------------
    def _refresh(self) -> None:
        self._offer_days()
        profile = self.profile
        account = profile.bank_account if profile is not None else None
        self.account = account_line(account) if account is not None else ""
        self.bank_needed = profile is not None and account is None
        fixed = self._fixed_day()
        self.day_choosable = self.enabled and account is not None and fixed is None
        self.notice = self._notice(profile, account, fixed)

    def _notice(
        self, profile: MemberProfile | None, account: BankAccount | None, fixed: int | None
    ) -> str:
        if profile is None:
            return ""
        if account is None:
            return error_sentence(AppError(ErrorCode.AUTO_DEBIT_NO_ACCOUNT))
        if not self.enabled:
            if not profile.auto_debit:
                return _("Automatic debit is not used now.")
            return _(
                "Automatic debit stops: please repay by each due date yourself. Your due day "
                "stays {day}."
            ).format(day=day_in_sentence(profile.due_day))
        bank = bank_name(account.bank_name, account.bank_code)
        if fixed is None:
            rule = _("With automatic debit from {bank} you may keep any due day.")
            parts = [rule.format(bank=bank)]
        else:
            parts = [
                _("With automatic debit from {bank} the due day is fixed to {day}.").format(
                    bank=bank, day=day_in_sentence(fixed)
                )
            ]
        if self._effect is not None:
            parts.append(_effect_sentence(self._effect, day_said=fixed is not None))
        return sentences(parts)

    def _ready(self) -> bool:
        profile = self.profile
        if profile is None or profile.bank_account is None or self.day is None:
            return False
        if not self.enabled:
            return profile.auto_debit  # stopping it
        changes = not profile.auto_debit or self.day != profile.due_day
        return changes and self._effect is not None and self._refusal is None

    def summary(self) -> str:
        profile, effect = self.profile, self._effect
        if profile is None or profile.bank_account is None:
            return ""
        if not self.enabled:
            return summary_lines(
                (
                    (_("Automatic debit"), _("Stop")),
                    (_("Account"), self.account),
                    (_("Due day"), due_day_label(profile.due_day)),
                )
            )
        rows = [(_("Automatic debit"), _("Use")), (_("Account"), self.account)]
        if effect is not None:
            rows.append((_("Due day"), due_day_label(effect.due_day)))
            if effect.next_due_date is not None:
                rows.append((_("Next due date"), format_date(effect.next_due_date)))
        return summary_lines(tuple(rows))

    def _change(self) -> tuple[str, Callable[[], Any]]:
        token, store, enabled = self._app.token, self._services.store, self.enabled
        profile = self.profile
        assert profile is not None
        day = self._effect.due_day if enabled and self._effect else profile.due_day
        return "set_auto_debit", lambda: store.get().set_auto_debit(token, enabled, day)

    def _done(self, outcome: MemberProfile | AccountSummary) -> str:
        return STARTED if self.enabled else STOPPED
