"""Bulk-insert ledger rows for load tests and demos (not part of the Store protocol)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, text

from desktop_app.domain.models import LedgerKind
from desktop_app.store.sql.schema import PREPAID_ACCOUNT_TYPE, BankAccountRow, LedgerRow, Member
from desktop_app.store.sql.store import SqlStore

BATCH_SIZE = 10_000


def insert_ledger_rows(
    store: SqlStore, member_number: str, count: int, newest: datetime, *, amount: int = 1_000
) -> None:
    """Insert ``count`` borrowing rows for a member, one an hour back from ``newest``.

    The rows are history only: the loan account is left as it is. Core ``executemany`` in
    batches, one transaction, then ``ANALYZE`` so the planner knows the new size.
    """
    with store.engine.begin() as connection:
        member_id = connection.scalar(
            select(Member.id).where(Member.member_number == member_number)
        )
        if member_id is None:
            raise ValueError(f"no member {member_number}")
        bank = connection.execute(
            select(BankAccountRow.id, BankAccountRow.bank_name, BankAccountRow.bank_code)
            .where(
                BankAccountRow.member_id == member_id,
                BankAccountRow.account_type != PREPAID_ACCOUNT_TYPE,
            )
            .order_by(BankAccountRow.id)
        ).first()
        bank_id, bank_name, bank_code = bank if bank is not None else (None, "", "")
        batch: list[dict[str, Any]] = []
        for index in range(count):
            batch.append(
                {
                    "transaction_no": f"L{member_number}{index:010d}",
                    "member_id": member_id,
                    "request_id": f"bulk-{index}",
                    "kind": LedgerKind.BORROW.value,
                    "amount": amount,
                    "to_damages": 0,
                    "to_interest": 0,
                    "to_principal": 0,
                    "principal_after": amount,
                    "available_after": 0,
                    "minimum_payment_after": 0,
                    "next_due_date_after": None,
                    "counterparty": bank_name,
                    "bank_account_id": bank_id,
                    "bank_code": bank_code,
                    "at": newest - timedelta(hours=index),
                }
            )
            if len(batch) == BATCH_SIZE:
                connection.execute(insert(LedgerRow), batch)
                batch = []
        if batch:
            connection.execute(insert(LedgerRow), batch)
    with store.engine.begin() as connection:
        connection.execute(text("ANALYZE"))
