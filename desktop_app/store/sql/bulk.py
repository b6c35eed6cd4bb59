"""Bulk-insert ledger rows for load tests and demos (not part of the Store protocol)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, text

from desktop_app.domain.models import LedgerKind
from desktop_app.store.sql.schema import PREPAID_ACCOUNT_TYPE, BankAccountRow, Member
from desktop_app.store.sql.store import SqlStore

_COLUMNS = (
    "transaction_no, member_id, request_id, kind, amount, to_damages, to_interest, "
    "to_principal, principal_after, available_after, minimum_payment_after, "
    "next_due_date_after, counterparty, bank_account_id, bank_code, at"
)
_VALUES = ":kind, :amount, 0, 0, 0, :amount, 0, 0, NULL, :bank_name, :bank_id, :bank_code"
_GENERATED = {
    # SQLite keeps the naive UTC wall time as SQLAlchemy writes it: 'YYYY-MM-DD HH:MM:SS.ffffff'.
    "sqlite": text(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :last) "
        f"INSERT INTO ledger ({_COLUMNS}) "
        "SELECT 'L' || :number || printf('%010d', i), :member_id, 'bulk-' || i, "
        f"{_VALUES}, strftime('%Y-%m-%d %H:%M:%S.000000', :newest, '-' || i || ' hours') "
        "FROM n"
    ),
    "postgresql": text(
        f"INSERT INTO ledger ({_COLUMNS}) "
        "SELECT 'L' || :number || lpad(i::text, 10, '0'), :member_id, 'bulk-' || i, "
        f"{_VALUES}, CAST(:newest AS timestamptz) - make_interval(hours => i) "
        "FROM generate_series(0, :last) AS i"
    ),
}


def _newest(newest: datetime, dialect: str) -> datetime | str:
    if newest.tzinfo is None:
        raise ValueError("naive datetime given for the newest row")
    utc = newest.astimezone(UTC)
    return utc.strftime("%Y-%m-%d %H:%M:%S") if dialect == "sqlite" else utc


def insert_ledger_rows(
    store: SqlStore, member_number: str, count: int, newest: datetime, *, amount: int = 1_000
) -> None:
    """Insert ``count`` borrowing rows for a member, one an hour back from ``newest``.

    The rows are history only: the loan account is left as it is. The database makes the
    rows itself (one ``INSERT … SELECT`` over a generated series: a million rows in seconds,
    where an ``executemany`` from Python took minutes), one transaction, then ``ANALYZE`` so
    the planner knows the new size. Each row is what ``UtcDateTime`` would have written.
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
        if count > 0:
            connection.execute(
                _GENERATED[connection.dialect.name],
                {
                    "last": count - 1,
                    "number": member_number,
                    "member_id": member_id,
                    "kind": LedgerKind.BORROW.value,
                    "amount": amount,
                    "bank_name": bank_name,
                    "bank_id": bank_id,
                    "bank_code": bank_code,
                    "newest": _newest(newest, connection.dialect.name),
                },
            )
    with store.engine.begin() as connection:
        connection.execute(text("ANALYZE"))
