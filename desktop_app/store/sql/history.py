"""``HistoryOperations``: the transaction history, paged by keyset (at DESC, id DESC).

A page is the entries strictly older than the cursor the previous page ended at, so entries
written while a member pages (or exports) never shift or repeat a later page. The
``(member_id, at, id)`` index serves both the order and the cursor condition. The total is
counted once, for the first page.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import partial

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.models import (
    HistoryCursor,
    HistoryPage,
    HistoryQuery,
    LedgerEntry,
    LedgerKind,
)
from desktop_app.store.sql.schema import LedgerRow, SessionRow
from desktop_app.store.sql.sessions import SessionBase

HISTORY_MAX_LIMIT = 1_000
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


class HistoryOperations(SessionBase):
    """The member's ledger, newest first, a page at a time."""

    def history(
        self, token: str, query: HistoryQuery, before: HistoryCursor | None, limit: int
    ) -> HistoryPage:
        limit = min(max(0, limit), HISTORY_MAX_LIMIT)
        return self._with_session(
            token, partial(self._history, query=query, before=before, limit=limit), write=False
        )

    @staticmethod
    def _history(
        db: DbSession,
        session: SessionRow,
        now: datetime,
        *,
        query: HistoryQuery,
        before: HistoryCursor | None,
        limit: int,
    ) -> HistoryPage:
        conditions: list[ColumnElement[bool]] = [LedgerRow.member_id == session.member_id]
        if query.since is not None:
            conditions.append(LedgerRow.at >= _start_of_day(query.since))
        if query.until is not None:
            following = query.until + timedelta(days=1) if query.until < date.max else date.max
            conditions.append(LedgerRow.at < _start_of_day(following))
        if query.kinds is not None:  # a filter on the rows the (member, at, id) index finds
            conditions.append(LedgerRow.kind.in_(sorted(kind.value for kind in query.kinds)))
        total: int | None = None
        if before is None:
            total = db.scalar(select(func.count()).select_from(LedgerRow).where(*conditions)) or 0
        else:
            # ``at <= cursor`` lets the index seek to the cursor (not scan every newer row);
            # the OR then drops the cursor's own instant up to and including its id.
            at = _held(before.at)
            conditions.append(LedgerRow.at <= at)
            conditions.append(
                or_(LedgerRow.at < at, and_(LedgerRow.at == at, LedgerRow.id < before.id))
            )
        rows = list(
            db.scalars(
                select(LedgerRow)
                .where(*conditions)
                .order_by(LedgerRow.at.desc(), LedgerRow.id.desc())
                .limit(limit + 1)  # one more tells whether another page follows
            )
        )
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = HistoryCursor(rows[-1].at, rows[-1].id) if more and rows else None
        return HistoryPage(
            entries=tuple(_ledger_entry(row) for row in rows), total=total, next_cursor=cursor
        )


def _ledger_entry(row: LedgerRow) -> LedgerEntry:
    return LedgerEntry(
        transaction_no=row.transaction_no,
        at=row.at,
        kind=LedgerKind(row.kind),
        amount=row.amount,
        to_damages=row.to_damages,
        to_interest=row.to_interest,
        to_principal=row.to_principal,
        principal_after=row.principal_after,
        counterparty=row.counterparty,
    )
