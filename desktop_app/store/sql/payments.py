"""A payment applied to a loan account: what a repayment and an automatic debit share."""

from __future__ import annotations

from desktop_app.domain import loan
from desktop_app.store.sql.schema import LoanAccount


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
