"""The history table: ledger entries, newest first, loaded a page at a time by keyset (each
page asks for the entries older than where the last one ended, so a borrowing made while the
member scrolls never shifts or repeats rows).

However far the member scrolls, the model holds at most ``KEPT_PAGES`` pages of entries (the
pages the view last painted); a page scrolled far away is dropped and fetched again by the
cursor it started at when it is painted again (blank for that moment). What grows with the
rows scrolled past is two 8-byte numbers a page (its start cursor, in ``array``s: no Python
object a page for the cyclic collector to walk) and one offset: 24 bytes per 200 rows.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import OrderedDict
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt

from desktop_app.domain.models import HistoryCursor, HistoryPage, LedgerEntry, LedgerKind
from desktop_app.i18n import N_, _, format_datetime, format_short_datetime, format_yen
from desktop_app.viewmodels.bank_names import bank_name
from desktop_app.viewmodels.table import Index as _Index
from desktop_app.viewmodels.table import TextTableModel

PAGE_SIZE = 200
KEPT_PAGES = 8  # the bound: at most 1,600 entries held, a few screens' worth either side
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class HistoryColumn(IntEnum):
    """The history table's columns, in order (the CSV export has the same)."""

    AT = 0
    KIND = 1
    AMOUNT = 2
    INTEREST = 3
    PRINCIPAL = 4
    PRINCIPAL_AFTER = 5
    BANK = 6


COLUMNS = (
    N_("Date and time"),
    N_("Type"),
    N_("Amount"),
    N_("Interest"),
    N_("Principal"),
    N_("Balance after"),
    N_("Bank"),
)
KINDS = {
    LedgerKind.BORROW: N_("Borrowing"),
    LedgerKind.REPAY: N_("Repayment"),
    LedgerKind.PREPAID_CHARGE: N_("Prepaid card charge"),
    LedgerKind.AUTO_DEBIT: N_("Automatic debit"),
}
# The kinds that pay the loan back: their interest and principal parts are shown.
REPAYING = frozenset({LedgerKind.REPAY, LedgerKind.AUTO_DEBIT})


class PageSource(Protocol):
    """Who fetches pages for the model (the history view-model)."""

    @property
    def active(self) -> bool: ...

    def load_page(self, generation: int, before: HistoryCursor | None) -> None: ...


def _micros(at: datetime) -> int:
    return (at - _EPOCH) // timedelta(microseconds=1)


class HistoryTableModel(TextTableModel[LedgerEntry]):
    """Ledger entries, newest first. Rows arrive a page at a time through fetchMore(); only
    the ``KEPT_PAGES`` pages painted last are kept (see the module's note)."""

    COLUMNS = COLUMNS
    LEFT_ALIGNED = frozenset({HistoryColumn.AT, HistoryColumn.KIND, HistoryColumn.BANK})

    def __init__(self, owner: PageSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._owner = owner
        self._compact = True  # two lines a cell and a caption, for a narrow table
        self._generation = 0  # pages of an older query are dropped
        self._reset_pages()

    def _reset_pages(self) -> None:
        self._pages: OrderedDict[int, tuple[LedgerEntry, ...]] = OrderedDict()  # LRU last
        self._offsets = array("q")  # the first row of every page loaded
        self._start_at = array("q")  # the cursor each page started after (µs, id); page 0: 0
        self._start_id = array("q")
        self._count = 0
        self._refetching: dict[tuple[int, int], int] = {}  # a start cursor → its page
        self._total: int | None = None  # unknown until counted
        self._cursor: HistoryCursor | None = None  # where the last page ended
        self._ended = False  # the last page has arrived
        self._loading = False

    # -- the bound -------------------------------------------------------------------------
    @property
    def rows_held(self) -> int:
        """How many entries the model holds now (≤ ``KEPT_PAGES × PAGE_SIZE``)."""
        return sum(len(entries) for entries in self._pages.values())

    def _keep(self, page: int, entries: tuple[LedgerEntry, ...]) -> None:
        self._pages[page] = entries
        self._pages.move_to_end(page)
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)

    def _entry(self, row: int) -> LedgerEntry | None:
        """The entry of ``row``, or None while its page is fetched again."""
        page = bisect_right(self._offsets, row) - 1
        entries = self._pages.get(page)
        if entries is None:
            self._refetch(page)
            return None
        self._pages.move_to_end(page)
        return entries[row - self._offsets[page]]

    def _start(self, page: int) -> HistoryCursor | None:
        if page == 0:
            return None
        at = _EPOCH + timedelta(microseconds=self._start_at[page])
        return HistoryCursor(at, self._start_id[page])

    def _refetch(self, page: int) -> None:
        key = (self._start_at[page], self._start_id[page])
        if key in self._refetching or not self._owner.active:
            return
        self._refetching[key] = page
        self._owner.load_page(self._generation, self._start(page))

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def set_compact(self, compact: bool) -> None:
        """Two lines (the time under the date, a caption's words one under the other) where
        the table is narrow; one line where the table has the room."""
        if compact == self._compact:
            return
        self._compact = compact
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._count:
            at = HistoryColumn.AT
            self.dataChanged.emit(self.index(0, at), self.index(self._count - 1, at))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._count:
            last = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, last))

    def _text(self, entry: LedgerEntry, column: int) -> str:
        repay = entry.kind in REPAYING
        match HistoryColumn(column):
            case HistoryColumn.AT:
                return format_short_datetime(entry.at, "\n" if self._compact else " ")
            case HistoryColumn.KIND:
                return _(KINDS[entry.kind])
            case HistoryColumn.AMOUNT:
                return format_yen(entry.amount)
            case HistoryColumn.INTEREST:
                return format_yen(entry.to_interest + entry.to_damages) if repay else "—"
            case HistoryColumn.PRINCIPAL:
                return format_yen(entry.to_principal) if repay else "—"
            case HistoryColumn.PRINCIPAL_AFTER:
                return format_yen(entry.principal_after)
            case HistoryColumn.BANK:
                return bank_name(entry.counterparty)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """A caption of two words on two lines (「Principal\\nafter」, 「取引\\n内容」: a
        four-kanji compound is two words), so the column is as narrow as its figures."""
        text = super().headerData(section, orientation, role)
        if not isinstance(text, str) or not self._compact:
            return text
        if " " in text:
            head, _space, tail = text.rpartition(" ")
            return f"{head}\n{tail}"
        if len(text) == 4 and all("\u4e00" <= char <= "\u9fff" for char in text):
            return f"{text[:2]}\n{text[2:]}"
        return text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text; the date and time in full (with the day of the week) on the
        tooltip, and the bank's name, which the column may elide, too."""
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in self.LEFT_ALIGNED:
                return None
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            entry = self._entry(index.row())
            return "" if entry is None else self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            entry = self._entry(index.row())
            if entry is None:
                return None
            if column == HistoryColumn.AT:
                return format_datetime(entry.at)
            if column == HistoryColumn.BANK:
                return bank_name(entry.counterparty)
        return None

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or not self._owner.active:
            return False
        return not self._ended

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._loading or not self.canFetchMore(parent):
            return
        self._loading = True
        self._owner.load_page(self._generation, self._cursor)

    # -- fed by the view-model -----------------------------------------------------------
    def add_page(
        self, generation: int, page: HistoryPage, before: HistoryCursor | None = None
    ) -> None:
        """Append ``page``, the entries older than ``before``, or put back a page dropped
        earlier; a page of an older query, or one that no longer follows the last row (asked
        again after a connection fault while another request brought it), is dropped."""
        if generation != self._generation:
            return
        if page.total is not None:
            self._total = page.total
        if self._loading and before == self._cursor and not self._ended:
            self._append(page)
            return
        key = (0, 0) if before is None else (_micros(before.at), before.id)
        number = self._refetching.pop(key, None)
        if number is not None:
            self._put_back(number, page)

    def _append(self, page: HistoryPage) -> None:
        start = self._cursor  # the page starts after the previous page's last entry
        self._loading = False
        self._cursor = page.next_cursor
        self._ended = page.next_cursor is None
        if not page.entries:
            return
        first, number = self._count, len(self._offsets)
        self.beginInsertRows(QModelIndex(), first, first + len(page.entries) - 1)
        self._offsets.append(first)
        self._start_at.append(0 if start is None else _micros(start.at))
        self._start_id.append(0 if start is None else start.id)
        self._count += len(page.entries)
        self._keep(number, page.entries)
        self.endInsertRows()

    def _put_back(self, number: int, page: HistoryPage) -> None:
        first = self._offsets[number]
        end = self._offsets[number + 1] if number + 1 < len(self._offsets) else self._count
        if len(page.entries) != end - first:  # the ledger changed under the member: reload
            self.clear()
            self.fetchMore()
            return
        self._keep(number, page.entries)
        self.dataChanged.emit(self.index(first, 0), self.index(end - 1, len(COLUMNS) - 1))

    def set_total(self, generation: int, total: int) -> None:
        """The count of the entries matching the query, asked apart from the first page."""
        if generation == self._generation:
            self._total = total

    def page_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._loading = False
            self._refetching.clear()  # asked again when next painted

    def clear(self) -> None:
        self.beginResetModel()
        self._generation += 1
        self._reset_pages()
        self.endResetModel()

    @property
    def total(self) -> int | None:
        return self._total

    @property
    def generation(self) -> int:
        return self._generation
