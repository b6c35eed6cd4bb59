"""History at depth on SQLite and PostgreSQL (issue 13): keyset pages across many equal
instants and mixed kinds give exactly the ledger's order with no row twice or missing, the
kind filter's pages are the filtered ledger, the CSV export holds every row. No timings here
(``make bench`` has them)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from desktop_app.domain.models import HistoryCursor, HistoryQuery, LedgerKind
from desktop_app.store.protocol import history_line
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.schema import LedgerRow, Member
from desktop_app.viewmodels.export import write_csv
from desktop_app.viewmodels.history_model import PAGE_SIZE

from .conftest import DEVICE, NOW, YAMADA

ROWS = 2_000  # eleven pages of the screen: more than the model keeps
SAME_INSTANT = 7  # rows sharing one instant: a page boundary falls inside such groups
_KINDS = (LedgerKind.BORROW, LedgerKind.REPAY, LedgerKind.BORROW, LedgerKind.AUTO_DEBIT)


def _ledger(store: SqlStore) -> None:
    """``ROWS`` movements of 山田, seven to an instant, the kinds mixed (a prepaid charge
    every 100th row: the rare kind)."""
    with store.engine.begin() as connection:
        member = connection.scalar(select(Member.id).where(Member.member_number == "100000001"))
        rows: list[dict[str, Any]] = []
        for index in range(ROWS):
            kind = LedgerKind.PREPAID_CHARGE if index % 100 == 0 else _KINDS[index % 4]
            rows.append(
                {
                    "transaction_no": f"T{index:012d}",
                    "member_id": member,
                    "request_id": f"paging-{index}",
                    "kind": kind.value,
                    "amount": 1_000 + index,
                    "to_damages": 0,
                    "to_interest": index % 50,
                    "to_principal": 10,
                    "principal_after": 5_000 + index,
                    "available_after": 0,
                    "minimum_payment_after": 0,
                    "next_due_date_after": None,
                    "counterparty": "三井住友銀行",
                    "bank_account_id": None,
                    "bank_code": "0009",
                    "at": NOW - timedelta(hours=1 + index // SAME_INSTANT),
                }
            )
        connection.execute(insert(LedgerRow), rows)


def _expected(store: SqlStore, kinds: frozenset[LedgerKind] | None = None) -> list[str]:
    """The transaction numbers in the order (at DESC, id DESC), straight from the table."""
    statement = select(LedgerRow.transaction_no).order_by(LedgerRow.at.desc(), LedgerRow.id.desc())
    statement = statement.join(Member).where(Member.member_number == "100000001")
    if kinds is not None:
        statement = statement.where(LedgerRow.kind.in_(sorted(kind.value for kind in kinds)))
    with store.engine.connect() as connection:
        return list(connection.scalars(statement))


def _paged(store: SqlStore, token: str, query: HistoryQuery, limit: int) -> list[str]:
    numbers: list[str] = []
    before: HistoryCursor | None = None
    while True:
        page = store.history(token, query, before, limit, count=False)
        assert page.total is None
        assert len(page.entries) == limit or page.next_cursor is None
        numbers += [entry.transaction_no for entry in page.entries]
        if page.next_cursor is None:
            return numbers
        before = page.next_cursor


@pytest.fixture
def token(store: SqlStore) -> str:
    _ledger(store)
    return store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).token


@pytest.mark.parametrize("limit", [200, 7])
def test_keyset_pages_are_the_ledger_across_equal_instants(
    store: SqlStore, token: str, limit: int
) -> None:
    expected = _expected(store)
    assert len(expected) == ROWS + 3
    assert _paged(store, token, HistoryQuery(), limit) == expected


@pytest.mark.parametrize(
    "kinds",
    [
        frozenset({LedgerKind.PREPAID_CHARGE}),
        frozenset({LedgerKind.BORROW}),
        frozenset({LedgerKind.REPAY, LedgerKind.AUTO_DEBIT}),
        frozenset({LedgerKind.BORROW, LedgerKind.REPAY, LedgerKind.PREPAID_CHARGE}),
        frozenset(LedgerKind),
    ],
    ids=["rare", "one", "two", "three", "all"],
)
def test_the_kind_filter_pages_are_the_filtered_ledger(
    store: SqlStore, token: str, kinds: frozenset[LedgerKind]
) -> None:
    expected = _expected(store, kinds)
    query = HistoryQuery(kinds=kinds)
    assert _paged(store, token, query, 200) == expected
    assert store.history(token, query, None, 0).total == len(expected)
    # A cursor deep in the ledger (from the unfiltered pages) seeks into the kind's range.
    middle = store.history(token, HistoryQuery(), None, 1_000, count=False).next_cursor
    assert middle is not None
    deep = store.history(token, query, middle, 50, count=False)
    newer = {
        entry.transaction_no for entry in store.history(token, HistoryQuery(), None, 1_000).entries
    }
    tail = [number for number in expected if number not in newer]
    assert [entry.transaction_no for entry in deep.entries] == tail[:50]


def test_the_export_holds_every_row_in_order(store: SqlStore, token: str, tmp_path: Path) -> None:
    target = tmp_path / "history.csv"
    header = ["at", "kind", "amount", "interest", "principal", "after", "bank"]
    kinds = {kind: kind.value for kind in LedgerKind}
    seen: list[tuple[int, int]] = []
    written, _path = write_csv(
        store, token, HistoryQuery(), target, header, kinds, lambda *p: seen.append(p)
    )
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ",".join(header)
    assert written == len(lines) - 1 == ROWS + 3
    assert seen[-1] == (written, written)
    entries = []
    before: HistoryCursor | None = None
    while True:
        page = store.history(token, HistoryQuery(), before, 1_000, count=False)
        entries += page.entries
        if page.next_cursor is None:
            break
        before = page.next_cursor
    assert lines[1:] == [",".join(str(value) for value in history_line(entry)) for entry in entries]
    charges = tmp_path / "charges.csv"
    only = HistoryQuery(kinds=frozenset({LedgerKind.PREPAID_CHARGE}))
    assert write_csv(store, token, only, charges, header, kinds)[0] == ROWS // 100


class _Owner:
    """The view-model's part for the model, answered at once from the real store."""

    def __init__(self, store: SqlStore, token: str) -> None:
        self.store, self.token, self.asked = store, token, 0
        self.model: Any = None

    @property
    def active(self) -> bool:
        return True

    def load_page(self, generation: int, before: HistoryCursor | None) -> None:
        self.asked += 1
        page = self.store.history(self.token, HistoryQuery(), before, PAGE_SIZE, count=False)
        self.model.add_page(generation, page, before)


def test_the_model_holds_a_bounded_window_however_far_the_member_scrolls(
    store: SqlStore, token: str, qapp: Any
) -> None:
    """Scrolled through every page, the model holds at most ``KEPT_PAGES`` pages of entries;
    a dropped page painted again is fetched by its cursor and shows the same rows."""
    from desktop_app.viewmodels.history_model import KEPT_PAGES, HistoryTableModel

    owner = _Owner(store, token)
    model = owner.model = HistoryTableModel(owner)
    texts: dict[int, str] = {}
    model.fetchMore()
    texts[0] = model.data(model.index(0, 2))
    while model.canFetchMore():
        model.fetchMore()
        last = model.rowCount() - 1
        texts[last] = model.data(model.index(last, 2))  # painted on the way: the amount
        assert model.rows_held <= KEPT_PAGES * PAGE_SIZE
    assert model.rowCount() == ROWS + 3
    assert owner.asked == -(-(ROWS + 3) // PAGE_SIZE)
    assert model.rows_held == (KEPT_PAGES - 1) * PAGE_SIZE + (ROWS + 3) % PAGE_SIZE
    expected = _expected(store)
    assert model.data(model.index(0, 2)) == ""  # page 0 was dropped: blank, asked again
    assert owner.asked == -(-(ROWS + 3) // PAGE_SIZE) + 1
    assert model.data(model.index(0, 2)) == texts[0]
    for row, text in list(texts.items())[1:6]:  # the early pages, each fetched again
        assert model.data(model.index(row, 2)) in ("", text)  # blank while it is asked
        assert model.data(model.index(row, 2)) == text
    assert model.rows_held <= KEPT_PAGES * PAGE_SIZE
    numbers = []
    for row in range(0, ROWS + 3, 97):  # every row where the store has it, page after page
        entry = model._entry(row) or model._entry(row)
        numbers.append(entry.transaction_no)
    assert numbers == expected[::97]
