"""The lockout counters under parallel wrong attempts (8 threads on two store objects, as the
workers of a member server): every wrong PIN and password is counted exactly once, and the
card or Web-ID locks exactly at the threshold of the rules, never one attempt later."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import DEFAULT_RULES, LockoutRules, Rules
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.keys import StoreKeys
from desktop_app.store.sql.schema import AuditEntry, Card, WebCredential

from .conftest import DEVICE, SATO, YAMADA

THREADS = 8


@pytest.fixture
def workers(db_url: str, clock: FixedClock) -> Iterator[Callable[[Rules], list[SqlStore]]]:
    opened: list[SqlStore] = []

    def open_two(rules: Rules) -> list[SqlStore]:
        two = [SqlStore(db_url, clock, hash_profile="fast", rules=rules) for _ in range(2)]
        opened.extend(two)
        return two

    yield open_two
    for store in opened:
        store.close()


def _all_at_once(stores: list[SqlStore], attempt: Callable[[SqlStore, int], Any], rounds: int):
    """``THREADS`` threads, released together, each making ``rounds`` attempts; the codes of
    the refusals (anything else fails the test)."""
    start = threading.Barrier(THREADS)
    codes: list[ErrorCode] = []
    failures: list[BaseException] = []

    def run(index: int) -> None:
        start.wait()
        for round_ in range(rounds):
            try:
                attempt(stores[index % len(stores)], index * rounds + round_)
                failures.append(AssertionError("a wrong secret signed in"))
            except AppError as error:
                codes.append(error.code)
            except BaseException as error:
                failures.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    return Counter(codes)


def _card(store: SqlStore, number: str) -> tuple[str, int]:
    lookup = StoreKeys(None).card_lookup(number)
    with store.engine.connect() as connection:
        row = connection.execute(
            select(Card.status, Card.failed_pin_count).where(Card.card_lookup == lookup)
        ).one()
    return str(row[0]), int(row[1])


def _web(store: SqlStore, web_id: str) -> tuple[bool, int]:
    with store.engine.connect() as connection:
        row = connection.execute(
            select(WebCredential.locked, WebCredential.failed_count).where(
                WebCredential.web_id == web_id
            )
        ).one()
    return bool(row[0]), int(row[1])


def _events(store: SqlStore, event: str) -> int:
    with store.engine.connect() as connection:
        return len(connection.scalars(select(AuditEntry.id).where(AuditEntry.event == event)).all())


def _wrong_pin(store: SqlStore, n: int) -> None:
    store.sign_in_with_card(YAMADA[0], f"{(n * 7 + 1) % 10_000:04d}", DEVICE)


def _wrong_password(store: SqlStore, n: int) -> None:
    store.sign_in_with_web_id(SATO[2], f"Wrong{n}pass", DEVICE)


def test_parallel_wrong_pins_are_each_counted(workers: Callable[[Rules], list[SqlStore]]) -> None:
    stores = workers(Rules(lockout=LockoutRules(card_pins_per_day=100)))
    codes = _all_at_once(stores, _wrong_pin, rounds=3)
    assert codes == Counter({ErrorCode.SIGNIN_FAILED_CARD: THREADS * 3})
    assert _card(stores[0], YAMADA[0]) == ("active", THREADS * 3)


def test_parallel_wrong_pins_lock_the_card_exactly_at_the_third(
    workers: Callable[[Rules], list[SqlStore]],
) -> None:
    stores = workers(DEFAULT_RULES)
    threshold = DEFAULT_RULES.lockout.card_pins_per_day
    codes = _all_at_once(stores, _wrong_pin, rounds=2)
    assert codes == Counter(
        {
            ErrorCode.SIGNIN_FAILED_CARD: threshold - 1,
            ErrorCode.CARD_LOCKED: THREADS * 2 - threshold + 1,  # the third locks, then locked
        }
    )
    assert _card(stores[0], YAMADA[0]) == ("locked", threshold)
    assert _events(stores[0], "card_locked") == 1
    with pytest.raises(AppError) as caught:
        stores[1].sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    assert caught.value.code is ErrorCode.CARD_LOCKED


def test_parallel_wrong_passwords_are_each_counted(
    workers: Callable[[Rules], list[SqlStore]],
) -> None:
    stores = workers(Rules(lockout=LockoutRules(web_passwords=100)))
    codes = _all_at_once(stores, _wrong_password, rounds=3)
    assert codes == Counter({ErrorCode.SIGNIN_FAILED_WEB: THREADS * 3})
    assert _web(stores[0], SATO[2]) == (False, THREADS * 3)


def test_parallel_wrong_passwords_lock_the_web_id_exactly_at_the_fifth(
    workers: Callable[[Rules], list[SqlStore]],
) -> None:
    stores = workers(DEFAULT_RULES)
    threshold = DEFAULT_RULES.lockout.web_passwords
    codes = _all_at_once(stores, _wrong_password, rounds=1)
    assert codes == Counter(
        {
            ErrorCode.SIGNIN_FAILED_WEB: threshold - 1,
            ErrorCode.WEB_ID_LOCKED: THREADS - threshold + 1,
        }
    )
    assert _web(stores[0], SATO[2]) == (True, threshold)
    assert _events(stores[0], "web_id_locked") == 1
