"""History: newest first, paged by keyset, filtered by Tokyo calendar days and kinds."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.models import (
    HistoryCursor,
    HistoryPage,
    HistoryQuery,
    LedgerKind,
    RepayIntent,
)
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store, history_line

from ..conftest import DEVICE, SATO, YAMADA


def test_seeded_history_of_yamada(store: Store) -> None:
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    page = store.history(session.token, HistoryQuery(), None, 50)
    assert page.total == 3
    assert page.next_cursor is None
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
        store.sign_in_with_card(SATO[0], SATO[1], DEVICE).token, HistoryQuery(), None, 50
    ) == HistoryPage(entries=(), total=0, next_cursor=None)


def test_paging_and_day_filters(store: Store, demo: DemoOperations) -> None:
    # Repay at 00:30 and 23:30 Tokyo time on three days: the edges of each calendar day.
    made: list[tuple[datetime, str]] = []
    for day in range(3):
        for hour, minute in ((0, 30), (23, 30)):
            at = datetime(2026, 11, 25 + day, hour, minute, tzinfo=TOKYO)
            demo.advance_clock(at - store.service_terms().as_of)
            session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
            receipt = store.repay(
                session.token, RepayIntent.AMOUNT, 1_000, "0009", f"r-{day}-{hour}"
            )
            made.append((receipt.at, receipt.transaction_no))
    token = session.token
    everything = store.history(token, HistoryQuery(), None, 100)
    assert everything.total == 3 + 6
    numbers = [entry.transaction_no for entry in everything.entries]
    assert numbers[:6] == [number for _, number in reversed(made)]
    ats = [entry.at for entry in everything.entries]
    assert ats == sorted(ats, reverse=True)

    pages = _all_pages(store, token, HistoryQuery(), 4)
    assert [len(p.entries) for p in pages] == [4, 4, 1]
    assert [p.total for p in pages] == [9, None, None]  # counted once, for the first page
    assert pages[-1].next_cursor is None
    assert [e.transaction_no for p in pages for e in p.entries] == numbers

    one_day = store.history(token, HistoryQuery(date(2026, 11, 26), date(2026, 11, 26)), None, 10)
    assert one_day.total == 2
    assert {e.at for e in one_day.entries} == {
        datetime(2026, 11, 26, 0, 30, tzinfo=TOKYO),
        datetime(2026, 11, 26, 23, 30, tzinfo=TOKYO),
    }
    since = store.history(token, HistoryQuery(since=date(2026, 11, 26)), None, 10)
    assert since.total == 4
    until = store.history(token, HistoryQuery(until=date(2026, 11, 25)), None, 10)
    assert until.total == 3 + 2
    empty = store.history(token, HistoryQuery(date(2026, 11, 28), date(2026, 11, 30)), None, 10)
    assert empty.total == 0
    assert empty.entries == ()
    oldest = everything.entries[-1]
    past_the_end = store.history(token, HistoryQuery(), HistoryCursor(oldest.at, 0), 10)
    assert (past_the_end.total, past_the_end.entries, past_the_end.next_cursor) == (None, (), None)


def _all_pages(store: Store, token: str, query: HistoryQuery, size: int) -> list[HistoryPage]:
    pages = [store.history(token, query, None, size)]
    while pages[-1].next_cursor is not None:
        pages.append(store.history(token, query, pages[-1].next_cursor, size))
    return pages


def test_a_borrowing_while_paging_neither_shifts_nor_repeats_a_page(
    store: Store, demo: DemoOperations
) -> None:
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    token = session.token
    for n in range(5):
        demo.advance_clock(timedelta(minutes=1))
        store.repay(token, RepayIntent.AMOUNT, 1_000, "0009", f"before-{n}")
    before = [e.transaction_no for e in store.history(token, HistoryQuery(), None, 50).entries]
    assert len(before) == 3 + 5

    first = store.history(token, HistoryQuery(), None, 3)
    destination = store.bank_accounts(token)[0].id
    demo.advance_clock(timedelta(minutes=1))
    new = store.borrow(token, 10_000, destination, "meanwhile")  # newest: before page one
    rest = _all_pages_from(store, token, first)
    seen = [e.transaction_no for page in [first, *rest] for e in page.entries]
    assert seen == before  # no row twice, none skipped, the new one not slipped in
    assert new.transaction_no not in seen
    # A fresh first page shows it, and counts it.
    fresh = store.history(token, HistoryQuery(), None, 3)
    assert fresh.entries[0].transaction_no == new.transaction_no
    assert fresh.total == len(before) + 1


def _all_pages_from(store: Store, token: str, page: HistoryPage) -> list[HistoryPage]:
    pages: list[HistoryPage] = []
    while page.next_cursor is not None:
        page = store.history(token, HistoryQuery(), page.next_cursor, 3)
        pages.append(page)
    return pages


def test_entries_at_the_same_instant_page_by_id(store: Store) -> None:
    """Two movements in one instant (the clock stands still) still page apart."""
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    for n in range(4):
        store.repay(session.token, RepayIntent.AMOUNT, 1_000, "0009", f"same-{n}")
    pages = _all_pages(store, session.token, HistoryQuery(), 2)
    numbers = [e.transaction_no for p in pages for e in p.entries]
    assert len(numbers) == len(set(numbers)) == 3 + 4
    assert [len(p.entries) for p in pages] == [2, 2, 2, 1]


def test_the_first_and_last_days_of_the_calendar_bound_nothing(store: Store) -> None:
    """Bounds no movement can lie beyond (a date picker's extremes, a client's guess) are
    answered like no bound at all, never with an error of the store."""
    token = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).token
    everything = store.history(token, HistoryQuery(), None, 50)
    for query in (
        HistoryQuery(since=date.min),
        HistoryQuery(until=date.max),
        HistoryQuery(since=date.min, until=date.max),
    ):
        assert store.history(token, query, None, 50) == everything, query
    assert store.history(token, HistoryQuery(since=date.max), None, 50).entries == ()
    assert store.history(token, HistoryQuery(until=date.min), None, 50).entries == ()
    east = timezone(timedelta(hours=14))
    west = timezone(timedelta(hours=-12))
    latest = HistoryCursor(datetime.max.replace(tzinfo=west), 1)
    earliest = HistoryCursor(datetime.min.replace(tzinfo=east), 1)
    assert store.history(token, HistoryQuery(), latest, 50).entries == everything.entries
    assert store.history(token, HistoryQuery(), earliest, 50).entries == ()


def test_a_page_without_the_count_and_the_count_alone(store: Store) -> None:
    """The screen's pages skip the COUNT (the first rows never wait for a long ledger's); a
    first page of no rows asked with the count is the count alone."""
    token = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).token
    counted = store.history(token, HistoryQuery(), None, 2)
    uncounted = store.history(token, HistoryQuery(), None, 2, count=False)
    assert uncounted == HistoryPage(counted.entries, None, counted.next_cursor)
    assert store.history(token, HistoryQuery(), None, 0) == HistoryPage((), 3, None)
    repaying = HistoryQuery(kinds=frozenset({LedgerKind.REPAY, LedgerKind.AUTO_DEBIT}))
    assert store.history(token, repaying, None, 0).total == 1


def test_the_export_lines_are_the_pages_entries(store: Store) -> None:
    """``history_lines`` hands over every entry the pages hold, newest first, in Tokyo time."""
    token = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).token
    entries = store.history(token, HistoryQuery(), None, 50).entries

    def consume(total: int, batches: object) -> tuple[int, list[tuple[object, ...]]]:
        return total, [tuple(line) for batch in batches for line in batch]  # type: ignore[attr-defined]

    total, lines = store.history_lines(token, HistoryQuery(), consume)
    assert total == len(lines) == 3
    assert lines == [history_line(entry) for entry in entries]
    assert lines[0][0] == "2026-11-04 14:05"  # 山田's last movement (05:05 UTC), in Tokyo time
    nothing = HistoryQuery(kinds=frozenset())
    assert store.history_lines(token, nothing, consume) == (0, [])
