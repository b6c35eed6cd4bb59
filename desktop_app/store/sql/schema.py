"""The ORM tables of the SQL store (SQLAlchemy 2, typed). Alembic migrations create exactly these.

Money columns are ``BigInteger`` yen, rates ``Numeric`` fractions (``0.180`` = 18.0 %), instants
``UtcDateTime`` (stored in UTC, returned in Asia/Tokyo), calendar days ``Date`` (Asia/Tokyo);
the base and the column types are in ``schema_types``, the outbox and the one-time codes in
``schema_codes``, the tables of the store's keys and the sign-in throttle in
``schema_security``, the change history and the reminders sent in ``schema_profile`` (all
re-exported here).
"""

from __future__ import annotations

import secrets
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.domain.clock import TOKYO
from desktop_app.store.sql.schema_codes import (
    CodePurpose,
    CodeRequest,
    OutboxMessage,
    VerificationCode,
)
from desktop_app.store.sql.schema_profile import ProfileChangeRow, ReminderSent
from desktop_app.store.sql.schema_security import SignInThrottle, StoreKey
from desktop_app.store.sql.schema_types import NAMING_CONVENTION, Base, Money, UtcDateTime

__all__ = [
    "NAMING_CONVENTION",
    "PREPAID_ACCOUNT_TYPE",
    "PREPAID_CARD_NAME",
    "AuditEntry",
    "BankAccountRow",
    "Base",
    "Card",
    "CardStatus",
    "CodePurpose",
    "CodeRequest",
    "KnownDevice",
    "LedgerRow",
    "LimitApplicationRow",
    "LoanAccount",
    "Member",
    "Money",
    "OutboxMessage",
    "ProfileChangeRow",
    "ReminderSent",
    "SessionRow",
    "SignInThrottle",
    "StoreKey",
    "UtcDateTime",
    "VerificationCode",
    "WebCredential",
    "pending_transaction_number",
    "transaction_number",
]


class CardStatus(StrEnum):
    ACTIVE = "active"
    LOCKED = "locked"
    LOST = "lost"


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'suspended', 'dormant')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_number: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    name_kana: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date] = mapped_column(Date)
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(11))
    web_statements: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16))
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The registered address (7-digit postal code, 都道府県・市区町村・町域 as Japan Post
    # lists it, 番地・建物名 full-width) and workplace; all None until registered.
    postal_code: Mapped[str | None] = mapped_column(String(7), default=None)
    address_town: Mapped[str | None] = mapped_column(String(200), default=None)
    address_line2: Mapped[str | None] = mapped_column(String(100), default=None)
    workplace_name: Mapped[str | None] = mapped_column(String(100), default=None)
    workplace_phone: Mapped[str | None] = mapped_column(String(11), default=None)


class KnownDevice(Base):
    """Devices a member has signed in from; a new one triggers an alert."""

    __tablename__ = "known_devices"
    __table_args__ = (UniqueConstraint("member_id", "device_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    device_id: Mapped[str] = mapped_column(String(64))
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Card(Base):
    __tablename__ = "cards"
    __table_args__ = (CheckConstraint("status IN ('active', 'locked', 'lost')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    # HMAC-SHA256 (hex) of the card number under the store's card key (``keys``): found
    # by it, never stored plain; the last four digits are kept to show which card it is.
    card_lookup: Mapped[str | None] = mapped_column(String(64), unique=True)
    card_last4: Mapped[str | None] = mapped_column(String(4))
    # Only a store made before revision 0006 holds plain numbers here, until it is first
    # opened with its key (``keys.secure_store``): always empty after that.
    legacy_card_number: Mapped[str | None] = mapped_column("card_number", String(16), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16))
    failed_pin_count: Mapped[int] = mapped_column(Integer)
    failed_pin_day: Mapped[date | None] = mapped_column(Date)


class WebCredential(Base):
    __tablename__ = "web_credentials"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), unique=True
    )
    web_id: Mapped[str] = mapped_column(String(32), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_count: Mapped[int] = mapped_column(Integer)
    locked: Mapped[bool] = mapped_column(Boolean)


class LoanAccount(Base):
    __tablename__ = "loan_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), unique=True
    )
    credit_limit: Mapped[int] = mapped_column(Money)
    annual_rate: Mapped[Decimal] = mapped_column(Numeric(5, 3))
    principal: Mapped[int] = mapped_column(Money)
    unpaid_interest: Mapped[int] = mapped_column(Money)
    unpaid_damages: Mapped[int] = mapped_column(Money)
    accrued_to: Mapped[date] = mapped_column(Date)
    minimum_payment: Mapped[int] = mapped_column(Money)
    due_day: Mapped[int] = mapped_column(Integer)
    next_due_date: Mapped[date | None] = mapped_column(Date)
    paid_this_cycle: Mapped[int] = mapped_column(Money)
    first_borrowed_on: Mapped[date | None] = mapped_column(Date)
    interest_free_eligible: Mapped[bool] = mapped_column(Boolean)
    interest_free_until: Mapped[date | None] = mapped_column(Date)
    # the day an overdue member promised to pay; cleared once the account is current again
    promised_date: Mapped[date | None] = mapped_column(Date)
    # 口座振替 from the current bank account (since the day it was started: no debit is
    # dated before it), and the reminder email (days before the due date, hour in Tokyo)
    auto_debit: Mapped[bool] = mapped_column(Boolean, default=False)
    auto_debit_since: Mapped[date | None] = mapped_column(Date, default=None)
    reminder_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    reminder_days_before: Mapped[int] = mapped_column(Integer, default=3)
    reminder_hour: Mapped[int] = mapped_column(Integer, default=9)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __mapper_args__: Any = MappingProxyType({"version_id_col": version})


PREPAID_ACCOUNT_TYPE = "prepaid"
PREPAID_CARD_NAME = "こはくプリペイドカード"


class BankAccountRow(Base):
    """A borrowing destination: a bank account (``ordinary``/``current``) or the member's
    prepaid card (``account_type`` ``prepaid``, ``bank_code`` ``PREPAID``, the card's last four
    digits as ``account_number``, no branch). A bank account replaced by another is kept,
    ``retired_at`` set, for the ledger rows that went to it; it is a destination no more."""

    __tablename__ = "bank_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    bank_code: Mapped[str] = mapped_column(String(8))
    bank_name: Mapped[str] = mapped_column(String(64))
    branch_code: Mapped[str] = mapped_column(String(3))
    branch_name: Mapped[str] = mapped_column(String(64))
    account_type: Mapped[str] = mapped_column(String(8))
    account_number: Mapped[str] = mapped_column(String(7))
    holder: Mapped[str] = mapped_column(String(30))
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class LedgerRow(Base):
    """One money movement. The ``*_after`` columns let a repeated request rebuild its receipt."""

    __tablename__ = "ledger"
    __table_args__ = (
        UniqueConstraint("member_id", "request_id"),
        Index("ix_ledger_member_at_id", "member_id", "at", "id"),
        Index("ix_ledger_member_kind_at_id", "member_id", "kind", "at", "id"),  # a kind filter
        CheckConstraint("kind IN ('borrow', 'repay', 'prepaid_charge', 'auto_debit')", name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transaction_no: Mapped[str] = mapped_column(String(40), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    request_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Money)
    to_damages: Mapped[int] = mapped_column(Money)
    to_interest: Mapped[int] = mapped_column(Money)
    to_principal: Mapped[int] = mapped_column(Money)
    principal_after: Mapped[int] = mapped_column(Money)
    available_after: Mapped[int] = mapped_column(Money)
    minimum_payment_after: Mapped[int] = mapped_column(Money)
    next_due_date_after: Mapped[date | None] = mapped_column(Date)
    counterparty: Mapped[str] = mapped_column(String(64))
    bank_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("bank_accounts.id", ondelete="SET NULL")
    )
    bank_code: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


_TRANSACTION_PREFIX = MappingProxyType(
    {"borrow": "B", "repay": "R", "prepaid_charge": "P", "auto_debit": "D"}
)


def transaction_number(kind: str, at: datetime, row_id: int) -> str:
    """``B2026112400000042``: B(orrow), R(epay), P(repaid charge) or D(ebit, 口座振替), the
    Tokyo date, the ledger id."""
    return f"{_TRANSACTION_PREFIX[kind]}{at.astimezone(TOKYO):%Y%m%d}{row_id:08d}"


def pending_transaction_number() -> str:
    """A unique stand-in until the row has its id (set in the same transaction)."""
    return "pending-" + secrets.token_hex(12)


class LimitApplicationRow(Base):
    """An application for a higher credit limit, with what the member declared."""

    __tablename__ = "limit_applications"
    __table_args__ = (
        CheckConstraint("status IN ('under_review', 'approved', 'declined')", name="status"),
        Index("ix_limit_applications_member_id_id", "member_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime)
    requested_limit: Mapped[int] = mapped_column(Money)
    annual_income: Mapped[int] = mapped_column(Money)
    other_debts: Mapped[int] = mapped_column(Money)
    status: Mapped[str] = mapped_column(String(16))
    certificate_required: Mapped[bool] = mapped_column(Boolean)


class SessionRow(Base):
    """A signed-in session. Only the SHA-256 of the token is kept, never the token."""

    __tablename__ = "sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    device_id: Mapped[str] = mapped_column(String(64))
    previous_sign_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AuditEntry(Base):
    """What happened, for staff. Never a password, PIN, token or card number."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    event: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(String(500))
