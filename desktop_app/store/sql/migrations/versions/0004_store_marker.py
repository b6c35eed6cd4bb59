"""The schema marker that says a database is a member store of this client.

SQLite: ``PRAGMA application_id`` (a fixed 32-bit number in the file header). PostgreSQL: a
comment on the ``alembic_version`` table of the store's schema. The values are fixed here
(``opening.SQLITE_APPLICATION_ID`` and ``opening.POSTGRESQL_MARKER`` must equal them); a store
opened by a client that finds neither a marker nor an empty database refuses it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_APPLICATION_ID = 0x4B48_4B4C
_POSTGRESQL_MARKER = "kohaku-member-store"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {_SQLITE_APPLICATION_ID}")
    else:
        op.execute(f"COMMENT ON TABLE alembic_version IS '{_POSTGRESQL_MARKER}'")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA application_id = 0")
    else:
        op.execute("COMMENT ON TABLE alembic_version IS NULL")
