"""The history's kind filter: its choices, the ledger kinds each shows, their names."""

from __future__ import annotations

from enum import IntEnum

from desktop_app.domain.models import LedgerKind
from desktop_app.i18n import N_


class HistoryKind(IntEnum):
    """The kind filter's choices, in the order of its combo box."""

    ALL = 0
    BORROWING = 1
    REPAYMENT = 2
    PREPAID_CHARGE = 3
    AUTO_DEBIT = 4

    @property
    def kinds(self) -> frozenset[LedgerKind] | None:
        """The ledger kinds this choice shows (None: every kind)."""
        return _KIND_SETS[self]


_KIND_SETS: dict[HistoryKind, frozenset[LedgerKind] | None] = {
    HistoryKind.ALL: None,
    HistoryKind.BORROWING: frozenset({LedgerKind.BORROW}),
    # An automatic debit (口座振替) is a repayment too: 返済 lists it beside its own choice.
    HistoryKind.REPAYMENT: frozenset({LedgerKind.REPAY, LedgerKind.AUTO_DEBIT}),
    HistoryKind.PREPAID_CHARGE: frozenset({LedgerKind.PREPAID_CHARGE}),
    HistoryKind.AUTO_DEBIT: frozenset({LedgerKind.AUTO_DEBIT}),
}
KIND_FILTER_NAMES = (
    N_("All"),
    N_("Borrowing"),
    N_("Repayment"),
    N_("Prepaid card charge"),
    N_("Automatic debit"),
)
