"""Store security: card numbers kept as a keyed hash, the store's key fingerprint, one-time
codes purged from the outbox once delivered, and the shared sign-in throttle.

- ``cards.card_lookup`` (HMAC-SHA256 hex of the number under the store's card key, unique)
  and ``cards.card_last4`` (for display); ``cards.card_number`` may be NULL and is emptied
  the first time the store is opened with its key (the key is not known here: it comes from
  the member server's pepper, see ``keys``).
- ``store_keys``: the fingerprint of the key a store was set up with.
- ``outbox.code`` (the one-time code a message carries, until it is delivered) and
  ``outbox.delivered_at``; the codes already written into message bodies are masked.
- ``sign_in_throttle``: sign-in attempts per client address and per identifier (keyed
  hashes), shared by every worker of the member server.

On SQLite, changing ``cards`` recreates the table (batch mode).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CODE_SUBJECT = "%確認コードのお知らせ%"
_CODE_IN_BODY = re.compile(r"(確認コード(?:：|は ))\d{6}")
_MASK = "••••••"  # notices.CODE_MASK


def upgrade() -> None:
    with op.batch_alter_table("cards") as batch:
        batch.add_column(sa.Column("card_lookup", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("card_last4", sa.String(length=4), nullable=True))
        batch.alter_column("card_number", existing_type=sa.String(length=16), nullable=True)
        batch.create_unique_constraint(op.f("uq_cards_card_lookup"), ["card_lookup"])
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("code", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True))
    _mask_codes_in_bodies()
    op.create_table(
        "store_keys",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_store_keys")),
    )
    op.create_table(
        "sign_in_throttle",
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "scope IN ('address', 'identifier')", name=op.f("ck_sign_in_throttle_scope")
        ),
        sa.PrimaryKeyConstraint("scope", "key", name=op.f("pk_sign_in_throttle")),
    )
    op.create_index(
        "ix_sign_in_throttle_window_start", "sign_in_throttle", ["window_start"], unique=False
    )


def _mask_codes_in_bodies() -> None:
    """The codes written into message bodies before they had a column of their own."""
    outbox = sa.table("outbox", sa.column("id"), sa.column("subject"), sa.column("body"))
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(outbox.c.id, outbox.c.body).where(outbox.c.subject.like(_CODE_SUBJECT))
    ).all()
    for message_id, body in rows:
        masked = _CODE_IN_BODY.sub(lambda found: found.group(1) + _MASK, body)
        if masked != body:
            connection.execute(
                sa.update(outbox).where(outbox.c.id == message_id).values(body=masked)
            )


def downgrade() -> None:
    # The card numbers are gone (only their keyed hashes are kept): there is no going back.
    raise NotImplementedError("a store cannot be taken back before revision 0006")
