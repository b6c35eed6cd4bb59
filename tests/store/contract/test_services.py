"""Member services: the prepaid card, the history's kind filter, the interest inquiry,
promised payment dates and limit-increase applications."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from desktop_app.domain import loan
from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import (
    PREPAID_BANK_CODE,
    BankAccount,
    HistoryQuery,
    InterestInquiry,
    LedgerKind,
    RepayIntent,
    Session,
)
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..conftest import DEVICE, NOW, SATO, SUZUKI, YAMADA
from ..helpers import APPLICATION_SUBJECT, PREPAID_NAME, bank, prepaid, refusal
from .conftest import HostFactory

SignIn = Callable[[tuple[Any, ...]], Session]


def _ledger_count(store: Store, session: Session) -> int:
    total = store.history(session.token, HistoryQuery(), None, 1).total
    assert total is not None
    return total


# --------------------------------------------------------------------- the prepaid card


def test_every_demo_member_has_a_prepaid_card_after_the_bank_account(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    bank, card = store.bank_accounts(session.token)
    assert bank.bank_code == "0009"
    assert card == BankAccount(
        id=card.id,
        bank_code=PREPAID_BANK_CODE,
        bank_name=PREPAID_NAME,
        branch_code="",
        branch_name="",
        account_type="prepaid",
        account_number="8301",
        holder="ﾔﾏﾀﾞ ﾀﾛｳ",
    )
    assert card.masked_number == "***8301"
    other = card_sign_in(SATO)
    sato_card = prepaid(store, other)
    assert sato_card.id != card.id
    assert sato_card.masked_number == "***4527"


def test_charging_follows_the_borrowing_rules(member_store: HostFactory) -> None:
    host = member_store(now=datetime(2026, 11, 29, 23, 55, tzinfo=TOKYO))  # Sunday night
    store, clock = host.store, host.demo
    yamada = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    card = prepaid(store, yamada)
    rows = _ledger_count(store, yamada)

    def charge(amount: int, request_id: str, session: Session = yamada) -> AppError:
        return refusal(lambda: store.borrow(session.token, amount, card.id, request_id))

    assert charge(1_500, "odd").code is ErrorCode.AMOUNT_NOT_THOUSANDS
    assert charge(0, "zero").code is ErrorCode.AMOUNT_BELOW_MINIMUM
    assert charge(381_000, "over") == AppError(ErrorCode.AMOUNT_OVER_AVAILABLE, available=380_000)
    # Another member cannot charge 山田's card.
    suzuki = store.sign_in_with_card(SUZUKI[0], SUZUKI[1], DEVICE)
    sato = store.sign_in_with_card(SATO[0], SATO[1], DEVICE)
    assert charge(1_000, "theirs", sato).code is ErrorCode.UNKNOWN_DESTINATION
    # 鈴木 is overdue: his own card is blocked like his bank account.
    own = prepaid(store, suzuki)
    refused = refusal(lambda: store.borrow(suzuki.token, 1_000, own.id, "late"))
    assert refused.code is ErrorCode.BORROW_BLOCKED_OVERDUE

    clock.advance_clock(timedelta(minutes=10))  # Monday 0:05: weekly maintenance
    assert charge(1_000, "night") == AppError(
        ErrorCode.MAINTENANCE, resume_at=datetime(2026, 11, 30, 7, 0, tzinfo=TOKYO)
    )
    assert _ledger_count(store, yamada) == rows  # nothing was charged


def test_a_first_charge_starts_the_interest_free_period_and_the_cycle(
    member_store: HostFactory,
) -> None:
    store = member_store(now=datetime(2026, 11, 10, 10, 0, tzinfo=TOKYO)).store
    session = store.sign_in_with_card(SATO[0], SATO[1], DEVICE)
    receipt = store.borrow(session.token, 100_000, prepaid(store, session).id, "first")
    assert (receipt.minimum_payment, receipt.next_due_date) == (4_000, date(2026, 12, 15))
    assert store.account_summary(session.token).interest_free_until == date(2026, 12, 10)


# --------------------------------------------------------------------- history by kind


def test_history_filters_by_kind(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    store.borrow(session.token, 10_000, prepaid(store, session).id, "charge")
    store.borrow(session.token, 20_000, bank(store, session).id, "borrow")
    store.repay(session.token, RepayIntent.AMOUNT, 5_000, "0009", "repay")

    def kinds(*wanted: LedgerKind, **dates: date) -> list[LedgerKind]:
        query = HistoryQuery(kinds=frozenset(wanted), **dates)
        page = store.history(session.token, query, None, 50)
        assert page.total == len(page.entries)
        return [entry.kind for entry in page.entries]

    everything = store.history(session.token, HistoryQuery(), None, 50)
    assert everything.total == 3 + 3
    assert [e.kind for e in everything.entries[:3]] == [
        LedgerKind.REPAY,
        LedgerKind.BORROW,
        LedgerKind.PREPAID_CHARGE,
    ]
    assert kinds(LedgerKind.PREPAID_CHARGE) == [LedgerKind.PREPAID_CHARGE]
    assert kinds(LedgerKind.BORROW) == [LedgerKind.BORROW] * 3
    assert kinds(LedgerKind.REPAY) == [LedgerKind.REPAY] * 2
    assert kinds(LedgerKind.BORROW, LedgerKind.PREPAID_CHARGE) == [
        LedgerKind.BORROW,
        LedgerKind.PREPAID_CHARGE,
        LedgerKind.BORROW,
        LedgerKind.BORROW,
    ]
    assert kinds() == []  # an empty set wants nothing
    # With days: only today's borrowing.
    assert kinds(LedgerKind.BORROW, since=NOW.date()) == [LedgerKind.BORROW]
    borrowing = HistoryQuery(kinds=frozenset({LedgerKind.BORROW}))
    first = store.history(session.token, borrowing, None, 1)
    assert (first.total, first.entries[0].amount) == (3, 20_000)
    paged = store.history(session.token, borrowing, first.next_cursor, 1)
    assert (paged.total, len(paged.entries)) == (None, 1)
    assert paged.entries[0].amount == 120_000


# --------------------------------------------------------------------- interest inquiry


def test_interest_inquiry_adds_booked_interest_to_what_accrues(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    # Borrowing books the 1,183 so far and starts a new period on 130,000.
    store.borrow(session.token, 10_000, prepaid(store, session).id, "charge")
    inquiry = store.interest_inquiry(session.token)
    assert (inquiry.interest_to_today, inquiry.damages_to_today) == (1_183, 0)
    # One more day to 11-25 on 130,000 at 18 %: floor(64.10).
    assert (inquiry.interest_to_due_date, inquiry.damages_to_due_date) == (1_183 + 64, 0)


def test_interest_inquiry_of_an_overdue_member_and_after_catching_up(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(SUZUKI)
    inquiry = store.interest_inquiry(session.token)
    # The due date is past: to it means to today (35 days at 18 %, 5 days of damages).
    assert (inquiry.interest_to_today, inquiry.damages_to_today) == (4_315, 684)
    assert inquiry.next_due_date == date(2026, 11, 19)
    assert (inquiry.interest_to_due_date, inquiry.damages_to_due_date) == (4_315, 684)

    store.repay(
        session.token, RepayIntent.AMOUNT, 10_000, "0005", "catch-up"
    )  # principal 244,999, paid to date
    inquiry = store.interest_inquiry(session.token)
    assert (inquiry.interest_to_today, inquiry.damages_to_today) == (0, 0)
    assert inquiry.next_due_date == date(2026, 12, 7)  # 12-05 is a Saturday
    # 13 days (11-24 → 12-07) at the contract rate: nothing is late on the due date itself.
    expected = loan.simple_interest(244_999, Decimal("0.18"), NOW.date(), date(2026, 12, 7))
    assert expected == 1_570
    assert (inquiry.interest_to_due_date, inquiry.damages_to_due_date) == (1_570, 0)


def test_interest_inquiry_without_a_balance(store: Store, card_sign_in: SignIn) -> None:
    inquiry = store.interest_inquiry(card_sign_in(SATO).token)
    assert inquiry == InterestInquiry(NOW, 0, 0, None, 0, 0, None)


def test_interest_inquiry_needs_a_session(store: Store) -> None:
    assert refusal(lambda: store.interest_inquiry("nope")).code is ErrorCode.SESSION_EXPIRED


# --------------------------------------------------------------------- promised payment date


def test_the_promise_window_runs_from_today_to_14_days_after_the_due_date(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(SUZUKI)
    latest = date(2026, 11, 19) + timedelta(days=14)
    out_of_range = AppError(ErrorCode.PROMISE_DATE_OUT_OF_RANGE, latest=latest)
    assert refusal(lambda: store.promise_payment(session.token, latest + timedelta(days=1))) == (
        out_of_range
    )
    assert refusal(lambda: store.promise_payment(session.token, date(2026, 11, 23))) == (
        out_of_range
    )
    assert store.promise_payment(session.token, NOW.date()).promised_date == NOW.date()
    assert store.promise_payment(session.token, latest).promised_date == date(2026, 12, 3)
    # A refusal leaves the earlier promise.
    refusal(lambda: store.promise_payment(session.token, latest + timedelta(days=1)))
    assert store.account_summary(session.token).promised_date == latest


def test_a_member_who_is_not_overdue_cannot_promise(store: Store, card_sign_in: SignIn) -> None:
    for member in (YAMADA, SATO):
        session = card_sign_in(member)
        refused = refusal(lambda s=session: store.promise_payment(s.token, date(2026, 11, 30)))
        assert refused == AppError(ErrorCode.PROMISE_NOT_OVERDUE)
        assert store.account_summary(session.token).promised_date is None


def test_the_promise_lapses_once_the_minimum_is_paid(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(SUZUKI)
    store.promise_payment(session.token, date(2026, 11, 28))
    # A part of the minimum leaves him overdue, and the promise stands.
    store.repay(session.token, RepayIntent.AMOUNT, 1_000, "0005", "part")
    summary = store.account_summary(session.token)
    assert (summary.overdue, summary.promised_date) == (True, date(2026, 11, 28))
    # The rest of the minimum brings him current: the promise is cleared.
    store.repay(session.token, RepayIntent.AMOUNT, summary.next_payment, "0005", "rest")
    summary = store.account_summary(session.token)
    assert (summary.overdue, summary.promised_date) == (False, None)
    assert refusal(lambda: store.promise_payment(session.token, NOW.date())).code is (
        ErrorCode.PROMISE_NOT_OVERDUE
    )


def test_promising_stops_in_maintenance(member_store: HostFactory) -> None:
    host = member_store(now=datetime(2026, 11, 29, 23, 55, tzinfo=TOKYO))
    store = host.store
    session = store.sign_in_with_card(SUZUKI[0], SUZUKI[1], DEVICE)
    host.demo.advance_clock(timedelta(minutes=10))  # Monday 0:05
    assert refusal(lambda: store.promise_payment(session.token, date(2026, 12, 1))).code is (
        ErrorCode.MAINTENANCE
    )


# --------------------------------------------------------------------- limit increase


def test_limit_application_amounts_must_make_sense(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)

    def apply(income: Any, debts: Any, requested: Any) -> AppError:
        return refusal(lambda: store.apply_limit_increase(session.token, income, debts, requested))

    assert apply(0, 0, 800_000) == AppError(ErrorCode.AMOUNT_ZERO, field="annual_income")
    assert apply(6_000_000, 0, 0) == AppError(ErrorCode.AMOUNT_ZERO, field="requested_limit")
    assert apply(-1, 0, 800_000).code is ErrorCode.AMOUNT_INVALID
    assert apply(6_000_000, -5, 800_000) == AppError(ErrorCode.AMOUNT_INVALID, field="other_debts")
    assert apply(6_000_000.0, 0, 800_000).code is ErrorCode.AMOUNT_INVALID
    assert apply(True, 0, 800_000).code is ErrorCode.AMOUNT_INVALID
    assert apply(10**10, 0, 800_000).code is ErrorCode.AMOUNT_TOO_LARGE
    # Income too small for any limit: the maximum is 0.
    assert apply(900_000, 400_000, 600_000) == AppError(
        ErrorCode.LIMIT_OVER_TOTAL_VOLUME, maximum=0
    )
    assert store.account_summary(session.token).limit_application is None
    assert APPLICATION_SUBJECT not in [m.subject for m in demo.sent_messages()]


# --------------------------------------------------------------------- migration 0003
