"""The history table: ledger entries, newest first, loaded a page at a time."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.domain.models import HistoryPage, LedgerEntry, LedgerKind
from desktop_app.i18n import N_, _, format_datetime, format_yen

PAGE_SIZE = 200

COLUMNS = (
    N_("Date and time"),
    N_("Type"),
    N_("Amount"),
    N_("Interest"),
    N_("Principal"),
    N_("Principal after"),
    N_("Bank"),
)
KINDS = {
    LedgerKind.BORROW: N_("Borrowing"),
    LedgerKind.REPAY: N_("Repayment"),
    LedgerKind.PREPAID_CHARGE: N_("Prepaid card charge"),
}
_Index = QModelIndex | QPersistentModelIndex


class PageSource(Protocol):
    """Who fetches pages for the model (the history view-model)."""

    @property
    def active(self) -> bool: ...

    def load_page(self, generation: int, offset: int) -> None: ...


class HistoryTableModel(QAbstractTableModel):
    """Ledger entries, newest first. Rows arrive a page at a time through fetchMore()."""

    def __init__(self, owner: PageSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._owner = owner
        self._rows: list[LedgerEntry] = []
        self._total: int | None = None  # unknown until the first page arrives
        self._loading = False
        self._generation = 0  # pages of an older query are dropped

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return _(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(entry: LedgerEntry, column: int) -> str:
        if column == 0:
            return format_datetime(entry.at)
        if column == 1:
            return _(KINDS[entry.kind])
        if column == 2:
            return format_yen(entry.amount)
        if column == 3:
            return (
                format_yen(entry.to_interest + entry.to_damages) if entry.kind == "repay" else "—"
            )
        if column == 4:
            return format_yen(entry.to_principal) if entry.kind == "repay" else "—"
        if column == 5:
            return format_yen(entry.principal_after)
        return entry.counterparty

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or not self._owner.active:
            return False
        return self._total is None or len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._loading or not self.canFetchMore(parent):
            return
        self._loading = True
        self._owner.load_page(self._generation, len(self._rows))

    # -- fed by the view-model -----------------------------------------------------------
    def add_page(self, generation: int, page: HistoryPage) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._total = page.total
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
        self._loading = False
        self.endResetModel()

    @property
    def total(self) -> int | None:
        return self._total

    @property
    def generation(self) -> int:
        return self._generation

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )
