"""The hot reads in SQLAlchemy Core: an account summary's rows in one statement (the history's
are in ``history_reads``).

The ORM spent 1–3.5 ms of CPU a call here, for the same statements the driver runs in a
fraction of that: every statement is built once (one per shape of a history query), so
SQLAlchemy's compiled cache answers it, and rows are read as tuples, never as ORM objects in
an identity map. They run on the connection of the caller's transaction (``db.connection()``),
so a write transaction (a promised payment) reads what it has just written.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.models import (
    ApplicationStatus,
    LimitApplication,
)
from desktop_app.store.sql.schema import LedgerRow, LimitApplicationRow, LoanAccount, Member

_members = Member.__table__
_accounts = LoanAccount.__table__
_applications = LimitApplicationRow.__table__
_ledger = LedgerRow.__table__

# --------------------------------------------------------------------- account summary

# What ``StoreBase._accrual`` and ``_overdue`` read of an account.
ACCOUNT_COLUMNS = (
    "credit_limit",
    "annual_rate",
    "principal",
    "unpaid_interest",
    "unpaid_damages",
    "accrued_to",
    "minimum_payment",
    "next_due_date",
    "paid_this_cycle",
    "first_borrowed_on",
    "interest_free_eligible",
    "interest_free_until",
    "promised_date",
)
_APPLICATION_COLUMNS = (
    "applied_at",
    "requested_limit",
    "annual_income",
    "other_debts",
    "status",
    "certificate_required",
)
_earlier = _applications.alias("earlier")
_latest = (
    select(func.max(_earlier.c.id))
    .where(_earlier.c.member_id == _members.c.id)
    .correlate(_members)
    .scalar_subquery()
)
SUMMARY = (
    select(
        _members.c.member_number,
        _members.c.name,
        _members.c.name_kana,
        *(_accounts.c[name] for name in ACCOUNT_COLUMNS),
        _applications.c.id.label("application_id"),
        *(_applications.c[name].label(f"application_{name}") for name in _APPLICATION_COLUMNS),
    )
    .select_from(_members)
    .join(_accounts, _accounts.c.member_id == _members.c.id)
    .outerjoin(_applications, _applications.c.id == _latest)
    .where(_members.c.id == bindparam("member_id"))
)


def summary_row(db: DbSession, member_id: int) -> Any:
    """The member, the loan account and the latest limit application of one member."""
    return db.connection().execute(SUMMARY, {"member_id": member_id}).one()


def account_of(row: Any) -> LoanAccount:
    """A transient ``LoanAccount`` (never added to a session) for the accrual helpers."""
    return LoanAccount(**{name: getattr(row, name) for name in ACCOUNT_COLUMNS})


def application_of(row: Any) -> LimitApplication | None:
    if row.application_id is None:
        return None
    return LimitApplication(
        applied_at=row.application_applied_at,
        requested_limit=row.application_requested_limit,
        annual_income=row.application_annual_income,
        other_debts=row.application_other_debts,
        status=ApplicationStatus(row.application_status),
        certificate_required=row.application_certificate_required,
    )
