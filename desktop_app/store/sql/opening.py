"""Whose database it is, and bringing ours to this client's schema before anything else.

A database is ours when it is empty (ours to initialise) or carries our schema marker: on
SQLite ``PRAGMA application_id`` set to ``SQLITE_APPLICATION_ID``, on PostgreSQL the comment
``POSTGRESQL_MARKER`` on its ``alembic_version`` table (migration 0004 writes both). A store
made before stores were marked (one of our revisions, our tables, no marker) is ours too and
gets the marker when migrated. Anything else is refused with STORE_FOREIGN and left exactly as
it was: nothing is written before this decision (not even SQLite's journal mode).
"""

from __future__ import annotations

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

SQLITE_APPLICATION_ID = 0x4B48_4B4C  # "KHKL": こはくローン member store
POSTGRESQL_MARKER = "kohaku-member-store"
# Tables every store of ours has had since revision 0001.
OUR_TABLES = frozenset({"members", "cards", "loan_accounts", "ledger", "sessions"})


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


def prepare_store(engine: Engine, *, read_only: bool) -> bool:
    """Refuse a database that is not ours or is newer than this client; migrate an empty or
    older one. Returns whether the store can only be read (a read-only store that would need
    migrating is refused with STORE_READ_ONLY)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    known = {revision.revision for revision in script.walk_revisions()}
    head = script.get_current_head()
    with engine.execution_options(**{TRANSACTION: READ}).connect() as connection:
        layout = read_layout(connection)
        sqlite = connection.dialect.name == "sqlite"
    read_only = read_only or layout.read_only
    if layout.tables:
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
        if layout.revisions == (head,) and layout.marked:
            if sqlite and not read_only:
                _write_ahead_log(engine)
            return read_only
    if read_only:
        _refuse(ErrorCode.STORE_READ_ONLY, "the store needs migrating but cannot be written")
    if sqlite:
        _write_ahead_log(engine)
    upgrade_to_head(engine)
    return False


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
