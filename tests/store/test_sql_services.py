"""Member services through the SQL store: the prepaid card, the history's kind filter, the
interest inquiry, promised payment dates and limit-increase applications."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, select, text, update

from desktop_app.domain import loan
from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import (
    PREPAID_BANK_CODE,
    ApplicationStatus,
    BankAccount,
    HistoryQuery,
    InterestInquiry,
    LedgerKind,
    LimitApplication,
    Session,
)
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.engine import MIGRATIONS_DIR, create_store_engine
from desktop_app.store.sql.schema import (
    AuditEntry,
    LedgerRow,
    LimitApplicationRow,
    LoanAccount,
    Member,
    OutboxMessage,
)

from .conftest import DEVICE, NOW, SATO, SUZUKI, YAMADA, StoreFactory

SignIn = Callable[[tuple[Any, ...]], Session]

PREPAID_NAME = "こはくプリペイドカード"
APPLICATION_SUBJECT = "【こはくローン】ご利用限度額増額のお申込みを受け付けました"


def _refusal(call: Callable[[], Any]) -> AppError:
    with pytest.raises(AppError) as caught:
        call()
    return caught.value


def _prepaid(store: SqlStore, session: Session) -> BankAccount:
    (card,) = [a for a in store.bank_accounts(session.token) if a.bank_code == PREPAID_BANK_CODE]
    return card


def _bank(store: SqlStore, session: Session) -> BankAccount:
    return store.bank_accounts(session.token)[0]


def _scalar(store: SqlStore, query: Any) -> Any:
    with store.engine.connect() as connection:
        return connection.scalar(query)


def _audit_events(store: SqlStore) -> list[str]:
    with store.engine.connect() as connection:
        return list(connection.scalars(select(AuditEntry.event).order_by(AuditEntry.id)))


# --------------------------------------------------------------------- the prepaid card


def test_every_demo_member_has_a_prepaid_card_after_the_bank_account(
    store: SqlStore, card_sign_in: SignIn
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
    sato_card = _prepaid(store, other)
    assert sato_card.id != card.id
    assert sato_card.masked_number == "***4527"


def test_charging_the_prepaid_card_is_borrowing_with_its_own_ledger_kind(
    store: SqlStore, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    card = _prepaid(store, session)
    receipt = store.borrow(session.token, 10_000, card.id, "charge-1")
    assert receipt.destination == card
    assert (receipt.amount, receipt.principal_after, receipt.available_after) == (
        10_000,
        130_000,
        370_000,
    )
    assert receipt.minimum_payment == 5_000
    assert receipt.next_due_date == date(2026, 11, 25)
    assert (
        receipt.transaction_no == f"P20261124{_scalar(store, select(func.max(LedgerRow.id))):08d}"
    )
    summary = store.account_summary(session.token)
    assert (summary.principal, summary.available) == (130_000, 370_000)

    with store.engine.connect() as connection:
        row = connection.execute(select(LedgerRow).where(LedgerRow.request_id == "charge-1")).one()
    assert row.kind == "prepaid_charge"
    assert (row.counterparty, row.bank_code, row.bank_account_id) == (
        PREPAID_NAME,
        PREPAID_BANK_CODE,
        card.id,
    )
    assert "prepaid_charge" in _audit_events(store)

    # A repeated request answers with the first receipt; the id may not be reused elsewhere.
    assert store.borrow(session.token, 10_000, card.id, "charge-1") == receipt
    bank = _bank(store, session)
    assert _refusal(lambda: store.borrow(session.token, 10_000, bank.id, "charge-1")).code is (
        ErrorCode.REQUEST_ID_REUSED
    )
    assert store.account_summary(session.token).principal == 130_000

    newest = store.history(session.token, HistoryQuery(), 0, 1).entries[0]
    assert (newest.kind, newest.amount, newest.counterparty) == (
        LedgerKind.PREPAID_CHARGE,
        10_000,
        PREPAID_NAME,
    )


def test_charging_follows_the_borrowing_rules(open_store: StoreFactory) -> None:
    clock = FixedClock(datetime(2026, 11, 29, 23, 50, tzinfo=TOKYO))  # Sunday night
    store = open_store(clock)
    yamada = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    card = _prepaid(store, yamada)
    ledger = select(func.count()).select_from(LedgerRow)
    rows = _scalar(store, ledger)

    def charge(amount: int, request_id: str, session: Session = yamada) -> AppError:
        return _refusal(lambda: store.borrow(session.token, amount, card.id, request_id))

    assert charge(1_500, "odd").code is ErrorCode.AMOUNT_NOT_THOUSANDS
    assert charge(0, "zero").code is ErrorCode.AMOUNT_BELOW_MINIMUM
    assert charge(381_000, "over") == AppError(ErrorCode.AMOUNT_OVER_AVAILABLE, available=380_000)
    # Another member cannot charge 山田's card.
    suzuki = store.sign_in_with_card(SUZUKI[0], SUZUKI[1], DEVICE)
    sato = store.sign_in_with_card(SATO[0], SATO[1], DEVICE)
    assert charge(1_000, "theirs", sato).code is ErrorCode.UNKNOWN_DESTINATION
    # 鈴木 is overdue: his own card is blocked like his bank account.
    own = _prepaid(store, suzuki)
    refusal = _refusal(lambda: store.borrow(suzuki.token, 1_000, own.id, "late"))
    assert refusal.code is ErrorCode.BORROW_BLOCKED_OVERDUE

    clock.advance(timedelta(minutes=20))  # Monday 0:10: weekly maintenance
    assert charge(1_000, "night") == AppError(
        ErrorCode.MAINTENANCE, resume_at=datetime(2026, 11, 30, 7, 0, tzinfo=TOKYO)
    )
    assert _scalar(store, ledger) == rows  # nothing was charged


def test_a_first_charge_starts_the_interest_free_period_and_the_cycle(
    open_store: StoreFactory,
) -> None:
    store = open_store(FixedClock(datetime(2026, 11, 10, 10, 0, tzinfo=TOKYO)))
    session = store.sign_in_with_card(SATO[0], SATO[1], DEVICE)
    receipt = store.borrow(session.token, 100_000, _prepaid(store, session).id, "first")
    assert (receipt.minimum_payment, receipt.next_due_date) == (4_000, date(2026, 12, 15))
    assert store.account_summary(session.token).interest_free_until == date(2026, 12, 10)


# --------------------------------------------------------------------- history by kind


def test_history_filters_by_kind(store: SqlStore, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    store.borrow(session.token, 10_000, _prepaid(store, session).id, "charge")
    store.borrow(session.token, 20_000, _bank(store, session).id, "borrow")
    store.repay(session.token, 5_000, "0009", "repay")

    def kinds(*wanted: LedgerKind, **dates: date) -> list[LedgerKind]:
        query = HistoryQuery(kinds=frozenset(wanted), **dates)
        page = store.history(session.token, query, 0, 50)
        assert page.total == len(page.entries)
        return [entry.kind for entry in page.entries]

    everything = store.history(session.token, HistoryQuery(), 0, 50)
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
    paged = store.history(session.token, HistoryQuery(kinds=frozenset({LedgerKind.BORROW})), 1, 1)
    assert (paged.total, len(paged.entries)) == (3, 1)
    assert paged.entries[0].amount == 120_000


@pytest.mark.slow
def test_history_by_kind_is_fast_on_100000_rows(
    store: SqlStore, bulk_ledger: Callable[..., None], capsys: Any
) -> None:
    bulk_ledger(store, "100000001", 100_000, NOW - timedelta(hours=1))
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.borrow(session.token, 1_000, _prepaid(store, session).id, "charge")
    borrowing = HistoryQuery(kinds=frozenset({LedgerKind.BORROW}))
    charges = HistoryQuery(kinds=frozenset({LedgerKind.PREPAID_CHARGE}))
    store.history(session.token, borrowing, 0, 100)  # warm the caches once

    timings: list[float] = []
    for query in (borrowing, borrowing, borrowing, charges, charges):
        started = time.perf_counter()
        page = store.history(session.token, query, 0, 100)
        timings.append(time.perf_counter() - started)
    assert page.total == 1
    assert page.entries[0].kind is LedgerKind.PREPAID_CHARGE
    assert store.history(session.token, borrowing, 0, 100).total == 100_000 + 2
    with capsys.disabled():
        print(
            f"\n[{store.engine.dialect.name}] history by kind (0, 100): "
            f"{', '.join(f'{t * 1000:.1f}' for t in timings)} ms"
        )
    assert max(timings) < 0.100


# --------------------------------------------------------------------- interest inquiry


def test_interest_inquiry_of_yamada(store: SqlStore, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    version = _scalar(store, select(func.sum(LoanAccount.version)))
    inquiry = store.interest_inquiry(session.token)
    # 120,000 at 18 % for 20 days (11-04 → 11-24), then 21 days to the due date 11-25.
    assert inquiry == InterestInquiry(
        as_of=NOW,
        interest_to_today=1_183,
        damages_to_today=0,
        next_due_date=date(2026, 11, 25),
        interest_to_due_date=1_242,
        damages_to_due_date=0,
        interest_free_until=None,
    )
    summary = store.account_summary(session.token)
    assert (summary.accrued_interest, summary.late_damages) == (1_183, 0)
    # Read-only: asking again changes nothing.
    assert store.interest_inquiry(session.token) == inquiry
    assert _scalar(store, select(func.sum(LoanAccount.version))) == version


def test_interest_inquiry_adds_booked_interest_to_what_accrues(
    store: SqlStore, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    # Borrowing books the 1,183 so far and starts a new period on 130,000.
    store.borrow(session.token, 10_000, _prepaid(store, session).id, "charge")
    inquiry = store.interest_inquiry(session.token)
    assert (inquiry.interest_to_today, inquiry.damages_to_today) == (1_183, 0)
    # One more day to 11-25 on 130,000 at 18 %: floor(64.10).
    assert (inquiry.interest_to_due_date, inquiry.damages_to_due_date) == (1_183 + 64, 0)


def test_interest_inquiry_of_an_overdue_member_and_after_catching_up(
    store: SqlStore, card_sign_in: SignIn
) -> None:
    session = card_sign_in(SUZUKI)
    inquiry = store.interest_inquiry(session.token)
    # The due date is past: to it means to today (35 days at 18 %, 5 days of damages).
    assert (inquiry.interest_to_today, inquiry.damages_to_today) == (4_315, 684)
    assert inquiry.next_due_date == date(2026, 11, 19)
    assert (inquiry.interest_to_due_date, inquiry.damages_to_due_date) == (4_315, 684)

    store.repay(session.token, 10_000, "0005", "catch-up")  # principal 244,999, paid to date
    inquiry = store.interest_inquiry(session.token)
    assert (inquiry.interest_to_today, inquiry.damages_to_today) == (0, 0)
    assert inquiry.next_due_date == date(2026, 12, 7)  # 12-05 is a Saturday
    # 13 days (11-24 → 12-07) at the contract rate: nothing is late on the due date itself.
    expected = loan.simple_interest(244_999, Decimal("0.18"), NOW.date(), date(2026, 12, 7))
    assert expected == 1_570
    assert (inquiry.interest_to_due_date, inquiry.damages_to_due_date) == (1_570, 0)


def test_interest_inquiry_without_a_balance(store: SqlStore, card_sign_in: SignIn) -> None:
    inquiry = store.interest_inquiry(card_sign_in(SATO).token)
    assert inquiry == InterestInquiry(NOW, 0, 0, None, 0, 0, None)


def test_interest_inquiry_needs_a_session(store: SqlStore) -> None:
    assert _refusal(lambda: store.interest_inquiry("nope")).code is ErrorCode.SESSION_EXPIRED


# --------------------------------------------------------------------- promised payment date


def test_suzuki_promises_a_payment_date(open_store: StoreFactory, clock: FixedClock) -> None:
    store = open_store()
    session = store.sign_in_with_card(SUZUKI[0], SUZUKI[1], DEVICE)
    before = store.account_summary(session.token)
    assert (before.overdue, before.promised_date, before.late_damages) == (True, None, 684)

    summary = store.promise_payment(session.token, date(2026, 12, 1))
    assert summary.promised_date == date(2026, 12, 1)
    assert summary.overdue is True
    assert (summary.accrued_interest, summary.late_damages) == (4_315, 684)
    assert store.account_summary(session.token) == summary
    assert "payment_promised" in _audit_events(store)
    with store.engine.connect() as connection:
        detail = connection.scalar(
            select(AuditEntry.detail).where(AuditEntry.event == "payment_promised")
        )
    assert detail == "date=2026-12-01"

    # Damages still run from the due date: three days on, eight days at 20 %.
    clock.advance(timedelta(days=3))
    session = store.sign_in_with_card(SUZUKI[0], SUZUKI[1], DEVICE)
    later = store.account_summary(session.token)
    assert later.late_damages == loan.simple_interest(
        250_000, loan.DEFAULT_RULES.late_rate, date(2026, 11, 19), date(2026, 11, 27)
    )
    assert later.late_damages == 1_095
    assert later.promised_date == date(2026, 12, 1)


def test_the_promise_window_runs_from_today_to_14_days_after_the_due_date(
    store: SqlStore, card_sign_in: SignIn
) -> None:
    session = card_sign_in(SUZUKI)
    latest = date(2026, 11, 19) + timedelta(days=14)
    out_of_range = AppError(ErrorCode.PROMISE_DATE_OUT_OF_RANGE, latest=latest)
    assert _refusal(lambda: store.promise_payment(session.token, latest + timedelta(days=1))) == (
        out_of_range
    )
    assert _refusal(lambda: store.promise_payment(session.token, date(2026, 11, 23))) == (
        out_of_range
    )
    assert store.promise_payment(session.token, NOW.date()).promised_date == NOW.date()
    assert store.promise_payment(session.token, latest).promised_date == date(2026, 12, 3)
    # A refusal leaves the earlier promise.
    _refusal(lambda: store.promise_payment(session.token, latest + timedelta(days=1)))
    assert store.account_summary(session.token).promised_date == latest


def test_a_member_who_is_not_overdue_cannot_promise(store: SqlStore, card_sign_in: SignIn) -> None:
    for member in (YAMADA, SATO):
        session = card_sign_in(member)
        refusal = _refusal(lambda s=session: store.promise_payment(s.token, date(2026, 11, 30)))
        assert refusal == AppError(ErrorCode.PROMISE_NOT_OVERDUE)
    assert _scalar(store, select(func.count()).where(LoanAccount.promised_date.is_not(None))) == 0


def test_the_promise_lapses_once_the_minimum_is_paid(store: SqlStore, card_sign_in: SignIn) -> None:
    session = card_sign_in(SUZUKI)
    store.promise_payment(session.token, date(2026, 11, 28))
    # A part of the minimum leaves him overdue, and the promise stands.
    store.repay(session.token, 1_000, "0005", "part")
    summary = store.account_summary(session.token)
    assert (summary.overdue, summary.promised_date) == (True, date(2026, 11, 28))
    # The rest of the minimum brings him current: the promise is cleared.
    store.repay(session.token, summary.next_payment, "0005", "rest")
    summary = store.account_summary(session.token)
    assert (summary.overdue, summary.promised_date) == (False, None)
    assert (
        _scalar(
            store,
            select(LoanAccount.promised_date)
            .join(Member)
            .where(Member.member_number == "100000003"),
        )
        is None
    )
    assert _refusal(lambda: store.promise_payment(session.token, NOW.date())).code is (
        ErrorCode.PROMISE_NOT_OVERDUE
    )


def test_a_stale_promise_is_not_shown(store: SqlStore, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    with store.engine.begin() as connection:
        connection.execute(update(LoanAccount).values(promised_date=date(2026, 11, 20)))
    assert store.account_summary(session.token).promised_date is None


def test_promising_stops_in_maintenance(open_store: StoreFactory) -> None:
    clock = FixedClock(datetime(2026, 11, 29, 23, 50, tzinfo=TOKYO))
    store = open_store(clock)
    session = store.sign_in_with_card(SUZUKI[0], SUZUKI[1], DEVICE)
    clock.advance(timedelta(minutes=20))
    assert _refusal(lambda: store.promise_payment(session.token, date(2026, 12, 1))).code is (
        ErrorCode.MAINTENANCE
    )


# --------------------------------------------------------------------- limit increase


def test_yamada_applies_for_a_higher_limit(store: SqlStore, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    assert store.account_summary(session.token).limit_application is None

    def apply(requested: int) -> LimitApplication:
        return store.apply_limit_increase(session.token, 6_000_000, 500_000, requested)

    # 総量規制: a third of 6,000,000 less the 500,000 owed elsewhere.
    assert _refusal(lambda: apply(1_600_000)) == AppError(
        ErrorCode.LIMIT_OVER_TOTAL_VOLUME, maximum=1_500_000
    )
    assert _scalar(store, select(func.count()).select_from(LimitApplicationRow)) == 0

    application = apply(800_000)
    assert application == LimitApplication(
        applied_at=NOW,
        requested_limit=800_000,
        annual_income=6_000_000,
        other_debts=500_000,
        status=ApplicationStatus.UNDER_REVIEW,
        certificate_required=True,  # above 500,000 here
    )
    summary = store.account_summary(session.token)
    assert summary.limit_application == application
    assert summary.credit_limit == 500_000  # under review: the limit is unchanged

    with store.engine.connect() as connection:
        message = connection.execute(
            select(OutboxMessage.subject, OutboxMessage.body, OutboxMessage.channel)
            .order_by(OutboxMessage.id.desc())
            .limit(1)
        ).one()
    assert message.subject == APPLICATION_SUBJECT
    assert message.channel == "email"
    assert "800,000円" in message.body
    assert "収入証明書類" in message.body
    assert "limit_increase_applied" in _audit_events(store)

    assert _refusal(lambda: apply(900_000)) == AppError(ErrorCode.APPLICATION_PENDING)
    assert _refusal(lambda: apply(400_000)) == AppError(
        ErrorCode.LIMIT_NOT_ABOVE_CURRENT, current=500_000
    )
    assert _refusal(lambda: apply(500_000)).code is ErrorCode.LIMIT_NOT_ABOVE_CURRENT
    assert _scalar(store, select(func.count()).select_from(LimitApplicationRow)) == 1


def test_a_decided_application_makes_way_for_a_new_one(
    store: SqlStore, card_sign_in: SignIn, clock: FixedClock
) -> None:
    session = card_sign_in(SATO)
    first = store.apply_limit_increase(session.token, 3_000_000, 0, 400_000)
    # 400,000 here and nothing elsewhere: no income certificate.
    assert first.certificate_required is False
    with store.engine.connect() as connection:
        body = connection.scalar(select(OutboxMessage.body).order_by(OutboxMessage.id.desc()))
    assert body is not None and "収入証明書類" not in body
    with store.engine.begin() as connection:
        connection.execute(
            update(LimitApplicationRow).values(status=ApplicationStatus.DECLINED.value)
        )
    declined = store.account_summary(session.token).limit_application
    assert declined is not None and declined.status is ApplicationStatus.DECLINED

    clock.advance(timedelta(minutes=5))
    # 400,000 with 700,000 owed elsewhere: over 1,000,000 in total, so a certificate.
    second = store.apply_limit_increase(session.token, 3_300_000, 700_000, 400_000)
    assert second.certificate_required is True
    assert second.applied_at == NOW + timedelta(minutes=5)
    assert store.account_summary(session.token).limit_application == second


def test_limit_application_amounts_must_make_sense(store: SqlStore, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)

    def refusal(income: Any, debts: Any, requested: Any) -> AppError:
        return _refusal(lambda: store.apply_limit_increase(session.token, income, debts, requested))

    assert refusal(0, 0, 800_000) == AppError(ErrorCode.AMOUNT_ZERO, field="annual_income")
    assert refusal(6_000_000, 0, 0) == AppError(ErrorCode.AMOUNT_ZERO, field="requested_limit")
    assert refusal(-1, 0, 800_000).code is ErrorCode.AMOUNT_INVALID
    assert refusal(6_000_000, -5, 800_000) == AppError(
        ErrorCode.AMOUNT_INVALID, field="other_debts"
    )
    assert refusal(6_000_000.0, 0, 800_000).code is ErrorCode.AMOUNT_INVALID
    assert refusal(True, 0, 800_000).code is ErrorCode.AMOUNT_INVALID
    assert refusal(10**10, 0, 800_000).code is ErrorCode.AMOUNT_TOO_LARGE
    # Income too small for any limit: the maximum is 0.
    assert refusal(900_000, 400_000, 600_000) == AppError(
        ErrorCode.LIMIT_OVER_TOTAL_VOLUME, maximum=0
    )
    assert _scalar(store, select(func.count()).select_from(LimitApplicationRow)) == 0
    assert (
        _scalar(store, select(func.count()).where(OutboxMessage.subject == APPLICATION_SUBJECT))
        == 0
    )


def test_two_applications_at_once_make_one(open_store: StoreFactory) -> None:
    first, second = open_store(), open_store()
    one = first.sign_in_with_card(YAMADA[0], YAMADA[1], "device-a")
    two = second.sign_in_with_web_id(YAMADA[2], YAMADA[3], "device-b")
    barrier = threading.Barrier(2)
    results: list[LimitApplication | AppError] = []
    lock = threading.Lock()

    def apply(store: SqlStore, token: str) -> None:
        barrier.wait()
        try:
            outcome: LimitApplication | AppError = store.apply_limit_increase(
                token, 6_000_000, 0, 1_000_000
            )
        except AppError as error:
            outcome = error
        with lock:
            results.append(outcome)

    threads = [
        threading.Thread(target=apply, args=(first, one.token)),
        threading.Thread(target=apply, args=(second, two.token)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(type(r).__name__ for r in results) == ["AppError", "LimitApplication"]
    assert AppError(ErrorCode.APPLICATION_PENDING) in results
    assert _scalar(first, select(func.count()).select_from(LimitApplicationRow)) == 1


# --------------------------------------------------------------------- migration 0003


def test_upgrading_an_0002_store_keeps_the_ledger_linked_to_its_bank_accounts(
    db_url: str, clock: FixedClock
) -> None:
    """0003 recreates ``bank_accounts`` on SQLite: foreign keys must be off meanwhile, or
    dropping the old table would set every ledger row's ``bank_account_id`` to NULL."""
    engine = create_store_engine(db_url)
    try:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0002")
            connection.execute(
                text(
                    "INSERT INTO members (id, member_number, name, name_kana, birth_date,"
                    " web_statements, status, created_at) VALUES (1, '100000009', '試験 太郎',"
                    " 'シケン タロウ', '1990-01-01', false, 'active', '2026-11-01 00:00:00+00')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO bank_accounts VALUES"
                    " (1, 1, '0009', '三井住友銀行', '001', '本店営業部', 'ordinary', '1234567',"
                    " 'ｼｹﾝ ﾀﾛｳ')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO ledger (id, transaction_no, member_id, request_id, kind, amount,"
                    " to_damages, to_interest, to_principal, principal_after, available_after,"
                    " minimum_payment_after, counterparty, bank_account_id, bank_code, at)"
                    " VALUES (1, 'B2026110100000001', 1, 'old', 'borrow', 1000, 0, 0, 0, 1000,"
                    " 0, 0, '三井住友銀行', 1, '0009', '2026-11-01 03:00:00+00')"
                )
            )
    finally:
        engine.dispose()

    store = SqlStore(db_url, clock, seed=False, hash_profile="fast")
    try:
        with store.engine.connect() as connection:
            assert connection.execute(select(LedgerRow.bank_account_id, LedgerRow.kind)).all() == [
                (1, "borrow")
            ]
            if store.engine.dialect.name == "sqlite":
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.close()
