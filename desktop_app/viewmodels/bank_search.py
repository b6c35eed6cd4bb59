"""The 全銀 bank and branch data as the bank form searches it, in the runner's workers (the
first search reads the bank list; the form asks for it once it is shown), and the lines the
result lists show."""

from __future__ import annotations

import threading
from collections.abc import Callable

from desktop_app.domain.reference import BankEntry, BranchEntry
from desktop_app.i18n import _
from desktop_app.viewmodels.bank_names import bank_name

WARM_UP_AFTER_MS = 150  # the bank list is read this long after the form is first shown
_BANKS_LOCK = threading.Lock()  # one bank search at a time: the first one reads the list


def search_banks(text: str) -> tuple[BankEntry, ...]:
    """In a worker: the first call reads the 全銀 bank list (a search typed while it is being
    read waits for it, instead of reading it a second time)."""
    from desktop_app.store import reference

    with _BANKS_LOCK:
        return reference.search_banks(text)


def load_banks() -> None:
    search_banks("")  # reads the bank list and its search keys once, finds nothing


def branch_search(bank_code: str) -> Callable[[str], tuple[BranchEntry, ...]]:
    def search(text: str) -> tuple[BranchEntry, ...]:
        from desktop_app.store import reference

        return reference.search_branches(bank_code, text)

    return search


def bank_line(bank: BankEntry) -> str:
    """「みずほ銀行（0001）」 (its English name where the bank has one)."""
    return _("{name} ({code})").format(name=bank_name(bank.name, bank.code), code=bank.code)


def branch_line(branch: BranchEntry) -> str:
    """「東京営業部（001）」: branches are known by their Japanese names only."""
    return _("{name} ({code})").format(name=branch.name, code=branch.code)
