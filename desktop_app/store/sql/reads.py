"""The hot reads in SQLAlchemy Core: an account summary's rows in one statement, and a history
page (and its total) straight into ``LedgerEntry``.

The ORM spent 1–3.5 ms of CPU a call here, for the same statements the driver runs in a
fraction of that: every statement is built once (one per shape of a history query), so
SQLAlchemy's compiled cache answers it, and rows are read as tuples, never as ORM objects in
an identity map. They run on the connection of the caller's transaction (``db.connection()``),
so a write transaction (a promised payment) reads what it has just written.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.models import (
    ApplicationStatus,
    HistoryCursor,
    HistoryPage,
    HistoryQuery,
    LedgerEntry,
    LedgerKind,
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


# --------------------------------------------------------------------- history

_ENTRY = (
    _ledger.c.transaction_no,
    _ledger.c.at,
    _ledger.c.kind,
    _ledger.c.amount,
    _ledger.c.to_damages,
    _ledger.c.to_interest,
    _ledger.c.to_principal,
    _ledger.c.principal_after,
    _ledger.c.counterparty,
    _ledger.c.id,
)
_KINDS = {kind.value: kind for kind in LedgerKind}


@cache
def _history_statements(
    since: bool, until: bool, kinds: bool, cursor: bool
) -> tuple[Select[Any], Select[Any]]:
    """The page and the count statements of one shape of query (16 shapes at most)."""
    conditions = [_ledger.c.member_id == bindparam("member_id")]
    if since:
        conditions.append(_ledger.c.at >= bindparam("since"))
    if until:
        conditions.append(_ledger.c.at < bindparam("until"))
    if kinds:  # a filter on the rows the (member, at, id) index finds
        conditions.append(_ledger.c.kind.in_(bindparam("kinds", expanding=True)))
    count = select(func.count()).select_from(_ledger).where(*conditions)
    if cursor:
        # ``at <= cursor`` lets the index seek to the cursor (not scan every newer row); the
        # OR then drops the cursor's own instant up to and including its id.
        at = bindparam("before_at", type_=_ledger.c.at.type)
        last = bindparam("before_id", type_=_ledger.c.id.type)
        conditions.append(_ledger.c.at <= at)
        conditions.append(or_(_ledger.c.at < at, and_(_ledger.c.at == at, _ledger.c.id < last)))
    page = (
        select(*_ENTRY)
        .where(*conditions)
        .order_by(_ledger.c.at.desc(), _ledger.c.id.desc())
        .limit(bindparam("rows"))
    )
    return page, count


# The instants every column holds in UTC, whatever offset a bound was given with: a bound
# beyond them bounds nothing (no movement is that old or that new), and goes to the database
# as one of them instead of overflowing on the way.
_EARLIEST = datetime(1, 1, 2, tzinfo=UTC)
_LATEST = datetime(9999, 12, 30, tzinfo=UTC)


def _held(instant: datetime) -> datetime:
    return min(max(instant, _EARLIEST), _LATEST)


def _start_of_day(day: date) -> datetime:
    """Midnight in Tokyo that starts ``day`` (the calendar's last day has no next one)."""
    if day > date.max - timedelta(days=1):
        return _LATEST
    return _held(datetime.combine(day, time(0, 0), TOKYO))


def history_page(
    db: DbSession,
    member_id: int,
    query: HistoryQuery,
    before: HistoryCursor | None,
    limit: int,
) -> HistoryPage:
    """Entries newest first, strictly older than ``before``; the total on the first page."""
    page, count = _history_statements(
        query.since is not None,
        query.until is not None,
        query.kinds is not None,
        before is not None,
    )
    params: dict[str, Any] = {"member_id": member_id, "rows": limit + 1}
    if query.since is not None:
        params["since"] = _start_of_day(query.since)
    if query.until is not None:
        following = query.until + timedelta(days=1) if query.until < date.max else date.max
        params["until"] = _start_of_day(following)
    if query.kinds is not None:
        params["kinds"] = sorted(kind.value for kind in query.kinds)
    connection: Connection = db.connection()
    total: int | None = None
    if before is None:
        total = connection.execute(count, params).scalar() or 0
    else:
        params["before_at"], params["before_id"] = _held(before.at), before.id
    rows = connection.execute(page, params).all()  # one more tells whether a page follows
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = HistoryCursor(rows[-1].at, rows[-1].id) if more and rows else None
    entries = tuple(
        LedgerEntry(
            transaction_no=row.transaction_no,
            at=row.at,
            kind=_KINDS[row.kind],
            amount=row.amount,
            to_damages=row.to_damages,
            to_interest=row.to_interest,
            to_principal=row.to_principal,
            principal_after=row.principal_after,
            counterparty=row.counterparty,
        )
        for row in rows
    )
    return HistoryPage(entries=entries, total=total, next_cursor=cursor)
