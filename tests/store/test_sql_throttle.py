"""The sign-in throttle the member server calls before each sign-in (``admit_sign_in``): per
client address and per identifier, counted in the database so every worker shares the count,
exact under concurrent attempts, and naming no address, card number or Web-ID."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import DEFAULT_RULES, Rules, ThrottleRules
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.schema import SignInThrottle

from .conftest import DEVICE, YAMADA

THROTTLE = DEFAULT_RULES.throttle
WINDOW = int(THROTTLE.window.total_seconds())


@pytest.fixture
def stores(db_url: str, clock: FixedClock) -> Iterator[Callable[..., SqlStore]]:
    """Store objects on one database, as the workers of a member server have them."""
    opened: list[SqlStore] = []

    def open_one(rules: Rules = DEFAULT_RULES) -> SqlStore:
        store = SqlStore(db_url, clock, hash_profile="fast", rules=rules)
        opened.append(store)
        return store

    yield open_one
    for store in opened:
        store.close()


def _throttled(call: Callable[[], Any]) -> int:
    with pytest.raises(AppError) as caught:
        call()
    assert caught.value.code is ErrorCode.SIGN_IN_THROTTLED
    return int(caught.value.params["retry_after"])


def _rows(store: SqlStore) -> list[tuple[str, str, int]]:
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(SignInThrottle.scope, SignInThrottle.key, SignInThrottle.count)
        ).all()
    return [(scope, key, count) for scope, key, count in rows]


def test_the_limits_are_10_per_identifier_and_60_per_address_in_5_minutes() -> None:
    assert ThrottleRules(timedelta(minutes=5), per_address=60, per_identifier=10) == THROTTLE


def test_an_identifier_tried_too_often_waits_for_its_window(
    stores: Callable[..., SqlStore], clock: FixedClock
) -> None:
    store = stores()
    for attempt in range(THROTTLE.per_identifier):  # from ever new addresses: still counted
        store.admit_sign_in(f"198.51.100.{attempt}", YAMADA[2])
    assert _throttled(lambda: store.admit_sign_in("198.51.100.99", YAMADA[2])) == WINDOW
    store.admit_sign_in("198.51.100.99", "hanako0202")  # another identifier is not held up
    clock.advance(timedelta(seconds=100.5))
    assert _throttled(lambda: store.admit_sign_in("203.0.113.1", YAMADA[2])) == WINDOW - 100
    clock.advance(timedelta(seconds=WINDOW - 100.5))  # the window is over: a fresh one
    for _ in range(THROTTLE.per_identifier):
        store.admit_sign_in("203.0.113.1", YAMADA[2])
    assert _throttled(lambda: store.admit_sign_in("203.0.113.1", YAMADA[2])) == WINDOW


def test_an_address_trying_many_identifiers_is_held_up(stores: Callable[..., SqlStore]) -> None:
    store = stores()
    for number in range(THROTTLE.per_address):
        store.admit_sign_in("192.0.2.7", f"40001234{number:08d}")
    assert _throttled(lambda: store.admit_sign_in("192.0.2.7", "5012345678")) == WINDOW
    store.admit_sign_in(" 192.0.2.8 ", "5012345678")  # another address is not


def test_a_card_number_counts_alike_however_it_was_typed(stores: Callable[..., SqlStore]) -> None:
    store = stores()
    typed = ["4000123412341234", "4000-1234-1234-1234", "４０００ １２３４ １２３４ １２３４"]
    for attempt in range(THROTTLE.per_identifier):
        store.admit_sign_in(f"198.51.100.{attempt}", typed[attempt % len(typed)])
    assert _throttled(lambda: store.admit_sign_in("198.51.100.200", "4000‐1234‐1234‐1234"))


def test_every_worker_shares_the_count(stores: Callable[..., SqlStore]) -> None:
    workers = [stores(), stores()]
    for attempt in range(THROTTLE.per_identifier):
        workers[attempt % 2].admit_sign_in("198.51.100.1", YAMADA[0])
    for worker in workers:
        assert _throttled(lambda worker=worker: worker.admit_sign_in("198.51.100.1", YAMADA[0]))


def test_the_table_names_no_address_card_number_or_web_id(
    stores: Callable[..., SqlStore],
) -> None:
    store = stores()
    store.admit_sign_in("198.51.100.23", YAMADA[0])
    store.admit_sign_in("198.51.100.23", YAMADA[2])
    rows = _rows(store)
    assert sorted((scope, count) for scope, _, count in rows) == [
        ("address", 2),
        ("identifier", 1),
        ("identifier", 1),
    ]
    everything = repr(rows)
    for value in ("198.51.100.23", YAMADA[0], YAMADA[0][-4:], YAMADA[2]):
        assert value not in everything
    assert all(len(key) == 64 for _, key, _ in rows)


def test_sign_in_itself_counts_nothing(stores: Callable[..., SqlStore]) -> None:
    store = stores()
    for _ in range(THROTTLE.per_identifier + 2):
        with pytest.raises(AppError):
            store.sign_in_with_web_id("nobody2026", "Wrong2026pass", DEVICE)
    assert _rows(store) == []
    store.admit_sign_in("198.51.100.1", "nobody2026")


def test_old_windows_are_purged(stores: Callable[..., SqlStore], clock: FixedClock) -> None:
    store = stores()
    store.admit_sign_in("198.51.100.1", YAMADA[2])
    clock.advance(THROTTLE.window * 2 + timedelta(seconds=1))
    store.admit_sign_in("198.51.100.2", "hanako0202")
    assert sorted(count for _, _, count in _rows(store)) == [1, 1]  # only the new two rows


def test_concurrent_attempts_are_counted_exactly(stores: Callable[..., SqlStore]) -> None:
    """8 threads on two store objects (two workers) try one identifier at once: exactly the
    limit is admitted and every attempt is in the count."""
    rules = Rules(throttle=ThrottleRules(per_address=1_000, per_identifier=25))
    workers = [stores(rules), stores(rules)]
    threads, per_thread = 8, 5
    start = threading.Barrier(threads)
    admitted: list[int] = []
    refused: list[AppError] = []
    failures: list[BaseException] = []

    def attempt(index: int) -> None:
        worker = workers[index % 2]
        start.wait()
        for _ in range(per_thread):
            try:
                worker.admit_sign_in(f"198.51.100.{index}", YAMADA[0])
                admitted.append(index)
            except AppError as error:
                (refused if error.code is ErrorCode.SIGN_IN_THROTTLED else failures).append(error)
            except BaseException as error:  # reported below
                failures.append(error)

    pool = [threading.Thread(target=attempt, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=60)
    assert failures == []
    assert (len(admitted), len(refused)) == (25, threads * per_thread - 25)
    with workers[0].engine.connect() as connection:
        total = connection.scalar(
            select(func.sum(SignInThrottle.count)).where(SignInThrottle.scope == "identifier")
        )
    assert total == threads * per_thread
