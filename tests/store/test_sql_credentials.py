"""Codes through SQL specifics: member states and contacts set in the table, codes kept only
as salted hashes, the audit trail of registration and reset (the behaviour of every store is
in contract/test_credentials.py)."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.schema import (
    AuditEntry,
    Member,
    OutboxMessage,
    VerificationCode,
    WebCredential,
)

from .conftest import NOW, TANAKA
from .helpers import (
    CODE_SUBJECT,
    ITO_EMAIL,
    ITO_NUMBER,
    NEW_PASSWORD,
    NEW_WEB_ID,
    TANAKA_BORN,
    TANAKA_NUMBER,
    latest_code,
    other_than,
    refusal,
    request_ito_code,
)


def _set_member(store: SqlStore, number: str, **values: Any) -> None:
    with store.engine.begin() as connection:
        connection.execute(update(Member).where(Member.member_number == number).values(**values))


@pytest.mark.parametrize(
    ("status", "expected"),
    [("suspended", ErrorCode.ACCOUNT_SUSPENDED), ("dormant", ErrorCode.ACCOUNT_DORMANT)],
)
def test_suspended_and_dormant_members_get_no_code(
    store: SqlStore, status: str, expected: ErrorCode
) -> None:
    # Every seeded suspended or dormant member already has a Web-ID: 伊藤 stands in.
    _set_member(store, ITO_NUMBER, status=status)
    error = refusal(lambda: store.request_registration_code(ITO_NUMBER, ITO_EMAIL))
    assert error == AppError(expected)
    assert store.sent_messages() == ()


def test_no_contact_when_the_member_has_no_address_for_the_channel(store: SqlStore) -> None:
    # Every seeded member has both an email and a phone: 田中 loses her phone here.
    _set_member(store, TANAKA_NUMBER, phone=None)
    error = refusal(lambda: store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.SMS))
    assert error == AppError(ErrorCode.NO_CONTACT)
    assert store.sent_messages() == ()
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.EMAIL)
    assert store.sent_messages()[0].channel is CodeChannel.EMAIL


def test_codes_are_kept_only_as_salted_hashes_and_never_audited(store: SqlStore) -> None:
    ito_code = request_ito_code(store, store)
    with pytest.raises(AppError) as wrong:
        store.register_web_id(ITO_NUMBER, other_than(ito_code), NEW_WEB_ID, NEW_PASSWORD)
    assert ito_code not in repr(wrong.value)
    store.register_web_id(ITO_NUMBER, ito_code, NEW_WEB_ID, NEW_PASSWORD)
    store.request_password_reset(TANAKA_NUMBER, TANAKA_BORN, CodeChannel.SMS)
    tanaka_code = latest_code(store)
    store.reset_password(TANAKA_NUMBER, tanaka_code, "Misaki2027new")

    with store.engine.connect() as connection:
        rows = connection.execute(select(VerificationCode).order_by(VerificationCode.id)).all()
        audit = connection.execute(select(AuditEntry.event, AuditEntry.detail)).all()
        outbox = connection.scalars(select(OutboxMessage.body)).all()
    assert len(rows) == 2
    for row, code in zip(rows, (ito_code, tanaka_code), strict=True):
        assert code not in "|".join(str(value) for value in row)
        assert row.code_hash == hashlib.sha256((row.salt + code).encode()).hexdigest()
        assert row.used_at is not None
    assert rows[0].salt != rows[1].salt
    assert rows[0].attempts == 1
    for code in (ito_code, tanaka_code):
        assert not any(code in f"{event} {detail}" for event, detail in audit)
        assert not any(code in body for body in outbox)  # delivered: gone from the outbox
        assert not any(NEW_PASSWORD in f"{event} {detail}" for event, detail in audit)


def test_a_code_is_kept_plain_only_until_its_message_is_delivered(
    store: SqlStore, clock: FixedClock
) -> None:
    store.request_registration_code(ITO_NUMBER, ITO_EMAIL)
    store.request_password_reset(TANAKA_NUMBER, TANAKA_BORN, CodeChannel.SMS)
    before = _outbox(store)
    assert [(code is not None, delivered) for _, code, delivered in before] == [
        (True, None),
        (True, None),
    ]
    assert not any(code in body for body, code, _ in before if code)  # beside it, not in it
    delivered = store.sent_messages(1)  # the newest only: Tanaka's SMS
    assert before[1][1] in delivered[0].body
    after = _outbox(store)
    assert after[1][1:] == (None, NOW)
    assert after[0][1] == before[0][1]  # not handed out yet: still there
    assert "確認コードは •••••• です" in store.sent_messages(1)[0].body
    clock.advance(timedelta(minutes=10))  # Ito's code expires undelivered
    store.request_password_reset(TANAKA_NUMBER, TANAKA_BORN, CodeChannel.SMS)
    store.sent_messages(1)
    assert [code for _, code, _ in _outbox(store)] == [None, None, None]
    assert "確認コード：••••••" in store.sent_messages()[-1].body


def _outbox(store: SqlStore) -> list[tuple[str, str | None, datetime | None]]:
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(OutboxMessage.body, OutboxMessage.code, OutboxMessage.delivered_at)
            .where(OutboxMessage.subject == CODE_SUBJECT)
            .order_by(OutboxMessage.id)
        ).all()
    return [(body, code, delivered) for body, code, delivered in rows]


def test_registration_and_reset_are_audited_and_unlock_the_web_id(store: SqlStore) -> None:
    store.register_web_id(ITO_NUMBER, request_ito_code(store, store), NEW_WEB_ID, NEW_PASSWORD)
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.EMAIL)
    store.reset_password(TANAKA[2], latest_code(store), "Misaki2027new")
    with store.engine.connect() as connection:
        events = connection.scalars(select(AuditEntry.event)).all()
        cred = connection.execute(
            select(WebCredential.locked, WebCredential.failed_count).where(
                WebCredential.web_id == TANAKA[2]
            )
        ).one()
    assert {"register_code_sent", "web_id_registered", "password_reset"} <= set(events)
    assert (cred.locked, cred.failed_count) == (False, 0)
