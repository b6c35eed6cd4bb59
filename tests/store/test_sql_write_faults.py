"""A store that cannot be written (read-only, disk full) and readers next to a writer.

A read-only store still opens and shows what it holds; every write is refused with
STORE_READ_ONLY (signing in to one: ``test_sql_read_only_sign_in``). A full disk refuses the
write with STORE_DISK_FULL and saves nothing of it. Reads run in deferred transactions and
never queue behind a writer.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel, HistoryQuery, RepayIntent
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql import engine as engine_module
from desktop_app.store.sql.schema import LedgerRow

from .conftest import DEVICE, TANAKA, YAMADA, read_only_url


def _refusal(action: Callable[[], Any]) -> AppError:
    with pytest.raises(AppError) as caught:
        action()
    return caught.value


def _principal(url: str, clock: FixedClock) -> int:
    store = SqlStore(url, clock, hash_profile="fast", seed=False)
    try:
        session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
        return store.account_summary(session.token).principal
    finally:
        store.close()


# ----------------------------------------------------------------- read-only


def test_a_read_only_store_can_still_be_viewed(
    db_url: str, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    store = SqlStore(db_url, clock, hash_profile="fast")
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    destination = store.bank_accounts(session.token)[0].id
    store.close()

    viewer = SqlStore(read_only_url(db_url), clock, hash_profile="fast")
    try:
        assert viewer.read_only
        token = session.token
        assert viewer.account_summary(token).principal == 120_000
        assert viewer.history(token, HistoryQuery(), None, 10).total >= 1
        assert viewer.interest_inquiry(token).interest_to_today >= 0
        assert viewer.bank_accounts(token)[0].id == destination
        clock.advance(timedelta(minutes=5))  # the activity cannot be recorded: still shown
        assert viewer.account_summary(token).principal == 120_000
        with caplog.at_level(logging.ERROR):
            refused = _refusal(lambda: viewer.borrow(token, 10_000, destination, "ro-1"))
        assert refused == AppError(ErrorCode.STORE_READ_ONLY)
        assert ErrorCode.STORE_READ_ONLY.value in caplog.text
        assert "SQLITE_READONLY" in caplog.text or "25006" in caplog.text
        for action in (
            lambda: viewer.repay(token, RepayIntent.AMOUNT, 5_000, "0009", "ro-2"),
            lambda: viewer.request_password_reset(TANAKA[2], date(1990, 4, 4), CodeChannel.SMS),
        ):
            assert _refusal(action) == AppError(ErrorCode.STORE_READ_ONLY)
    finally:
        viewer.close()
    assert _principal(db_url, clock) == 120_000


def test_a_read_only_store_that_needs_migrating_is_refused(db_url: str, clock: FixedClock) -> None:
    engine = engine_module.create_store_engine(db_url)
    try:
        engine_module.upgrade_to_head(engine, "0003")
    finally:
        engine.dispose()
    with pytest.raises(AppError) as caught:
        SqlStore(read_only_url(db_url), clock, hash_profile="fast")
    assert caught.value == AppError(ErrorCode.STORE_READ_ONLY)


def test_a_store_in_a_read_only_folder_is_opened_for_viewing(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder nobody may write to has no room for SQLite's -shm file: the file is opened
    read-only and immutable (root passes every permission check, so the folder is faked)."""
    path = tmp_path / "members.db"
    url = f"sqlite:///{path}"
    store = SqlStore(url, clock, hash_profile="fast")
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.close()
    assert not (tmp_path / "members.db-wal").exists()
    real_access = engine_module.os.access

    def access(name: Any, mode: int, **kwargs: Any) -> bool:
        if Path(name) in (tmp_path, path) and mode & engine_module.os.W_OK:
            return False
        return real_access(name, mode, **kwargs)

    monkeypatch.setattr(engine_module.os, "access", access)
    viewer = SqlStore(url, clock, hash_profile="fast")
    try:
        assert viewer.read_only
        assert viewer.account_summary(session.token).principal == 120_000
        refused = _refusal(lambda: viewer.borrow(session.token, 10_000, 1, "ro-folder"))
        assert refused == AppError(ErrorCode.STORE_READ_ONLY)
    finally:
        viewer.close()
    assert not (tmp_path / "members.db-shm").exists()


# ----------------------------------------------------------------- disk full


def _fill(store: SqlStore) -> None:
    """Fill every free byte of the pages the database may still use."""
    raw = store.engine.raw_connection()
    try:
        for size in (2_000, 400, 60, 1):
            try:
                while True:
                    raw.driver_connection.execute(  # type: ignore[union-attr]
                        "INSERT INTO audit_log (at, member_id, event, detail) "
                        "VALUES ('2026-11-24 01:00:00', NULL, 'filler', ?)",
                        ("x" * size,),
                    )
            except sqlite3.OperationalError as exc:
                assert "full" in str(exc)
    finally:
        raw.close()


def test_a_full_disk_is_named_and_nothing_is_half_saved(
    tmp_path: Path, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'members.db'}"
    store = SqlStore(url, clock, hash_profile="fast")
    try:
        session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
        destination = store.bank_accounts(session.token)[0].id
        store.engine.dispose()

        def no_more_pages(dbapi_connection: Any, _record: Any) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        event.listen(store.engine, "connect", no_more_pages)
        _fill(store)
        with caplog.at_level(logging.ERROR):
            refused = _refusal(lambda: store.borrow(session.token, 10_000, destination, "full-1"))
        assert refused == AppError(ErrorCode.STORE_DISK_FULL)
        assert "SQLITE_FULL" in caplog.text
        assert store.account_summary(session.token).principal == 120_000  # reads still work

        event.remove(store.engine, "connect", no_more_pages)
        store.engine.dispose()  # space freed
        with store.engine.connect() as connection:
            assert (
                connection.scalar(select(LedgerRow.id).where(LedgerRow.request_id == "full-1"))
                is None
            )
        receipt = store.borrow(session.token, 10_000, destination, "full-1")
        assert receipt.principal_after == 130_000
    finally:
        store.close()


# ----------------------------------------------------------------- readers next to a writer


@contextmanager
def _writer_holding_the_lock(db_url: str) -> Iterator[None]:
    """Another connection in the middle of a write transaction, until the block ends."""
    parsed = make_url(db_url)
    if parsed.get_backend_name() == "sqlite":
        assert parsed.database is not None
        writer = sqlite3.connect(parsed.database, isolation_level=None)
        try:
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("UPDATE loan_accounts SET principal = principal")
            writer.execute("UPDATE sessions SET last_seen_at = last_seen_at")
            yield
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        return
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1 FROM loan_accounts FOR UPDATE"))
            connection.execute(text("SELECT 1 FROM sessions FOR UPDATE"))
            try:
                yield
            finally:
                connection.rollback()
    finally:
        engine.dispose()


def _completes_while_held(call: Callable[[], Any]) -> Any:
    """Run ``call`` in a thread; it must finish while the writer still holds its lock."""
    outcome: list[Any] = []
    thread = threading.Thread(target=lambda: outcome.append(call()), daemon=True)
    thread.start()
    thread.join(timeout=5)  # the busy timeout is 15 s; a read must not wait at all
    assert not thread.is_alive(), "the read waited for the writer"
    assert outcome, "the read failed"
    return outcome[0]


def test_reads_do_not_wait_for_a_writer(db_url: str, clock: FixedClock) -> None:
    store = SqlStore(db_url, clock, hash_profile="fast")
    try:
        token = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).token
        reads: list[Callable[[], Any]] = [
            lambda: store.account_summary(token).principal,
            lambda: store.history(token, HistoryQuery(), None, 10).total,
            lambda: len(store.bank_accounts(token)),
            lambda: store.interest_inquiry(token).next_due_date,
            lambda: len(store.sent_messages()),
        ]
        with _writer_holding_the_lock(db_url):
            for read in reads:
                _completes_while_held(read)
            clock.advance(timedelta(minutes=5))  # the session's activity is due to be noted
            assert _completes_while_held(reads[0]) == 120_000
        clock.advance(timedelta(minutes=14))  # 19 minutes after sign-in, 14 after the read
        assert store.account_summary(token).principal == 120_000
    finally:
        store.close()
