"""CSV export of the history: UTF-8 with BOM, so Excel opens it in Japanese; saved by default
to the member's Documents folder (else Downloads, else home) as ``ご利用履歴_YYYYMMDD.csv``."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import partial
from pathlib import Path

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryQuery, LedgerKind
from desktop_app.i18n import N_, _
from desktop_app.store.protocol import HistoryLine, Store

WRITE_CHUNK = 500  # rows a writerows() call
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
    """Runs in a worker: stream the history into a CSV file (UTF-8 with BOM).
    ``counterparty`` names a line's bank as the file's language does (SMBC in English).

    The store streams every matching entry from one statement (``Store.history_lines``): an
    entry written during the export (a borrowing on another device) neither shifts nor
    repeats rows; the file holds the entries as of the export's start. ``progress(done,
    total)`` is told after every batch; when ``cancelled()`` turns true the partial file is
    removed and EXPORT_CANCELLED raised.
    """
    try:
        written = store.history_lines(
            token,
            query,
            partial(_write, path, header, kinds, progress, cancelled, _remembered(counterparty)),
        )
    except BaseException:
        path.unlink(missing_ok=True)  # never leave half a file behind
        raise
    return written, str(path)


def _remembered(name: Callable[[str], str]) -> Callable[[str], str]:
    """``name`` asked once a counterparty (a long ledger names a few banks, many times)."""
    known: dict[str, str] = {}

    def named(counterparty: str) -> str:
        found = known.get(counterparty)
        if found is None:
            found = known[counterparty] = name(counterparty)
        return found

    return named


def _write(
    path: Path,
    header: list[str],
    kinds: dict[LedgerKind, str],
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
    counterparty: Callable[[str], str],
    total: int,
    batches: Iterable[Sequence[HistoryLine]],
) -> int:
    """The lines as CSV rows: a chunk of rows formatted in memory, then one write (one tuple
    a line, no objects kept; the BOM by hand, so the file's codec is plain UTF-8)."""
    written = 0
    by_kind = {kind.value: label for kind, label in kinds.items()}
    chunk = io.StringIO()
    writer = csv.writer(chunk)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff")
        writer.writerow(header)
        for batch in batches:
            if cancelled():
                raise AppError(ErrorCode.EXPORT_CANCELLED)
            rows = [
                (at, by_kind[kind], amount, interest, principal, after, counterparty(bank))
                for (at, kind, amount, interest, principal, after, bank) in batch
            ]
            for start in range(0, len(rows), WRITE_CHUNK):  # no long C call holding the GIL
                writer.writerows(rows[start : start + WRITE_CHUNK])
                handle.write(chunk.getvalue())
                chunk.seek(0)
                chunk.truncate()
            written += len(batch)
            progress(written, max(total, written))
        handle.write(chunk.getvalue())
    return written
