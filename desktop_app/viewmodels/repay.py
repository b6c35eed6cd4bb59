"""Internet repayment: the next payment, a chosen amount, or the full payoff."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.domain import loan
from desktop_app.domain.banks import INTERNET_REPAYMENT_BANKS
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import RepayIntent, RepayReceipt
from desktop_app.domain.money import parse_amount
from desktop_app.domain.rules import LoanRules
from desktop_app.i18n import _, format_date, format_yen, language
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.movement import MoneyMovementViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services


class RepayKind(IntEnum):
    NEXT = 0  # 一部返済: this cycle's remaining minimum payment
    AMOUNT = 1  # 金額指定返済
    FULL = 2  # 全額返済

    @property
    def intent(self) -> RepayIntent:
        """What the store is asked for: it works out NEXT and FULL itself when it commits."""
        return (RepayIntent.NEXT, RepayIntent.AMOUNT, RepayIntent.FULL)[self]


class RepayViewModel(MoneyMovementViewModel):
    """The repayment screen.

    Signals:
        kind_changed(int): the chosen ``RepayKind``.
        bank_index_changed(int): the chosen internet-repayment bank.
        payoff_text_changed(str): the full payoff to the yen, ready to show.
        next_payment_text_changed(str): this cycle's remaining minimum, ready to show.
    """

    kind_changed = Signal(int)
    bank_index_changed = Signal(int)
    payoff_text_changed = Signal(str)
    next_payment_text_changed = Signal(str)

    kind = Observed(RepayKind.NEXT, kind_changed)
    bank_index = Observed(0, bank_index_changed)
    payoff_text = Observed("", payoff_text_changed)
    next_payment_text = Observed("", next_payment_text_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self._revalidate()

    @staticmethod
    def bank_names() -> list[str]:
        english = language() == "en"
        return [
            f"{bank.name_en if english else bank.name} ({bank.code})"
            for bank in INTERNET_REPAYMENT_BANKS
        ]

    def set_kind(self, kind: int) -> None:
        if kind != self.kind:
            self._request_id = None
        self.kind = RepayKind(kind) if kind in tuple(RepayKind) else RepayKind.NEXT
        self._revalidate()

    def set_bank_index(self, index: int) -> None:
        if index != self.bank_index:
            self._request_id = None
        self.bank_index = max(0, min(index, len(INTERNET_REPAYMENT_BANKS) - 1))
        self._revalidate()

    def _revalidate(self) -> None:
        summary = self.summary
        self.payoff_text = format_yen(summary.payoff_amount) if summary else ""
        self.next_payment_text = format_yen(summary.next_payment) if summary else ""
        super()._revalidate()

    def _validated_amount(self) -> int:
        summary = self.summary
        if summary is None:
            raise AppError(ErrorCode.SESSION_EXPIRED)
        payoff = summary.payoff_amount
        if payoff <= 0:
            raise AppError(ErrorCode.NOTHING_TO_REPAY)
        kind = self.kind
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
        return _("Repay {amount}\nFrom: {bank}").format(
            amount=format_yen(amount), bank=self.bank_names()[self.bank_index]
        )

    def _work(self, token: str, amount: int, request_id: str) -> Callable[[], Any]:
        """The next payment and the full payoff are the store's to work out when it commits
        (the summary shown may be minutes old): only a typed amount is sent as such."""
        store = self._services.store
        bank_code = INTERNET_REPAYMENT_BANKS[self.bank_index].code
        intent = RepayKind(self.kind).intent
        sent = amount if intent is RepayIntent.AMOUNT else None
        return lambda: store.get().repay(token, intent, sent, bank_code, request_id)

    def _receipt_text(self, receipt: RepayReceipt) -> str:
        text = _(
            "Repayment accepted. Transaction number {number}.\n"
            "{amount}: late damages {damages}, interest {interest}, principal {principal}.\n"
            "Principal now {balance}; you can borrow {available}."
        ).format(
            number=receipt.transaction_no,
            amount=format_yen(receipt.amount),
            damages=format_yen(receipt.to_damages),
            interest=format_yen(receipt.to_interest),
            principal=format_yen(receipt.to_principal),
            balance=format_yen(receipt.principal_after),
            available=format_yen(receipt.available_after),
        )
        if receipt.next_due_date is not None:
            text += "\n" + _("Next due date: {date}").format(
                date=format_date(receipt.next_due_date)
            )
        return text

    def reset(self) -> None:
        self.bank_index = 0
        super().reset()
