"""The service rules as the store applies them: maintenance, due dates, the legal rate cap."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import LoanRules, Rules
from desktop_app.store.sql import SqlStore

from .conftest import DEVICE, YAMADA, StoreFactory


def _refusal(action) -> AppError:
    with pytest.raises(AppError) as caught:
        action()
    return caught.value


def test_sign_in_is_refused_during_weekly_maintenance_with_the_resume_time(
    open_store: StoreFactory,
) -> None:
    clock = FixedClock(datetime(2026, 11, 30, 0, 30, tzinfo=TOKYO))  # a Monday
    store = open_store(clock)
    error = _refusal(lambda: store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE))
    assert error.code is ErrorCode.MAINTENANCE
    assert error.params["resume_at"] == datetime(2026, 11, 30, 7, 0, tzinfo=TOKYO)
    clock.advance(timedelta(hours=6, minutes=30))  # 7:00 exactly: open again
    assert store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE).member_number == "100000001"


def test_repayment_stops_on_sunday_night_but_borrowing_does_not(
    open_store: StoreFactory,
) -> None:
    clock = FixedClock(datetime(2026, 11, 22, 22, 50, tzinfo=TOKYO))  # Sunday
    store = open_store(clock)
    session = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)
    clock.advance(timedelta(minutes=15))  # 23:05
    error = _refusal(lambda: store.repay(session.token, 5_000, "0009", "r1"))
    assert error.code is ErrorCode.MAINTENANCE
    assert error.params["resume_at"] == datetime(2026, 11, 23, 7, 0, tzinfo=TOKYO)
    destination = store.bank_accounts(session.token)[0].id
    assert store.borrow(session.token, 10_000, destination, "b1").principal_after == 130_000


def test_a_due_date_on_a_holiday_is_paid_by_the_next_business_day(
    open_store: StoreFactory,
) -> None:
    # 鈴木 (due day 5th) catches up; his next due date, 12-05, is a Saturday.
    clock = FixedClock(datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO))
    store = open_store(clock)
    session = store.sign_in_with_card("123456789012345", "3690", DEVICE)  # 鈴木, overdue
    receipt = store.repay(session.token, 20_000, "0005", "catch-up")
    assert receipt.next_due_date == date(2026, 12, 7)  # 12-05 is a Saturday
    summary = store.account_summary(session.token)
    assert summary.next_due_date == date(2026, 12, 7)
    clock.advance(timedelta(days=13))  # 12-07 itself: still not overdue
    session = store.sign_in_with_card("123456789012345", "3690", DEVICE)
    assert store.account_summary(session.token).overdue is False
    clock.advance(timedelta(days=1))  # 12-08: overdue
    session = store.sign_in_with_card("123456789012345", "3690", DEVICE)
    assert store.account_summary(session.token).overdue is True


def test_seeding_above_the_legal_cap_is_refused(db_url: str) -> None:
    strict = Rules(loan=LoanRules(legal_caps=((None, Decimal("0.15")),)))
    with pytest.raises(AppError) as caught:
        SqlStore(
            db_url,
            FixedClock(datetime(2026, 11, 24, tzinfo=TOKYO)),
            rules=strict,
            hash_profile="fast",
        )
    assert caught.value.code is ErrorCode.RATE_OUT_OF_RANGE
