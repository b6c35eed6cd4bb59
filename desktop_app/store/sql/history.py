"""``HistoryOperations``: the transaction history, paged by keyset (at DESC, id DESC), and
streamed whole for the CSV export.

A page is the entries strictly older than the cursor the previous page ended at, so entries
written while a member pages (or exports) never shift or repeat a later page. The
``(member_id, at, id)`` index serves the order and the cursor condition, ``(member_id, kind,
at, id)`` a kind filter. The total is counted only for a first page that asks for it. The
statements are ``reads``' (SQLAlchemy Core).

The export streams one statement's rows from the driver (a server-side cursor on PostgreSQL,
SQLite's own stepping) as Core tuples in batches: one snapshot, flat memory, no page calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.models import HistoryCursor, HistoryPage, HistoryQuery
from desktop_app.store.protocol import HistoryLine
from desktop_app.store.sql.history_reads import (
    count_statement,
    history_page,
    history_params,
    history_statement,
    kind_count,
    line_columns,
)
from desktop_app.store.sql.schema import SessionRow
from desktop_app.store.sql.sessions import SessionBase

HISTORY_MAX_LIMIT = 1_000
# Rows a fetch from the driver and a batch handed to the consumer: small enough that no C
# call over one batch holds the GIL long (the GUI thread would stall while an export runs).
LINE_BATCH = 2_000

T = TypeVar("T")


@dataclass(frozen=True)
class _Consumed(Generic[T]):
    """What the consumer answered or raised, carried out of the read transaction (an error
    writing the CSV file is the file's, not a store fault to translate)."""

    value: T | None = None
    error: Exception | None = None


class HistoryOperations(SessionBase):
    """The member's ledger, newest first, a page at a time or streamed whole."""

    def history(
        self,
        token: str,
        query: HistoryQuery,
        before: HistoryCursor | None,
        limit: int,
        *,
        count: bool = True,
    ) -> HistoryPage:
        limit = min(max(0, limit), HISTORY_MAX_LIMIT)
        return self._with_session(
            token,
            partial(self._history, query=query, before=before, limit=limit, count=count),
            write=False,
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
        count: bool,
    ) -> HistoryPage:
        return history_page(db, session.member_id, query, before, limit, count=count)

    def history_lines(
        self,
        token: str,
        query: HistoryQuery,
        consume: Callable[[int, Iterable[Sequence[HistoryLine]]], T],
    ) -> T:
        outcome: _Consumed[T] = self._with_session(
            token, partial(self._lines, query=query, consume=consume), write=False
        )
        if outcome.error is not None:
            raise outcome.error
        return outcome.value  # type: ignore[return-value]

    def _lines(
        self,
        db: DbSession,
        session: SessionRow,
        now: datetime,
        *,
        query: HistoryQuery,
        consume: Callable[[int, Iterable[Sequence[HistoryLine]]], T],
    ) -> _Consumed[T]:
        if query.kinds is not None and not query.kinds:
            return _consumed(consume, 0, ())
        connection = db.connection()
        if connection.dialect.name != "postgresql":  # SQLite steps its cursor row by row
            return _consumed(consume, *_stream(connection, session.member_id, query))
        # A server-side cursor lives in a transaction: the reads' connections commit every
        # statement, so the stream has a read-only transaction of its own.
        with self._engine.connect() as own, own.execution_options(postgresql_readonly=True).begin():
            return _consumed(consume, *_stream(own, session.member_id, query))


def _consumed(
    consume: Callable[[int, Iterable[Sequence[HistoryLine]]], T],
    total: int,
    batches: Iterable[Sequence[HistoryLine]],
) -> _Consumed[T]:
    try:
        return _Consumed(value=consume(total, batches))
    except Exception as exc:  # the file's error (or a cancel): raised outside the store
        return _Consumed(error=exc)


def _stream(
    connection: Connection, member_id: int, query: HistoryQuery
) -> tuple[int, Iterator[Sequence[HistoryLine]]]:
    since, until, kinds = query.since is not None, query.until is not None, kind_count(query)
    counting = count_statement(since, until, bool(kinds))
    total = connection.execute(counting, history_params(member_id, query, None, None)).scalar()
    statement = history_statement(
        since, until, kinds, False, line_columns(connection.dialect.name), False
    )
    result = connection.execute(
        statement,
        history_params(member_id, query, None, None),
        execution_options={"stream_results": True, "yield_per": LINE_BATCH},
    )

    def batches() -> Iterator[Sequence[HistoryLine]]:
        # The driver's own cursor (server-side on PostgreSQL): its plain tuples, no Row
        # objects or result processing (every column but ``at`` is as the driver reads it).
        # The first batch goes through the result, which empties the rows it buffered when
        # the statement ran (a streamed result reads one ahead); the rest straight from it.
        with result:
            rows: Sequence[Any] = result.fetchmany(LINE_BATCH)
            cursor = result.cursor
            while rows:
                yield rows
                if len(rows) < LINE_BATCH:  # the end (the result may have closed its cursor)
                    return
                rows = cursor.fetchmany(LINE_BATCH)

    return total or 0, batches()
