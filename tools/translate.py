"""Fill msgstrs of the catalogs from a JSON file {msgid: {"ja": "...", "en": "..."}}, keeping the
catalogs' layout (width 100, as ``make i18n`` writes them), then compile them.

    .venv/bin/python tools/translate.py new-messages.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent / "i18n"


def main(source: str) -> int:
    wanted: dict[str, dict[str, str]] = json.loads(Path(source).read_text(encoding="utf-8"))
    missing: list[str] = []
    for language in ("ja", "en"):
        po_path = ROOT / language / "LC_MESSAGES" / "messages.po"
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        for message in catalog:
            if not message.id:
                continue
            key = message.id if isinstance(message.id, str) else message.id[0]
            if key in wanted and language in wanted[key]:
                message.string = wanted[key][language]
                message.flags.discard("fuzzy")
            elif not message.string:
                missing.append(f"{language}: {key}")
        with po_path.open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, sort_output=True)
        with (po_path.with_suffix(".mo")).open("wb") as handle:
            write_mo(handle, catalog)
    for line in missing:
        print("untranslated:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
