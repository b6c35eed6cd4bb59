"""``DemoResetOperations``: put a demo store back to the demo members of DOMAIN.md §8.

An operator function of a demo host (the member server started with ``--demo``; later a
branch kiosk's demo store), never of the member protocol: it forgets every member, session,
movement and message, in one transaction, and seeds the demo members afresh relative to the
clock's now.
"""

from __future__ import annotations

from sqlalchemy import delete, text

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store.sql.activity import SessionActivity
from desktop_app.store.sql.schema import Base
from desktop_app.store.sql.seed import seed_demo_members
from desktop_app.store.sql.services import ServiceOperations


class DemoResetOperations(ServiceOperations):
    def reset_to_demo_members(self) -> None:
        if self._read_only:
            raise AppError(ErrorCode.STORE_READ_ONLY)
        # Everything of the members; the store's key fingerprint stays (store_keys).
        tables = [t for t in reversed(Base.metadata.sorted_tables) if t.name != "store_keys"]
        with self._transaction() as db:
            if self._engine.dialect.name == "postgresql":  # numbering starts again at 1
                names = ", ".join(f'"{table.name}"' for table in tables)
                db.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            else:  # SQLite numbers rows from the largest id left: none
                for table in tables:
                    db.execute(delete(table))
            seed_demo_members(db, self._now(), self._hasher, self._keys, self._rules.loan)
        self._activity = SessionActivity()
        self._terms = None
