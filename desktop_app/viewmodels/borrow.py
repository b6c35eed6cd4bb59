"""Borrowing (インターネット振込) to a registered bank account."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain import loan
from desktop_app.domain.calendar import Arrival
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import (
    PREPAID_BANK_CODE,
    AccountSummary,
    BankAccount,
    BorrowReceipt,
)
from desktop_app.domain.money import parse_amount
from desktop_app.domain.rules import LoanRules
from desktop_app.i18n import _, format_date, format_day_and_time, format_yen
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.bank_names import bank_name, branch_name
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.movement import MoneyMovementViewModel
from desktop_app.viewmodels.movement_text import accepted_at, amount_due_text, rows_text
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services


class BorrowViewModel(MoneyMovementViewModel):
    """The borrowing screen.

    Signals:
        destinations_changed(list): display texts of the registered accounts.
        destination_index_changed(int): the chosen destination (-1 for none).
        available_text_changed(str): the available amount, ready to show.
        blocked_reason_changed(str): why borrowing is unavailable ("" when it is available).
        transfer_estimate_changed(str): when the money will arrive ("" until known).
        blocked_changed(bool): borrowing is unavailable (the inputs are disabled).
    """

    destinations_changed = Signal(list)
    destination_index_changed = Signal(int)
    available_text_changed = Signal(str)
    blocked_reason_changed = Signal(str)
    transfer_estimate_changed = Signal(str)
    blocked_changed = Signal(bool)

    destinations = Observed[list[str]]([], destinations_changed)
    destination_index = Observed(-1, destination_index_changed)
    available_text = Observed("", available_text_changed)
    blocked_reason = Observed("", blocked_reason_changed)
    transfer_estimate = Observed("", transfer_estimate_changed)
    blocked = Observed(False, blocked_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self._accounts: tuple[BankAccount, ...] = ()
        self._destinations_loaded = False
        self._arrival: tuple[str, Arrival] | None = None  # (bank code, estimate)
        app.signed_in_changed.connect(self._on_signed_in_changed)
        app.terms_changed.connect(self._on_terms_changed)
        self._on_signed_in_changed(app.signed_in)
        self._revalidate()

    # -- destinations --------------------------------------------------------------------
    @Slot(bool)
    def _on_signed_in_changed(self, signed_in: bool) -> None:
        if signed_in:
            self.load_destinations()

    def shown(self) -> None:
        super().shown()  # a fresh form, the figures read again
        if self._app.session is not None:
            if not self.busy and not self._outcome_unknown():
                self.load_destinations()  # the account may have changed since (登録内容)
            self.refresh_estimate()  # time has passed since: the estimate may have moved

    @Slot(object)
    def _on_terms_changed(self, _terms: object) -> None:
        self.refresh_estimate()  # the calendar the estimate needs has arrived

    def load_destinations(self) -> None:
        token = self._app.token
        store = self._services.store
        self._run("bank_accounts", lambda: store.get().bank_accounts(token), self._on_destinations)

    @Slot(object)
    def _on_destinations(self, accounts: tuple[BankAccount, ...]) -> None:
        self._accounts = tuple(accounts)
        self._destinations_loaded = True
        self.destinations = [self._account_text(a) for a in self._accounts]
        self.destination_index = 0 if self._accounts else -1
        self._revalidate()
        self.refresh_estimate()

    def set_destination_index(self, index: int) -> None:
        if index != self.destination_index:
            self._request_id = None
        self.destination_index = index if 0 <= index < len(self._accounts) else -1
        self._revalidate()
        self.refresh_estimate()

    def _destination(self) -> BankAccount | None:
        index = self.destination_index
        return self._accounts[index] if 0 <= index < len(self._accounts) else None

    # -- when the money arrives -------------------------------------------------------------
    def refresh_estimate(self) -> None:
        """Work out (off the GUI thread: the holiday tables are slow) when a transfer to the
        chosen account made now would arrive."""
        destination = self._destination()
        if destination is None:
            self._arrival = None
            self._render_estimate()
            return
        calendar, clock, code = self._app.calendar, self._services.clock, destination.bank_code
        if code == PREPAID_BANK_CODE:  # a charge is on the card at once, any day
            self._arrival = (code, Arrival(clock.now(), immediate=True))
            self._render_estimate()
            return
        if calendar is None:  # the store's terms have not arrived: no estimate yet
            self._arrival = None
            self._render_estimate()
            return
        self._runner.submit(
            "arrival",
            lambda: (code, calendar.arrival(code, clock.now())),
            self._on_estimate,
            self._on_estimate_failed,
        )

    @Slot(object)
    def _on_estimate(self, outcome: tuple[str, Arrival]) -> None:
        destination = self._destination()
        if destination is not None and destination.bank_code == outcome[0]:
            self._arrival = outcome
            self._render_estimate()

    @Slot(object)
    def _on_estimate_failed(self, _error: AppError) -> None:
        self._arrival = None
        self._render_estimate()

    def _estimate_text(self) -> str:
        if self._arrival is None:
            return ""
        code, arrival = self._arrival
        if code == PREPAID_BANK_CODE:
            return _("The charge is on your prepaid card at once.")
        if arrival.immediate:
            terms = self._app.terms
            seconds = terms.rules.transfer.instant_seconds if terms is not None else 0
            return _("The money arrives about {seconds} seconds after the transfer.").format(
                seconds=seconds
            )
        return _("The money arrives at about {when}.").format(when=format_day_and_time(arrival.at))

    def _render_estimate(self) -> None:
        self.transfer_estimate = self._estimate_text()

    @staticmethod
    def _account_text(account: BankAccount) -> str:
        bank = bank_name(account.bank_name, account.bank_code)
        if account.bank_code == PREPAID_BANK_CODE:
            return f"{bank} {account.masked_number}"
        kind = _("Ordinary") if account.account_type == "ordinary" else _("Current")
        branch = branch_name(account.branch_name, account.branch_code)
        return f"{bank} {branch} {kind} {account.masked_number}"

    # -- rules ---------------------------------------------------------------------------
    def _extra_ready(self) -> bool:
        return self._destination() is not None and not self._blocked()

    def _blocked(self) -> AppError | None:
        summary = self.summary
        if summary is not None and summary.overdue:
            return AppError(ErrorCode.BORROW_BLOCKED_OVERDUE)
        if self._destinations_loaded and not self._accounts:
            return AppError(ErrorCode.NO_DESTINATION)
        return None

    def _revalidate(self) -> None:
        summary = self.summary
        blocked = self._blocked()
        # While borrowing is blocked there is nothing available to borrow to show.
        shown = summary is not None and blocked is None
        self.available_text = format_yen(summary.available) if summary and shown else ""
        self.blocked_reason = self._blocked_text(blocked, summary) if blocked else ""
        self.blocked = blocked is not None
        super()._revalidate()

    @staticmethod
    def _blocked_text(blocked: AppError, summary: AccountSummary | None) -> str:
        """Why borrowing is unavailable; an overdue member is told what to repay, late
        charges included (the figure of the home page's overdue notice)."""
        if blocked.code is ErrorCode.BORROW_BLOCKED_OVERDUE and summary is not None:
            return _(
                "Your repayment has not been received, so borrowing is unavailable. Please "
                "repay the amount due, {due}."
            ).format(due=amount_due_text(summary))
        return error_sentence(blocked)

    def _validated_amount(self) -> int:
        summary = self.summary
        if summary is None:
            raise AppError(ErrorCode.SESSION_EXPIRED)
        amount = parse_amount(self.amount_text)
        loan.check_borrow_amount(amount, summary.available, self.loan_rules)
        return amount

    def _amount_hint(self, rules: LoanRules) -> str:
        return _("In units of {unit}, from {minimum}").format(
            unit=format_yen(rules.borrow_unit), minimum=format_yen(rules.borrow_minimum)
        )

    def _confirmation_text(self, amount: int) -> str:
        summary = self.summary
        destination = self._destination()
        assert summary is not None and destination is not None
        principal_after = summary.principal + amount
        rows = [
            (_("Amount to borrow"), format_yen(amount)),
            (_("Transfer to"), self._account_text(destination)),
            (_("Principal balance after borrowing"), format_yen(principal_after)),
            (
                _("Available to borrow after borrowing"),
                format_yen(max(0, summary.credit_limit - principal_after)),
            ),
            (
                _("Minimum monthly payment after borrowing"),
                format_yen(loan.minimum_payment(principal_after, self.loan_rules)),
            ),
        ]
        rows += [("", line) for line in self._confirmation_notes(summary)]
        return rows_text(rows)

    def _confirmation_notes(self, summary: AccountSummary) -> list[str]:
        notes = [self._estimate_text()]
        if summary.first_borrowing_interest_free:
            rules = self.loan_rules
            free_until = loan.interest_free_until(summary.as_of.date(), rules)
            notes.append(
                _(
                    "As this is your first borrowing, no interest is charged until {date} "
                    "({days} days)."
                ).format(date=format_date(free_until), days=rules.interest_free_days)
            )
        return notes

    def _work(self, token: str, amount: int, request_id: str) -> Callable[[], Any]:
        destination = self._destination()
        if destination is None:
            raise AppError(ErrorCode.UNKNOWN_DESTINATION)
        store, destination_id = self._services.store, destination.id
        return lambda: store.get().borrow(token, amount, destination_id, request_id)

    def _receipt_text(self, receipt: BorrowReceipt) -> str:
        next_due = format_date(receipt.next_due_date) if receipt.next_due_date else ""
        return rows_text(
            [
                (_("Receipt number"), receipt.transaction_no),
                (_("Accepted at"), accepted_at(receipt.at)),
                (_("Amount borrowed"), format_yen(receipt.amount)),
                (_("Transfer to"), self._account_text(receipt.destination)),
                ("", self._estimate_text()),
                (_("Principal balance"), format_yen(receipt.principal_after)),
                (_("Available to borrow"), format_yen(receipt.available_after)),
                (_("Minimum monthly payment"), format_yen(receipt.minimum_payment)),
                (_("Next due date"), next_due),
            ]
        )

    def retranslate(self) -> None:
        super().retranslate()
        self._render_estimate()
        self.destinations = [self._account_text(a) for a in self._accounts]
        # the refilled combo shows its first item: show the member's choice again
        self.destination_index_changed.emit(self.destination_index)

    @Slot()
    def reset(self) -> None:
        self._destinations_loaded = False
        self._accounts = ()
        self._arrival = None
        self._render_estimate()
        self.destinations = []
        self.destination_index = -1
        super().reset()
