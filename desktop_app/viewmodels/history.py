"""The history screen: a period filter, the lazily loaded table and CSV export."""

from __future__ import annotations

import threading
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Signal,
    Slot,
)

from desktop_app.domain.clock import today
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryCursor, HistoryPage, HistoryQuery
from desktop_app.i18n import _, language
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.bank_names import bank_name
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.dates import DayFacts
from desktop_app.viewmodels.export import suggested_export_path, write_csv
from desktop_app.viewmodels.history_kinds import KIND_FILTER_NAMES, HistoryKind
from desktop_app.viewmodels.history_model import COLUMNS, KINDS, PAGE_SIZE, HistoryTableModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.runner import Activity, Lane
from desktop_app.viewmodels.services import Services

__all__ = ["KIND_FILTER_NAMES", "PAGE_SIZE", "HistoryKind", "HistoryViewModel"]


class _ExportProgress(QObject):
    """Carries progress from the export's worker thread to the GUI thread."""

    advanced = Signal(int, int)


class HistoryViewModel(ViewModel):
    """The history screen: a period filter and the lazily loaded table.

    Signals:
        summary_text_changed(str): how many transactions match ("" before the first page).
        export_enabled_changed(bool): whether a CSV export can start now.
        export_result_changed(str): the outcome of the last export ("" for none).
        exporting_changed(bool): an export is running (show progress and Cancel).
        export_progress_changed(int): how far the export is, 0–100.
        since_changed(object), until_changed(object): the period's first and last day (a
            ``date``, or None for no limit).
        kind_changed(int): the ``HistoryKind`` filter (0 all, 1 borrowing, 2 repayment, 3
            prepaid, 4 automatic debit).
    """

    summary_text_changed = Signal(str)
    export_enabled_changed = Signal(bool)
    export_result_changed = Signal(str)
    exporting_changed = Signal(bool)
    export_progress_changed = Signal(int)
    kind_changed = Signal(int)
    since_changed = Signal(object)
    until_changed = Signal(object)
    summary_text = Observed("", summary_text_changed)
    export_enabled = Observed(False, export_enabled_changed)
    export_result = Observed("", export_result_changed)
    exporting = Observed(False, exporting_changed)
    export_progress = Observed(0, export_progress_changed)
    kind = Observed(HistoryKind.ALL, kind_changed)
    since = Observed[date | None](None, since_changed)
    until = Observed[date | None](None, until_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self.days = DayFacts(services, app)  # today and the holidays, for the date inputs
        self._query = HistoryQuery()
        self._export_activity = Activity(self._set_exporting)
        self._cancel = threading.Event()
        self._progress = _ExportProgress(self)
        self._progress.advanced.connect(self._on_export_progress)
        self._export_outcome: tuple[int, str] | None = None
        self.model = HistoryTableModel(self, self)
        app.signed_in_changed.connect(self._on_signed_in_changed)
        app.ledger_changed.connect(self._on_ledger_changed)
        self._stale = False
        if self.active:
            self._reload()

    @property
    def active(self) -> bool:
        return self._app.session is not None

    @property
    def query(self) -> HistoryQuery:
        return self._query

    def set_kind(self, index: int) -> None:
        self.kind = HistoryKind(index) if index in tuple(HistoryKind) else HistoryKind.ALL
        self.set_period(self._query.since, self._query.until)

    def set_period(self, since: date | None, until: date | None) -> None:
        self.since, self.until = since, until
        kinds = self.kind.kinds
        query = HistoryQuery(since=since, until=until, kinds=kinds)
        if query != self._query:
            self._query = query
            self._reload()

    @Slot()
    def _on_ledger_changed(self) -> None:
        """Money moved: reload now if on screen, else when the screen is next shown (so a
        borrowing does not set every screen's queries off at once). An earlier export's
        outcome is no longer the history shown: it goes."""
        self._forget_export()
        if self.on_screen:
            self._reload()
        else:
            self._stale = True

    @Slot(bool)
    def _on_signed_in_changed(self, _signed_in: bool = True) -> None:
        """A member came or went: the history is read when its screen shows, never at
        sign-in (a member with a long ledger would have it read and counted for nothing)."""
        self._reload(fetch=self.on_screen)

    def shown(self) -> None:
        self._forget_export()  # a new visit: the last visit's export is not news
        if self._stale:
            self._reload()

    def _forget_export(self) -> None:
        if not self._export_activity.active:
            self._export_outcome = None
            self.export_result = ""

    @Slot()
    @Slot(bool)
    def _reload(self, _signed_in: bool = True, *, fetch: bool = True) -> None:
        """Empty the table and read it again (``fetch``), or leave it to be read when the
        screen is next shown."""
        self._stale = False
        self.model.clear()
        self.summary_text = ""
        self._set_error(None)
        if not (self.active and fetch):  # another member, or none: the last export is not theirs
            self._export_outcome = None
            self.export_result = ""
        self.export_enabled = self.may_export and not self._export_activity.active
        if self.active:
            if fetch:
                self.model.fetchMore(QModelIndex())
            else:
                self._stale = True

    def load_page(self, generation: int, before: HistoryCursor | None) -> None:
        """A page, without the count: the first rows never wait for a long ledger's COUNT,
        which is asked apart once they are shown (``_count``)."""
        token, query, store = self._app.token, self._query, self._services.store
        self._submit(
            "history",
            lambda: (
                generation,
                before,
                store.get().history(token, query, before, PAGE_SIZE, count=False),
            ),
            self._on_page,
            self._on_page_failed,
        )

    @Slot(object)
    def _on_page(self, outcome: tuple[int, HistoryCursor | None, HistoryPage]) -> None:
        generation, before, page = outcome
        first = self.model.rowCount() == 0 and before is None
        self.model.add_page(generation, page, before)
        if first and generation == self.model.generation:
            self._count(generation)

    def _count(self, generation: int) -> None:
        """How many entries match (「取引件数：N件」), counted after the first rows show."""
        token, query, store = self._app.token, self._query, self._services.store
        self._submit(
            "history_count",
            lambda: (generation, store.get().history(token, query, None, 0).total),
            self._on_counted,
        )

    @Slot(object)
    def _on_counted(self, outcome: tuple[int, int | None]) -> None:
        generation, total = outcome
        if total is not None:
            self.model.set_total(generation, total)
        self._render_summary()

    @Slot(object)
    def _on_page_failed(self, error: AppError) -> None:
        self.model.page_failed(self.model.generation)
        if not self._app.handle_error(error):
            self._set_error(error)

    # -- CSV export ----------------------------------------------------------------------
    def suggested_export_path(self) -> str:
        """The file the save dialog proposes: ``ご利用履歴_YYYYMMDD.csv`` (today by the clock)
        in the Documents folder (else Downloads, else home)."""
        return str(suggested_export_path(today(self._services.clock)))

    @property
    def may_export(self) -> bool:
        """A CSV file may be written: a member is signed in, and not at a branch kiosk (the
        file would stay on the kiosk's disk for the next visitor to find)."""
        return self.active and not self.kiosk

    @Slot(str)
    def export_csv(self, path: str) -> None:
        """Write every entry matching the period to ``path`` (UTF-8 with BOM, for Excel);
        never at a branch kiosk."""
        if not self.may_export or self._export_activity.active or not path:
            return
        self.export_progress = 0
        self._cancel.clear()
        token, query, store = self._app.token, self._query, self._services.store
        header = [_(column) for column in COLUMNS]
        kinds = {kind: _(label) for kind, label in KINDS.items()}
        progress, cancel = self._progress.advanced.emit, self._cancel.is_set
        banks = partial(bank_name, lang=language())  # the language the export began in
        self._submit(
            "export_csv",
            lambda: write_csv(
                store.get(), token, query, Path(path), header, kinds, progress, cancel, banks
            ),
            self._on_exported,
            self._on_export_failed,
            lane=Lane.LONG,
            activity=self._export_activity,
        )

    def cancel_export(self) -> None:
        """Stop the export after the page in hand; the partial file is removed."""
        if self._export_activity.active:
            self._cancel.set()

    @Slot(int, int)
    def _on_export_progress(self, done: int, total: int) -> None:
        if self._export_activity.active:
            self.export_progress = 100 if total <= 0 else done * 100 // total

    def _set_exporting(self, exporting: bool) -> None:
        self.exporting = exporting
        self.export_enabled = self.may_export and not exporting

    @Slot(object)
    def _on_exported(self, outcome: tuple[int, str]) -> None:
        self._export_outcome = outcome
        self._render_export()

    @Slot(object)
    def _on_export_failed(self, error: AppError) -> None:
        if error.code is ErrorCode.EXPORT_CANCELLED:
            self._export_outcome = None
            self.export_result = _("The export was cancelled. No file was saved.")
            return
        if not self._app.handle_error(error):
            self._set_error(error)

    def _render_export(self) -> None:
        if self._export_outcome is None:
            self.export_result = ""
            return
        count, path = self._export_outcome
        self.export_result = _("{count} transactions were exported to {path}.").format(
            count=count, path=path
        )

    def _render_summary(self) -> None:
        total = self.model.total
        self.summary_text = (
            "" if total is None else _("{count} transactions").format(count=f"{total:,}")
        )

    def reset(self) -> None:
        """Forget the member's history, filters and export (a running export is cancelled)."""
        self.cancel_export()
        self._export_activity.forget()
        super().reset()
        self._query = HistoryQuery()
        self._export_outcome = None
        self._stale = False
        self.model.clear()

    def retranslate(self) -> None:
        super().retranslate()
        self.model.retranslate()
        self._render_summary()
        self._render_export()
