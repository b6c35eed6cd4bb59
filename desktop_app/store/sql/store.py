"""``SqlStore``: the Store protocol over SQLAlchemy 2, on SQLite (default) or PostgreSQL.

Every call is one transaction. Interest and late damages are worked out to the clock's today
before anything is checked; money movements write them into the account (a period ends at
every change of principal), reads only compute them, so looking does not change the sums.
SQLite serialises writers at ``BEGIN IMMEDIATE`` and reads in deferred transactions (never
behind a writer); PostgreSQL locks the loan account row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.models import BankAccount
from desktop_app.domain.requests import REQUEST_ID_MAX_LENGTH
from desktop_app.store.sql.credentials import CredentialOperations
from desktop_app.store.sql.demo_reset import DemoResetOperations
from desktop_app.store.sql.history import HISTORY_MAX_LIMIT, HistoryOperations
from desktop_app.store.sql.movements import MoneyOperations
from desktop_app.store.sql.profile import ProfileOperations
from desktop_app.store.sql.profile_coded import CodedChangeOperations
from desktop_app.store.sql.receipts import bank_account
from desktop_app.store.sql.schedule import ScheduleOperations
from desktop_app.store.sql.schema import PREPAID_ACCOUNT_TYPE, BankAccountRow, SessionRow
from desktop_app.store.sql.services import ServiceOperations
from desktop_app.store.sql.signin import (
    CARD_PIN_ATTEMPTS_PER_DAY,
    DEVICE_ID_MAX_LENGTH,
    WEB_PASSWORD_ATTEMPTS,
    SignInOperations,
)
from desktop_app.store.sql.staff import StaffOperations
from desktop_app.store.sql.throttle import ThrottleOperations
from desktop_app.store.sql.upkeep import UpkeepOperations

__all__ = [
    "CARD_PIN_ATTEMPTS_PER_DAY",
    "DEVICE_ID_MAX_LENGTH",
    "HISTORY_MAX_LIMIT",
    "REQUEST_ID_MAX_LENGTH",
    "WEB_PASSWORD_ATTEMPTS",
    "SqlStore",
]


class SqlStore(
    SignInOperations,
    StaffOperations,
    ThrottleOperations,
    CredentialOperations,
    ProfileOperations,
    CodedChangeOperations,
    ScheduleOperations,
    UpkeepOperations,
    MoneyOperations,
    HistoryOperations,
    DemoResetOperations,
    ServiceOperations,
):
    """The ``Store`` protocol over SQLAlchemy; safe to call from several worker threads.

    ``url`` is a SQLAlchemy URL (``sqlite:///path.db``, ``postgresql+psycopg://user@host/db``,
    optionally ``?options=-csearch_path%3Dschema``); a store that would not persist, an
    incomplete or unknown URL, a database of another application or of a newer client are
    refused with their ``AppError`` (see ``engine`` and ``opening``). Opening migrates the
    schema to head and, when ``seed`` and the store has no member, seeds the demo members of
    DOMAIN.md §8 relative to ``clock``. A read-only store opens for viewing (``read_only``);
    members sign in to it for viewing only (``readonly_sessions``).

    Host settings (not the member protocol): ``clock``, ``seed``, ``hash_profile``,
    ``rules``, ``pepper`` (see ``StoreBase``). Beside the protocol it offers what a host's
    operator tools and the member server use: ``sent_messages`` (the outbox, for
    ``DemoOperations``), ``unlock_card``, ``unlock_web_id``, ``admit_sign_in`` (the
    shared sign-in throttle) and ``engine``.
    """

    # ----------------------------------------------------------------- destinations

    def bank_accounts(self, token: str) -> tuple[BankAccount, ...]:
        """The registered bank account (not one it replaced), then the prepaid card
        (``bank_code`` ``PREPAID``)."""
        return self._with_session(token, self._bank_accounts, write=False)

    @staticmethod
    def _bank_accounts(
        db: DbSession, session: SessionRow, now: datetime
    ) -> tuple[BankAccount, ...]:
        rows = db.scalars(
            select(BankAccountRow)
            .where(
                BankAccountRow.member_id == session.member_id,
                BankAccountRow.retired_at.is_(None),
            )
            .order_by(BankAccountRow.account_type == PREPAID_ACCOUNT_TYPE, BankAccountRow.id)
        )
        return tuple(bank_account(row) for row in rows)
