"""Sessions through SQL specifics: what the audit trail says of a token used on another device
or past its lifetime, and the viewing sessions of a read-only store (the behaviour of every
store is in contract/test_sessions.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import DEFAULT_RULES
from desktop_app.store.sql import SqlStore, bound_device
from desktop_app.store.sql.binding import DEVICE_ID_MAX_LENGTH
from desktop_app.store.sql.schema import AuditEntry, SessionRow

from .conftest import DEVICE, YAMADA, read_only_url

SESSIONS = DEFAULT_RULES.sessions


def _code(call: Callable[[], Any]) -> ErrorCode:
    with pytest.raises(AppError) as caught:
        call()
    return caught.value.code


def _audit(store: SqlStore) -> list[tuple[str, str]]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(AuditEntry.event, AuditEntry.detail).order_by("id"))
        return [(event, detail) for event, detail in rows]


def _sessions(store: SqlStore) -> int:
    with store.engine.connect() as connection:
        return len(connection.execute(select(SessionRow.token_hash)).all())


def test_a_token_of_another_device_is_audited_and_the_session_kept(store: SqlStore) -> None:
    token = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).token
    with bound_device("stolen-elsewhere"):
        assert _code(lambda: store.account_summary(token)) is ErrorCode.SESSION_EXPIRED  # read
        assert _code(lambda: store.borrow(token, 1_000, 1, "x")) is ErrorCode.SESSION_EXPIRED
        store.sign_out(token)
    mismatches = [entry for entry in _audit(store) if entry[0] == "session_device_mismatch"]
    assert len(mismatches) == 3
    assert not any("stolen-elsewhere" in detail or DEVICE in detail for _, detail in mismatches)
    assert _sessions(store) == 1  # the member's own device still holds it
    assert store.account_summary(token).principal == 120_000  # nothing bound: not checked


def test_a_long_device_id_is_bound_as_stored(store: SqlStore) -> None:
    long_id = "d" * (DEVICE_ID_MAX_LENGTH + 20)
    token = store.sign_in_with_card(YAMADA[0], YAMADA[1], long_id).token
    with bound_device(long_id):
        assert store.account_summary(token).principal == 120_000
    with bound_device(long_id[:DEVICE_ID_MAX_LENGTH]):
        assert store.account_summary(token).principal == 120_000
    with bound_device(long_id[: DEVICE_ID_MAX_LENGTH - 1]):
        assert _code(lambda: store.account_summary(token)) is ErrorCode.SESSION_EXPIRED


def test_the_binding_ends_with_its_block(store: SqlStore) -> None:
    token = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).token
    with bound_device("other"), bound_device(DEVICE):
        assert store.account_summary(token).principal == 120_000  # the inner one counts
    with bound_device(DEVICE), bound_device("other"):
        assert _code(lambda: store.account_summary(token)) is ErrorCode.SESSION_EXPIRED
    assert store.account_summary(token).principal == 120_000


def test_an_expired_session_is_audited_with_why_and_deleted(
    store: SqlStore, clock: FixedClock
) -> None:
    idle = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).token
    busy = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE).token
    step = SESSIONS.idle - timedelta(minutes=1)
    elapsed = timedelta(0)
    while elapsed + step < SESSIONS.absolute:
        clock.advance(step)
        elapsed += step
        store.bank_accounts(busy)
    assert _code(lambda: store.account_summary(idle)) is ErrorCode.SESSION_EXPIRED
    clock.advance(SESSIONS.absolute - elapsed)
    assert _code(lambda: store.borrow(busy, 1_000, 1, "late")) is ErrorCode.SESSION_EXPIRED
    expired = [detail for event, detail in _audit(store) if event == "session_expired"]
    assert expired == ["idle", "absolute lifetime"]
    assert _sessions(store) == 0


def test_a_viewing_session_lives_12_hours_at_most_and_on_its_device(
    db_url: str, clock: FixedClock
) -> None:
    SqlStore(db_url, clock, hash_profile="fast").close()
    viewer = SqlStore(read_only_url(db_url), clock, hash_profile="fast")
    try:
        assert viewer.read_only
        token = viewer.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).token
        with bound_device("another"):
            assert _code(lambda: viewer.account_summary(token)) is ErrorCode.SESSION_EXPIRED
            viewer.sign_out(token)  # ends nothing
        with bound_device(DEVICE):
            assert viewer.account_summary(token).principal == 120_000
        step = SESSIONS.idle - timedelta(minutes=1)
        elapsed = timedelta(0)
        while elapsed + step < SESSIONS.absolute:
            clock.advance(step)
            elapsed += step
            assert viewer.account_summary(token).principal == 120_000
        clock.advance(SESSIONS.absolute - elapsed)
        assert _code(lambda: viewer.account_summary(token)) is ErrorCode.SESSION_EXPIRED
    finally:
        viewer.close()
