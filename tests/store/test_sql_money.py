"""Borrowing and repaying, SQL specifics: writers serialise (one store or two on one
database), locks come before reads, a lost race on the request id's unique constraint."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import event, func, select

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import BorrowReceipt, RepayIntent, RepayReceipt, Session
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.schema import LedgerRow

from .conftest import YAMADA, StoreFactory

SignIn = Callable[[tuple[Any, ...]], Session]


def _ledger_count(store: SqlStore) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(LedgerRow)) or 0


def _code(call: Callable[[], Any]) -> AppError:
    with pytest.raises(AppError) as caught:
        call()
    return caught.value


def _destination(store: SqlStore, session: Session) -> int:
    return store.bank_accounts(session.token)[0].id


@pytest.mark.parametrize("separate_stores", [False, True], ids=["one-store", "two-stores"])
def test_two_concurrent_borrows_serialise(open_store: StoreFactory, separate_stores: bool) -> None:
    first = open_store()
    second = open_store() if separate_stores else first
    one = first.sign_in_with_card(YAMADA[0], YAMADA[1], "device-a")
    two = second.sign_in_with_web_id(YAMADA[2], YAMADA[3], "device-b")
    destination = _destination(first, one)
    barrier = threading.Barrier(2)
    results: list[BorrowReceipt | AppError] = []
    lock = threading.Lock()

    def borrow(store: SqlStore, token: str, request_id: str) -> None:
        barrier.wait()
        try:
            outcome: BorrowReceipt | AppError = store.borrow(
                token, 200_000, destination, request_id
            )
        except AppError as error:
            outcome = error
        with lock:
            results.append(outcome)

    threads = [
        threading.Thread(target=borrow, args=(first, one.token, "race-1")),
        threading.Thread(target=borrow, args=(second, two.token, "race-2")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    receipts = [r for r in results if isinstance(r, BorrowReceipt)]
    errors = [r for r in results if isinstance(r, AppError)]
    assert len(receipts) == 1, results
    assert errors == [AppError(ErrorCode.AMOUNT_OVER_AVAILABLE, available=180_000)]
    assert receipts[0].principal_after == 320_000
    assert first.account_summary(one.token).principal == 320_000


def test_borrowing_locks_before_it_reads(store: SqlStore, card_sign_in: SignIn) -> None:
    """SQLite takes the write lock at BEGIN; PostgreSQL locks the loan account row."""
    session = card_sign_in(YAMADA)
    destination = _destination(store, session)
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        store.borrow(session.token, 1_000, destination, "watched")
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    if store.engine.dialect.name == "sqlite":
        assert statements[0] == "BEGIN IMMEDIATE"
    else:
        locks = [s for s in statements if s.endswith("FOR UPDATE")]
        assert any("FROM loan_accounts" in s for s in locks), statements
        first_ledger_read = next(i for i, s in enumerate(statements) if "FROM ledger" in s)
        assert statements.index(locks[0]) < first_ledger_read


@pytest.mark.parametrize("kind", ["borrow", "repay"])
def test_a_lost_race_on_the_request_id_answers_with_the_winner(
    store: SqlStore, card_sign_in: SignIn, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """If the unique (member, request id) constraint fires, the first receipt is returned."""
    from desktop_app.store.sql import movements as store_module

    session = card_sign_in(YAMADA)
    destination = _destination(store, session)

    def send() -> BorrowReceipt | RepayReceipt:
        if kind == "borrow":
            return store.borrow(session.token, 10_000, destination, "raced")
        return store.repay(session.token, RepayIntent.AMOUNT, 10_000, "0009", "raced")

    first = send()
    count = _ledger_count(store)
    principal = store.account_summary(session.token).principal
    real = store_module._ledger_by_request
    calls: list[str] = []

    def blind_once(db: Any, member_id: int, request_id: str) -> LedgerRow | None:
        calls.append(request_id)
        return None if len(calls) == 1 else real(db, member_id, request_id)

    monkeypatch.setattr(store_module, "_ledger_by_request", blind_once)
    assert send() == first
    assert len(calls) == 2
    assert _ledger_count(store) == count
    assert store.account_summary(session.token).principal == principal
