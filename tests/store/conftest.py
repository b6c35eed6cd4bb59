"""Store fixtures: every store test runs on SQLite (a temporary file) and, when
``MEMBER_CLIENT_TEST_PG_URL`` is set, on PostgreSQL in a schema of its own."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.models import Session
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.bulk import insert_ledger_rows

PG_URL_ENV = "MEMBER_CLIENT_TEST_PG_URL"
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)
DEVICE = "test-device-1"

# Demo credentials of DOMAIN.md §8 (card number, PIN, Web-ID, password).
YAMADA = ("4000123412341234", "1234", "yamada2026", "Taro2026pass")
SATO = ("5012345678", "2580", "hanako0202", "Hanako2026")
SUZUKI = ("123456789012345", "3690", "suzuki0303", "Ichiro2026")
TANAKA = ("4000999988887777", "4444", "tanaka0404", "Misaki2026")
TAKAHASHI = ("4000222233334444", "5555", "takahashi05", "Ken2026pass")
ITO = ("4000555566667777", "1357", None, None)
WATANABE = ("4000777788889999", "2468", "watanabe07", "Sho2026pass")


def pg_param() -> Any:
    return pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not os.environ.get(PG_URL_ENV), reason=f"{PG_URL_ENV} not set"),
    )


@pytest.fixture(params=["sqlite", pg_param()])
def db_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a PostgreSQL schema dropped afterwards."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@contextmanager
def fresh_database(backend: str, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty database of ``backend`` ("sqlite" or "postgresql")."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    base = make_url(os.environ[PG_URL_ENV])
    if base.drivername == "postgresql":
        base = base.set(drivername="postgresql+psycopg")
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, poolclass=NullPool)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = base.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def read_only_url(url: str) -> str:
    """The same store, opened read-only: a SQLite file URI in ``mode=ro``, or a PostgreSQL
    role whose transactions are read-only by default."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"sqlite:///file:{parsed.database}?mode=ro&uri=true"
    options = parsed.query.get("options", "")
    assert isinstance(options, str)
    read_only = f"{options} -cdefault_transaction_read_only=on".strip()
    return parsed.update_query_dict({"options": read_only}).render_as_string(hide_password=False)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


StoreFactory = Callable[..., SqlStore]


@pytest.fixture
def open_store(db_url: str, clock: FixedClock) -> Iterator[StoreFactory]:
    """Open (and, at teardown, close) stores on the test database."""
    opened: list[SqlStore] = []

    def factory(store_clock: FixedClock | None = None, *, seed: bool = True) -> SqlStore:
        store = SqlStore(db_url, store_clock or clock, seed=seed, hash_profile="fast")
        opened.append(store)
        return store

    yield factory
    for store in opened:
        store.close()


@pytest.fixture
def store(open_store: StoreFactory) -> SqlStore:
    return open_store()


@pytest.fixture
def card_sign_in(store: SqlStore) -> Callable[[tuple[Any, ...]], Session]:
    def sign_in(member: tuple[Any, ...]) -> Session:
        return store.sign_in_with_card(member[0], member[1], DEVICE)

    return sign_in


@pytest.fixture
def bulk_ledger() -> Callable[[SqlStore, str, int, datetime], None]:
    """``bulk_ledger(store, member_number, count, newest)``: history rows in bulk."""
    return insert_ledger_rows
