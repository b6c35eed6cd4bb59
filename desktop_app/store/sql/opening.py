"""Whose database it is, and bringing ours to this client's schema before anything else.

A database is ours when it is empty (ours to initialise) or carries our schema marker: on
SQLite ``PRAGMA application_id`` set to ``SQLITE_APPLICATION_ID``, on PostgreSQL the comment
``POSTGRESQL_MARKER`` on its ``alembic_version`` table (migration 0004 writes both). A store
made before stores were marked (one of our revisions, our tables, no marker) is ours too and
gets the marker when migrated. Anything else is refused with STORE_FOREIGN and left exactly as
it was: nothing is written before this decision (not even SQLite's journal mode).

Migrating (and keying the card numbers of an older store, see ``keys``) happens under a lock:
several processes opening the same fresh PostgreSQL database at once (the workers of a member
server) take turns on a session-level advisory lock of the store's schema; the first migrates,
the others find the store at head and open it. SQLite serialises the writers of a migration at
``BEGIN IMMEDIATE`` anyway.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn

from sqlalchemy import Connection, Engine, inspect, text

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store.sql.engine import (
    READ,
    TRANSACTION,
    _sqlite_pragma,
    alembic_config,
    upgrade_to_head,
)
from desktop_app.store.sql.faults import log_fault
from desktop_app.store.sql.keys import StoreKeys, key_cards, keying_due

SQLITE_APPLICATION_ID = 0x4B48_4B4C  # "KHKL": こはくローン member store
POSTGRESQL_MARKER = "kohaku-member-store"
# Tables every store of ours has had since revision 0001.
OUR_TABLES = frozenset({"members", "cards", "loan_accounts", "ledger", "sessions"})
# The name of the advisory lock (with the store's schema) that openers take turns on.
OPENING_LOCK = "kohaku-member-store:opening:"


@dataclass(frozen=True)
class Layout:
    """What a database holds, read without writing anything."""

    tables: frozenset[str]
    revisions: tuple[str, ...]
    marked: bool
    read_only: bool


def read_layout(connection: Connection) -> Layout:
    tables = frozenset(inspect(connection).get_table_names())
    revisions: tuple[str, ...] = ()
    if "alembic_version" in tables:
        rows = connection.execute(text("SELECT version_num FROM alembic_version"))
        revisions = tuple(sorted(str(row[0]) for row in rows))
    if connection.dialect.name == "sqlite":
        marker = connection.exec_driver_sql("PRAGMA application_id").scalar()
        marked = marker == SQLITE_APPLICATION_ID
        read_only = False
    else:
        comment = connection.execute(
            text("SELECT obj_description(to_regclass('alembic_version'), 'pg_class')")
        ).scalar()
        marked = comment == POSTGRESQL_MARKER
        read_only = connection.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"
    return Layout(tables, revisions, marked, read_only)


def is_marked(engine: Engine) -> bool:
    """Whether the database carries our schema marker."""
    with engine.execution_options(**{TRANSACTION: READ}).connect() as connection:
        return read_layout(connection).marked


def prepare_store(engine: Engine, *, read_only: bool, keys: StoreKeys) -> bool:
    """Refuse a database that is not ours, is newer than this client or was set up with other
    keys; migrate an empty or older one and key its card numbers. Returns whether the store
    can only be read (a read-only store that would need migrating or keying is refused with
    STORE_READ_ONLY)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    known = frozenset(revision.revision for revision in script.walk_revisions())
    head = script.get_current_head()
    assert head is not None
    layout, sqlite = _read(engine)
    read_only = read_only or layout.read_only
    if _at_head(layout, known, head):
        if sqlite and not read_only:
            _write_ahead_log(engine)
        if not keying_due(engine, keys):
            return read_only
        if read_only:
            _refuse(ErrorCode.STORE_READ_ONLY, "the card numbers need keying but cannot be")
    elif read_only:
        _refuse(ErrorCode.STORE_READ_ONLY, "the store needs migrating but cannot be written")
    with opening_lock(engine):
        layout, _ = _read(engine)  # another opener may have migrated it meanwhile
        if not _at_head(layout, known, head):
            if sqlite:
                _write_ahead_log(engine)
            upgrade_to_head(engine)
        if keying_due(engine, keys):
            key_cards(engine, keys)
    return False


def _read(engine: Engine) -> tuple[Layout, bool]:
    with engine.execution_options(**{TRANSACTION: READ}).connect() as connection:
        return read_layout(connection), connection.dialect.name == "sqlite"


def _at_head(layout: Layout, known: frozenset[str], head: str) -> bool:
    """Whether the store is ours at ``head``, marked; refuses one that is not ours or newer.
    An empty database is not at head (it needs migrating)."""
    if not layout.tables:
        return False
    ours = bool(layout.revisions) and (
        layout.marked or (set(layout.revisions) <= known and layout.tables >= OUR_TABLES)
    )
    if not ours:
        _refuse(ErrorCode.STORE_FOREIGN, f"tables of another application: {_few(layout)}")
    unknown = sorted(set(layout.revisions) - known)
    if unknown:
        _refuse(
            ErrorCode.STORE_SCHEMA_NEWER,
            f"schema revision {', '.join(unknown)} is newer than this client's {head}",
        )
    return layout.revisions == (head,) and layout.marked


@contextmanager
def opening_lock(engine: Engine) -> Iterator[None]:
    """PostgreSQL: hold the session-level advisory lock of the store's schema (waiting for
    another opener to finish); SQLite: nothing to hold."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection:
        key = connection.execute(
            text("SELECT hashtextextended(:name || current_schema(), 0)"), {"name": OPENING_LOCK}
        ).scalar_one()
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        connection.commit()  # the lock outlives the transaction; no transaction is left open
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            connection.commit()


def _write_ahead_log(engine: Engine) -> None:
    """WAL mode (persistent in the file): readers and the one writer never block each other."""
    with engine.connect() as connection:
        mode = _sqlite_pragma(connection, "PRAGMA journal_mode")
        if mode is None or str(mode[0]).lower() != "wal":
            _sqlite_pragma(connection, "PRAGMA journal_mode = WAL")


def _few(layout: Layout) -> str:
    names = sorted(layout.tables)
    return ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def _refuse(code: ErrorCode, why: str) -> NoReturn:
    log_fault(code, "opening the store", why)
    raise AppError(code)
