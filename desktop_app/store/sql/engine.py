"""Store URLs, engines for SQLite and PostgreSQL, and the Alembic upgrade.

A store must persist: in-memory SQLite (``sqlite://``, ``sqlite:///``, ``:memory:``,
``mode=memory``, the ``memdb`` VFS) is refused, and so is a PostgreSQL URL without a host or a
database (libpq would silently fill in its defaults). Transactions are deferred (plain
``BEGIN``) for reads and ``BEGIN IMMEDIATE`` for writes on SQLite, so readers never queue
behind a writer in WAL mode.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import ConnectionPoolEntry

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store.sql.faults import log_fault

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 15_000
# A PostgreSQL server that accepts the connection and never answers would otherwise hold a
# sign-in for minutes (the system's TCP timeouts): given up after this, as STORE_UNAVAILABLE.
CONNECT_TIMEOUT_SECONDS = 3

# The execution option that says what kind of transaction a connection begins.
TRANSACTION = "store_transaction"
READ = "read"  # deferred: never waits for a writer
WRITE = "write"  # SQLite: BEGIN IMMEDIATE, queueing behind another writer up to the timeout
TRY_WRITE = "try_write"  # SQLite: BEGIN IMMEDIATE that gives up at once when another writes


def check_store_url(url: str) -> URL:
    """The parsed URL of a store that persists and names its database, or ``AppError``."""
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except (sa_exc.ArgumentError, ValueError):
        _refuse(ErrorCode.STORE_URL_UNSUPPORTED, "not a database URL")
    if backend == "sqlite":
        if parsed.drivername not in ("sqlite", "sqlite+pysqlite"):
            _refuse(ErrorCode.STORE_URL_UNSUPPORTED, f"SQLite driver {parsed.drivername}")
        if _sqlite_in_memory(parsed):
            _refuse(ErrorCode.STORE_NOT_PERSISTENT, "an in-memory SQLite database")
        return parsed
    if backend == "postgresql":
        host = parsed.host or parsed.query.get("host")
        if not host or not parsed.database:
            missing = " and ".join(
                name for name, value in (("host", host), ("database", parsed.database)) if not value
            )
            _refuse(ErrorCode.STORE_URL_INCOMPLETE, f"a PostgreSQL URL without its {missing}")
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return parsed
    _refuse(ErrorCode.STORE_URL_UNSUPPORTED, f"the database kind {backend!r}")


def _refuse(code: ErrorCode, what: str) -> NoReturn:
    log_fault(code, "checking the store URL", what)
    raise AppError(code)


def _sqlite_in_memory(url: URL) -> bool:
    database = url.database or ""
    query = {key: str(value) for key, value in url.query.items()}
    return (
        database in ("", ":memory:")
        or database.startswith("file::memory:")
        or (database == "file:" and query.get("uri") == "true")
        or query.get("mode") == "memory"
        or query.get("vfs") == "memdb"
        or "mode=memory" in database
        or "vfs=memdb" in database
    )


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite store URL (plain path or ``file:`` URI)."""
    database = url.database or ""
    if database.startswith("file:"):
        database = database.removeprefix("file:").split("?", 1)[0]
    return Path(database) if database else None


def create_store_engine(url: str | URL) -> Engine:
    """An engine safe to share between worker threads.

    SQLite: foreign keys on, a busy timeout, deferred reads and immediate writes. A file in a
    folder nobody may write to is opened read-only (and, with no WAL file beside it, as
    immutable: SQLite could not create its shared-memory file there).
    PostgreSQL: psycopg 3 unless another driver is named; rows are locked with FOR UPDATE;
    a connection not made within ``CONNECT_TIMEOUT_SECONDS`` fails (unless the URL names a
    ``connect_timeout`` of its own); the pool is ``pool``'s.
    """
    parsed = check_store_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    from desktop_app.store.sql.pool import postgresql_pool

    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    return create_engine(parsed, connect_args=connect_args, **postgresql_pool())


def sqlite_read_only(url: URL) -> bool:
    """Whether a SQLite store can only be read: ``mode=ro``, or a file or folder that may
    not be written."""
    mode = url.query.get("mode")
    if mode == "ro" or "mode=ro" in (url.database or ""):
        return True
    path = sqlite_file(url)
    if path is None:
        return False
    folder = path.resolve().parent
    if path.exists() and not os.access(path, os.W_OK):
        return True
    return folder.exists() and not os.access(folder, os.W_OK)


def _sqlite_engine(url: URL) -> Engine:
    path = sqlite_file(url)
    if sqlite_read_only(url) and path is not None and path.exists():
        immutable = (
            not os.access(path.resolve().parent, os.W_OK) and not Path(f"{path}-wal").exists()
        )
        uri = f"file:{path.resolve()}?mode=ro" + ("&immutable=1" if immutable else "")
        url = url.set(database=uri).update_query_dict({"uri": "true"})
        url = url.difference_update_query(["mode"])
    elif path is not None:
        path.resolve().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        # Take transaction control away from pysqlite; SQLAlchemy emits BEGIN below.
        # Nothing here writes to the file: whose file it is is not known yet.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            record.info["busy_timeout"] = SQLITE_BUSY_TIMEOUT_MS
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        kind = connection.get_execution_options().get(TRANSACTION, WRITE)
        timeout = 0 if kind == TRY_WRITE else SQLITE_BUSY_TIMEOUT_MS
        pooled = connection.connection
        if pooled.info.get("busy_timeout") != timeout:  # set on the driver, only on change
            driver = pooled.driver_connection
            assert driver is not None
            driver.execute(f"PRAGMA busy_timeout = {timeout}")
            pooled.info["busy_timeout"] = timeout
        connection.exec_driver_sql("BEGIN" if kind == READ else "BEGIN IMMEDIATE")

    return engine


def alembic_config() -> Any:
    """The Alembic configuration of the package's migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    return config


def upgrade_to_head(engine: Engine, revision: str = "head") -> None:
    """Apply the package's Alembic migrations up to ``revision``, in one transaction.

    On SQLite the migrations run with foreign-key enforcement off (the procedure SQLite
    prescribes for schema changes): a migration that recreates a table others refer to
    (batch mode) would otherwise fire their ``ON DELETE`` actions when the old copy is
    dropped. The foreign keys are checked before the transaction commits.
    """
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # outside any transaction, or SQLite ignores the pragma
            _sqlite_pragma(connection, "PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                    if broken is not None:
                        raise RuntimeError(f"a migration broke a foreign key: {tuple(broken)}")
        finally:
            if sqlite:
                _sqlite_pragma(connection, "PRAGMA foreign_keys = ON")


def _sqlite_pragma(connection: Connection, pragma: str) -> Any:
    """Run a pragma on the driver connection itself, outside SQLAlchemy's transaction."""
    driver = connection.connection.driver_connection
    assert driver is not None
    return driver.execute(pragma).fetchone()
