"""How often codes may be asked for and guessed (DOMAIN.md §1, issue 8 point 9).

Per member and per identifier at most one request a minute and five a (Tokyo) day; a new
code voids the last; wrong codes are bounded per member per day across codes. An identifier
nobody has is throttled exactly like one that exists.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel
from desktop_app.domain.rules import DEFAULT_RULES
from desktop_app.store.sql import SqlStore

from .conftest import DEVICE, TANAKA, StoreFactory
from .helpers import CODE_SUBJECT, ITO_EMAIL, ITO_NUMBER, TANAKA_BORN, TANAKA_NUMBER, latest_code


def _outcome(action: Callable[[], Any]) -> AppError | None:
    try:
        action()
    except AppError as error:
        return error
    return None


def _codes_sent(store: SqlStore) -> int:
    return sum(message.subject == CODE_SUBJECT for message in store.sent_messages(1_000))


def _move_to(clock: FixedClock, when: datetime) -> None:
    clock.advance(when - clock.now())


def _reset(store: SqlStore, identifier: str = TANAKA[2], born: date = TANAKA_BORN) -> Any:
    return _outcome(lambda: store.request_password_reset(identifier, born, CodeChannel.EMAIL))


def test_the_limits_live_in_the_rules() -> None:
    codes = DEFAULT_RULES.codes
    assert codes.request_interval == timedelta(minutes=1)
    assert codes.requests_per_day == 5
    assert codes.wrong_tries_per_day == 10
    assert (codes.validity, codes.tries) == (timedelta(minutes=10), 5)


def test_two_hundred_requests_send_one_code(store: SqlStore) -> None:
    outcomes = [_reset(store) for _ in range(200)]
    assert outcomes[0] is None
    soon = AppError(
        ErrorCode.CODE_REQUEST_TOO_SOON, resume_at=datetime(2026, 11, 24, 10, 1, tzinfo=TOKYO)
    )
    assert set(outcomes[1:]) == {soon}
    assert _codes_sent(store) == 1


def test_one_request_a_minute_with_the_time_to_come_back(
    open_store: StoreFactory, clock: FixedClock
) -> None:
    store = open_store()
    clock.advance(timedelta(seconds=30))  # 10:00:30
    assert _reset(store) is None
    clock.advance(timedelta(seconds=45))  # 10:01:15: not yet; from 10:01:30, shown as 10:02
    assert _reset(store) == AppError(
        ErrorCode.CODE_REQUEST_TOO_SOON, resume_at=datetime(2026, 11, 24, 10, 2, tzinfo=TOKYO)
    )
    clock.advance(timedelta(seconds=45))  # 10:02:00
    assert _reset(store) is None
    assert _codes_sent(store) == 2


def test_five_requests_a_day_then_tomorrow(open_store: StoreFactory, clock: FixedClock) -> None:
    store = open_store()
    for _ in range(5):
        assert _reset(store) is None
        clock.advance(timedelta(minutes=2))
    assert _reset(store) == AppError(ErrorCode.CODE_REQUESTS_EXHAUSTED)
    clock.advance(timedelta(hours=5))
    assert _reset(store) == AppError(ErrorCode.CODE_REQUESTS_EXHAUSTED)
    _move_to(clock, datetime(2026, 11, 25, 0, 0, tzinfo=TOKYO))  # a new day in Tokyo
    assert _reset(store) is None
    assert _codes_sent(store) == 6


def test_the_limit_is_per_member_whatever_identifier_is_used(store: SqlStore) -> None:
    assert _reset(store, TANAKA[2]) is None
    # Her member number is another identifier, but the same member: no second code yet.
    assert _reset(store, TANAKA_NUMBER) == AppError(
        ErrorCode.CODE_REQUEST_TOO_SOON, resume_at=datetime(2026, 11, 24, 10, 1, tzinfo=TOKYO)
    )
    assert _codes_sent(store) == 1


def test_an_unknown_identifier_is_throttled_like_a_known_one(store: SqlStore) -> None:
    known = [_reset(store, TANAKA[2], date(1990, 4, 5)) for _ in range(3)]  # wrong birth date
    unknown = [_reset(store, "nobody2026", TANAKA_BORN) for _ in range(3)]
    assert known == unknown
    assert known[0] == AppError(ErrorCode.DETAILS_MISMATCH)
    assert known[1] == AppError(
        ErrorCode.CODE_REQUEST_TOO_SOON, resume_at=datetime(2026, 11, 24, 10, 1, tzinfo=TOKYO)
    )


def test_registration_codes_are_limited_too(open_store: StoreFactory, clock: FixedClock) -> None:
    store = open_store()
    assert _outcome(lambda: store.request_registration_code(ITO_NUMBER, ITO_EMAIL)) is None
    assert _outcome(lambda: store.request_registration_code(ITO_NUMBER, ITO_EMAIL)) == AppError(
        ErrorCode.CODE_REQUEST_TOO_SOON, resume_at=datetime(2026, 11, 24, 10, 1, tzinfo=TOKYO)
    )
    # A typo in the email is a request too: nobody learns from the pace that the number exists.
    clock.advance(timedelta(minutes=1))
    mismatch = _outcome(lambda: store.request_registration_code(ITO_NUMBER, "ito@example.com"))
    assert mismatch == AppError(ErrorCode.DETAILS_MISMATCH)
    assert _outcome(lambda: store.request_registration_code(ITO_NUMBER, ITO_EMAIL)) == AppError(
        ErrorCode.CODE_REQUEST_TOO_SOON, resume_at=datetime(2026, 11, 24, 10, 2, tzinfo=TOKYO)
    )
    assert _codes_sent(store) == 1


def test_a_new_code_voids_the_last(open_store: StoreFactory, clock: FixedClock) -> None:
    store = open_store()
    assert _reset(store) is None
    first = latest_code(store)
    clock.advance(timedelta(minutes=1))
    assert _reset(store) is None
    second = latest_code(store)
    if first != second:
        refused = _outcome(lambda: store.reset_password(TANAKA[2], first, "Misaki2027new"))
        assert refused is not None and refused.code is ErrorCode.CODE_WRONG
    store.reset_password(TANAKA[2], second, "Misaki2027new")


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_wrong_codes_are_bounded_per_day_across_codes(
    open_store: StoreFactory, clock: FixedClock
) -> None:
    store = open_store()

    def try_code(code: str) -> AppError | None:
        return _outcome(lambda: store.reset_password(TANAKA[2], code, "Misaki2027new"))

    assert _reset(store) is None
    code = latest_code(store)
    for remaining in (4, 3, 2, 1):
        assert try_code(_wrong(code)) == AppError(ErrorCode.CODE_WRONG, remaining=remaining)
    assert try_code(_wrong(code)) == AppError(ErrorCode.CODE_TOO_MANY_TRIES)
    clock.advance(timedelta(minutes=1))
    assert _reset(store) is None  # a new code: five more tries, but only five more today
    code = latest_code(store)
    for remaining in (4, 3, 2, 1):
        assert try_code(_wrong(code)) == AppError(ErrorCode.CODE_WRONG, remaining=remaining)
    assert try_code(_wrong(code)) == AppError(ErrorCode.CODE_GUESSES_EXHAUSTED)
    clock.advance(timedelta(minutes=1))
    assert _reset(store) == AppError(ErrorCode.CODE_GUESSES_EXHAUSTED)  # no third code today
    assert _codes_sent(store) == 2
    _move_to(clock, datetime(2026, 11, 25, 9, 0, tzinfo=TOKYO))
    assert _reset(store) is None
    store.reset_password(TANAKA[2], latest_code(store), "Misaki2027new")
    assert store.sign_in_with_web_id(TANAKA[2], "Misaki2027new", DEVICE)


def test_the_right_code_is_refused_once_the_day_is_used_up(db_url: str, clock: FixedClock) -> None:
    rules = replace(DEFAULT_RULES, codes=replace(DEFAULT_RULES.codes, wrong_tries_per_day=7))
    store = SqlStore(db_url, clock, hash_profile="fast", rules=rules)
    try:

        def try_code(code: str) -> AppError | None:
            return _outcome(lambda: store.reset_password(TANAKA[2], code, "Misaki2027new"))

        assert _reset(store) is None
        code = latest_code(store)
        for _ in range(5):
            assert try_code(_wrong(code)) is not None
        clock.advance(timedelta(minutes=1))
        assert _reset(store) is None
        code = latest_code(store)
        assert try_code(_wrong(code)) == AppError(ErrorCode.CODE_WRONG, remaining=1)
        assert try_code(_wrong(code)) == AppError(ErrorCode.CODE_GUESSES_EXHAUSTED)
        # The code itself had tries left: even the right one is refused today.
        assert try_code(code) == AppError(ErrorCode.CODE_GUESSES_EXHAUSTED)
        # The password was not changed.
        assert _outcome(lambda: store.sign_in_with_web_id(TANAKA[2], "Misaki2027new", DEVICE))
    finally:
        store.close()


def test_requests_at_the_same_moment_send_one_code(open_store: StoreFactory) -> None:
    stores = [open_store() for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    outcomes: list[AppError | None] = []

    def request(store: SqlStore) -> None:
        barrier.wait()
        outcomes.append(_reset(store))

    threads = [threading.Thread(target=request, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcome is None for outcome in outcomes) == [False, False, False, True]
    assert _codes_sent(stores[0]) == 1
