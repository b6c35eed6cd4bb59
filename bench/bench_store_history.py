"""Store timings on 100,000 ledger rows, SQLite and PostgreSQL (``make bench``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from desktop_app.domain.models import HistoryCursor, HistoryQuery, LedgerKind
from desktop_app.store.sql import SqlStore
from tests.store.conftest import DEVICE, NOW, YAMADA
from tests.store.helpers import prepaid


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


def test_history_by_kind_is_fast_on_100000_rows(
    store: SqlStore, bulk_ledger: Callable[..., None], capsys: Any
) -> None:
    bulk_ledger(store, "100000001", 100_000, NOW - timedelta(hours=1))
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.borrow(session.token, 1_000, prepaid(store, session).id, "charge")
    borrowing = HistoryQuery(kinds=frozenset({LedgerKind.BORROW}))
    charges = HistoryQuery(kinds=frozenset({LedgerKind.PREPAID_CHARGE}))
    store.history(session.token, borrowing, None, 100)  # warm the caches once

    timings: list[float] = []
    for query in (borrowing, borrowing, borrowing, charges, charges):
        started = time.perf_counter()
        page = store.history(session.token, query, None, 100)
        timings.append(time.perf_counter() - started)
    assert page.total == 1
    assert page.entries[0].kind is LedgerKind.PREPAID_CHARGE
    assert store.history(session.token, borrowing, None, 100).total == 100_000 + 2
    with capsys.disabled():
        print(
            f"\n[{store.engine.dialect.name}] history by kind (0, 100): "
            f"{', '.join(f'{t * 1000:.1f}' for t in timings)} ms"
        )
    assert max(timings) < 0.100


# --------------------------------------------------------------------- interest inquiry
