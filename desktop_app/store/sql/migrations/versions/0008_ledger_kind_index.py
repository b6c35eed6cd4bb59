"""The history's kind filter (issue 13): ``ix_ledger_member_kind_at_id`` on
``ledger (member_id, kind, at, id)``.

A page of one kind is then an index range in the page's order (at DESC, id DESC) from the
cursor, however few rows of that kind a long ledger holds; two kinds are one range each,
merged (``history_reads.history_statement``). Without it, a filter on the rarest kind scanned the
member's whole ledger through ``ix_ledger_member_at_id`` (250–330 ms on 1,000,000 rows).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_ledger_member_kind_at_id", "ledger", ["member_id", "kind", "at", "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_ledger_member_kind_at_id", table_name="ledger")
