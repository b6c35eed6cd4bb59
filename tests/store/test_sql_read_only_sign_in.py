"""Signing in to a read-only store (decision 13): checked without writing, kept in memory.

The credentials are verified, nothing is counted or written (not a session row, not the audit
trail, not a lockout counter, not the new-device alert); lockouts and account states already
recorded refuse as usual. The session lives in the store's memory: reads accept it, changes
are refused with STORE_READ_ONLY, signing out or idling ends it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryQuery, RepayIntent
from desktop_app.domain.rules import DEFAULT_RULES
from desktop_app.store.sql.keys import StoreKeys
from desktop_app.store.sql.schema import Base, Card
from desktop_app.store.sql.store import SqlStore

from .conftest import (
    DEVICE,
    SATO,
    TAKAHASHI,
    TANAKA,
    WATANABE,
    YAMADA,
    read_only_url,
)

SESSION_IDLE_TIMEOUT = DEFAULT_RULES.sessions.idle

Contents = dict[str, list[tuple[Any, ...]]]

LOCAL_KEYS = StoreKeys(None)  # the local store has no pepper


def _contents(url: str) -> Contents:
    """Every row of every table, in primary-key order."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in connection.execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def _file_digest(url: str) -> str | None:
    """The SHA-256 of a SQLite store's file (None for PostgreSQL)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    assert parsed.database is not None
    return hashlib.sha256(Path(parsed.database).read_bytes()).hexdigest()


@contextmanager
def _viewer(
    db_url: str, clock: FixedClock, prepare: Callable[[str], None] | None = None
) -> Iterator[SqlStore]:
    """A read-only store over the seeded demo members; nothing of it may change the store."""
    SqlStore(db_url, clock, hash_profile="fast").close()
    if prepare is not None:
        prepare(db_url)
    digest, before = _file_digest(db_url), _contents(db_url)
    store = SqlStore(read_only_url(db_url), clock, hash_profile="fast")
    try:
        assert store.read_only
        yield store
    finally:
        store.close()
    assert _file_digest(db_url) == digest
    assert _contents(db_url) == before


def _refusal(action: Callable[[], Any]) -> ErrorCode:
    with pytest.raises(AppError) as caught:
        action()
    return caught.value.code


def test_card_sign_in_on_a_read_only_store_views_the_account(
    db_url: str, clock: FixedClock
) -> None:
    with _viewer(db_url, clock) as viewer:
        session = viewer.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
        assert session.read_only
        assert (session.member_number, session.member_name) == ("100000001", "山田 太郎")
        token = session.token
        summary = viewer.account_summary(token)
        assert (summary.principal, summary.credit_limit) == (120_000, 500_000)
        assert summary.last_sign_in_at == session.previous_sign_in_at
        assert viewer.history(token, HistoryQuery(), None, 10).total >= 1
        assert viewer.interest_inquiry(token).interest_to_today > 0
        assert viewer.bank_accounts(token)[0].bank_code == "0009"
        assert viewer.service_terms().rules.loan is not None


def test_web_id_sign_in_on_a_read_only_store_views_the_account(
    db_url: str, clock: FixedClock
) -> None:
    with _viewer(db_url, clock) as viewer:
        session = viewer.sign_in_with_web_id(SATO[2], SATO[3], "another-device")
        assert session.read_only and session.member_name == "佐藤 花子"
        assert viewer.account_summary(session.token).principal == 0
        assert viewer.history(session.token, HistoryQuery(), None, 10).total == 0


def test_wrong_secrets_on_a_read_only_store_are_refused_and_never_counted(
    db_url: str, clock: FixedClock
) -> None:
    with _viewer(db_url, clock) as viewer:
        for _ in range(6):  # beyond both lockout thresholds: nothing can be counted
            card = _refusal(lambda: viewer.sign_in_with_card(YAMADA[0], "9999", DEVICE))
            assert card is ErrorCode.SIGNIN_FAILED_CARD
            web = _refusal(lambda: viewer.sign_in_with_web_id(YAMADA[2], "Wrong2026pass", DEVICE))
            assert web is ErrorCode.SIGNIN_FAILED_WEB
        unknown = _refusal(lambda: viewer.sign_in_with_card("4000000000000000", "1234", DEVICE))
        assert unknown is ErrorCode.SIGNIN_FAILED_CARD
        nobody = _refusal(lambda: viewer.sign_in_with_web_id("nobody2026", "Nobody2026", DEVICE))
        assert nobody is ErrorCode.SIGNIN_FAILED_WEB
        assert viewer.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).read_only


def _lose_satos_card(db_url: str) -> None:
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            satos = Card.card_lookup == LOCAL_KEYS.card_lookup(SATO[0])
            lost = update(Card).where(satos).values(status="lost")
            connection.execute(lost)
    finally:
        engine.dispose()


def test_lockouts_and_account_states_in_force_refuse_a_read_only_sign_in(
    db_url: str, clock: FixedClock
) -> None:
    with _viewer(db_url, clock, _lose_satos_card) as viewer:
        refusals = {
            "locked card": (lambda: viewer.sign_in_with_card(TANAKA[0], TANAKA[1], DEVICE)),
            "locked Web-ID": (lambda: viewer.sign_in_with_web_id(TANAKA[2], TANAKA[3], DEVICE)),
            "locked, wrong PIN": (lambda: viewer.sign_in_with_card(TANAKA[0], "0000", DEVICE)),
            "lost card": (lambda: viewer.sign_in_with_card(SATO[0], SATO[1], DEVICE)),
            "suspended": (lambda: viewer.sign_in_with_card(TAKAHASHI[0], TAKAHASHI[1], DEVICE)),
            "dormant": (lambda: viewer.sign_in_with_web_id(WATANABE[2], WATANABE[3], DEVICE)),
        }
        assert {name: _refusal(action) for name, action in refusals.items()} == {
            "locked card": ErrorCode.CARD_LOCKED,
            "locked Web-ID": ErrorCode.WEB_ID_LOCKED,
            "locked, wrong PIN": ErrorCode.CARD_LOCKED,
            "lost card": ErrorCode.CARD_INVALID,
            "suspended": ErrorCode.ACCOUNT_SUSPENDED,
            "dormant": ErrorCode.ACCOUNT_DORMANT,
        }
        assert viewer.sign_in_with_web_id(SATO[2], SATO[3], DEVICE).read_only  # Web-ID works
        clock.advance(datetime(2026, 11, 30, 3, 0, tzinfo=TOKYO) - clock.now())  # maintenance
        assert _refusal(lambda: viewer.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)) is (
            ErrorCode.MAINTENANCE
        )


def test_a_viewing_session_is_refused_every_change(db_url: str, clock: FixedClock) -> None:
    with _viewer(db_url, clock) as viewer:
        token = viewer.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).token
        destination = viewer.bank_accounts(token)[0].id
        changes = (
            lambda: viewer.borrow(token, 10_000, destination, "view-1"),
            lambda: viewer.repay(token, RepayIntent.AMOUNT, 5_000, "0009", "view-2"),
            lambda: viewer.promise_payment(token, date(2026, 11, 30)),
            lambda: viewer.apply_limit_increase(token, 6_000_000, 0, 800_000),
        )
        assert [_refusal(change) for change in changes] == [ErrorCode.STORE_READ_ONLY] * 4
        assert viewer.account_summary(token).principal == 120_000


def test_signing_out_forgets_a_viewing_session(db_url: str, clock: FixedClock) -> None:
    with _viewer(db_url, clock) as viewer:
        token = viewer.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE).token
        other = SqlStore(read_only_url(db_url), clock, hash_profile="fast", seed=False)
        try:  # the session is this store's only: another one has never heard of it
            assert _refusal(lambda: other.account_summary(token)) is ErrorCode.SESSION_EXPIRED
        finally:
            other.close()
        viewer.sign_out(token)
        assert _refusal(lambda: viewer.account_summary(token)) is ErrorCode.SESSION_EXPIRED
        assert _refusal(lambda: viewer.borrow(token, 10_000, 1, "after")) is (
            ErrorCode.SESSION_EXPIRED
        )
        viewer.sign_out(token)  # an ended session is ignored


def test_a_viewing_session_expires_when_idle(db_url: str, clock: FixedClock) -> None:
    almost = SESSION_IDLE_TIMEOUT - timedelta(seconds=1)
    with _viewer(db_url, clock) as viewer:
        token = viewer.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).token
        clock.advance(almost)
        assert viewer.account_summary(token).principal == 120_000  # activity: idle again from now
        clock.advance(almost)
        assert viewer.interest_inquiry(token).next_due_date is not None
        clock.advance(SESSION_IDLE_TIMEOUT)
        assert _refusal(lambda: viewer.history(token, HistoryQuery(), None, 10)) is (
            ErrorCode.SESSION_EXPIRED
        )
        assert _refusal(lambda: viewer.account_summary(token)) is ErrorCode.SESSION_EXPIRED
