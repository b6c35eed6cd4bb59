"""Code requests: how often confirmation codes were asked for, per identifier and member.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "code_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identifier_hash", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_code_requests_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_requests")),
    )
    op.create_index(
        "ix_code_requests_identifier_hash_at",
        "code_requests",
        ["identifier_hash", "at"],
        unique=False,
    )
    op.create_index(
        "ix_code_requests_member_id_at", "code_requests", ["member_id", "at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_code_requests_member_id_at", table_name="code_requests")
    op.drop_index("ix_code_requests_identifier_hash_at", table_name="code_requests")
    op.drop_table("code_requests")
