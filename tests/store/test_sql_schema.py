"""Schema and seeding: migrations equal the ORM, SQLite settings, idempotent demo seed."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select, text

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.models import MemberStatus
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.engine import MIGRATIONS_DIR
from desktop_app.store.sql.keys import StoreKeys
from desktop_app.store.sql.schema import (
    BankAccountRow,
    Base,
    Card,
    LedgerRow,
    LoanAccount,
    Member,
    SessionRow,
    WebCredential,
)

from .conftest import DEVICE, NOW, YAMADA, StoreFactory

TABLES = {
    "members",
    "known_devices",
    "cards",
    "web_credentials",
    "loan_accounts",
    "bank_accounts",
    "ledger",
    "sessions",
    "outbox",
    "audit_log",
    "verification_codes",
    "limit_applications",
    "code_requests",
    "store_keys",
    "sign_in_throttle",
    "profile_changes",
    "reminders_sent",
}


def _count(store: SqlStore, model: Any) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(model)) or 0


def test_migrations_create_exactly_the_orm_tables(store: SqlStore) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert set(inspect(connection).get_table_names()) == TABLES | {"alembic_version"}
        head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
        assert context.get_current_revision() == head == "0008"


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def test_the_migrations_ship_inside_the_package() -> None:
    package = Path(__file__).resolve().parents[2] / "desktop_app"
    assert MIGRATIONS_DIR.is_relative_to(package)
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert (MIGRATIONS_DIR / "script.py.mako").is_file()
    assert (MIGRATIONS_DIR / "versions" / "0001_initial.py").is_file()


def test_ledger_has_the_history_index(store: SqlStore) -> None:
    with store.engine.connect() as connection:
        indexes = {
            index["name"]: index["column_names"]
            for index in inspect(connection).get_indexes("ledger")
        }
        uniques = [u["column_names"] for u in inspect(connection).get_unique_constraints("ledger")]
    assert indexes["ix_ledger_member_at_id"] == ["member_id", "at", "id"]
    assert ["member_id", "request_id"] in uniques


def test_reopening_does_not_seed_twice(open_store: StoreFactory) -> None:
    first = open_store()
    counts = {model: _count(first, model) for model in (Member, Card, LedgerRow, BankAccountRow)}
    first.close()
    second = open_store()
    assert {model: _count(second, model) for model in counts} == counts
    assert counts[Member] == 7
    assert counts[Card] == 7
    assert counts[BankAccountRow] == 7 + 7  # a bank account and a prepaid card each
    assert _count(second, WebCredential) == 6
    # The data survives the reopening.
    session = second.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    assert second.account_summary(session.token).principal == 120_000


def test_seed_false_leaves_the_store_empty(open_store: StoreFactory) -> None:
    store = open_store(seed=False)
    assert _count(store, Member) == 0


def test_demo_accounts_are_coherent(store: SqlStore) -> None:
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(Member.member_number, Member.status, Member.email, LoanAccount).join(
                LoanAccount, LoanAccount.member_id == Member.id
            )
        ).all()
    by_number = {row[0]: row for row in rows}
    assert [row[0] for row in sorted(rows)] == [f"10000000{i}" for i in range(1, 8)]
    statuses = {number: row[1] for number, row in by_number.items()}
    assert statuses["100000005"] == MemberStatus.SUSPENDED
    assert statuses["100000007"] == MemberStatus.DORMANT
    assert all(row.email for row in rows)
    assert by_number["100000006"][2] == "ito@example.jp"
    for row in rows:
        assert row.annual_rate == Decimal("0.180")
        assert row.credit_limit >= 100_000
        assert row.due_day in (5, 15, 25, 31)
    yamada = by_number["100000001"]
    assert (yamada.principal, yamada.minimum_payment, yamada.due_day) == (120_000, 5_000, 25)
    assert yamada.accrued_to == date(2026, 11, 4)
    assert yamada.first_borrowed_on == date(2024, 11, 24)
    assert yamada.next_due_date == date(2026, 11, 25)
    assert yamada.interest_free_eligible is False
    sato = by_number["100000002"]
    assert (sato.principal, sato.credit_limit, sato.due_day) == (0, 300_000, 15)
    assert sato.interest_free_eligible is True
    assert sato.first_borrowed_on is None
    suzuki = by_number["100000003"]
    assert (suzuki.principal, suzuki.credit_limit, suzuki.due_day) == (250_000, 500_000, 5)
    assert suzuki.next_due_date == date(2026, 11, 19)
    assert suzuki.paid_this_cycle == 0
    assert suzuki.minimum_payment == 10_000


def test_instants_come_back_in_tokyo_time(store: SqlStore) -> None:
    store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    with store.engine.connect() as connection:
        created = connection.scalar(select(SessionRow.created_at))
        stored = connection.execute(text("SELECT created_at FROM sessions")).scalar_one()
    assert created == NOW
    assert created is not None and created.tzinfo is not None
    assert created.utcoffset() == timedelta(hours=9)
    if store.engine.dialect.name == "sqlite":  # kept as UTC wall time
        assert str(stored).startswith("2026-11-24 01:00:00")
    else:
        assert stored == NOW


def test_sqlite_settings(tmp_path: Path) -> None:
    store = SqlStore(
        f"sqlite:///{tmp_path / 'nested' / 'dir' / 'a.db'}",
        FixedClock(NOW),
        hash_profile="fast",
    )
    try:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5_000
    finally:
        store.close()


def test_unknown_hash_profile_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="hash profile"):
        SqlStore(f"sqlite:///{tmp_path / 'x.db'}", FixedClock(NOW), hash_profile="md5")


def test_hashes_are_argon2id_and_rehashed_on_a_new_profile(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rehash.db'}"
    clock = FixedClock(datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO))
    SqlStore(url, clock, hash_profile="fast").close()
    store = SqlStore(url, clock, hash_profile="owasp", seed=False)
    try:
        store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
        with store.engine.connect() as connection:
            hashes = dict(connection.execute(select(Card.card_lookup, Card.pin_hash)).all())
        keys = StoreKeys(None)
        assert hashes[keys.card_lookup(YAMADA[0])].startswith("$argon2id$v=19$m=19456,t=2,p=1$")
        assert hashes[keys.card_lookup("5012345678")].startswith("$argon2id$v=19$m=1024,t=1,p=1$")
    finally:
        store.close()
