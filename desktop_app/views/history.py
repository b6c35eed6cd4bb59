"""Transaction history: a period filter and a lazily loaded table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.viewmodels.history import KIND_FILTER_NAMES, HistoryViewModel
from desktop_app.views.binding import (
    bind_combo_index,
    bind_enabled,
    bind_error,
    bind_label,
    bind_visible,
    make_button,
    make_combo,
    make_label,
    name,
)
from desktop_app.views.widgets.date_input import DateInput
from desktop_app.views.widgets.flow import FlowLayout
from desktop_app.views.widgets.page import Column, centred, scrolling

HISTORY_WIDTH = 1000  # at 標準: the table's columns and a little room, centred beyond that
TABLE_MIN_HEIGHT = 240


class HistoryView(QWidget):
    def __init__(self, vm: HistoryViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "historyScreen")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        # The minimum date (shown 指定なし) means no limit; the calendar opens at today.
        self.from_date, self.to_date = (
            DateInput(
                object_name,
                vm.days,
                optional=True,
                minimum=date(2000, 1, 1),
                unset_text=lambda: _("Any date"),
            )
            for object_name in ("historyFromDate", "historyToDate")
        )
        self.clear_period = make_button("historyClearPeriodButton")
        self.kind = make_combo("historyKindCombo")
        # As wide as its longest choice, narrower when the row is (the largest font size in an
        # 800×600 window): then the closed box may elide a long choice, the open list shows it
        # whole, and the screen never pushes the navigation aside.
        self.kind.setMinimumWidth(1)
        self.export_button = make_button("exportCsvButton")
        self.progress = QProgressBar()
        name(self.progress, "exportProgressBar")
        self.progress.setRange(0, 100)
        self.cancel_export = make_button("exportCancelButton")
        self.count = make_label("historyCountLabel", wrap=True)
        self.export_result = make_label("historyExportResult", "success")
        self.export_result.setWordWrap(True)
        self.error = make_label("historyError", "error", wrap=True)
        self.table = QTableView()
        name(self.table, "historyTable")
        self.table.setModel(vm.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # the date over the time: two lines, never more
        header = self.table.horizontalHeader()
        # Columns are sized once, from the first page: measuring every row again as each page
        # of a long history arrives would stall the window while the member scrolls.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(50)
        vm.model.rowsInserted.connect(self._size_columns)
        vm.model.modelReset.connect(self._size_columns)
        header.setStretchLastSection(True)

        # The toolbar wraps onto a second row rather than clipping (800×600, large text); a
        # caption stays with its input.
        filters = FlowLayout()
        self._from_caption, self._to_caption = QLabel(), QLabel()
        self._kind_caption = QLabel()
        for caption, field in (
            (self._from_caption, self.from_date),
            (self._to_caption, self.to_date),
            (self._kind_caption, self.kind),
        ):
            pair = QWidget()
            row = FlowLayout(pair)  # the caption above its input when even the pair is too wide
            row.addWidget(caption)
            row.addWidget(field)
            filters.addWidget(pair)
            if field is self.to_date:
                filters.addWidget(self.clear_period)
        filters.addWidget(self.export_button)
        column = Column(HISTORY_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(2, 8, 2, 8)  # the table's columns want every pixel
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        exporting = QHBoxLayout()
        exporting.addWidget(self.progress, 1)
        exporting.addWidget(self.cancel_export)
        layout.addLayout(exporting)
        layout.addWidget(self.export_result)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        # Scrolling when the filters and a readable table are taller than the window (the
        # largest font size in 800×600: the filters wrap onto several rows).
        self.table.setMinimumHeight(TABLE_MIN_HEIGHT)
        self._column = column
        self._page_scroll = scrolling(self, centred(column))
        self._page_scroll.viewport().installEventFilter(self)
        content = self._page_scroll.widget()
        if content is not None:  # laid out again for a new font (a screen out of sight)
            content.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self._bind()
        self.retranslate()

    def _bind(self) -> None:
        vm = self._vm
        self.from_date.dateChanged.connect(self._period_changed)
        self.to_date.dateChanged.connect(self._period_changed)
        self.clear_period.clicked.connect(self._clear_period)
        vm.since_changed.connect(self._show_period)
        vm.until_changed.connect(self._show_period)
        bind_label(self.count, vm.summary_text_changed, vm.summary_text)
        bind_error(self.error, vm.error_changed, vm.error)
        bind_label(self.export_result, vm.export_result_changed, vm.export_result)
        bind_enabled(self.export_button, vm.export_enabled_changed, vm.export_enabled)
        self.export_button.setVisible(not vm.kiosk)  # a kiosk writes nothing to its disk
        bind_visible(self.progress, vm.exporting_changed, vm.exporting)
        bind_visible(self.cancel_export, vm.exporting_changed, vm.exporting)
        vm.export_progress_changed.connect(self.progress.setValue)
        self.cancel_export.clicked.connect(vm.cancel_export)
        bind_combo_index(self.kind, vm.kind_changed, vm.kind, vm.set_kind)
        self.export_button.clicked.connect(self._export)

    def changeEvent(self, event: QEvent) -> None:
        """A live font size change: measure the columns again once every widget has its new
        font (the amounts would be elided, 「1,1…」, in columns sized for the old one)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self._size_columns)
            QTimer.singleShot(0, self._fit_table_height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._page_scroll.viewport():
            QTimer.singleShot(0, self._fit_table_height)
            if isinstance(event, QResizeEvent) and event.size().width() != event.oldSize().width():
                # A wider or narrower page (not anything the table does itself): one line a
                # row or two, decided again.
                QTimer.singleShot(0, self._size_columns)
        elif event.type() == QEvent.Type.Resize and watched is self._page_scroll.widget():
            QTimer.singleShot(0, self._fit_table_height)  # the filters took more or less
        elif event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            QTimer.singleShot(0, self._fit_bank_column)
        return super().eventFilter(watched, event)

    @Slot()
    def _fit_table_height(self) -> None:
        """The table takes the height the filters leave; where they leave less than a
        readable table (the largest font size in 800×600), the page scrolls and the table is
        as tall as the page's view: scrolled down, it is all the member sees, not a small box
        with scroll bars of its own inside the scrolling page."""
        view = self._page_scroll.viewport().height()
        content = self._page_scroll.widget()
        if content is None:
            return
        others = content.height() - self.table.height()  # the title, filters and notes
        height = TABLE_MIN_HEIGHT if view - others >= TABLE_MIN_HEIGHT else view
        if self.table.minimumHeight() != height:
            self.table.setMinimumHeight(height)

    def _size_rows(self, lines: int) -> None:
        """Every row ``lines`` lines high (two: the date over the time), from the font."""
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(1)
        rows.setDefaultSectionSize(lines * self.table.fontMetrics().lineSpacing() + 8)

    @Slot()
    @Slot(QModelIndex, int, int)
    def _size_columns(
        self, _parent: QModelIndex | None = None, first: int = 0, _last: int = 0
    ) -> None:
        if first == 0:
            # One line a row where the table has the room (full HD), two where it has not.
            model = self._vm.model
            model.set_compact(False)
            self._size_rows(1)
            self.table.resizeColumnsToContents()
            if not self._fits():
                model.set_compact(True)
                self._size_rows(2)
                self.table.resizeColumnsToContents()
            header = self.table.horizontalHeader()
            # The bank's name takes the width the figures leave and elides (「三井住友…」, in
            # full on its tooltip), so the table is no wider than the page.
            header.setStretchLastSection(False)  # re-applied: the last column fills the width
            header.setStretchLastSection(True)
            self._fit_bank_column()

    def _fits(self) -> bool:
        header = self.table.horizontalHeader()
        last = header.count() - 1
        others = sum(header.sectionSize(column) for column in range(last))
        return others + self._bank_minimum() <= self.table.viewport().width()

    def _bank_minimum(self) -> int:
        """The bank column's caption whole, and a character or two of the name."""
        header = self.table.horizontalHeader()
        last = header.count() - 1
        caption = str(self.table.model().headerData(last, Qt.Orientation.Horizontal) or "")
        metrics = header.fontMetrics()
        widest = max((metrics.horizontalAdvance(line) for line in caption.split("\n")), default=0)
        return max(widest, metrics.horizontalAdvance("…") * 2) + 4

    @Slot()
    def _fit_bank_column(self) -> None:
        """The bank's name takes the width the figures leave and elides (「三井住…」, in full
        on its tooltip), so the table is no wider than the page: Qt's stretched last column
        would keep its measured width and scroll sideways."""
        header = self.table.horizontalHeader()
        last = header.count() - 1
        others = sum(header.sectionSize(column) for column in range(last))
        narrowest = self._bank_minimum()
        header.setMinimumSectionSize(narrowest)
        header.resizeSection(last, max(narrowest, self.table.viewport().width() - others))

    @Slot()
    def _period_changed(self) -> None:
        self._vm.set_period(self.from_date.value(), self.to_date.value())

    @Slot(object)
    def _show_period(self, _day: object = None) -> None:
        """The view-model's period, in the date inputs (the minimum stands for no limit)."""
        self.from_date.set_value(self._vm.since)
        self.to_date.set_value(self._vm.until)

    @Slot()
    def _clear_period(self) -> None:
        self._vm.set_period(None, None)

    @Slot()
    def _export(self) -> None:
        from desktop_app.views.widgets.file_dialog import save_dialog

        dialog = save_dialog(
            self.window(),
            _("Export the history as CSV"),
            _("CSV files (*.csv)"),
            Path(self._vm.suggested_export_path()),  # Documents, never the program's folder
            "exportCsvDialog",
        )
        dialog.fileSelected.connect(self._vm.export_csv)
        dialog.open()

    def retranslate(self) -> None:
        self.title.setText(_("Transaction history"))
        self._from_caption.setText(_("From"))
        self._to_caption.setText(_("To"))
        self.from_date.setAccessibleName(_("From"))
        self.to_date.setAccessibleName(_("To"))
        self.clear_period.setText(_("Show all"))
        self.clear_period.setAccessibleName(_("Show all periods"))
        index = self._vm.kind
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItems([_(label) for label in KIND_FILTER_NAMES])
        self.kind.setCurrentIndex(index)
        self.kind.blockSignals(False)
        self.kind.setAccessibleName(_("Type of transaction"))
        self._kind_caption.setText(_("Type"))
        self.cancel_export.setText(_("Cancel the export"))
        self.cancel_export.setAccessibleName(_("Cancel the export"))
        self.progress.setAccessibleName(_("Export progress"))
        for edit in (self.from_date, self.to_date):
            edit.retranslate()  # the minimum date, 指定なし, stands for no limit
        self.export_button.setText(_("Export CSV"))
        self.export_button.setAccessibleName(_("Export CSV"))
        self.table.setAccessibleName(_("Transaction history"))
