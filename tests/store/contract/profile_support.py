"""What the registered-details contract tests share: the 4-digit one-time code of a change,
read as a member reads it (from the newest message the service sent), and the values the
demo seed registers. Protocol and demo interface only, like every contract test."""

from __future__ import annotations

import re

from desktop_app.domain.models import SentMessage, Session
from desktop_app.domain.profile import ChangeItem, CodedChange, NewBankAccount
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..helpers import CODE_SUBJECT

MIZUHO = NewBankAccount("0001", "001", "ordinary", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ")
YAMADA_PHONE = "09012345678"
YAMADA_EMAIL = "yamada@example.jp"
REMINDER_SUBJECT = "【こはくローン】ご返済日のお知らせ"


def change_code_in(message: SentMessage) -> str:
    """The one 4-digit code a message carries (the first time it is read)."""
    assert message.subject == CODE_SUBJECT
    found = re.findall(r"(?<!\d)\d{4}(?!\d)", message.body)
    assert len(found) == 1, message.body
    return str(found[0])


def request_code(store: Store, demo: DemoOperations, session: Session, change: CodedChange) -> str:
    store.request_change_code(session.token, change)
    return change_code_in(demo.sent_messages(1)[0])


def only_change(store: Store, session: Session) -> tuple[ChangeItem, str, str]:
    """The one change in the member's history: what changed, from what to what (masked)."""
    (change,) = store.change_history(session.token, 10)
    return change.item, change.before, change.after


def wrong(code: str, shift: int = 1) -> str:
    return f"{(int(code) + shift) % 10_000:04d}"


def subjects(demo: DemoOperations, limit: int = 20) -> list[str]:
    return [message.subject for message in demo.sent_messages(limit)]
