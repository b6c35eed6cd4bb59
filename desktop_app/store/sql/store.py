"""``SqlStore``: the Store protocol over SQLAlchemy 2, on SQLite (default) or PostgreSQL.

Every call is one transaction. Interest and late damages are worked out to the clock's today
before anything is checked; money movements write them into the account (a period ends at
every change of principal), reads only compute them, so looking does not change the sums.
SQLite serialises writers at ``BEGIN IMMEDIATE``; PostgreSQL locks the loan account row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.models import AccountSummary, BankAccount
from desktop_app.store.sql.base import SESSION_IDLE_TIMEOUT
from desktop_app.store.sql.credentials import CredentialOperations
from desktop_app.store.sql.movements import (
    HISTORY_MAX_LIMIT,
    REQUEST_ID_MAX_LENGTH,
    MoneyOperations,
    _bank_account,
)
from desktop_app.store.sql.schema import BankAccountRow, Member, SessionRow
from desktop_app.store.sql.signin import (
    CARD_PIN_ATTEMPTS_PER_DAY,
    DEVICE_ID_MAX_LENGTH,
    WEB_PASSWORD_ATTEMPTS,
    SignInOperations,
)

__all__ = [
    "CARD_PIN_ATTEMPTS_PER_DAY",
    "DEVICE_ID_MAX_LENGTH",
    "HISTORY_MAX_LIMIT",
    "REQUEST_ID_MAX_LENGTH",
    "SESSION_IDLE_TIMEOUT",
    "WEB_PASSWORD_ATTEMPTS",
    "SqlStore",
]


class SqlStore(SignInOperations, CredentialOperations, MoneyOperations):
    """The ``Store`` protocol over SQLAlchemy; safe to call from several worker threads.

    ``url`` is a SQLAlchemy URL (``sqlite:///path.db``, ``sqlite://`` in memory,
    ``postgresql+psycopg://…``, optionally ``?options=-csearch_path%3Dschema``). Opening
    migrates the schema to head and, when ``seed`` and the store has no member, seeds the
    demo members of DOMAIN.md §8 relative to ``clock``.
    """

    # ----------------------------------------------------------------- accounts

    def account_summary(self, token: str) -> AccountSummary:
        return self._with_session(token, self._summary)

    def _summary(self, db: DbSession, session: SessionRow, now: datetime) -> AccountSummary:
        member = db.get_one(Member, session.member_id)
        account = self._account(db, member.id, lock=False)
        today = now.date()
        accrual = self._accrual(account, today)
        return AccountSummary(
            as_of=now,
            member_number=member.member_number,
            name=member.name,
            name_kana=member.name_kana,
            credit_limit=account.credit_limit,
            principal=account.principal,
            annual_rate=account.annual_rate,
            accrued_interest=account.unpaid_interest + accrual.interest,
            late_damages=account.unpaid_damages + accrual.damages,
            minimum_payment=account.minimum_payment,
            paid_this_cycle=account.paid_this_cycle,
            next_due_date=self._effective(account.next_due_date),
            overdue=self._overdue(account, today),
            interest_free_until=account.interest_free_until,
            last_sign_in_at=session.previous_sign_in_at,
        )

    def bank_accounts(self, token: str) -> tuple[BankAccount, ...]:
        return self._with_session(token, self._bank_accounts)

    @staticmethod
    def _bank_accounts(
        db: DbSession, session: SessionRow, now: datetime
    ) -> tuple[BankAccount, ...]:
        rows = db.scalars(
            select(BankAccountRow)
            .where(BankAccountRow.member_id == session.member_id)
            .order_by(BankAccountRow.id)
        )
        return tuple(_bank_account(row) for row in rows)
