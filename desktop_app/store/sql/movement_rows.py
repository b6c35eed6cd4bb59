"""The rows a money movement reads and writes, in SQLAlchemy Core.

Through the ORM a movement cost ~3.5 ms of CPU, most of it in the unit of work's four
flushes; these are the same statements, built once and run on the connection of the call's
transaction (``db.connection()``, inside the savepoint of ``SessionBase._with_session``):

- the loan account, locked (``FOR UPDATE`` on PostgreSQL; SQLite has one writer), as a
  transient ``LoanAccount`` the domain helpers of ``StoreBase`` compute on, and written back
  with its version moved on (``WHERE version = old``, as the ORM's ``version_id_col`` did);
- the borrowing destination, and whether a request id was already applied;
- the new ledger row (its transaction number needs its id: inserted, then numbered) and the
  audit entry.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.store.sql.schema import (
    AuditEntry,
    BankAccountRow,
    LedgerRow,
    LoanAccount,
    pending_transaction_number,
    transaction_number,
)

_accounts = cast(Table, LoanAccount.__table__)
_ledger = cast(Table, LedgerRow.__table__)
_banks = cast(Table, BankAccountRow.__table__)
_audit = cast(Table, AuditEntry.__table__)

# What a movement may change of an account (besides its version).
MOVED = (
    "principal",
    "unpaid_interest",
    "unpaid_damages",
    "accrued_to",
    "minimum_payment",
    "next_due_date",
    "paid_this_cycle",
    "first_borrowed_on",
    "interest_free_until",
    "promised_date",
    "updated_at",
)

_LOCK = select(_accounts).where(_accounts.c.member_id == bindparam("member_id")).with_for_update()
_SAVE = (
    update(_accounts)
    .where(_accounts.c.id == bindparam("account_id"), _accounts.c.version == bindparam("seen"))
    .values(
        version=_accounts.c.version + 1,
        **{name: bindparam(f"new_{name}", type_=_accounts.c[name].type) for name in MOVED},
    )
)
_DESTINATION = select(_banks).where(
    _banks.c.id == bindparam("destination_id"),
    _banks.c.member_id == bindparam("member_id"),
    _banks.c.retired_at.is_(None),  # a replaced account is a destination no more
)
_REPLAY = select(
    _ledger.c.id, _ledger.c.kind, _ledger.c.amount, _ledger.c.bank_account_id, _ledger.c.bank_code
).where(_ledger.c.member_id == bindparam("member_id"), _ledger.c.request_id == bindparam("rid"))
_ADD = insert(_ledger)
_NUMBER = (
    update(_ledger)
    .where(_ledger.c.id == bindparam("row_id"))
    .values(transaction_no=bindparam("number"))
)
_AUDIT = insert(_audit)


def locked_account(db: DbSession, member_id: int) -> LoanAccount:
    """The member's loan account, locked until the transaction ends; a transient copy (never
    in the session) that ``save_account`` writes back."""
    row = db.connection().execute(_LOCK, {"member_id": member_id}).one()
    return LoanAccount(**row._mapping)


def save_account(db: DbSession, account: LoanAccount, seen: int) -> None:
    """Write what a movement changed of ``account``, read at version ``seen``."""
    values: dict[str, Any] = {f"new_{name}": getattr(account, name) for name in MOVED}
    result = db.connection().execute(_SAVE, {"account_id": account.id, "seen": seen, **values})
    if result.rowcount != 1:
        raise StaleDataError(f"loan account {account.id} changed under its lock")


def destination(db: DbSession, member_id: int, destination_id: int) -> Any:
    """The member's current bank account (or prepaid card) ``destination_id``, or None."""
    params = {"destination_id": destination_id, "member_id": member_id}
    return db.connection().execute(_DESTINATION, params).first()


def applied(db: DbSession, member_id: int, request_id: str) -> Any:
    """What the ledger row of an earlier try of ``request_id`` was (id, kind, amount, bank
    account, bank code), or None."""
    params = {"member_id": member_id, "rid": request_id}
    return db.connection().execute(_REPLAY, params).first()


def add_ledger(db: DbSession, values: dict[str, Any]) -> str:
    """Insert a ledger row; its transaction number, once it has its id."""
    connection = db.connection()
    result = connection.execute(_ADD, {**values, "transaction_no": pending_transaction_number()})
    key = result.inserted_primary_key
    assert key is not None
    row_id: int = key[0]
    number = transaction_number(values["kind"], values["at"], row_id)
    connection.execute(_NUMBER, {"row_id": row_id, "number": number})
    return number


def audit(db: DbSession, now: datetime, member_id: int, event: str, detail: str) -> None:
    values = {"at": now, "member_id": member_id, "event": event, "detail": detail[:500]}
    db.connection().execute(_AUDIT, values)
