"""Transaction history: a table model that loads pages lazily, off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)

from desktop_app.domain.errors import AppError
from desktop_app.domain.models import HistoryPage, HistoryQuery, LedgerEntry, LedgerKind
from desktop_app.i18n import N_, _, format_datetime, format_yen
from desktop_app.store.protocol import Store
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel, state

PAGE_SIZE = 200
EXPORT_PAGE_SIZE = 2_000

_COLUMNS = (
    N_("Date and time"),
    N_("Type"),
    N_("Amount"),
    N_("Interest"),
    N_("Principal"),
    N_("Principal after"),
    N_("Bank"),
)
_KINDS = {LedgerKind.BORROW: N_("Borrowing"), LedgerKind.REPAY: N_("Repayment")}
_Index = QModelIndex | QPersistentModelIndex


class HistoryTableModel(QAbstractTableModel):
    """Ledger entries, newest first. Rows arrive a page at a time through fetchMore()."""

    def __init__(self, owner: HistoryViewModel) -> None:
        super().__init__(owner)
        self._owner = owner
        self._rows: list[LedgerEntry] = []
        self._total: int | None = None  # unknown until the first page arrives
        self._loading = False
        self._generation = 0  # pages of an older query are dropped

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_COLUMNS)
        ):
            return _(_COLUMNS[section])
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
            return _(_KINDS[entry.kind])
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
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(_COLUMNS) - 1)
            )


class HistoryViewModel(ViewModel):
    """The history screen: a period filter and the lazily loaded table.

    Signals:
        summary_text_changed(str): how many transactions match ("" before the first page).
        export_enabled_changed(bool): whether a CSV export can start now.
        export_result_changed(str): the outcome of the last export ("" for none).
    """

    summary_text_changed = Signal(str)
    export_enabled_changed = Signal(bool)
    export_result_changed = Signal(str)
    summary_text = state(str, "summary_text", summary_text_changed)
    export_enabled = state(bool, "export_enabled", export_enabled_changed)
    export_result = state(str, "export_result", export_result_changed)

    def __init__(self, app: ApplicationViewModel, parent: QObject | None = None) -> None:
        super().__init__(app.runner, parent)
        self._app = app
        self._query = HistoryQuery()
        self._values.update(summary_text="", export_enabled=False, export_result="")
        self._exporting = False
        self._export_outcome: tuple[int, str] | None = None
        self.model = HistoryTableModel(self)
        app.signed_in_changed.connect(self._reload)
        app.ledger_changed.connect(self._reload)
        if self.active:
            self._reload()

    @property
    def active(self) -> bool:
        return self._app.session is not None

    @property
    def query(self) -> HistoryQuery:
        return self._query

    def set_period(self, since: date | None, until: date | None) -> None:
        query = HistoryQuery(since=since, until=until)
        if query != self._query:
            self._query = query
            self._reload()

    @Slot()
    @Slot(bool)
    def _reload(self, _signed_in: bool = True) -> None:
        self.model.clear()
        self._update("summary_text", "")
        self._set_error(None)
        if not self.active:
            self._export_outcome = None
            self._update("export_result", "")
        self._update("export_enabled", self.active and not self._exporting)
        if self.active:
            self.model.fetchMore(QModelIndex())

    def load_page(self, generation: int, offset: int) -> None:
        token, query, store = self._app.token, self._query, self._app.store
        self._update("busy", True)
        self._runner.submit(
            "history",
            lambda: (generation, store.get().history(token, query, offset, PAGE_SIZE)),
            self._on_page,
            self._on_page_failed,
        )

    @Slot(object)
    def _on_page(self, outcome: tuple[int, HistoryPage]) -> None:
        self._done()
        generation, page = outcome
        self.model.add_page(generation, page)
        self._render_summary()

    @Slot(object)
    def _on_page_failed(self, error: AppError) -> None:
        self._done()
        self.model.page_failed(self.model.generation)
        if not self._app.handle_error(error):
            self._set_error(error)

    # -- CSV export ----------------------------------------------------------------------
    def suggested_export_name(self) -> str:
        return "history.csv"

    @Slot(str)
    def export_csv(self, path: str) -> None:
        """Write every entry matching the period to ``path`` (UTF-8 with BOM, for Excel)."""
        if not self.active or self._exporting or not path:
            return
        self._exporting = True
        self._update("export_enabled", False)
        token, query, store = self._app.token, self._query, self._app.store
        header = [_(column) for column in _COLUMNS]
        kinds = {kind: _(label) for kind, label in _KINDS.items()}
        self._runner.submit(
            "export_csv",
            lambda: write_csv(store.get(), token, query, Path(path), header, kinds),
            self._on_exported,
            self._on_export_failed,
        )

    @Slot(object)
    def _on_exported(self, outcome: tuple[int, str]) -> None:
        self._exporting = False
        self._export_outcome = outcome
        self._update("export_enabled", self.active)
        self._render_export()

    @Slot(object)
    def _on_export_failed(self, error: AppError) -> None:
        self._exporting = False
        self._update("export_enabled", self.active)
        if not self._app.handle_error(error):
            self._set_error(error)

    def _render_export(self) -> None:
        if self._export_outcome is None:
            self._update("export_result", "")
            return
        count, path = self._export_outcome
        self._update(
            "export_result",
            _("{count} transactions were exported to {path}.").format(count=count, path=path),
        )

    def _render_summary(self) -> None:
        total = self.model.total
        self._update(
            "summary_text",
            "" if total is None else _("{count} transactions").format(count=f"{total:,}"),
        )

    def retranslate(self) -> None:
        super().retranslate()
        self.model.retranslate()
        self._render_summary()
        self._render_export()


def write_csv(
    store: Store,
    token: str,
    query: HistoryQuery,
    path: Path,
    header: list[str],
    kinds: dict[LedgerKind, str],
) -> tuple[int, str]:
    """Runs in a worker: page through the history and write it as CSV (UTF-8 with BOM)."""
    import csv

    written = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        offset = 0
        while True:
            page = store.history(token, query, offset, EXPORT_PAGE_SIZE)
            for entry in page.entries:
                writer.writerow(
                    [
                        entry.at.strftime("%Y-%m-%d %H:%M"),
                        kinds[entry.kind],
                        entry.amount,
                        entry.to_interest + entry.to_damages,
                        entry.to_principal,
                        entry.principal_after,
                        entry.counterparty,
                    ]
                )
            written += len(page.entries)
            offset += len(page.entries)
            if not page.entries or offset >= page.total:
                return written, str(path)
