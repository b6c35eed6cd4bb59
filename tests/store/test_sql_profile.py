"""Registered details through SQL specifics: migration 0007 on a store of 0006, codes kept only
as salted hashes, refusals that need a state the demo members lack (no contact, no bank
account), the audit trail, and one automatic debit however many calls race for it (the
behaviour of every store is in contract/test_profile*.py)."""

from __future__ import annotations

import hashlib
import threading
from datetime import date, datetime
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData, func, select, update

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel, LedgerKind
from desktop_app.domain.profile import CodedChange, Reminder
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql import engine as engine_module
from desktop_app.store.sql.engine import MIGRATIONS_DIR
from desktop_app.store.sql.schema import (
    AuditEntry,
    BankAccountRow,
    LedgerRow,
    LoanAccount,
    Member,
    OutboxMessage,
    ProfileChangeRow,
    ReminderSent,
    VerificationCode,
)

from .conftest import DEVICE, NOW, YAMADA, StoreFactory
from .helpers import refusal

YAMADA_NUMBER = "100000001"


def _set_member(store: SqlStore, **values: Any) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            update(Member).where(Member.member_number == YAMADA_NUMBER).values(**values)
        )


def _rows(store: SqlStore, query: Any) -> list[Any]:
    with store.engine.connect() as connection:
        return list(connection.execute(query).all())


# --------------------------------------------------------------------- migration 0007


def _store_of_revision_0006(url: str) -> None:
    """A member with a loan account, a bank account and a borrowing, as 0006 kept them."""
    engine = engine_module.create_store_engine(url)
    try:
        engine_module.upgrade_to_head(engine, "0006")
        tables = MetaData()
        tables.reflect(engine, only=["members", "loan_accounts", "bank_accounts", "ledger"])
        created = datetime(2024, 1, 1, 0, 0)
        with engine.begin() as connection:
            connection.execute(
                tables.tables["members"].insert(),
                {
                    "id": 1,
                    "member_number": "100000009",
                    "name": "試験 太郎",
                    "name_kana": "シケン タロウ",
                    "birth_date": date(1990, 1, 1),
                    "web_statements": False,
                    "status": "active",
                    "created_at": created,
                },
            )
            connection.execute(
                tables.tables["loan_accounts"].insert(),
                {
                    "member_id": 1,
                    "credit_limit": 300_000,
                    "annual_rate": 0.18,
                    "principal": 10_000,
                    "unpaid_interest": 0,
                    "unpaid_damages": 0,
                    "accrued_to": date(2026, 11, 1),
                    "minimum_payment": 1_000,
                    "due_day": 25,
                    "next_due_date": date(2026, 11, 25),
                    "paid_this_cycle": 0,
                    "interest_free_eligible": False,
                    "version": 1,
                    "updated_at": created,
                },
            )
            connection.execute(
                tables.tables["bank_accounts"].insert(),
                {
                    "id": 1,
                    "member_id": 1,
                    "bank_code": "0009",
                    "bank_name": "三井住友銀行",
                    "branch_code": "001",
                    "branch_name": "本店営業部",
                    "account_type": "ordinary",
                    "account_number": "1234567",
                    "holder": "ｼｹﾝ ﾀﾛｳ",
                },
            )
            connection.execute(
                tables.tables["ledger"].insert(),
                {
                    "transaction_no": "B2026110100000001",
                    "member_id": 1,
                    "request_id": "old",
                    "kind": "borrow",
                    "amount": 10_000,
                    "to_damages": 0,
                    "to_interest": 0,
                    "to_principal": 0,
                    "principal_after": 10_000,
                    "available_after": 290_000,
                    "minimum_payment_after": 1_000,
                    "counterparty": "三井住友銀行",
                    "bank_account_id": 1,
                    "bank_code": "0009",
                    "at": created,
                },
            )
    finally:
        engine.dispose()


def test_a_store_of_0006_is_migrated_with_everything_off(db_url: str, clock: FixedClock) -> None:
    _store_of_revision_0006(db_url)
    store = SqlStore(db_url, clock, seed=False, hash_profile="fast")
    try:
        (account,) = _rows(
            store,
            select(
                LoanAccount.auto_debit,
                LoanAccount.auto_debit_since,
                LoanAccount.reminder_enabled,
                LoanAccount.reminder_days_before,
                LoanAccount.reminder_hour,
            ),
        )
        assert tuple(account) == (False, None, False, 3, 9)
        (member,) = _rows(store, select(Member.postal_code, Member.workplace_name))
        assert tuple(member) == (None, None)
        assert _rows(store, select(BankAccountRow.retired_at)) == [(None,)]
        assert _rows(store, select(LedgerRow.bank_account_id)) == [(1,)]
        # Down to 0006 and up again (no automatic debit in the ledger yet).
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0006")
            command.upgrade(config, "head")
    finally:
        store.close()


# --------------------------------------------------------------------- codes and contacts


def test_a_change_code_is_kept_only_as_a_salted_hash(store: SqlStore) -> None:
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.request_change_code(session.token, CodedChange.BANK_ACCOUNT)
    (message,) = store.sent_messages(1)
    code = message.body.split("確認コードは ")[1][:4]
    assert code.isdigit()
    (row,) = _rows(
        store, select(VerificationCode.purpose, VerificationCode.code_hash, VerificationCode.salt)
    )
    assert row.purpose == "bank_account"
    assert row.code_hash == hashlib.sha256((row.salt + code).encode()).hexdigest()
    stored = _rows(store, select(OutboxMessage.code, OutboxMessage.body))
    assert all(found.code is None and code not in found.body for found in stored)
    assert all(code not in event.detail for event in _rows(store, select(AuditEntry.detail)))


def test_a_code_goes_by_email_without_a_phone_and_nowhere_without_either(
    store: SqlStore,
) -> None:
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    _set_member(store, phone=None)
    sent = store.request_change_code(session.token, CodedChange.PASSWORD)
    assert (sent.channel, sent.destination) == (CodeChannel.EMAIL, "y***@example.jp")
    _set_member(store, email=None)
    refused = refusal(lambda: store.request_change_code(session.token, CodedChange.WEB_ID))
    assert refused == AppError(ErrorCode.NO_CONTACT)
    refused = refusal(lambda: store.set_reminder(session.token, Reminder(True, 3, 9)))
    assert refused == AppError(ErrorCode.NO_CONTACT)


def test_automatic_debit_needs_a_bank_account(store: SqlStore) -> None:
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    with store.engine.begin() as connection:
        connection.execute(
            update(BankAccountRow)
            .where(BankAccountRow.account_type != "prepaid")
            .values(retired_at=NOW)
        )
    assert store.profile(session.token).bank_account is None
    for refused in (
        refusal(lambda: store.set_auto_debit(session.token, True, 25)),
        refusal(lambda: store.due_day_effect(session.token, 25, True)),
    ):
        assert refused == AppError(ErrorCode.AUTO_DEBIT_NO_ACCOUNT)


def test_a_change_is_audited_and_its_history_masked(store: SqlStore) -> None:
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.change_phone(session.token, "09055556666")
    events = [row.event for row in _rows(store, select(AuditEntry.event))]
    assert "profile_phone_changed" in events
    (change,) = _rows(store, select(ProfileChangeRow))
    assert (change.item, change.device_id) == ("phone", DEVICE)
    everything = str(_rows(store, select(ProfileChangeRow.before, ProfileChangeRow.after)))
    assert "09055556666" not in everything and "09012345678" not in everything


# --------------------------------------------------------------------- automatic debit


def test_calls_racing_on_the_due_date_debit_once(open_store: StoreFactory) -> None:
    first = open_store()
    session = first.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    first.set_auto_debit(session.token, True, 25)
    first.set_reminder(session.token, Reminder(True, 1, 9))
    first.close()
    due_date = FixedClock(datetime(2026, 11, 25, 9, 30, tzinfo=TOKYO))
    stores = [open_store(due_date) for _ in range(2)]
    sessions = [s.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE) for s in stores]
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def call(store: SqlStore, token: str) -> None:
        try:
            barrier.wait()
            store.account_summary(token)
            store.sent_messages(5)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=call, args=(store, session.token))
        for store, session in zip(stores * 2, sessions * 2, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    kinds = select(func.count()).where(LedgerRow.kind == LedgerKind.AUTO_DEBIT.value)
    assert _rows(stores[0], kinds) == [(1,)]
    assert _rows(stores[0], select(func.count()).select_from(ReminderSent)) == [(1,)]
