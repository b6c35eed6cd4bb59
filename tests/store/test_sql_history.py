"""History: newest first, paged, filtered by Tokyo calendar days, fast on 100,000 rows."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.models import HistoryQuery, LedgerKind
from desktop_app.store.sql import SqlStore

from .conftest import DEVICE, NOW, SATO, YAMADA, StoreFactory


def test_seeded_history_of_yamada(store: SqlStore) -> None:
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    page = store.history(session.token, HistoryQuery(), 0, 50)
    assert page.total == 3
    kinds = [entry.kind for entry in page.entries]
    assert kinds == [LedgerKind.BORROW, LedgerKind.REPAY, LedgerKind.BORROW]
    newest = page.entries[0]
    assert newest.amount == 120_000
    assert newest.principal_after == 120_000
    assert newest.counterparty == "三井住友銀行"
    assert newest.at.date() == date(2026, 11, 4)
    assert newest.at.utcoffset() == timedelta(hours=9)
    repaid = page.entries[1]
    assert repaid.to_principal == 100_000
    assert repaid.amount == repaid.to_interest + repaid.to_principal
    assert store.history(
        store.sign_in_with_card(SATO[0], SATO[1], DEVICE).token, HistoryQuery(), 0, 50
    ) == type(page)(entries=(), total=0)


def test_paging_and_day_filters(open_store: StoreFactory, clock: FixedClock) -> None:
    store = open_store()
    # Repay at 00:30 and 23:30 Tokyo time on three days: the edges of each calendar day.
    made: list[tuple[datetime, str]] = []
    for day in range(3):
        for hour, minute in ((0, 30), (23, 30)):
            at = datetime(2026, 11, 25 + day, hour, minute, tzinfo=TOKYO)
            clock.advance(at - clock.now())
            session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
            receipt = store.repay(session.token, 1_000, "0009", f"r-{day}-{hour}")
            made.append((receipt.at, receipt.transaction_no))
    token = session.token
    everything = store.history(token, HistoryQuery(), 0, 100)
    assert everything.total == 3 + 6
    numbers = [entry.transaction_no for entry in everything.entries]
    assert numbers[:6] == [number for _, number in reversed(made)]
    ats = [entry.at for entry in everything.entries]
    assert ats == sorted(ats, reverse=True)

    pages = [store.history(token, HistoryQuery(), offset, 4) for offset in (0, 4, 8)]
    assert [len(p.entries) for p in pages] == [4, 4, 1]
    assert all(p.total == 9 for p in pages)
    assert [e.transaction_no for p in pages for e in p.entries] == numbers

    one_day = store.history(token, HistoryQuery(date(2026, 11, 26), date(2026, 11, 26)), 0, 10)
    assert one_day.total == 2
    assert {e.at for e in one_day.entries} == {
        datetime(2026, 11, 26, 0, 30, tzinfo=TOKYO),
        datetime(2026, 11, 26, 23, 30, tzinfo=TOKYO),
    }
    since = store.history(token, HistoryQuery(since=date(2026, 11, 26)), 0, 10)
    assert since.total == 4
    until = store.history(token, HistoryQuery(until=date(2026, 11, 25)), 0, 10)
    assert until.total == 3 + 2
    empty = store.history(token, HistoryQuery(date(2026, 11, 28), date(2026, 11, 30)), 0, 10)
    assert empty.total == 0
    assert empty.entries == ()
    past_the_end = store.history(token, HistoryQuery(), 50, 10)
    assert (past_the_end.total, past_the_end.entries) == (9, ())


@pytest.mark.slow
def test_history_is_fast_on_100000_rows(
    store: SqlStore, bulk_ledger: Callable[..., None], capsys: Any
) -> None:
    started = time.perf_counter()
    bulk_ledger(store, "100000001", 100_000, NOW - timedelta(hours=1))
    inserted = time.perf_counter() - started
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.history(session.token, HistoryQuery(), 0, 100)  # warm the caches once

    timings: list[float] = []
    for _ in range(5):
        started = time.perf_counter()
        page = store.history(session.token, HistoryQuery(), 0, 100)
        timings.append(time.perf_counter() - started)
    assert page.total == 100_000 + 3
    assert len(page.entries) == 100
    assert page.entries[0].at == NOW - timedelta(hours=1)

    started = time.perf_counter()
    month = store.history(
        session.token, HistoryQuery(date(2026, 10, 1), date(2026, 10, 31)), 0, 100
    )
    filtered = time.perf_counter() - started
    assert month.total == 31 * 24
    with capsys.disabled():
        print(
            f"\n[{store.engine.dialect.name}] insert 100k: {inserted:.2f}s; "
            f"history(0, 100): {', '.join(f'{t * 1000:.1f}' for t in timings)} ms; "
            f"one month filtered: {filtered * 1000:.1f} ms"
        )
    # The typical page, not the worst: one run in five may meet a collection or a busy core.
    assert sorted(timings)[len(timings) // 2] < 0.100
    assert filtered < 0.100
