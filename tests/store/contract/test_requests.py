"""Request ids: one validation, one code, the same on every store, before any database work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryQuery, RepayIntent, Session
from desktop_app.store.protocol import Store

from ..conftest import YAMADA

MALFORMED = {
    "nul": "abc\x00def",
    "empty": "",
    "too-long": "x" * 65,
    "non-ascii": "返済-1",
    "full-width": "ｒｅｑ１",
    "space": "req 1",
    "newline": "req1\n",
    "not-a-string": 12345,
}


@pytest.mark.parametrize("request_id", MALFORMED.values(), ids=MALFORMED.keys())
@pytest.mark.parametrize("movement", ["borrow", "repay"])
def test_a_malformed_request_id_is_refused_before_anything_moves(
    store: Store,
    card_sign_in: Callable[[tuple[Any, ...]], Session],
    movement: str,
    request_id: Any,
) -> None:
    session = card_sign_in(YAMADA)
    destination = store.bank_accounts(session.token)[0].id

    def send(token: str) -> object:
        if movement == "borrow":
            return store.borrow(token, 10_000, destination, request_id)
        return store.repay(token, RepayIntent.AMOUNT, 10_000, "0009", request_id)

    for token in (session.token, "no-such-token"):  # checked before the session is
        with pytest.raises(AppError) as caught:
            send(token)
        assert caught.value == AppError(ErrorCode.REQUEST_ID_INVALID)
    assert store.history(session.token, HistoryQuery(), None, 10).total == 3
    assert store.account_summary(session.token).principal == 120_000


def test_the_longest_and_every_allowed_character_are_accepted(
    store: Store, card_sign_in: Callable[[tuple[Any, ...]], Session]
) -> None:
    session = card_sign_in(YAMADA)
    destination = store.bank_accounts(session.token)[0].id
    longest = "A-z_09" * 10 + "abcd"
    assert len(longest) == 64
    assert store.borrow(session.token, 1_000, destination, longest).request_id == longest
    receipt = store.repay(session.token, RepayIntent.AMOUNT, 1_000, "0009", "r")
    assert receipt.request_id == "r"
