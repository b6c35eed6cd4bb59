"""``UpkeepOperations``: what the store does for a member on its own, the first time it looks
at the member's account once it is due (``SessionBase`` runs it at the start of every member
call; a read that finds work due leaves it to a write first, and a read-only store skips it).

- Automatic debit (口座振替): from the effective due date on, while this cycle's minimum is not
  paid, the rest of it (never more than the payoff) is debited from the member's bank
  account: a ledger row of kind ``auto_debit`` with request id ``auto-debit:<nominal due
  date>``, so once per due date (the ledger's unique request id), applied as a repayment
  accrued to the due date (late damages, interest, principal), moving the due date on. An
  automatic debit started after the due date is debited as of the day it was started.
- The reminder email: from ``days_before`` the effective due date at ``hour``:00 (Tokyo) to
  the end of the due date, once per member and due date (``reminders_sent``), with the
  amount due. ``sent_messages`` queues every member's first (``_queue_reminders``).
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.brand import DEFAULT_BRAND
from desktop_app.domain.clock import TOKYO
from desktop_app.domain.models import CodeChannel, LedgerKind
from desktop_app.domain.money import group_digits
from desktop_app.store.sql.movement_rows import locked_account
from desktop_app.store.sql.notices import add_notice, signature
from desktop_app.store.sql.payments import PaymentBooking, Source, next_payment, payoff
from desktop_app.store.sql.profile_rows import current_bank
from desktop_app.store.sql.schema import LoanAccount, Member, OutboxMessage, ReminderSent

logger = logging.getLogger("desktop_app.store")

REMINDER_SUBJECT = f"【{DEFAULT_BRAND.name_ja}】ご返済日のお知らせ"
AUTO_DEBIT_NOTICE = "口座振替でご返済いただきました"
_WEEKDAYS = "月火水木金土日"

_accounts = cast(Table, LoanAccount.__table__)
_STATE = select(
    _accounts.c.member_id,
    _accounts.c.principal,
    _accounts.c.minimum_payment,
    _accounts.c.paid_this_cycle,
    _accounts.c.next_due_date,
    _accounts.c.auto_debit,
    _accounts.c.reminder_enabled,
    _accounts.c.reminder_days_before,
    _accounts.c.reminder_hour,
)


def auto_debit_request_id(due: date) -> str:
    """Never a member's request id (those have no ``:``)."""
    return f"auto-debit:{due.isoformat()}"


def _japanese_date(day: date) -> str:
    return f"{day:%Y年%m月%d日}（{_WEEKDAYS[day.weekday()]}）"


class UpkeepOperations(PaymentBooking):
    """Automatic debits and reminder emails, done when they are due."""

    # ----------------------------------------------------------------- when

    def _debit_due(self, state: Any, today: date) -> bool:
        due = self._effective(state.next_due_date)
        return bool(
            state.auto_debit
            and due is not None
            and today >= due
            and state.principal > 0
            and state.paid_this_cycle < state.minimum_payment
        )

    def _reminder_window(self, state: Any) -> tuple[datetime, datetime] | None:
        """From when to when the reminder of the next due date is sent, if one is."""
        due = self._effective(state.next_due_date)
        if not state.reminder_enabled or due is None:
            return None
        day = due - timedelta(days=state.reminder_days_before)
        start = datetime.combine(day, time(state.reminder_hour), TOKYO)
        return start, datetime.combine(due + timedelta(days=1), time(0), TOKYO)

    def _reminder_due(self, db: DbSession, state: Any, now: datetime) -> bool:
        window = self._reminder_window(state)
        if window is None or not window[0] <= now < window[1]:
            return False
        sent = select(ReminderSent.id).where(
            ReminderSent.member_id == state.member_id,
            ReminderSent.due_date == state.next_due_date,
        )
        return db.scalar(sent) is None

    def _upkeep_due(self, db: DbSession, member_id: int, now: datetime) -> bool:
        state = db.connection().execute(_STATE.where(_accounts.c.member_id == member_id)).first()
        if state is None:
            return False
        return self._debit_due(state, now.date()) or self._reminder_due(db, state, now)

    # ----------------------------------------------------------------- doing it

    def _upkeep(self, db: DbSession, member_id: int, now: datetime) -> None:
        if self._read_only or not self._upkeep_due(db, member_id, now):
            return
        for what, step in (("automatic debit", self._auto_debit), ("reminder", self._remind)):
            try:
                with db.begin_nested():
                    step(db, member_id, now)
            except sa_exc.IntegrityError:  # another worker did it at the same moment
                logger.info("%s of member %s: done by another call", what, member_id)

    def _auto_debit(self, db: DbSession, member_id: int, now: datetime) -> None:
        account = locked_account(db, member_id)
        seen = account.version
        today = now.date()
        bank = current_bank(db, member_id)
        if not self._debit_due(account, today) or bank is None:
            return
        nominal = account.next_due_date
        effective = self._effective(nominal)
        assert nominal is not None and effective is not None
        # Debited on the due date (or, started after it, on the day it was started): what
        # accrues after that runs on what is left.
        since = account.auto_debit_since or today
        self._book_accrual(account, min(today, max(effective, since, account.accrued_to)))
        amount = next_payment(account, payoff(account))
        if amount <= 0:
            return
        request_id = auto_debit_request_id(nominal)
        source = Source(request_id, LedgerKind.AUTO_DEBIT, bank.bank_name, bank.bank_code, bank.id)
        self._book_payment(db, account, seen, amount, now, source, note=f" due={nominal}")
        lines = [f"ご返済額：{group_digits(amount)}円（{bank.bank_name}の口座から）"]
        following = self._effective(account.next_due_date)
        if following is not None:
            lines.append(f"次回返済日：{_japanese_date(following)}")
        add_notice(db, db.get_one(Member, member_id), now, AUTO_DEBIT_NOTICE, "\n".join(lines))

    def _remind(self, db: DbSession, member_id: int, now: datetime) -> None:
        account = locked_account(db, member_id)
        member = db.get_one(Member, member_id)
        if not member.email or not self._reminder_due(db, account, now):
            return
        due = self._effective(account.next_due_date)
        assert account.next_due_date is not None and due is not None
        amount = next_payment(account, payoff(account, self._accrual(account, now.date())))
        if amount <= 0:
            return
        db.add(ReminderSent(member_id=member_id, due_date=account.next_due_date, sent_at=now))
        db.flush()  # the unique (member, due date): a second reminder fails here
        db.add(
            OutboxMessage(
                member_id=member_id,
                channel=CodeChannel.EMAIL.value,
                subject=REMINDER_SUBJECT,
                body=self._reminder_body(member, account, due, amount),
                created_at=now,
            )
        )
        self._audit(db, now, member_id, "reminder_sent", f"due={account.next_due_date}")

    def _reminder_body(self, member: Member, account: LoanAccount, due: date, amount: int) -> str:
        brand = DEFAULT_BRAND.name_ja
        if account.auto_debit:
            how = (
                "ご登録の口座から口座振替でお引き落としいたします。"
                "前日までに口座へのご入金をお願いいたします。"
            )
        else:
            how = "会員サービスのインターネット返済、または提携ATMでご返済いただけます。"
        return (
            f"{member.name} 様\n\n"
            f"いつも{brand}をご利用いただき、誠にありがとうございます。\n"
            "次回のご返済日が近づいてまいりましたので、お知らせいたします。\n\n"
            f"次回返済日：{_japanese_date(due)}\n"
            f"ご返済額：{group_digits(amount)}円\n\n"
            f"{how}\n"
            "※すでにご返済いただいている場合は、行き違いとなりますのでご容赦ください。\n\n"
            f"{signature()}"
        )

    def _queue_reminders(self) -> None:
        """Every member's reminder whose hour has come (before the outbox is read)."""
        if self._read_only or self._closed:
            return
        now = self._now()
        with self._transaction(write=False) as db:
            states = (
                db.connection()
                .execute(
                    _STATE.where(
                        _accounts.c.reminder_enabled.is_(True),
                        _accounts.c.next_due_date.is_not(None),
                    )
                )
                .all()
            )
            due = [state.member_id for state in states if self._reminder_due(db, state, now)]
        if due:
            with self._transaction() as db:
                for member_id in due:
                    self._upkeep(db, member_id, now)
