"""Member services: the prepaid card, promised payment dates, limit-increase applications.

- ``bank_accounts.bank_code`` and ``ledger.bank_code`` widen to 8 characters (the prepaid
  card's destination code ``PREPAID``); ``ledger.kind`` widens to 16 and admits
  ``prepaid_charge``.
- ``loan_accounts.promised_date``: the day an overdue member promised to pay.
- ``limit_applications``: limit-increase applications.

On SQLite, widening a column recreates its table (batch mode); ``upgrade_to_head`` runs the
migrations with foreign-key enforcement off, so recreating ``bank_accounts`` does not set the
ledger's ``bank_account_id`` to NULL.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS_BEFORE = "kind IN ('borrow', 'repay')"
_KINDS_AFTER = "kind IN ('borrow', 'repay', 'prepaid_charge')"


def upgrade() -> None:
    with op.batch_alter_table("bank_accounts") as batch:
        batch.alter_column(
            "bank_code", existing_type=sa.String(length=4), type_=sa.String(length=8)
        )
    with op.batch_alter_table("ledger") as batch:
        batch.drop_constraint(op.f("ck_ledger_kind"), type_="check")
        batch.alter_column("kind", existing_type=sa.String(length=8), type_=sa.String(length=16))
        batch.alter_column(
            "bank_code", existing_type=sa.String(length=4), type_=sa.String(length=8)
        )
        batch.create_check_constraint(op.f("ck_ledger_kind"), _KINDS_AFTER)
    with op.batch_alter_table("loan_accounts") as batch:
        batch.add_column(sa.Column("promised_date", sa.Date(), nullable=True))
    op.create_table(
        "limit_applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requested_limit", sa.BigInteger(), nullable=False),
        sa.Column("annual_income", sa.BigInteger(), nullable=False),
        sa.Column("other_debts", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("certificate_required", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "status IN ('under_review', 'approved', 'declined')",
            name=op.f("ck_limit_applications_status"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_limit_applications_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_limit_applications")),
    )
    op.create_index(
        "ix_limit_applications_member_id_id",
        "limit_applications",
        ["member_id", "id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_limit_applications_member_id_id", table_name="limit_applications")
    op.drop_table("limit_applications")
    with op.batch_alter_table("loan_accounts") as batch:
        batch.drop_column("promised_date")
    charges = op.get_bind().scalar(
        sa.text("SELECT count(*) FROM ledger WHERE kind = 'prepaid_charge'")
    )
    if charges:
        raise RuntimeError(f"{charges} prepaid charges in the ledger: 0002 cannot hold them")
    op.execute("DELETE FROM bank_accounts WHERE bank_code = 'PREPAID'")
    with op.batch_alter_table("ledger") as batch:
        batch.drop_constraint(op.f("ck_ledger_kind"), type_="check")
        batch.alter_column(
            "bank_code", existing_type=sa.String(length=8), type_=sa.String(length=4)
        )
        batch.alter_column("kind", existing_type=sa.String(length=16), type_=sa.String(length=8))
        batch.create_check_constraint(op.f("ck_ledger_kind"), _KINDS_BEFORE)
    with op.batch_alter_table("bank_accounts") as batch:
        batch.alter_column(
            "bank_code", existing_type=sa.String(length=8), type_=sa.String(length=4)
        )
