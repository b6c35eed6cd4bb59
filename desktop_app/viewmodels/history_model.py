"""The history table: ledger entries, newest first, loaded a page at a time by keyset (each
page asks for the entries older than where the last one ended, so a borrowing made while the
member scrolls never shifts or repeats rows)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt

from desktop_app.domain.models import HistoryCursor, HistoryPage, LedgerEntry, LedgerKind
from desktop_app.i18n import N_, _, format_datetime, format_short_datetime, format_yen
from desktop_app.viewmodels.bank_names import bank_name
from desktop_app.viewmodels.table import Index as _Index
from desktop_app.viewmodels.table import TextTableModel

PAGE_SIZE = 200


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


class HistoryTableModel(TextTableModel[LedgerEntry]):
    """Ledger entries, newest first. Rows arrive a page at a time through fetchMore()."""

    COLUMNS = COLUMNS
    LEFT_ALIGNED = frozenset({HistoryColumn.AT, HistoryColumn.KIND, HistoryColumn.BANK})

    def __init__(self, owner: PageSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._owner = owner
        self._rows: list[LedgerEntry] = []  # grows a page at a time
        self._total: int | None = None  # unknown until the first page arrives
        self._cursor: HistoryCursor | None = None  # where the last page ended
        self._ended = False  # the last page has arrived
        self._loading = False
        self._generation = 0  # pages of an older query are dropped
        self._compact = True  # two lines a cell and a caption, for a narrow table

    def set_compact(self, compact: bool) -> None:
        """Two lines (the time under the date, a caption's words one under the other) where
        the table is narrow; one line where the table has the room."""
        if compact == self._compact:
            return
        self._compact = compact
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            at = HistoryColumn.AT
            self.dataChanged.emit(self.index(0, at), self.index(len(self._rows) - 1, at))

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
        """The date and time in full (with the day of the week) on the tooltip; the bank's name,
        which the column may elide, too."""
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            if not 0 <= index.row() < len(self._rows):
                return None
            entry = self._rows[index.row()]
            if index.column() == HistoryColumn.AT:
                return format_datetime(entry.at)
            if index.column() == HistoryColumn.BANK:
                return bank_name(entry.counterparty)
            return None
        return super().data(index, role)

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
        """Append ``page``, the entries older than ``before``; a page of an older query, or
        one that no longer follows the last row (asked again after a connection fault while
        another request brought it), is dropped."""
        if generation != self._generation or before != self._cursor:
            return
        self._loading = False
        if page.total is not None:  # counted for the first page only
            self._total = page.total
        self._cursor = page.next_cursor
        self._ended = page.next_cursor is None
        if page.entries:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.entries) - 1)
            self._rows.extend(page.entries)
            self.endInsertRows()

    def page_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._loading = False

    def clear(self) -> None:
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._total = None
        self._cursor = None
        self._ended = False
        self._loading = False
        self.endResetModel()

    @property
    def total(self) -> int | None:
        return self._total

    @property
    def generation(self) -> int:
        return self._generation
