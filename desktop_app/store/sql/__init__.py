"""The SQL store: SQLAlchemy 2 on SQLite (the default, embedded) or PostgreSQL.

Importing this package pulls in SQLAlchemy; ``desktop_app.store.open_store`` does so lazily.
"""

from __future__ import annotations

from desktop_app.store.sql.binding import bound_device
from desktop_app.store.sql.store import SqlStore

__all__ = ["SqlStore", "bound_device"]
