"""``OutboxOperations``: reading the outbox, what the service "sent" members (codes and
notices), as a demo host shows it: not part of the member protocol.

``sent_messages`` is the demo's delivery channel (the client's demo inbox, the test harness):
a message carrying a one-time code is handed out with its code once, and delivered: the code
is then emptied in the database and every later read shows ``CODE_MASK`` in its place (only
the code's salted hash stays, for checking it). Codes past their validity are emptied at the
same time, delivered or not. Reading messages that carry no code writes nothing and never
waits for a writer. A read-only store cannot record a delivery, so it shows codes masked.
Reading the outbox first queues the reminder emails whose hour has come (``upkeep``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Row, Select, select, update

from desktop_app.domain.models import CodeChannel, SentMessage
from desktop_app.store.sql.base import StoreBase
from desktop_app.store.sql.notices import recipient, revealed
from desktop_app.store.sql.schema import Member, OutboxMessage

INBOX_MAX_LIMIT = 1_000

_Rows = Sequence[Row[OutboxMessage, str | None, str | None]]


class OutboxOperations(StoreBase):
    """The sent messages, for ``DemoOperations``."""

    def sent_messages(self, limit: int = 50) -> tuple[SentMessage, ...]:
        """Every member's sent messages, newest first, one-time codes shown (and delivered)
        once: for ``DemoOperations`` of a demo host only, never the member protocol."""
        limit = min(limit, INBOX_MAX_LIMIT)
        if limit <= 0:
            return ()
        self._queue_reminders()
        with self._transaction(write=False) as db:
            rows = db.execute(self._newest(limit)).all()
        if self._read_only or all(message.code is None for message, _, _ in rows):
            return _sent(rows, reveal=False)
        with self._transaction() as db:
            now = self._now()
            query = self._newest(limit).with_for_update(of=OutboxMessage)
            rows = db.execute(query.execution_options(populate_existing=True)).all()
            messages = _sent(rows, reveal=True)
            for message, _, _ in rows:
                if message.code is not None:
                    message.code = None
                    message.delivered_at = now
            expired = now - self._rules.codes.validity
            db.execute(
                update(OutboxMessage)
                .where(OutboxMessage.code.is_not(None), OutboxMessage.created_at <= expired)
                .values({OutboxMessage.code: None})
            )
        return messages

    @staticmethod
    def _newest(limit: int) -> Select[OutboxMessage, str | None, str | None]:
        return (
            select(OutboxMessage, Member.email, Member.phone)
            .join(Member, Member.id == OutboxMessage.member_id)
            .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
            .limit(limit)
        )


def _sent(rows: _Rows, *, reveal: bool) -> tuple[SentMessage, ...]:
    return tuple(
        SentMessage(
            channel=CodeChannel(message.channel),
            recipient=recipient(message.channel, message.address or email, phone),
            subject=message.subject,
            body=revealed(message.body, message.code if reveal else None),
            sent_at=message.created_at,
        )
        for message, email, phone in rows
    )
