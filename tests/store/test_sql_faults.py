"""Store faults, found by breaking the local store on purpose: each one is refused or reported
with its own code (never silently, never the one generic sentence), and its cause is logged."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store import open_store as open_any_store
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql import engine as engine_module
from desktop_app.store.sql.opening import SQLITE_APPLICATION_ID, is_marked

from .conftest import DEVICE, NOW, YAMADA

PASSWORD_IN_URL = "s3cret-pw"


def _refusal(url: str) -> AppError:
    with pytest.raises(AppError) as caught:
        open_any_store(url, FixedClock(NOW), hash_profile="fast")
    return caught.value


def _plain(url: str) -> str:
    """The test URL for a plain SQLAlchemy engine (psycopg 3 for PostgreSQL)."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _tables(url: str) -> set[str]:
    engine = create_engine(_plain(url), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def _execute(url: str, *statements: str) -> None:
    engine = create_engine(_plain(url), poolclass=NullPool)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


# ----------------------------------------------------------------- the store URL


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",
        "sqlite:///",
        "sqlite:///:memory:",
        "sqlite:///file:members?mode=memory&cache=shared&uri=true",
        "sqlite:///file::memory:?uri=true",
        "sqlite:///file:members.db?vfs=memdb&uri=true",
    ],
)
def test_a_store_that_would_not_persist_is_refused(url: str) -> None:
    assert _refusal(url) == AppError(ErrorCode.STORE_NOT_PERSISTENT)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://",
        "postgresql+psycopg://",
        "postgresql:///test",  # no host
        "postgresql://127.0.0.1:5432",  # no database
        f"postgresql://postgres:{PASSWORD_IN_URL}@127.0.0.1/",
    ],
)
def test_an_incomplete_postgresql_url_is_refused_before_connecting(
    url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def no_engine(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("an engine was made for an incomplete URL")

    monkeypatch.setattr(engine_module, "create_engine", no_engine)
    with caplog.at_level(logging.ERROR):
        assert _refusal(url) == AppError(ErrorCode.STORE_URL_INCOMPLETE)
    assert caplog.records, "the refusal is logged"
    assert PASSWORD_IN_URL not in caplog.text


def test_a_postgresql_url_with_a_socket_host_is_complete() -> None:
    assert engine_module.check_store_url("postgresql:///members?host=/run/postgresql")


@pytest.mark.parametrize(
    "url",
    ["mysql://user@db.example.jp/members", "ftp://example.jp/x", "garbage", "", "sqlitex:///a.db"],
)
def test_an_unknown_kind_of_store_has_its_own_code(
    url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        assert _refusal(url) == AppError(ErrorCode.STORE_URL_UNSUPPORTED)
    assert caplog.records


# ----------------------------------------------------------------- whose database it is


def test_another_applications_sqlite_file_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        db.execute("INSERT INTO notes (body) VALUES ('買い物メモ')")
    db.close()
    before = path.read_bytes()
    assert _refusal(f"sqlite:///{path}") == AppError(ErrorCode.STORE_FOREIGN)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_another_applications_database_is_left_untouched(db_url: str) -> None:
    _execute(db_url, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    assert _refusal(db_url) == AppError(ErrorCode.STORE_FOREIGN)
    assert _tables(db_url) == {"notes"}


def test_another_alembic_application_is_not_ours(db_url: str) -> None:
    _execute(
        db_url,
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
        "INSERT INTO alembic_version VALUES ('0001')",
        "CREATE TABLE orders (id INTEGER PRIMARY KEY)",
    )
    assert _refusal(db_url) == AppError(ErrorCode.STORE_FOREIGN)
    assert _tables(db_url) == {"alembic_version", "orders"}


def test_a_store_made_before_the_marker_still_opens(db_url: str, clock: FixedClock) -> None:
    """A store created by the client before stores were marked (revision 0003, no marker)."""
    engine = engine_module.create_store_engine(db_url)
    try:
        engine_module.upgrade_to_head(engine, "0003")
    finally:
        engine.dispose()
    store = SqlStore(db_url, clock, hash_profile="fast")
    try:
        session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
        assert store.account_summary(session.token).principal == 120_000
        assert is_marked(store.engine)
    finally:
        store.close()
    # Marked now: it opens again, as ours.
    SqlStore(db_url, clock, hash_profile="fast").close()


def test_a_new_store_is_marked_as_ours(db_url: str, clock: FixedClock) -> None:
    store = SqlStore(db_url, clock, hash_profile="fast")
    try:
        assert is_marked(store.engine)
        if store.engine.dialect.name == "sqlite":
            with store.engine.connect() as connection:
                marker = connection.exec_driver_sql("PRAGMA application_id").scalar()
            assert marker == SQLITE_APPLICATION_ID
    finally:
        store.close()


# ----------------------------------------------------------------- damaged, newer


def test_a_corrupt_file_is_named_and_its_cause_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "members.db"
    path.write_bytes(os.urandom(64 * 1024))
    before = path.read_bytes()
    with caplog.at_level(logging.ERROR):
        assert _refusal(f"sqlite:///{path}") == AppError(ErrorCode.STORE_CORRUPT)
    assert "SQLITE_NOTADB" in caplog.text
    assert path.read_bytes() == before


def test_a_store_damaged_later_reports_it(
    tmp_path: Path, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'members.db'}"
    store = SqlStore(url, clock, hash_profile="fast")
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.engine.dispose()
    with sqlite3.connect(tmp_path / "members.db") as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'loan_accounts'")
        root = root.fetchone()[0]
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with open(tmp_path / "members.db", "r+b") as file:  # wipe the table's root page
        file.seek((root - 1) * page_size)
        file.write(bytes(page_size))
    try:
        with caplog.at_level(logging.ERROR), pytest.raises(AppError) as caught:
            store.account_summary(session.token)
        assert caught.value == AppError(ErrorCode.STORE_CORRUPT)
        assert "SQLITE_CORRUPT" in caplog.text
    finally:
        store.close()


def test_a_newer_schema_asks_for_an_update(
    db_url: str, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    SqlStore(db_url, clock, hash_profile="fast").close()
    _execute(db_url, "UPDATE alembic_version SET version_num = '0099'")
    with caplog.at_level(logging.ERROR):
        assert _refusal(db_url) == AppError(ErrorCode.STORE_SCHEMA_NEWER)
    assert "0099" in caplog.text
    assert _tables(db_url) >= {"members", "alembic_version"}


def test_an_unreachable_server_is_unavailable_and_its_cause_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = f"postgresql+psycopg://postgres:{PASSWORD_IN_URL}@127.0.0.1:1/members?connect_timeout=2"
    with caplog.at_level(logging.ERROR):
        assert _refusal(url) == AppError(ErrorCode.STORE_UNAVAILABLE)
    assert "store_unavailable" in caplog.text
    assert "OperationalError" in caplog.text
    assert PASSWORD_IN_URL not in caplog.text
