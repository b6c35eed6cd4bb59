"""A payment applied to a loan account: what a repayment and an automatic debit share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session as DbSession

from desktop_app.domain import loan
from desktop_app.domain.models import LedgerKind
from desktop_app.store.sql.base import StoreBase
from desktop_app.store.sql.movement_rows import add_ledger, audit, save_account
from desktop_app.store.sql.schema import LoanAccount


def payoff(account: LoanAccount, accrual: loan.Accrual | None = None) -> int:
    """What pays the account off: principal, unpaid interest and damages (and ``accrual``,
    what has accrued since and is not booked yet)."""
    owed = account.principal + account.unpaid_interest + account.unpaid_damages
    return owed if accrual is None else owed + accrual.interest + accrual.damages


def next_payment(account: LoanAccount, owed: int) -> int:
    """What is left to pay of this cycle's minimum, never more than ``owed`` (the payoff)."""
    return min(max(0, account.minimum_payment - account.paid_this_cycle), owed)


def apply_payment(account: LoanAccount, amount: int) -> loan.Allocation:
    """Pay ``amount`` (late damages first, then interest, then principal) into ``account``,
    accrued to the day of the payment. Paid off, the account has no due date and no minimum;
    once this cycle's payments reach the minimum, the due date moves to the next month."""
    share = loan.allocate(
        amount, account.unpaid_damages, account.unpaid_interest, account.principal
    )
    account.unpaid_damages -= share.to_damages
    account.unpaid_interest -= share.to_interest
    account.principal -= share.to_principal
    account.paid_this_cycle += amount
    if account.principal == 0 and account.unpaid_interest == 0 and account.unpaid_damages == 0:
        account.next_due_date = None
        account.minimum_payment = 0
        account.paid_this_cycle = 0
    elif account.next_due_date is not None and account.paid_this_cycle >= account.minimum_payment:
        account.next_due_date = loan.following_due_date(account.due_day, account.next_due_date)
        account.paid_this_cycle = 0
    return share


@dataclass(frozen=True)
class Source:
    """Where the money of a payment comes from, as its ledger row tells it."""

    request_id: str
    kind: LedgerKind
    counterparty: str
    bank_code: str
    bank_account_id: int | None = None


@dataclass(frozen=True)
class Booked:
    """A payment booked: its transaction number, how it was shared out and the amount
    available to borrow after it."""

    number: str
    share: loan.Allocation
    available: int


class PaymentBooking(StoreBase):
    """Booking a payment into a locked loan account (``movement_rows.locked_account``)."""

    def _book_payment(
        self,
        db: DbSession,
        account: LoanAccount,
        seen: int,
        amount: int,
        now: datetime,
        source: Source,
        *,
        note: str = "",
    ) -> Booked:
        """Apply ``amount`` to ``account`` (accrued to the day of the payment; read at
        version ``seen``), lapse a promise it settles, write the account back and add the
        ledger row and the audit entry (``note`` ends its detail)."""
        share = apply_payment(account, amount)
        self._settle_promise(account, now.date())
        account.updated_at = now
        save_account(db, account, seen)
        available = max(0, account.credit_limit - account.principal)
        number = add_ledger(
            db,
            {
                "member_id": account.member_id,
                "request_id": source.request_id,
                "kind": source.kind.value,
                "amount": amount,
                "to_damages": share.to_damages,
                "to_interest": share.to_interest,
                "to_principal": share.to_principal,
                "principal_after": account.principal,
                "available_after": available,
                "minimum_payment_after": account.minimum_payment,
                "next_due_date_after": account.next_due_date,
                "counterparty": source.counterparty,
                "bank_account_id": source.bank_account_id,
                "bank_code": source.bank_code,
                "at": now,
            },
        )
        detail = f"{number} amount={amount}{note}"
        audit(db, now, account.member_id, source.kind.value, detail)
        return Booked(number, share, available)
