"""CSV export of the history: UTF-8 with BOM, so Excel opens it in Japanese; saved by default
to the member's Documents folder (else Downloads, else home) as ``ご利用履歴_YYYYMMDD.csv``."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryCursor, HistoryQuery, LedgerKind
from desktop_app.i18n import N_, _
from desktop_app.store.protocol import Store

EXPORT_PAGE_SIZE = 1_000
# In English the name is English too (no Japanese in the English UI): history_20261124.csv.
EXPORT_FILE_NAME = N_("history_{date}.csv")


def export_folder() -> Path:
    """Where a CSV goes unless the member chooses otherwise: Documents, else Downloads (when
    there is no Documents folder), else the home folder; never the program's folder."""
    from PySide6.QtCore import QStandardPaths

    for location in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.DownloadLocation,
    ):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def suggested_export_path(day: date) -> Path:
    """``<Documents>/ご利用履歴_YYYYMMDD.csv`` for ``day`` (the clock's today)."""
    return export_folder() / _(EXPORT_FILE_NAME).format(date=f"{day:%Y%m%d}")


def write_csv(
    store: Store,
    token: str,
    query: HistoryQuery,
    path: Path,
    header: list[str],
    kinds: dict[LedgerKind, str],
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
    counterparty: Callable[[str], str] = str,
) -> tuple[int, str]:
    """Runs in a worker: page through the history and write it as CSV (UTF-8 with BOM).
    ``counterparty`` names a line's bank as the file's language does (SMBC in English).

    Pages follow each other by keyset: an entry written during the export (a borrowing on
    another device) neither shifts nor repeats rows; the file holds the entries as of its
    first page. ``progress(done, total)`` is told after every page; when ``cancelled()``
    turns true the partial file is removed and EXPORT_CANCELLED raised.
    """
    try:
        return _write(store, token, query, path, header, kinds, progress, cancelled, counterparty)
    except BaseException:
        path.unlink(missing_ok=True)  # never leave half a file behind
        raise


def _write(
    store: Store,
    token: str,
    query: HistoryQuery,
    path: Path,
    header: list[str],
    kinds: dict[LedgerKind, str],
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
    counterparty: Callable[[str], str],
) -> tuple[int, str]:
    written = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        cursor: HistoryCursor | None = None
        total = 0
        while True:
            page = store.history(token, query, cursor, EXPORT_PAGE_SIZE)
            if page.total is not None:  # the first page counts the entries
                total = page.total
            for entry in page.entries:
                writer.writerow(
                    [
                        entry.at.strftime("%Y-%m-%d %H:%M"),
                        kinds[entry.kind],
                        entry.amount,
                        entry.to_interest + entry.to_damages,
                        entry.to_principal,
                        entry.principal_after,
                        counterparty(entry.counterparty),
                    ]
                )
            written += len(page.entries)
            progress(written, max(total, written))
            cursor = page.next_cursor
            if cursor is None:
                return written, str(path)
            if cancelled():
                raise AppError(ErrorCode.EXPORT_CANCELLED)
