"""Ledger rows as the data classes the protocol hands out: bank accounts and receipts (a
repeated request rebuilds its receipt from the row's ``*_after`` columns)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.models import BankAccount, BorrowReceipt, LedgerKind, RepayReceipt
from desktop_app.store.sql.schema import PREPAID_ACCOUNT_TYPE, BankAccountRow, LedgerRow


def bank_account(row: BankAccountRow | Any) -> BankAccount:
    """A bank account from its ORM row or a Core row of the same columns."""
    return BankAccount(
        id=row.id,
        bank_code=row.bank_code,
        bank_name=row.bank_name,
        branch_code=row.branch_code,
        branch_name=row.branch_name,
        account_type=row.account_type,
        account_number=row.account_number,
        holder=row.holder,
    )


def borrow_receipt(db: DbSession, row: LedgerRow) -> BorrowReceipt:
    account = db.get(BankAccountRow, row.bank_account_id) if row.bank_account_id else None
    destination = (
        bank_account(account)
        if account is not None
        else BankAccount(0, row.bank_code, row.counterparty, "", "", _account_type(row), "", "")
    )
    return BorrowReceipt(
        transaction_no=row.transaction_no,
        request_id=row.request_id,
        at=row.at,
        amount=row.amount,
        destination=destination,
        principal_after=row.principal_after,
        available_after=row.available_after,
        minimum_payment=row.minimum_payment_after,
        next_due_date=row.next_due_date_after,
    )


def _account_type(row: LedgerRow) -> str:
    """The kind of destination a ledger row went to, once the destination is gone."""
    return PREPAID_ACCOUNT_TYPE if row.kind == LedgerKind.PREPAID_CHARGE else "ordinary"


def repay_receipt(row: LedgerRow) -> RepayReceipt:
    return RepayReceipt(
        transaction_no=row.transaction_no,
        request_id=row.request_id,
        at=row.at,
        amount=row.amount,
        bank_code=row.bank_code,
        to_damages=row.to_damages,
        to_interest=row.to_interest,
        to_principal=row.to_principal,
        principal_after=row.principal_after,
        available_after=row.available_after,
        next_due_date=row.next_due_date_after,
    )
