"""Sessions: opaque tokens, an idle and an absolute lifetime (the rules'), bound to the device
they were issued for, revoked on sign-out; a closed store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryQuery, RepayIntent
from desktop_app.domain.rules import DEFAULT_RULES, Rules, SessionRules
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..conftest import DEVICE, YAMADA
from .conftest import Host, HostFactory

IDLE = DEFAULT_RULES.sessions.idle
ABSOLUTE = DEFAULT_RULES.sessions.absolute

OPERATIONS: list[tuple[str, Callable[[Store, str], Any]]] = [
    ("account_summary", lambda store, token: store.account_summary(token)),
    ("bank_accounts", lambda store, token: store.bank_accounts(token)),
    ("borrow", lambda store, token: store.borrow(token, 1_000, 1, "r")),
    ("repay", lambda store, token: store.repay(token, RepayIntent.AMOUNT, 1_000, "0009", "r")),
    ("repay_full", lambda store, token: store.repay(token, RepayIntent.FULL, None, "0009", "r")),
    ("history", lambda store, token: store.history(token, HistoryQuery(), None, 10)),
    ("interest_inquiry", lambda store, token: store.interest_inquiry(token)),
]


def _expired(call: Callable[[], Any]) -> None:
    with pytest.raises(AppError) as caught:
        call()
    assert caught.value.code is ErrorCode.SESSION_EXPIRED


@pytest.mark.parametrize("operation", [op for _, op in OPERATIONS], ids=[n for n, _ in OPERATIONS])
def test_unknown_tokens_are_expired_sessions(
    store: Store, operation: Callable[[Store, str], Any]
) -> None:
    _expired(lambda: operation(store, "no-such-token"))
    _expired(lambda: operation(store, ""))


def test_the_default_lifetimes_are_15_idle_minutes_and_12_hours() -> None:
    assert DEFAULT_RULES.sessions == SessionRules(timedelta(minutes=15), timedelta(hours=12))


def test_a_session_ends_after_15_idle_minutes(store: Store, demo: DemoOperations) -> None:
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    for _ in range(3):  # each use restarts the 15 minutes
        demo.advance_clock(IDLE - timedelta(minutes=1))
        store.account_summary(session.token)
    demo.advance_clock(IDLE)
    _expired(lambda: store.account_summary(session.token))
    demo.advance_clock(-IDLE)  # the session is gone, not merely late
    _expired(lambda: store.account_summary(session.token))


def test_a_session_ends_12_hours_after_sign_in_however_often_it_is_used(
    store: Store, demo: DemoOperations
) -> None:
    reader = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    writer = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)
    step = IDLE - timedelta(minutes=1)
    used = timedelta(0)
    while used + step < ABSOLUTE:
        demo.advance_clock(step)
        used += step
        assert store.account_summary(reader.token).principal == 120_000
        odd = lambda: store.borrow(writer.token, 1_500, 1, "odd")  # noqa: E731
        _refused(odd, ErrorCode.AMOUNT_NOT_THOUSANDS)  # a write, refused: still a use
    demo.advance_clock(ABSOLUTE - used)  # 12 hours after the sign-in, used minutes ago
    _expired(lambda: store.account_summary(reader.token))
    _expired(lambda: store.borrow(writer.token, 1_000, 1, "late"))
    again = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)  # signing in again works
    assert store.account_summary(again.token).principal == 120_000


def test_the_lifetimes_are_the_stores_rules(member_store: HostFactory) -> None:
    rules = Rules(sessions=SessionRules(idle=timedelta(minutes=5), absolute=timedelta(minutes=30)))
    host = member_store(rules=rules)
    store, demo = host.store, host.demo
    assert store.service_terms().rules.sessions == rules.sessions
    idle = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    busy = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)
    demo.advance_clock(timedelta(minutes=4))
    store.account_summary(busy.token)
    demo.advance_clock(timedelta(minutes=1))  # 5 minutes without a call
    _expired(lambda: store.account_summary(idle.token))
    for _ in range(7):  # used every 4 minutes, the last time 29 minutes after signing in
        store.account_summary(busy.token)
        demo.advance_clock(timedelta(minutes=4))
    _expired(lambda: store.account_summary(busy.token))  # 33 minutes: past its 30


def test_a_session_acts_only_for_the_device_it_was_issued_for(host: Host) -> None:
    store = host.store
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    with host.device("another-device"):
        for _name, operation in OPERATIONS:
            _expired(lambda operation=operation: operation(store, session.token))  # type: ignore[misc]
        store.sign_out(session.token)  # from another device: ends nothing
    with host.device(DEVICE):
        assert store.account_summary(session.token).principal == 120_000
        store.borrow(session.token, 1_000, 1, "own-device")
    with host.device(DEVICE + "-but-longer"):
        _expired(lambda: store.account_summary(session.token))
    assert store.account_summary(session.token).principal == 121_000
    with host.device(DEVICE):
        store.sign_out(session.token)
    _expired(lambda: store.account_summary(session.token))


def _refused(call: Callable[[], Any], code: ErrorCode) -> None:
    with pytest.raises(AppError) as caught:
        call()
    assert caught.value.code is code


def test_a_refused_operation_still_counts_as_use(store: Store, demo: DemoOperations) -> None:
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    demo.advance_clock(IDLE - timedelta(minutes=5))
    with pytest.raises(AppError) as caught:
        store.borrow(session.token, 1_500, 1, "odd-amount")
    assert caught.value.code is ErrorCode.AMOUNT_NOT_THOUSANDS
    demo.advance_clock(IDLE - timedelta(minutes=5))  # idle for longer than that since sign-in
    assert store.account_summary(session.token).principal == 120_000


def test_sign_out_ends_only_that_session(store: Store) -> None:
    one = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    two = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)
    assert one.token != two.token
    store.sign_out(one.token)
    _expired(lambda: store.account_summary(one.token))
    assert store.account_summary(two.token).member_number == "100000001"
    store.sign_out(one.token)  # ignored
    store.sign_out("never-issued")


def test_a_closed_store_is_unavailable(member_store: HostFactory) -> None:
    store = member_store().store
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.close()
    store.close()
    with pytest.raises(AppError) as caught:
        store.account_summary(session.token)
    assert caught.value.code is ErrorCode.STORE_UNAVAILABLE
