"""``ScheduleOperations``: the due day and automatic debit (口座振替).

The next due date after a change of due day is ``profile.next_due_after_change`` (DOMAIN.md
§5): this cycle's minimum counts as paid when ``paid_this_cycle`` reaches it; the last payment
is the day of the last repayment or automatic debit, or of the borrowing after it when there
is one (``profile_rows.last_payment``). A member who owes nothing just keeps the new day.
Automatic debit from a bank that fixes the due day (every bank but 三井住友 and PayPay)
moves the due day to the 5th by the same rule; the debits themselves are ``upkeep``'s.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial

from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.calendar import Service
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import AccountSummary
from desktop_app.domain.profile import (
    ChangeItem,
    DueDayEffect,
    auto_debit_due_day,
    next_due_after_change,
)
from desktop_app.store.sql.profile_base import ProfileBase
from desktop_app.store.sql.profile_rows import (
    current_bank,
    due_day_text,
    last_payment,
    on_off_text,
)
from desktop_app.store.sql.schema import LoanAccount, SessionRow


class ScheduleOperations(ProfileBase):
    """Changing the due day; starting and stopping automatic debit."""

    def _checked_day(self, due_day: object) -> int:
        if (
            isinstance(due_day, bool)
            or not isinstance(due_day, int)
            or due_day not in self._rules.loan.due_days
        ):
            raise AppError(ErrorCode.DUE_DAY_INVALID)
        return due_day

    def _debit_day(self, db: DbSession, member_id: int, wanted: int) -> int:
        """The due day automatic debit from the member's bank account allows."""
        bank = current_bank(db, member_id)
        if bank is None:
            raise AppError(ErrorCode.AUTO_DEBIT_NO_ACCOUNT)
        return auto_debit_due_day(bank.bank_code, wanted, self._rules.profile)

    def _moved_due(self, db: DbSession, account: LoanAccount, day: int, today: date) -> date | None:
        """The nominal next due date once the due day is ``day`` (DUE_DAY_TOO_LATE)."""
        if day == account.due_day or account.next_due_date is None:
            return account.next_due_date
        return next_due_after_change(
            day,
            today,
            account.next_due_date,
            account.paid_this_cycle >= account.minimum_payment,
            last_payment(db, account.member_id),
            self._rules.profile,
        )

    # ----------------------------------------------------------------- the due day

    def due_day_effect(self, token: str, due_day: int, auto_debit: bool | None) -> DueDayEffect:
        wanted = self._checked_day(due_day)
        work = partial(self._due_day_effect, wanted=wanted, auto_debit=auto_debit)
        return self._with_session(token, work, write=False)

    def _due_day_effect(
        self,
        db: DbSession,
        session: SessionRow,
        now: datetime,
        *,
        wanted: int,
        auto_debit: bool | None,
    ) -> DueDayEffect:
        account = self._account(db, session.member_id, lock=False)
        debit = account.auto_debit if auto_debit is None else auto_debit
        day = self._debit_day(db, session.member_id, wanted) if debit else wanted
        moved = self._moved_due(db, account, day, now.date())
        return DueDayEffect(due_day=day, next_due_date=self._effective(moved))

    def change_due_day(self, token: str, due_day: int) -> AccountSummary:
        self._check_open(Service.ALL, self._now())
        day = self._checked_day(due_day)
        return self._with_session(token, partial(self._change_due_day, day=day))

    def _change_due_day(
        self, db: DbSession, session: SessionRow, now: datetime, *, day: int
    ) -> AccountSummary:
        member = self._member(db, session)
        account = self._account(db, member.id, lock=True)
        if day == account.due_day:
            raise AppError(ErrorCode.NOTHING_CHANGED)
        if account.auto_debit:
            allowed = self._debit_day(db, member.id, day)
            if allowed != day:
                raise AppError(ErrorCode.DUE_DAY_FIXED, day=allowed)
        self._move_due_day(db, session, now, account, day)
        self._tell(db, member, now, ChangeItem.DUE_DAY, self._due_text(account))
        db.flush()
        return self._summary(db, session, now)

    def _move_due_day(
        self, db: DbSession, session: SessionRow, now: datetime, account: LoanAccount, day: int
    ) -> None:
        moved = self._moved_due(db, account, day, now.date())
        before = due_day_text(account.due_day)
        account.due_day = day
        account.next_due_date = moved
        account.updated_at = now
        self._record(db, session, now, ChangeItem.DUE_DAY, before, due_day_text(day))

    def _due_text(self, account: LoanAccount) -> str:
        """``5日（次回返済日 2026年12月07日）``: the day and the effective next due date."""
        due = self._effective(account.next_due_date)
        text = due_day_text(account.due_day)
        return text if due is None else f"{text}（次回返済日 {due:%Y年%m月%d日}）"

    # ----------------------------------------------------------------- automatic debit

    def set_auto_debit(self, token: str, enabled: bool, due_day: int) -> AccountSummary:
        self._check_open(Service.ALL, self._now())
        if not isinstance(enabled, bool):
            raise AppError(ErrorCode.REQUEST_INVALID)
        wanted = self._checked_day(due_day)
        work = partial(self._set_auto_debit, enabled=enabled, wanted=wanted)
        return self._with_session(token, work)

    def _set_auto_debit(
        self, db: DbSession, session: SessionRow, now: datetime, *, enabled: bool, wanted: int
    ) -> AccountSummary:
        member = self._member(db, session)
        account = self._account(db, member.id, lock=True)
        if not enabled:
            if not account.auto_debit:
                raise AppError(ErrorCode.NOTHING_CHANGED)
            account.auto_debit = False
            account.auto_debit_since = None
            account.updated_at = now
            self._record(
                db, session, now, ChangeItem.AUTO_DEBIT, on_off_text(True), on_off_text(False)
            )
            self._tell(db, member, now, ChangeItem.AUTO_DEBIT, on_off_text(False))
            db.flush()
            return self._summary(db, session, now)
        day = self._debit_day(db, member.id, wanted)
        if account.auto_debit and day == account.due_day:
            raise AppError(ErrorCode.NOTHING_CHANGED)
        if day != account.due_day:
            self._move_due_day(db, session, now, account, day)
        if not account.auto_debit:
            account.auto_debit = True
            account.auto_debit_since = now.date()
            account.updated_at = now
            self._record(
                db, session, now, ChangeItem.AUTO_DEBIT, on_off_text(False), on_off_text(True)
            )
        self._tell(
            db,
            member,
            now,
            ChangeItem.AUTO_DEBIT,
            f"{on_off_text(True)}（返済日 {self._due_text(account)}）",
        )
        db.flush()
        self._upkeep(db, member.id, now)  # a due date already come is debited now
        return self._summary(db, session, now)
