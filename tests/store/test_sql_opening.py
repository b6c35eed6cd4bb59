"""Opening a PostgreSQL store: several processes opening one fresh database at once migrate
it once and all open (the workers of a member server starting together), and a server that
accepts the connection but never answers is given up after the connect timeout."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.engine import CONNECT_TIMEOUT_SECONDS
from desktop_app.store.sql.schema import Member, StoreKey

from .conftest import PG_URL_ENV

needs_postgresql = pytest.mark.skipif(
    not os.environ.get(PG_URL_ENV), reason=f"{PG_URL_ENV} not set"
)
PROCESSES = 4

# Each opener waits for "go" on its standard input, so all four open at the same moment.
OPENER = textwrap.dedent(
    """
    import logging, sys
    from datetime import datetime
    from desktop_app.domain.clock import TOKYO, FixedClock
    from desktop_app.store.sql import SqlStore
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    logging.getLogger("alembic.runtime.migration").setLevel(logging.INFO)
    print("ready", flush=True)
    sys.stdin.readline()
    clock = FixedClock(datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO))
    store = SqlStore(sys.argv[1], clock, hash_profile="fast", seed=True)
    store.close()
    print("opened", flush=True)
    """
)


@pytest.fixture
def scratch_database() -> Iterator[str]:
    """A fresh PostgreSQL database of its own (created and dropped here)."""
    base = make_url(os.environ[PG_URL_ENV]).set(drivername="postgresql+psycopg")
    name = f"scratch_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@needs_postgresql
def test_four_processes_opening_a_fresh_database_migrate_it_once(
    scratch_database: str, tmp_path: Path
) -> None:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    openers = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, scratch_database],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(PROCESSES)
    ]
    try:
        for opener in openers:
            assert opener.stdout is not None and opener.stdout.readline().strip() == "ready"
        for opener in openers:  # all at once
            assert opener.stdin is not None
            opener.stdin.write("go\n")
            opener.stdin.flush()
        results = [opener.communicate(timeout=120) for opener in openers]
    finally:
        for opener in openers:
            if opener.poll() is None:
                opener.kill()
    assert [opener.returncode for opener in openers] == [0] * PROCESSES, results
    assert [out.strip() for out, _ in results] == ["opened"] * PROCESSES
    logs = "".join(err for _, err in results)
    assert logs.count("Running upgrade  -> 0001") == 1, logs  # migrated once
    assert logs.count("Running upgrade 0006 -> 0007") == 1, logs
    engine = create_engine(scratch_database, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            assert connection.scalar(select(func.count()).select_from(Member)) == 7
            assert connection.scalar(select(func.count()).select_from(StoreKey)) == 1
            versions = connection.scalars(text("SELECT version_num FROM alembic_version")).all()
    finally:
        engine.dispose()
    assert versions == ["0008"]


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port on this computer that accepts connections and never says a word."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(connection)  # held open, never written to

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in accepted:
            connection.close()
        listener.close()


def test_a_server_that_never_answers_is_unavailable_after_the_connect_timeout(
    silent_server: int, clock: FixedClock
) -> None:
    assert CONNECT_TIMEOUT_SECONDS == 3
    url = f"postgresql+psycopg://member@127.0.0.1:{silent_server}/kohaku"
    outcome: list[BaseException] = []

    def open_store() -> None:
        try:
            SqlStore(url, clock, hash_profile="fast")
        except BaseException as error:
            outcome.append(error)

    opening = threading.Thread(target=open_store, daemon=True)
    opening.start()
    # A hang guard, not a timing: without the connect timeout libpq waits for minutes.
    opening.join(timeout=60)
    assert not opening.is_alive(), "opening a silent server hangs"
    assert outcome == [AppError(ErrorCode.STORE_UNAVAILABLE)]


def test_a_connect_timeout_in_the_url_is_kept(
    monkeypatch: pytest.MonkeyPatch, clock: FixedClock
) -> None:
    import psycopg

    asked: list[object] = []

    def connect(*args: object, **kwargs: object) -> None:
        asked.append(kwargs.get("connect_timeout"))
        raise psycopg.OperationalError("no server here")

    monkeypatch.setattr(psycopg, "connect", connect)
    for query, expected in (("", CONNECT_TIMEOUT_SECONDS), ("?connect_timeout=20", "20")):
        with pytest.raises(AppError) as caught:
            SqlStore(f"postgresql+psycopg://member@127.0.0.1:1/kohaku{query}", clock)
        assert caught.value == AppError(ErrorCode.STORE_UNAVAILABLE)
        assert asked[-1] == expected
