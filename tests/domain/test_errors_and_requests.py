"""Typed error parameters (one table for messages, tests and the API schema), the request-id
check every store makes, the clock a demo host moves, and a calendar built from terms."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from desktop_app.domain.calendar import ServiceCalendar
from desktop_app.domain.clock import TOKYO, FixedClock, OffsetClock
from desktop_app.domain.errors import PARAMS, AppError, ErrorCode
from desktop_app.domain.requests import check_request_id
from desktop_app.domain.rules import DEFAULT_RULES
from desktop_app.domain.terms import ServiceTerms, holiday_window

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)


def test_declared_parameters_are_checked_when_an_error_is_made() -> None:
    assert AppError(ErrorCode.AMOUNT_BELOW_MINIMUM, minimum=1_000).params["minimum"] == 1_000
    assert AppError(ErrorCode.MAINTENANCE, resume_at=NOW).params["resume_at"] == NOW
    AppError(ErrorCode.AMOUNT_ZERO)  # ``field`` may be left out
    AppError(ErrorCode.AMOUNT_ZERO, field="annual_income")
    with pytest.raises(TypeError, match="needs the parameter 'resume_at'"):
        AppError(ErrorCode.MAINTENANCE)
    with pytest.raises(TypeError, match="carries no parameter"):
        AppError(ErrorCode.MAINTENANCE, resume_at=NOW, when=NOW)
    with pytest.raises(TypeError):
        AppError(ErrorCode.AMOUNT_BELOW_MINIMUM, minimum="1,000")
    with pytest.raises(TypeError):
        AppError(ErrorCode.AMOUNT_BELOW_MINIMUM, minimum=True)
    with pytest.raises(TypeError):
        AppError(ErrorCode.PROMISE_DATE_OUT_OF_RANGE, latest=NOW)  # a date, not an instant
    with pytest.raises(TypeError):
        AppError(ErrorCode.MAINTENANCE, resume_at=NOW.replace(tzinfo=None))
    with pytest.raises(TypeError):
        AppError(ErrorCode.RATE_OUT_OF_RANGE, rate=0.18, cap=Decimal("0.15"))
    with pytest.raises(TypeError):
        AppError(ErrorCode.SESSION_EXPIRED, reason="idle")


def test_the_table_names_only_codes() -> None:
    assert set(PARAMS) <= set(ErrorCode)
    assert ErrorCode.REQUEST_ID_INVALID not in PARAMS  # it carries nothing


@pytest.mark.parametrize(
    "value",
    ["", "x" * 65, "a\x00b", "返済", "ｒ１", "a b", "a\n", "a.b", None, 7],
)
def test_malformed_request_ids(value: object) -> None:
    with pytest.raises(AppError) as caught:
        check_request_id(value)
    assert caught.value == AppError(ErrorCode.REQUEST_ID_INVALID)


def test_wellformed_request_ids() -> None:
    for value in ("a", "0f3c" * 8, "A-z_9", "x" * 64):
        assert check_request_id(value) == value


def test_an_offset_clock_moves_on_and_back() -> None:
    base = FixedClock(NOW)
    clock = OffsetClock(base)
    assert clock.now() == NOW
    assert clock.advance(timedelta(days=31)) == NOW + timedelta(days=31)
    base.advance(timedelta(minutes=5))  # the clock beneath still runs
    assert clock.now() == NOW + timedelta(days=31, minutes=5)
    clock.advance(-timedelta(days=31))
    assert clock.now() == NOW + timedelta(minutes=5)
    assert clock.now().utcoffset() == timedelta(hours=9)


def test_a_calendar_from_terms_answers_as_the_package_does() -> None:
    first, last = holiday_window(NOW)
    server = ServiceCalendar(DEFAULT_RULES)
    terms = ServiceTerms(
        rules=DEFAULT_RULES,
        holidays=server.public_holidays(first, last),
        holidays_from=first,
        holidays_until=last,
        as_of=NOW,
        valid_until=NOW + timedelta(hours=1),
    )
    client = ServiceCalendar.from_terms(terms)
    day = first
    while day <= last:
        assert client.is_business_day(day) == server.is_business_day(day), day
        assert client.next_business_day(day) == server.next_business_day(day), day
        day += timedelta(days=1)
    assert date(2027, 5, 3) in terms.holidays  # 憲法記念日
    at = datetime(2026, 12, 30, 15, 0, tzinfo=TOKYO)
    assert client.arrival("0001", at) == server.arrival("0001", at)
    assert not terms.is_stale(NOW) and terms.is_stale(NOW + timedelta(hours=1))
