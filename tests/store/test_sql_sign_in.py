"""Sign-in through SQL specifics: staff unlocks, a lost card set in the table, the audit log
and what is stored (the behaviour of every store is in contract/test_sign_in.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select, text, update

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import Session
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.keys import StoreKeys
from desktop_app.store.sql.schema import AuditEntry, Card, SessionRow

from .conftest import (
    DEVICE,
    ITO,
    SATO,
    SUZUKI,
    TAKAHASHI,
    TANAKA,
    WATANABE,
    YAMADA,
)

LOCAL_KEYS = StoreKeys(None)  # the local store has no pepper


def _code(call: Callable[[], Any]) -> ErrorCode:
    with pytest.raises(AppError) as caught:
        call()
    return caught.value.code


def test_staff_unlock_a_locked_card(store: SqlStore) -> None:
    card, pin = YAMADA[0], YAMADA[1]
    assert _code(lambda: store.sign_in_with_card(card, "9753", DEVICE)) is (
        ErrorCode.SIGNIN_FAILED_CARD
    )
    assert _code(lambda: store.sign_in_with_card(card, "8642", DEVICE)) is (
        ErrorCode.SIGNIN_FAILED_CARD
    )
    assert _code(lambda: store.sign_in_with_card(card, "9753", DEVICE)) is ErrorCode.CARD_LOCKED
    assert _code(lambda: store.sign_in_with_card(card, pin, DEVICE)) is ErrorCode.CARD_LOCKED
    # The Web-ID is a different credential and still works.
    assert store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE).member_number == "100000001"
    # Only staff unlock a card.
    assert store.unlock_card(card) is True
    assert store.sign_in_with_card(card, pin, DEVICE).member_number == "100000001"


def test_staff_unlock_a_locked_web_id(store: SqlStore) -> None:
    web_id, password = SATO[2], SATO[3]
    for attempt in range(1, 6):  # locked at the fifth (tests/store/contract/test_sign_in.py)
        _code(lambda a=attempt: store.sign_in_with_web_id(web_id, f"Wrong{a}pass", DEVICE))
    assert _code(lambda: store.sign_in_with_web_id(web_id, password, DEVICE)) is (
        ErrorCode.WEB_ID_LOCKED
    )
    assert store.unlock_web_id(web_id) is True
    assert store.sign_in_with_web_id(web_id, password, DEVICE).member_name == "佐藤 花子"


def test_lost_card_is_invalid_but_web_id_works(store: SqlStore) -> None:
    with store.engine.begin() as connection:
        yamadas = Card.card_lookup == LOCAL_KEYS.card_lookup(YAMADA[0])
        connection.execute(update(Card).where(yamadas).values(status="lost"))
    assert _code(lambda: store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)) is (
        ErrorCode.CARD_INVALID
    )
    assert store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE).member_name == "山田 太郎"


def test_no_secret_is_ever_stored_in_the_clear(
    store: SqlStore, card_sign_in: Callable[[tuple[Any, ...]], Session]
) -> None:
    secrets_used = {"9753", "8642", "Wrong2026pass", "Wrong2026x", "Sakura2026"}
    sessions = [card_sign_in(YAMADA), card_sign_in(SATO)]
    for member in (YAMADA, SATO, SUZUKI, TANAKA, TAKAHASHI, WATANABE, ITO):
        secrets_used.add(member[1])
        with pytest.raises(AppError):
            store.sign_in_with_card(member[0], "9753", DEVICE)
        if member[2] is not None:
            secrets_used.add(member[3])
            with pytest.raises(AppError):
                store.sign_in_with_web_id(member[2], "Wrong2026pass", DEVICE)
            with contextlib.suppress(AppError):
                store.sign_in_with_web_id(member[2], member[3], DEVICE)
        with contextlib.suppress(AppError):
            store.sign_in_with_card(member[0], member[1], DEVICE)
    with pytest.raises(AppError):
        store.sign_in_with_web_id("ito00606", "Sakura2026", DEVICE)
    with store.engine.connect() as connection:
        audit = connection.execute(select(AuditEntry.event, AuditEntry.detail)).all()
        assert len(audit) > 20
        for event, detail in audit:
            for secret in secrets_used:
                assert secret not in event
                assert secret not in detail
        hashes = set(connection.scalars(select(SessionRow.token_hash)))
        dump = "\n".join(
            str(row)
            for table in ("sessions", "audit_log", "outbox", "cards", "web_credentials")
            for row in connection.execute(text(f"SELECT * FROM {table}"))
        )
    for session in sessions:
        assert session.token not in hashes
        assert session.token not in dump
    # PINs are four digits and so appear inside card numbers; check the passwords.
    for secret in (s for s in secrets_used if not s.isdigit()):
        assert secret not in dump
