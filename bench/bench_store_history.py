"""History of 1,000,000 ledger rows, SQLite and PostgreSQL (``make bench``): the first rows, a
page at any depth, scrolling to the end, a period and a kind filter, the CSV export (time and
peak memory) and the table model's memory after scrolling to the end. Each figure goes to
``bench.results.record`` beside its target (issue 13).

One member's 1,000,000 borrowings, one an hour back from an hour before ``NOW``, inserted in
bulk once per back-end (PostgreSQL is then ``VACUUM ANALYZE``d, as autovacuum would after such
an insert). Pages are the screen's (200 rows, no count: the count is asked apart).
"""

from __future__ import annotations

import gc
import statistics
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.results import record
from desktop_app.domain.models import HistoryCursor, HistoryPage, HistoryQuery, LedgerKind
from desktop_app.store.sql import SqlStore
from desktop_app.viewmodels.export import write_csv
from desktop_app.viewmodels.history_model import KEPT_PAGES, PAGE_SIZE, HistoryTableModel
from tests.store.conftest import DEVICE, NOW, YAMADA
from tests.store.helpers import prepaid

ROWS = 1_000_000
SEEDED = 3  # 山田's own movements
TRIES = 5  # a page's figure is the worst of these
MiB = 1024 * 1024


def _ms(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    answer = work()
    return (time.perf_counter() - started) * 1000, answer


def _worst(work: Callable[[], Any], tries: int = TRIES) -> float:
    return max(_ms(work)[0] for _ in range(tries))


class _RssPeak:
    """The peak resident set over a block, sampled every 10 ms from /proc (no tracing: the
    export's time stays the export's)."""

    def __init__(self) -> None:
        self.start = self.peak = _rss()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._done.wait(0.01):
            self.peak = max(self.peak, _rss())

    def __enter__(self) -> _RssPeak:
        gc.collect()
        self.start = self.peak = _rss()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join()
        self.peak = max(self.peak, _rss())


def _rss() -> int:
    import os

    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class _Owner:
    """The view-model's part for the model, answered at once from the store (no runner)."""

    def __init__(self, store: SqlStore, token: str) -> None:
        self.store, self.token = store, token
        self.model: HistoryTableModel | None = None

    @property
    def active(self) -> bool:
        return True

    def load_page(self, generation: int, before: HistoryCursor | None) -> None:
        page = self.store.history(self.token, HistoryQuery(), before, PAGE_SIZE, count=False)
        assert self.model is not None
        self.model.add_page(generation, page, before)


def test_history_of_1000000_rows(
    store: SqlStore, bulk_ledger: Callable[..., None], tmp_path: Path, qapp: Any
) -> None:
    back_end = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[store.engine.dialect.name]
    section = f"History, 1,000,000 rows ({back_end})"
    inserted, _ = _ms(lambda: bulk_ledger(store, "100000001", ROWS, NOW - timedelta(hours=1)))
    if back_end == "PostgreSQL":
        with store.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text("VACUUM ANALYZE ledger")
            )
    record(section, "bulk insert (set-up)", inserted / 1000, "s", detail=f"{ROWS:,} rows")
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    token, everything = session.token, HistoryQuery()

    def page(query: HistoryQuery, before: HistoryCursor | None = None) -> HistoryPage:
        return store.history(token, query, before, PAGE_SIZE, count=False)

    page(everything)  # the statements compiled once, as after the first visit
    first = _worst(lambda: page(everything))
    record(section, "first rows (200, no count)", first, "ms", "< 100 ms", first < 100)
    counted, total = _ms(lambda: store.history(token, everything, None, 0).total)
    assert total == ROWS + SEEDED
    record(section, "count of all rows (asked apart, after the first rows)", counted, "ms")

    # Scrolling to the end: every page by the cursor the last one ended at.
    cursors: dict[int, HistoryCursor] = {}
    times: list[float] = []
    worst_page, pages, rows = 0.0, 0, 0
    before: HistoryCursor | None = None
    started = time.perf_counter()
    while True:
        took, answer = _ms(lambda before=before: page(everything, before))
        worst_page = max(worst_page, took)
        times.append(took)
        pages, rows = pages + 1, rows + len(answer.entries)
        if answer.next_cursor is None:
            break
        before = answer.next_cursor
        cursors[rows] = before
    scrolled = time.perf_counter() - started
    assert rows == ROWS + SEEDED
    record(section, "scroll to the end: every page", scrolled, "s", detail=f"{pages:,} pages")
    record(section, "scroll to the end: worst page", worst_page, "ms", "< 50 ms", worst_page < 50)
    record(section, "scroll to the end: median page", statistics.median(times), "ms")
    for label, depth in (("0", None), ("500k", 500_000), ("end", max(cursors))):
        cursor = None if depth is None else cursors[depth]
        worst = _worst(lambda cursor=cursor: page(everything, cursor))
        record(
            section,
            f"a page at depth {label} (worst of {TRIES})",
            worst,
            "ms",
            "< 50 ms",
            worst < 50,
        )

    october = HistoryQuery(date(2026, 10, 1), date(2026, 10, 31))
    assert len(page(october).entries) == PAGE_SIZE
    worst = _worst(lambda: page(october))
    record(section, "period filter (a month), first page", worst, "ms", "< 50 ms", worst < 50)
    deep = cursors[500_000]
    year = HistoryQuery(date(2000, 1, 1), date(2000, 12, 31))
    worst = _worst(lambda: page(year))
    record(section, "period filter (a year, 26 years back)", worst, "ms", "< 50 ms", worst < 50)

    store.borrow(token, 1_000, prepaid(store, session).id, "bench-charge")
    charges = HistoryQuery(kinds=frozenset({LedgerKind.PREPAID_CHARGE}))
    repaying = HistoryQuery(kinds=frozenset({LedgerKind.REPAY, LedgerKind.AUTO_DEBIT}))
    borrowing = HistoryQuery(kinds=frozenset({LedgerKind.BORROW}))
    assert page(charges).entries[0].kind is LedgerKind.PREPAID_CHARGE
    for label, query in (
        ("a rare kind", charges),
        ("two kinds", repaying),
        ("borrowing", borrowing),
    ):
        page(query)
        worst = _worst(lambda query=query: page(query))
        record(section, f"kind filter, {label} (first page)", worst, "ms", "< 50 ms", worst < 50)
    worst = _worst(lambda: page(borrowing, deep))
    record(section, "kind filter, borrowing at depth 500k", worst, "ms", "< 50 ms", worst < 50)

    # The CSV export of every row, streamed.
    target = tmp_path / "history.csv"
    kinds = {kind: kind.value for kind in LedgerKind}
    header = ["at", "kind", "amount", "interest", "principal", "after", "bank"]
    with _RssPeak() as memory:
        took, (written, _path) = _ms(
            lambda: write_csv(store, token, everything, target, header, kinds)
        )
    assert written == ROWS + SEEDED + 1
    seconds = took / 1000
    record(
        section,
        "CSV export of every row",
        seconds,
        "s",
        "< 10 s",
        seconds < 10,
        f"{written / seconds:,.0f} rows/s",
    )
    growth = (memory.peak - memory.start) / MiB
    record(
        section,
        "CSV export: peak memory growth",
        growth,
        "MiB",
        "flat (< 50 MiB)",
        growth < 50,
        "RSS sampled every 10 ms",
    )
    target.unlink()

    # The table model, scrolled to the end and painted on the way (the view's data() calls).
    owner = _Owner(store, token)
    model = owner.model = HistoryTableModel(owner)
    gc.collect()
    start = _rss()
    while model.canFetchMore():
        model.fetchMore()
        last = model.rowCount() - 1
        model.data(model.index(last, 0))
    gc.collect()
    held = (_rss() - start) / MiB
    assert model.rowCount() == ROWS + SEEDED + 1
    assert model.rows_held <= KEPT_PAGES * PAGE_SIZE
    record(
        section,
        "model memory after scrolling to the end",
        held,
        "MiB",
        "bounded (< 16 MiB)",
        held < 16,
        f"RSS growth; {model.rows_held:,} entries held of {model.rowCount():,}",
    )
