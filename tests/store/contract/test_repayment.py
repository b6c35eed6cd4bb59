"""Repayment by intent: the store decides the next payment and the full payoff when it
commits; only a typed amount is sent as such."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryQuery, RepayIntent, Session
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..conftest import SATO, YAMADA

SignIn = Callable[[tuple[Any, ...]], Session]
AMOUNT = RepayIntent.AMOUNT


def _code(call: Callable[[], Any]) -> AppError:
    with pytest.raises(AppError) as caught:
        call()
    return caught.value


def _ledger_count(store: Store, session: Session) -> int:
    total = store.history(session.token, HistoryQuery(), None, 1).total
    assert total is not None
    return total


def test_the_next_payment_is_decided_by_the_store(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    part = store.repay(session.token, AMOUNT, 3_000, "0005", "part")
    assert part.next_due_date == date(2026, 11, 25)
    # The rest of this cycle's minimum (5,000 − 3,000), worked out when it commits.
    rest = store.repay(session.token, RepayIntent.NEXT, None, "0005", "rest")
    assert rest.amount == 2_000
    assert rest.next_due_date == date(2026, 12, 25)


def test_full_repayment_is_the_payoff_when_it_commits(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    stale = store.account_summary(session.token)
    assert stale.payoff_amount == 121_183
    demo.advance_clock(timedelta(days=1))  # a day's more interest since the member looked
    session = card_sign_in(YAMADA)
    paid = store.repay(session.token, RepayIntent.FULL, None, "0009", "full")
    assert paid.amount == 121_242  # 120,000 at 18 % for 21 days: floor(1,242.74)
    assert (paid.to_interest, paid.to_principal, paid.principal_after) == (1_242, 120_000, 0)
    assert store.account_summary(session.token).payoff_amount == 0
    # Sent again, the same request answers with its receipt and moves nothing.
    assert store.repay(session.token, RepayIntent.FULL, None, "0009", "full") == paid
    assert _ledger_count(store, session) == 3 + 1


def test_nothing_to_repay_for_any_intent(store: Store, card_sign_in: SignIn) -> None:
    sato = card_sign_in(SATO)
    for index, intent in enumerate(RepayIntent):
        amount = 1_000 if intent is RepayIntent.AMOUNT else None
        refusal = _code(
            lambda i=intent, a=amount, n=index: store.repay(sato.token, i, a, "0033", f"n{n}")
        )
        assert refusal == AppError(ErrorCode.NOTHING_TO_REPAY)


@pytest.mark.parametrize(
    ("intent", "amount"),
    [
        (RepayIntent.NEXT, 5_000),
        (RepayIntent.FULL, 121_183),
        (RepayIntent.AMOUNT, None),
        ("everything", None),
    ],
)
def test_an_amount_goes_with_the_amount_intent_only(
    store: Store, card_sign_in: SignIn, intent: Any, amount: int | None
) -> None:
    session = card_sign_in(YAMADA)
    refusal = _code(lambda: store.repay(session.token, intent, amount, "0009", "mixed"))
    assert refusal.code is ErrorCode.AMOUNT_INVALID
    assert _ledger_count(store, session) == 3
