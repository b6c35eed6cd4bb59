"""The history's statements in SQLAlchemy Core: a page (and its total) straight into
``LedgerEntry``, and the CSV export's lines.

Every statement is built once per shape of query (``functools.cache``), so SQLAlchemy's
compiled cache answers it, and rows are read as tuples, never as ORM objects. Keyset only:
a page is an index range from the cursor, with no OFFSET; the COUNT runs only when asked.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    and_,
    bindparam,
    func,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.types import NullType

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.models import (
    HistoryCursor,
    HistoryPage,
    HistoryQuery,
    LedgerEntry,
    LedgerKind,
)
from desktop_app.store.sql.schema import LedgerRow

_ledger = LedgerRow.__table__


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


def _conditions(since: bool, until: bool, cursor: bool) -> list[Any]:
    conditions = [_ledger.c.member_id == bindparam("member_id")]
    if since:
        conditions.append(_ledger.c.at >= bindparam("since"))
    if until:
        conditions.append(_ledger.c.at < bindparam("until"))
    if cursor:
        # ``at <= cursor`` lets the index seek to the cursor (not scan every newer row); the
        # OR then drops the cursor's own instant up to and including its id.
        at = bindparam("before_at", type_=_ledger.c.at.type)
        last = bindparam("before_id", type_=_ledger.c.id.type)
        conditions.append(_ledger.c.at <= at)
        conditions.append(or_(_ledger.c.at < at, and_(_ledger.c.at == at, _ledger.c.id < last)))
    return conditions


_NEWEST_FIRST = (_ledger.c.at.desc(), _ledger.c.id.desc())


# What the CSV export streams (``protocol.HistoryLine``), made by the database: the minute in
# Tokyo as text and the interest with the late damages, so the export's Python does no
# per-row conversion (Japan keeps no summer time: Tokyo is UTC+9 all year).
_TOKYO_MINUTE = {
    "sqlite": func.strftime("%Y-%m-%d %H:%M", _ledger.c.at, "+9 hours"),
    "postgresql": func.to_char(func.timezone("Asia/Tokyo", _ledger.c.at), "YYYY-MM-DD HH24:MI"),
}


@cache
def line_columns(dialect: str) -> tuple[Any, ...]:
    return (
        type_coerce(_TOKYO_MINUTE[dialect], NullType()).label("at"),
        _ledger.c.kind,
        _ledger.c.amount,
        (_ledger.c.to_interest + _ledger.c.to_damages).label("interest"),
        _ledger.c.to_principal,
        _ledger.c.principal_after,
        _ledger.c.counterparty,
    )


@cache
def history_statement(
    since: bool,
    until: bool,
    kinds: int | None,
    cursor: bool,
    columns: tuple[Any, ...] = _ENTRY,
    limited: bool = True,
) -> Select[Any]:
    """The page statement of one shape of query: ``kinds`` is how many kinds the filter
    names (None: every kind); ``limited``: at most ``rows`` rows (a page), else all (the
    export). Each kind is an index range of ``(member_id, kind, at, id)`` in the page's
    order; two kinds or more are a UNION ALL of one such range each (a page from each,
    merged), so a filter never scans the rows of the other kinds."""
    conditions = _conditions(since, until, cursor)

    def ranged(statement: Select[Any]) -> Select[Any]:
        statement = statement.order_by(*_NEWEST_FIRST)
        return statement.limit(bindparam("rows")) if limited else statement

    if not kinds:  # every kind: the (member, at, id) index
        return ranged(select(*columns).where(*conditions))
    if kinds == 1:
        return ranged(select(*columns).where(*conditions, _ledger.c.kind == bindparam("kind_0")))
    inner = columns if any(c is _ledger.c.id for c in columns) else (*columns, _ledger.c.id)
    merged = union_all(
        *(
            select(
                *ranged(
                    select(*inner).where(*conditions, _ledger.c.kind == bindparam(f"kind_{index}"))
                )
                .subquery()
                .c
            )
            for index in range(kinds)
        )
    ).subquery()
    page = select(*(merged.c[column.name] for column in columns)).order_by(
        merged.c.at.desc(), merged.c.id.desc()
    )
    return page.limit(bindparam("rows")) if limited else page


@cache
def count_statement(since: bool, until: bool, kinds: bool) -> Select[Any]:
    conditions = _conditions(since, until, False)
    if kinds:
        conditions.append(_ledger.c.kind.in_(bindparam("kinds", expanding=True)))
    return select(func.count()).select_from(_ledger).where(*conditions)


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


def history_params(
    member_id: int, query: HistoryQuery, before: HistoryCursor | None, rows: int | None
) -> dict[str, Any]:
    """The bound values of a history statement (``rows``: the LIMIT, None for none)."""
    params: dict[str, Any] = {"member_id": member_id}
    if rows is not None:
        params["rows"] = rows
    if query.since is not None:
        params["since"] = _start_of_day(query.since)
    if query.until is not None:
        following = query.until + timedelta(days=1) if query.until < date.max else date.max
        params["until"] = _start_of_day(following)
    if query.kinds is not None:
        kinds = sorted(kind.value for kind in query.kinds)
        params["kinds"] = kinds
        params.update({f"kind_{index}": kind for index, kind in enumerate(kinds)})
    if before is not None:
        params["before_at"], params["before_id"] = _held(before.at), before.id
    return params


def kind_count(query: HistoryQuery) -> int | None:
    """How many kinds a statement filters on (None: every kind, the filter names them all)."""
    if query.kinds is None or len(query.kinds) == len(LedgerKind):
        return None
    return len(query.kinds)


def history_page(
    db: DbSession,
    member_id: int,
    query: HistoryQuery,
    before: HistoryCursor | None,
    limit: int,
    *,
    count: bool = True,
) -> HistoryPage:
    """Entries newest first, strictly older than ``before``; the total on the first page
    (unless ``count`` is false). Keyset only: no OFFSET, and the COUNT only when asked."""
    total: int | None = None
    if query.kinds is not None and not query.kinds:  # no kind at all: nothing matches
        return HistoryPage(entries=(), total=0 if before is None and count else None)
    kinds = kind_count(query)
    connection: Connection = db.connection()
    if before is None and count:
        counting = count_statement(query.since is not None, query.until is not None, bool(kinds))
        total = connection.execute(counting, history_params(member_id, query, None, None)).scalar()
        total = total or 0
    page = history_statement(query.since is not None, query.until is not None, kinds, bool(before))
    params = history_params(member_id, query, before, limit + 1)
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
