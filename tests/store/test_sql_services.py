"""Member services, SQL specifics: ledger rows and audit of a prepaid charge, the kind filter
on 100,000 rows, read-only inquiries, audited promises, applications decided in the table or
made at once from two stores, migration 0003 (behaviour: contract/test_services.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import func, select, text, update

from desktop_app.domain import loan
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import (
    PREPAID_BANK_CODE,
    ApplicationStatus,
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
    OutboxMessage,
)

from .conftest import DEVICE, NOW, SATO, SUZUKI, YAMADA, StoreFactory
from .helpers import APPLICATION_SUBJECT, PREPAID_NAME, bank, prepaid, refusal

SignIn = Callable[[tuple[Any, ...]], Session]


def _scalar(store: SqlStore, query: Any) -> Any:
    with store.engine.connect() as connection:
        return connection.scalar(query)


def _audit_events(store: SqlStore) -> list[str]:
    with store.engine.connect() as connection:
        return list(connection.scalars(select(AuditEntry.event).order_by(AuditEntry.id)))


# --------------------------------------------------------------------- the prepaid card


def test_charging_the_prepaid_card_is_borrowing_with_its_own_ledger_kind(
    store: SqlStore, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    card = prepaid(store, session)
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
    account = bank(store, session)
    assert refusal(lambda: store.borrow(session.token, 10_000, account.id, "charge-1")).code is (
        ErrorCode.REQUEST_ID_REUSED
    )
    assert store.account_summary(session.token).principal == 130_000

    newest = store.history(session.token, HistoryQuery(), None, 1).entries[0]
    assert (newest.kind, newest.amount, newest.counterparty) == (
        LedgerKind.PREPAID_CHARGE,
        10_000,
        PREPAID_NAME,
    )


# --------------------------------------------------------------------- history by kind


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


def test_a_stale_promise_is_not_shown(store: SqlStore, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    with store.engine.begin() as connection:
        connection.execute(update(LoanAccount).values(promised_date=date(2026, 11, 20)))
    assert store.account_summary(session.token).promised_date is None


# --------------------------------------------------------------------- limit increase


def test_yamada_applies_for_a_higher_limit(store: SqlStore, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    assert store.account_summary(session.token).limit_application is None

    def apply(requested: int) -> LimitApplication:
        return store.apply_limit_increase(session.token, 6_000_000, 500_000, requested)

    # 総量規制: a third of 6,000,000 less the 500,000 owed elsewhere.
    assert refusal(lambda: apply(1_600_000)) == AppError(
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

    assert refusal(lambda: apply(900_000)) == AppError(ErrorCode.APPLICATION_PENDING)
    assert refusal(lambda: apply(400_000)) == AppError(
        ErrorCode.LIMIT_NOT_ABOVE_CURRENT, current=500_000
    )
    assert refusal(lambda: apply(500_000)).code is ErrorCode.LIMIT_NOT_ABOVE_CURRENT
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
