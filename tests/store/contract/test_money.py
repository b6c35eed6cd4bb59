"""Borrowing and repaying: rules, repayment intents, idempotency, interest."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import (
    PREPAID_BANK_CODE,
    BorrowReceipt,
    HistoryQuery,
    RepayIntent,
    RepayReceipt,
    Session,
)
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..conftest import DEVICE, SATO, SUZUKI, YAMADA
from .conftest import HostFactory

SignIn = Callable[[tuple[Any, ...]], Session]
AMOUNT = RepayIntent.AMOUNT


def _ledger_count(store: Store, session: Session) -> int:
    """How many movements the member's history holds."""
    total = store.history(session.token, HistoryQuery(), None, 1).total
    assert total is not None
    return total


def _code(call: Callable[[], Any]) -> AppError:
    with pytest.raises(AppError) as caught:
        call()
    return caught.value


def _destination(store: Store, session: Session) -> int:
    return store.bank_accounts(session.token)[0].id


def test_yamada_starts_as_in_the_demo(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    summary = store.account_summary(session.token)
    assert summary.member_number == "100000001"
    assert summary.name_kana == "ヤマダ タロウ"
    assert summary.principal == 120_000
    assert summary.credit_limit == 500_000
    assert summary.available == 380_000
    assert summary.annual_rate == Decimal("0.18")
    # 20 days of 18 % on 120,000: floor(1,183.56)
    assert summary.accrued_interest == 1_183
    assert summary.late_damages == 0
    assert summary.minimum_payment == 5_000
    assert summary.next_due_date == date(2026, 11, 25)
    assert summary.overdue is False
    assert summary.interest_free_until is None
    assert summary.as_of == datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)
    account, card = store.bank_accounts(session.token)
    assert (card.bank_code, card.account_type, card.account_number) == (
        PREPAID_BANK_CODE,
        "prepaid",
        "8301",
    )
    assert (account.bank_code, account.bank_name, account.branch_code, account.branch_name) == (
        "0009",
        "三井住友銀行",
        "001",
        "本店営業部",
    )
    assert (account.account_type, account.account_number, account.holder) == (
        "ordinary",
        "1234567",
        "ﾔﾏﾀﾞ ﾀﾛｳ",
    )


def test_yamada_borrows_then_repays(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    destination = _destination(store, session)
    receipt = store.borrow(session.token, 10_000, destination, "borrow-1")
    assert receipt.principal_after == 130_000
    assert receipt.available_after == 370_000
    assert receipt.amount == 10_000
    assert receipt.destination.id == destination
    assert receipt.minimum_payment == 5_000  # 130,000 × 3.61 % = 4,693 → 5,000
    assert receipt.next_due_date == date(2026, 11, 25)
    assert receipt.transaction_no.startswith("B20261124")
    assert receipt.at == datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)
    summary = store.account_summary(session.token)
    assert (summary.principal, summary.available) == (130_000, 370_000)
    assert summary.accrued_interest == 1_183  # booked at the borrowing, not lost

    repaid = store.repay(session.token, AMOUNT, 10_000, "0009", "repay-1")
    assert (repaid.to_damages, repaid.to_interest, repaid.to_principal) == (0, 1_183, 8_817)
    assert repaid.principal_after == 121_183
    assert repaid.available_after == 378_817
    assert repaid.bank_code == "0009"
    assert repaid.transaction_no.startswith("R20261124")
    # The minimum (5,000) is paid: the due date moves to next month.
    assert repaid.next_due_date == date(2026, 12, 25)
    summary = store.account_summary(session.token)
    assert summary.principal == 121_183
    assert summary.accrued_interest == 0
    assert summary.paid_this_cycle == 0
    assert summary.next_due_date == date(2026, 12, 25)


def test_a_partial_payment_below_the_minimum_keeps_the_due_date(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    receipt = store.repay(session.token, AMOUNT, 3_000, "0005", "repay-small")
    assert receipt.next_due_date == date(2026, 11, 25)
    summary = store.account_summary(session.token)
    assert summary.paid_this_cycle == 3_000
    assert summary.next_payment == 2_000


def test_a_repeated_borrow_request_moves_nothing(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    destination = _destination(store, session)
    first = store.borrow(session.token, 10_000, destination, "same-request")
    count = _ledger_count(store, session)
    again = store.borrow(session.token, 10_000, destination, "same-request")
    assert again == first
    assert _ledger_count(store, session) == count
    assert store.account_summary(session.token).principal == 130_000
    # The same request id for something else is a client bug, not a replay.
    error = _code(lambda: store.borrow(session.token, 20_000, destination, "same-request"))
    assert error.code is ErrorCode.REQUEST_ID_REUSED


def test_a_repeated_repay_request_moves_nothing(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    first = store.repay(session.token, AMOUNT, 5_000, "0033", "same-repay")
    count = _ledger_count(store, session)
    again = store.repay(session.token, AMOUNT, 5_000, "0033", "same-repay")
    assert again == first
    assert _ledger_count(store, session) == count
    assert store.account_summary(session.token).principal == first.principal_after
    error = _code(lambda: store.repay(session.token, AMOUNT, 5_000, "0009", "same-repay"))
    assert error.code is ErrorCode.REQUEST_ID_REUSED


def test_the_same_request_id_may_be_used_by_two_members(store: Store, card_sign_in: SignIn) -> None:
    yamada = card_sign_in(YAMADA)
    sato = card_sign_in(SATO)
    a = store.borrow(yamada.token, 1_000, _destination(store, yamada), "shared-id")
    b = store.borrow(sato.token, 1_000, _destination(store, sato), "shared-id")
    assert a.transaction_no != b.transaction_no


def test_borrowing_refusals(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    mine = _destination(store, session)
    sato = card_sign_in(SATO)
    theirs = _destination(store, sato)
    token = session.token
    assert _code(lambda: store.borrow(token, 10_000, theirs, "r1")).code is (
        ErrorCode.UNKNOWN_DESTINATION
    )
    assert _code(lambda: store.borrow(token, 10_000, 999_999, "r2")).code is (
        ErrorCode.UNKNOWN_DESTINATION
    )
    assert _code(lambda: store.borrow(token, 10_500, mine, "r3")).code is (
        ErrorCode.AMOUNT_NOT_THOUSANDS
    )
    assert _code(lambda: store.borrow(token, 0, mine, "r4")).code is (
        ErrorCode.AMOUNT_BELOW_MINIMUM
    )
    over = _code(lambda: store.borrow(token, 381_000, mine, "r5"))
    assert over == AppError(ErrorCode.AMOUNT_OVER_AVAILABLE, available=380_000)
    # Everything refused, nothing moved; the whole available amount still works.
    assert store.borrow(token, 380_000, mine, "r6").available_after == 0


def test_repayment_refusals(store: Store, card_sign_in: SignIn) -> None:
    yamada = card_sign_in(YAMADA)
    assert _code(lambda: store.repay(yamada.token, AMOUNT, 5_000, "9900", "x1")).code is (
        ErrorCode.UNKNOWN_BANK
    )
    assert _code(lambda: store.repay(yamada.token, AMOUNT, 999, "0009", "x2")).code is (
        ErrorCode.AMOUNT_BELOW_MINIMUM
    )
    over = _code(lambda: store.repay(yamada.token, AMOUNT, 121_184, "0009", "x3"))
    assert over == AppError(ErrorCode.AMOUNT_OVER_PAYOFF, payoff=121_183)
    sato = card_sign_in(SATO)
    assert _code(lambda: store.repay(sato.token, AMOUNT, 1_000, "0033", "x4")).code is (
        ErrorCode.NOTHING_TO_REPAY
    )


def test_full_repayment_closes_the_cycle(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    receipt = store.repay(session.token, RepayIntent.FULL, None, "0001", "all")
    assert receipt.amount == 121_183
    assert receipt.principal_after == 0
    assert receipt.next_due_date is None
    summary = store.account_summary(session.token)
    assert summary.payoff_amount == 0
    assert summary.minimum_payment == 0
    assert summary.next_payment == 0
    assert summary.available == 500_000
    # Borrowing again opens a new cycle with a first due date.
    again = store.borrow(session.token, 50_000, _destination(store, session), "again")
    assert again.next_due_date == date(2026, 12, 25)  # borrowed on the 24th: next month
    assert again.minimum_payment == 2_000


def test_one_request_sent_twice_at_once_moves_money_once(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    destination = _destination(store, session)
    count = _ledger_count(store, session)
    barrier = threading.Barrier(2)
    results: list[BorrowReceipt] = []

    def borrow() -> None:
        barrier.wait()
        results.append(store.borrow(session.token, 30_000, destination, "double-click"))

    threads = [threading.Thread(target=borrow) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2
    assert results[0] == results[1]
    assert _ledger_count(store, session) == count + 1
    assert store.account_summary(session.token).principal == 150_000


def test_overdue_suzuki(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(SUZUKI)
    summary = store.account_summary(session.token)
    assert summary.overdue is True
    assert summary.next_due_date == date(2026, 11, 19)
    assert summary.principal == 250_000
    assert summary.minimum_payment == 10_000  # 250,000 × 3.61 % = 9,025 → 10,000
    # 35 days at 18 % up to the due date, then 5 days of late damages at 20 %.
    assert summary.accrued_interest == 4_315
    assert summary.late_damages == 684
    destination = _destination(store, session)
    assert _code(lambda: store.borrow(session.token, 1_000, destination, "b")).code is (
        ErrorCode.BORROW_BLOCKED_OVERDUE
    )
    # Repaying works: damages first, then interest, then principal; the due date moves on.
    receipt = store.repay(session.token, AMOUNT, 10_000, "0005", "catch-up")
    assert (receipt.to_damages, receipt.to_interest, receipt.to_principal) == (684, 4_315, 5_001)
    assert receipt.next_due_date == date(2026, 12, 7)  # the 5th is a Saturday: Monday
    summary = store.account_summary(session.token)
    assert summary.overdue is False
    assert summary.late_damages == 0
    assert store.borrow(session.token, 1_000, destination, "b2").principal_after == 244_999 + 1_000


def test_looking_does_not_change_the_interest(store: Store, demo: DemoOperations) -> None:
    """Interest is one period from the last change of principal; reads never round it."""
    for _ in range(5):
        demo.advance_clock(timedelta(days=1))
        session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
        store.account_summary(session.token)
    summary = store.account_summary(session.token)
    # 11-04 → 11-25 at 18 %: floor(1,242.74); unpaid past the 25th, so 11-25 → 11-29 is late
    # damages at 20 %: floor(263.01). Booking each look would have floored 65.75 four times.
    assert summary.overdue is True
    assert (summary.accrued_interest, summary.late_damages) == (1_242, 263)


def test_sato_first_borrowing_is_interest_free_for_30_days(member_store: HostFactory) -> None:
    host = member_store(now=datetime(2026, 11, 10, 10, 0, tzinfo=TOKYO))
    store, clock = host.store, host.demo
    session = store.sign_in_with_web_id(SATO[2], SATO[3], DEVICE)
    receipt = store.borrow(session.token, 100_000, _destination(store, session), "first")
    assert receipt.minimum_payment == 4_000
    assert receipt.next_due_date == date(2026, 12, 15)
    summary = store.account_summary(session.token)
    assert summary.interest_free_until == date(2026, 12, 10)

    clock.advance_clock(timedelta(days=30))  # 12-10: the last free day
    session = store.sign_in_with_web_id(SATO[2], SATO[3], DEVICE)
    assert store.account_summary(session.token).accrued_interest == 0

    clock.advance_clock(timedelta(days=4))  # 12-14: four charged days at 18 %
    session = store.sign_in_with_web_id(SATO[2], SATO[3], DEVICE)
    summary = store.account_summary(session.token)
    assert summary.accrued_interest == 197
    assert summary.payoff_amount == 100_197
    assert summary.overdue is False

    paid: RepayReceipt = store.repay(session.token, AMOUNT, 100_197, "0033", "payoff")
    assert (paid.to_interest, paid.to_principal, paid.principal_after) == (197, 100_000, 0)
    summary = store.account_summary(session.token)
    assert summary.principal == 0
    assert summary.payoff_amount == 0
    assert summary.next_due_date is None
