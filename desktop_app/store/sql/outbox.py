"""``OutboxOperations``: reading the outbox, what the service "sent" members (codes and
notices), as a demo host shows it: not part of the member protocol."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.domain.models import CodeChannel, SentMessage
from desktop_app.store.sql.base import StoreBase
from desktop_app.store.sql.notices import recipient
from desktop_app.store.sql.schema import Member, OutboxMessage

INBOX_MAX_LIMIT = 1_000


class OutboxOperations(StoreBase):
    """The sent messages, for ``DemoOperations``."""

    def sent_messages(self, limit: int = 50) -> tuple[SentMessage, ...]:
        """Every member's sent messages, newest first: for ``DemoOperations`` of a demo host
        only, never the member protocol."""
        limit = min(limit, INBOX_MAX_LIMIT)
        if limit <= 0:
            return ()
        with self._transaction(write=False) as db:
            rows = db.execute(
                select(OutboxMessage, Member.email, Member.phone)
                .join(Member, Member.id == OutboxMessage.member_id)
                .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
                .limit(limit)
            ).all()
        return tuple(
            SentMessage(
                channel=CodeChannel(message.channel),
                recipient=recipient(message.channel, email, phone),
                subject=message.subject,
                body=message.body,
                sent_at=message.created_at,
            )
            for message, email, phone in rows
        )
