"""Internet repayment: the next payment, a chosen amount, or the full payoff."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.domain import loan
from desktop_app.domain.banks import INTERNET_REPAYMENT_BANKS, repayment_bank
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import RepayIntent, RepayReceipt
from desktop_app.domain.money import parse_amount
from desktop_app.domain.rules import LoanRules
from desktop_app.i18n import N_, _, format_date, format_yen
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.bank_names import table_name
from desktop_app.viewmodels.movement import MoneyMovementViewModel
from desktop_app.viewmodels.movement_text import accepted_at, rows_text
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services


class RepayKind(IntEnum):
    NEXT = 0  # 次回返済額を返済 (DOMAIN.md's 一部返済): this cycle's remaining minimum payment
    AMOUNT = 1  # 金額を指定して返済 (金額指定返済)
    FULL = 2  # 全額返済

    @property
    def label(self) -> str:
        """The kind's name, as the radio button, the confirmation and the receipt say it."""
        return _(KIND_NAMES[self])

    @property
    def choice(self) -> str:
        """The kind as its radio button says it: short, since a radio button never wraps."""
        return _(KIND_CHOICES[self])

    @property
    def intent(self) -> RepayIntent:
        """What the store is asked for: it works out NEXT and FULL itself when it commits."""
        return (RepayIntent.NEXT, RepayIntent.AMOUNT, RepayIntent.FULL)[self]


KIND_NAMES = (
    N_("Pay the next payment"),
    N_("Pay an amount of your choice"),
    N_("Repay everything (full repayment)"),
)
KIND_CHOICES = (N_("Next payment amount"), N_("Amount of your choice"), N_("Full repayment"))


class RepayViewModel(MoneyMovementViewModel):
    """The repayment screen.

    Signals:
        kind_changed(object): the chosen ``RepayKind``, or None: a fresh form has none, the
            member chooses every time (so a repayment never leaves the next one armed).
        kind_hint_changed(str): what to do about the kind ("" once one is chosen).
        next_kind_enabled_changed(bool): there is a next payment to pay.
        bank_index_changed(int): the chosen internet-repayment bank.
        payoff_text_changed(str): the full payoff to the yen, ready to show.
        next_payment_text_changed(str): this cycle's remaining minimum, ready to show.
    """

    kind_changed = Signal(object)
    kind_hint_changed = Signal(str)
    next_kind_enabled_changed = Signal(bool)
    bank_index_changed = Signal(int)
    payoff_text_changed = Signal(str)
    next_payment_text_changed = Signal(str)

    kind = Observed[RepayKind | None](None, kind_changed)
    kind_hint = Observed("", kind_hint_changed)
    next_kind_enabled = Observed(False, next_kind_enabled_changed)
    bank_index = Observed(0, bank_index_changed)
    payoff_text = Observed("", payoff_text_changed)
    next_payment_text = Observed("", next_payment_text_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self._sent_kind: RepayKind | None = None  # the kind of the movement last sent
        self._revalidate()

    @staticmethod
    def bank_names() -> list[str]:
        """The banks by name alone, as the confirmation and the receipt name them."""
        return [table_name(bank) for bank in INTERNET_REPAYMENT_BANKS]

    def set_kind(self, kind: int | None) -> None:
        chosen = RepayKind(kind) if kind is not None and kind in tuple(RepayKind) else None
        if chosen != self.kind:
            self._request_id = None
        self.kind = chosen
        self._revalidate()

    def _clear_choices(self) -> None:
        self.kind = None

    def set_bank_index(self, index: int) -> None:
        if index != self.bank_index:
            self._request_id = None
        self.bank_index = max(0, min(index, len(INTERNET_REPAYMENT_BANKS) - 1))
        self._revalidate()

    def _revalidate(self) -> None:
        summary = self.summary
        self.payoff_text = format_yen(summary.payoff_amount) if summary else ""
        self.next_payment_text = format_yen(summary.next_payment) if summary else ""
        self.next_kind_enabled = summary is not None and summary.next_payment > 0
        if summary is not None and summary.payoff_amount <= 0:
            self.kind_hint = _("There is nothing to repay at the moment.")
        elif self.kind is None:
            self.kind_hint = _("Please choose how to repay.")
        else:
            self.kind_hint = ""
        super()._revalidate()

    def _validated_amount(self) -> int:
        summary = self.summary
        if summary is None:
            raise AppError(ErrorCode.SESSION_EXPIRED)
        payoff = summary.payoff_amount
        if payoff <= 0:
            raise AppError(ErrorCode.NOTHING_TO_REPAY)
        kind = self.kind
        if kind is None:
            raise AppError(ErrorCode.REQUIRED)  # nothing to say under the field: the hint says
        if kind is RepayKind.FULL:
            return payoff
        if kind is RepayKind.NEXT:
            if summary.next_payment <= 0:
                raise AppError(ErrorCode.NOTHING_TO_REPAY)
            return summary.next_payment
        amount = parse_amount(self.amount_text)
        loan.check_repay_amount(amount, payoff, self.loan_rules)
        return amount

    def _amount_hint(self, rules: LoanRules) -> str:
        return _("From {minimum}").format(minimum=format_yen(rules.repay_minimum))

    def _confirmation_text(self, amount: int) -> str:
        """The breakdown by the domain's order (damages, interest, principal) of the figures
        just read from the store, and what the balance will be."""
        summary, kind = self.summary, self.kind
        assert summary is not None and kind is not None
        share = loan.allocate(
            amount, summary.late_damages, summary.accrued_interest, summary.principal
        )
        principal_after = summary.principal - share.to_principal
        rows = [
            (_("How to repay"), kind.label),
            (_("Repayment amount"), format_yen(amount)),
            *self._breakdown(share.to_damages, share.to_interest, share.to_principal),
            (_("Bank"), self.bank_names()[self.bank_index]),
            (_("Principal balance after repaying"), format_yen(principal_after)),
            (
                _("Available to borrow after repaying"),
                format_yen(max(0, summary.credit_limit - principal_after)),
            ),
        ]
        if kind is not RepayKind.AMOUNT:
            rows.append(
                ("", _("The amount and its breakdown are settled as of the moment you confirm."))
            )
        return rows_text(rows)

    @staticmethod
    def _breakdown(damages: int, interest: int, principal: int) -> list[tuple[str, str]]:
        return [
            (_("of which late charges"), format_yen(damages)),
            (_("of which interest"), format_yen(interest)),
            (_("of which principal"), format_yen(principal)),
        ]

    def _work(self, token: str, amount: int, request_id: str) -> Callable[[], Any]:
        """The next payment and the full payoff are the store's to work out when it commits
        (the summary shown may be minutes old): only a typed amount is sent as such."""
        store = self._services.store
        bank_code = INTERNET_REPAYMENT_BANKS[self.bank_index].code
        kind = self.kind
        assert kind is not None  # confirm() validated the amount, which needs a kind
        self._sent_kind = kind
        intent = kind.intent
        sent = amount if intent is RepayIntent.AMOUNT else None
        return lambda: store.get().repay(token, intent, sent, bank_code, request_id)

    def _receipt_text(self, receipt: RepayReceipt) -> str:
        bank = repayment_bank(receipt.bank_code)
        bank_name = table_name(bank) if bank else receipt.bank_code
        next_due = format_date(receipt.next_due_date) if receipt.next_due_date else ""
        kind = self._sent_kind
        return rows_text(
            [
                (_("Receipt number"), receipt.transaction_no),
                (_("Accepted at"), accepted_at(receipt.at)),
                (_("How to repay"), kind.label if kind is not None else ""),
                (_("Repayment amount"), format_yen(receipt.amount)),
                *self._breakdown(receipt.to_damages, receipt.to_interest, receipt.to_principal),
                (_("Bank"), bank_name),
                (_("Principal balance"), format_yen(receipt.principal_after)),
                (_("Available to borrow"), format_yen(receipt.available_after)),
                (_("Next due date"), next_due),
            ]
        )

    def retranslate(self) -> None:
        super().retranslate()
        self._revalidate()  # the hint and the figures, in the new language

    def reset(self) -> None:
        self.bank_index = 0
        self._sent_kind = None
        super().reset()
