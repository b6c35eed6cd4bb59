"""CSV export of the history: UTF-8 with BOM, so Excel opens it in Japanese."""

from __future__ import annotations

import csv
from pathlib import Path

from desktop_app.domain.models import HistoryQuery, LedgerKind
from desktop_app.store.protocol import Store

EXPORT_PAGE_SIZE = 2_000


def write_csv(
    store: Store,
    token: str,
    query: HistoryQuery,
    path: Path,
    header: list[str],
    kinds: dict[LedgerKind, str],
) -> tuple[int, str]:
    """Runs in a worker: page through the history and write it as CSV (UTF-8 with BOM)."""
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
