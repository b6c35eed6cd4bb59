"""History, SQL specifics: 100,000 bulk-inserted rows stay fast and a cursor page seeks in
the index (the behaviour of every store is in contract/test_history.py)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from desktop_app.domain.models import HistoryCursor, HistoryQuery
from desktop_app.store.sql import SqlStore

from .conftest import DEVICE, NOW, YAMADA


@pytest.mark.bench  # a wall-clock budget: make bench
def test_history_is_fast_on_100000_rows(
    store: SqlStore, bulk_ledger: Callable[..., None], capsys: Any
) -> None:
    started = time.perf_counter()
    bulk_ledger(store, "100000001", 100_000, NOW - timedelta(hours=1))
    inserted = time.perf_counter() - started
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.history(session.token, HistoryQuery(), None, 100)  # warm the caches once

    timings: list[float] = []
    for _ in range(5):
        started = time.perf_counter()
        page = store.history(session.token, HistoryQuery(), None, 100)
        timings.append(time.perf_counter() - started)
    assert page.total == 100_000 + 3
    assert len(page.entries) == 100
    assert page.entries[0].at == NOW - timedelta(hours=1)

    started = time.perf_counter()
    month = store.history(
        session.token, HistoryQuery(date(2026, 10, 1), date(2026, 10, 31)), None, 100
    )
    filtered = time.perf_counter() - started
    assert month.total == 31 * 24
    # A page deep in the ledger, by cursor, is as fast as the first.
    deep = page
    for _ in range(3):
        assert deep.next_cursor is not None
        deep = store.history(session.token, HistoryQuery(), deep.next_cursor, 100)
    started = time.perf_counter()
    last = store.history(
        session.token, HistoryQuery(), HistoryCursor(NOW - timedelta(days=4000), 2), 100
    )
    deep_time = time.perf_counter() - started
    assert last.entries[0].at < NOW - timedelta(days=4000)
    with capsys.disabled():
        print(
            f"\n[{store.engine.dialect.name}] insert 100k: {inserted:.2f}s; "
            f"history(0, 100): {', '.join(f'{t * 1000:.1f}' for t in timings)} ms; "
            f"one month filtered: {filtered * 1000:.1f} ms; deep page: {deep_time * 1000:.1f} ms"
        )
    # The typical page, not the worst: one run in five may meet a collection or a busy core.
    assert sorted(timings)[len(timings) // 2] < 0.100
    assert filtered < 0.100
    assert deep_time < 0.100


def test_a_page_by_cursor_seeks_in_the_history_index(store: SqlStore) -> None:
    """The keyset page is an index range from the cursor, in index order: no sort, and no scan
    of the newer rows (SQLite's plan; PostgreSQL's depends on its statistics)."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's query plan")
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        store.history(session.token, HistoryQuery(), HistoryCursor(NOW, 5), 10)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    statement, parameters = next(s for s in reversed(statements) if "FROM ledger" in s[0])
    with store.engine.connect() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        )
    assert "USING INDEX ix_ledger_member_at_id (member_id=? AND at<?)" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
