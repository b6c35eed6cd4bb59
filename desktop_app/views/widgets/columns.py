"""Table columns as wide as their contents, sharing any width left over: figures are never
elided (a narrow window scrolls sideways inside the table) and never pushed to a far edge."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QHeaderView, QTableView


class SpreadColumns(QObject):
    """Keeps ``table``'s columns fitted: after a resize, a font change or new rows."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(False)
        table.installEventFilter(self)
        model = table.model()
        model.modelReset.connect(self.refit)
        model.rowsInserted.connect(self.refit)
        model.layoutChanged.connect(self.refit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            QTimer.singleShot(0, self.refit)  # once the new size or font has settled
        return False

    @Slot()
    def refit(self) -> None:
        table, header = self._table, self._table.horizontalHeader()
        count = header.count()
        if count == 0:
            return
        widths = [
            max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(count)
        ]
        extra = table.viewport().width() - sum(widths)
        share = max(0, extra) // count
        for column, width in enumerate(widths):
            header.resizeSection(column, width + share)
