"""Registered details and repayment settings (issue 11).

- ``members``: the address (``postal_code``, ``address_town``, ``address_line2``) and the
  workplace (``workplace_name``, ``workplace_phone``), all NULL until registered.
- ``loan_accounts``: ``auto_debit`` (口座振替) and ``auto_debit_since``, ``reminder_enabled``,
  ``reminder_days_before`` and ``reminder_hour`` (off, 3 days before at 9:00 for the rows
  there are).
- ``bank_accounts.retired_at``: a bank account replaced by another stays for the ledger rows
  that went to it, and is a destination no more.
- ``ledger.kind`` admits ``auto_debit``; ``verification_codes.purpose`` admits the four
  coded changes (``email``, ``bank_account``, ``web_id``, ``password``).
- ``outbox.address``: the address of a message sent elsewhere than to the member's current
  address (the notice of an email change to the old one).
- ``profile_changes``: the change history (masked values, the device); ``reminders_sent``:
  one reminder per member and due date.

On SQLite, changing a CHECK constraint recreates the table (batch mode).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS_BEFORE = "kind IN ('borrow', 'repay', 'prepaid_charge')"
_KINDS_AFTER = "kind IN ('borrow', 'repay', 'prepaid_charge', 'auto_debit')"
_PURPOSES_BEFORE = "purpose IN ('register', 'reset')"
_PURPOSES_AFTER = "purpose IN ('register', 'reset', 'email', 'bank_account', 'web_id', 'password')"
_ITEMS = (
    "item IN ('address', 'phone', 'email', 'workplace', 'bank_account', 'due_day', "
    "'auto_debit', 'reminder', 'web_statements', 'web_id', 'password')"
)


def _recheck(table: str, constraint: str, condition: str) -> None:
    """Replace the CHECK constraint ``constraint`` of ``table`` with ``condition``."""
    with op.batch_alter_table(table) as batch:
        batch.drop_constraint(op.f(constraint), type_="check")
        batch.create_check_constraint(op.f(constraint), condition)


def upgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("postal_code", sa.String(length=7), nullable=True))
        batch.add_column(sa.Column("address_town", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("address_line2", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("workplace_name", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("workplace_phone", sa.String(length=11), nullable=True))
    with op.batch_alter_table("loan_accounts") as batch:
        batch.add_column(
            sa.Column("auto_debit", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("auto_debit_since", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("reminder_enabled", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("reminder_days_before", sa.Integer(), nullable=False, server_default="3")
        )
        batch.add_column(
            sa.Column("reminder_hour", sa.Integer(), nullable=False, server_default="9")
        )
    with op.batch_alter_table("bank_accounts") as batch:
        batch.add_column(sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True))
    _recheck("ledger", "ck_ledger_kind", _KINDS_AFTER)
    _recheck("verification_codes", "ck_verification_codes_purpose", _PURPOSES_AFTER)
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("address", sa.String(length=254), nullable=True))
    op.create_table(
        "profile_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("item", sa.String(length=16), nullable=False),
        sa.Column("before", sa.String(length=200), nullable=False),
        sa.Column("after", sa.String(length=200), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.CheckConstraint(_ITEMS, name=op.f("ck_profile_changes_item")),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_profile_changes_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile_changes")),
    )
    op.create_index(
        "ix_profile_changes_member_at_id",
        "profile_changes",
        ["member_id", "at", "id"],
        unique=False,
    )
    op.create_table(
        "reminders_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_reminders_sent_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders_sent")),
        sa.UniqueConstraint(
            "member_id", "due_date", name=op.f("uq_reminders_sent_member_id_due_date")
        ),
    )


def downgrade() -> None:
    debits = op.get_bind().scalar(sa.text("SELECT count(*) FROM ledger WHERE kind = 'auto_debit'"))
    if debits:
        raise RuntimeError(f"{debits} automatic debits in the ledger: 0006 cannot hold them")
    op.drop_table("reminders_sent")
    op.drop_index("ix_profile_changes_member_at_id", table_name="profile_changes")
    op.drop_table("profile_changes")
    op.execute("DELETE FROM verification_codes WHERE purpose NOT IN ('register', 'reset')")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("address")
    _recheck("verification_codes", "ck_verification_codes_purpose", _PURPOSES_BEFORE)
    _recheck("ledger", "ck_ledger_kind", _KINDS_BEFORE)
    op.execute("DELETE FROM bank_accounts WHERE retired_at IS NOT NULL")
    with op.batch_alter_table("bank_accounts") as batch:
        batch.drop_column("retired_at")
    with op.batch_alter_table("loan_accounts") as batch:
        for column in (
            "reminder_hour",
            "reminder_days_before",
            "reminder_enabled",
            "auto_debit_since",
            "auto_debit",
        ):
            batch.drop_column(column)
    with op.batch_alter_table("members") as batch:
        for column in (
            "workplace_phone",
            "workplace_name",
            "address_line2",
            "address_town",
            "postal_code",
        ):
            batch.drop_column(column)
