"""Sessions: opaque tokens, 30 minutes of idleness, sign-out, a closed store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryQuery, RepayIntent
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..conftest import DEVICE, YAMADA
from .conftest import HostFactory

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


def test_a_session_ends_after_30_idle_minutes(store: Store, demo: DemoOperations) -> None:
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    for _ in range(3):  # each use restarts the 30 minutes
        demo.advance_clock(timedelta(minutes=29))
        store.account_summary(session.token)
    demo.advance_clock(timedelta(minutes=30))
    _expired(lambda: store.account_summary(session.token))
    demo.advance_clock(-timedelta(minutes=30))  # the session is gone, not merely late
    _expired(lambda: store.account_summary(session.token))


def test_a_refused_operation_still_counts_as_use(store: Store, demo: DemoOperations) -> None:
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    demo.advance_clock(timedelta(minutes=20))
    with pytest.raises(AppError) as caught:
        store.borrow(session.token, 1_500, 1, "odd-amount")
    assert caught.value.code is ErrorCode.AMOUNT_NOT_THOUSANDS
    demo.advance_clock(timedelta(minutes=20))
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
