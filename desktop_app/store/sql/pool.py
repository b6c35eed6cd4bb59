"""How a store talks to PostgreSQL on its hot path: the connection pool, and reads that run
without a transaction of their own.

No ``pool_pre_ping``: it costs a round trip (and ~0.4 ms of CPU) on every checkout, that is on
every call. A connection the server dropped (PostgreSQL restarted, a proxy's idle timeout)
fails its next call instead, once: SQLAlchemy then invalidates every connection of the pool
opened before, so the next call connects afresh; the member server answers such a read or
idempotent movement by trying it once more (``desktop_app.server.routes``). Connections are
recycled after ``POOL_RECYCLE_SECONDS`` so that none outlives a firewall's idle timeout.

The pool holds ``POOL_SIZE`` connections (SQLAlchemy's default), which is what a member-server
worker's thread pools use at most (``ServerConfig``: call threads plus sign-in threads); the
overflow serves other hosts (tools, tests) that run more threads.

Reads on PostgreSQL run in autocommit: each statement sees its own snapshot, exactly as in the
READ COMMITTED transaction they ran in before, but without the round trips of ``BEGIN`` and
``COMMIT``. SQLite keeps its deferred transaction (``engine``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from desktop_app.store.sql.engine import READ, TRANSACTION

POOL_SIZE = 5
MAX_OVERFLOW = 10
POOL_RECYCLE_SECONDS = 300


def postgresql_pool() -> dict[str, Any]:
    """The ``create_engine`` arguments of a PostgreSQL store's pool."""
    return {
        "pool_pre_ping": False,
        "pool_recycle": POOL_RECYCLE_SECONDS,
        "pool_size": POOL_SIZE,
        "max_overflow": MAX_OVERFLOW,
        "pool_use_lifo": True,  # the surplus of a burst idles out and is recycled
    }


def read_engine(engine: Engine) -> Engine:
    """The engine of read transactions: deferred on SQLite, autocommit on PostgreSQL."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(**{TRANSACTION: READ}, isolation_level="AUTOCOMMIT")
    return engine.execution_options(**{TRANSACTION: READ})
