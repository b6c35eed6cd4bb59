"""The service rules as the store applies them: maintenance, due dates, its own rules (not the
defaults), and the terms it tells its clients."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from desktop_app.domain.calendar import ServiceCalendar
from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import RepayIntent
from desktop_app.domain.rules import DEFAULT_RULES, LoanRules, Rules

from ..conftest import DEVICE, NOW, SATO, SUZUKI, YAMADA
from ..helpers import refusal
from .conftest import HostFactory


def test_sign_in_is_refused_during_weekly_maintenance_with_the_resume_time(
    member_store: HostFactory,
) -> None:
    host = member_store(now=datetime(2026, 11, 30, 0, 30, tzinfo=TOKYO))  # a Monday
    store, clock = host.store, host.demo
    error = refusal(lambda: store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE))
    assert error.code is ErrorCode.MAINTENANCE
    assert error.params["resume_at"] == datetime(2026, 11, 30, 7, 0, tzinfo=TOKYO)
    clock.advance_clock(timedelta(hours=6, minutes=30))  # 7:00 exactly: open again
    assert store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE).member_number == "100000001"


def test_repayment_stops_on_sunday_night_but_borrowing_does_not(
    member_store: HostFactory,
) -> None:
    host = member_store(now=datetime(2026, 11, 22, 22, 55, tzinfo=TOKYO))  # Sunday
    store, clock = host.store, host.demo
    session = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)
    clock.advance_clock(timedelta(minutes=10))  # 23:05
    error = refusal(lambda: store.repay(session.token, RepayIntent.AMOUNT, 5_000, "0009", "r1"))
    assert error.code is ErrorCode.MAINTENANCE
    assert error.params["resume_at"] == datetime(2026, 11, 23, 7, 0, tzinfo=TOKYO)
    destination = store.bank_accounts(session.token)[0].id
    assert store.borrow(session.token, 10_000, destination, "b1").principal_after == 130_000


def test_a_due_date_on_a_holiday_is_paid_by_the_next_business_day(
    member_store: HostFactory,
) -> None:
    # 鈴木 (due day 5th) catches up; his next due date, 12-05, is a Saturday.
    host = member_store(now=datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO))
    store, clock = host.store, host.demo
    session = store.sign_in_with_card("123456789012345", "3690", DEVICE)  # 鈴木, overdue
    receipt = store.repay(session.token, RepayIntent.AMOUNT, 20_000, "0005", "catch-up")
    assert receipt.next_due_date == date(2026, 12, 7)  # 12-05 is a Saturday
    summary = store.account_summary(session.token)
    assert summary.next_due_date == date(2026, 12, 7)
    clock.advance_clock(timedelta(days=13))  # 12-07 itself: still not overdue
    session = store.sign_in_with_card("123456789012345", "3690", DEVICE)
    assert store.account_summary(session.token).overdue is False
    clock.advance_clock(timedelta(days=1))  # 12-08: overdue
    session = store.sign_in_with_card("123456789012345", "3690", DEVICE)
    assert store.account_summary(session.token).overdue is True


STRICT = Rules(
    loan=LoanRules(
        borrow_unit=10_000,
        borrow_minimum=50_000,
        repay_minimum=3_000,
        late_rate=Decimal("0.146"),
        due_days=(10, 27),
        interest_free_days=14,
        promise_days_after_due=7,
        minimum_payment_tiers=((None, Decimal("0.05")),),
        minimum_payment_rounding=500,
    )
)


def test_the_terms_are_the_stores_rules_and_its_holidays(member_store: HostFactory) -> None:
    store = member_store(rules=STRICT).store
    terms = store.service_terms()
    assert terms.rules == STRICT
    assert terms.as_of == NOW
    assert terms.valid_until > terms.as_of
    assert terms.holidays_from <= NOW.date() - timedelta(days=31)
    assert terms.holidays_until >= NOW.date() + timedelta(days=400)
    assert date(2026, 11, 23) in terms.holidays  # 勤労感謝の日
    assert date(2027, 1, 11) in terms.holidays  # 成人の日
    assert date(2026, 11, 24) not in terms.holidays
    assert all(terms.holidays_from <= day <= terms.holidays_until for day in terms.holidays)
    # A calendar built from the terms answers as the store's own does, day by day.
    client, server = ServiceCalendar.from_terms(terms), ServiceCalendar(STRICT)
    day = terms.holidays_from
    while day <= terms.holidays_until:
        assert client.is_business_day(day) == server.is_business_day(day), day
        day += timedelta(days=1)
    assert member_store().store.service_terms().rules == DEFAULT_RULES


def test_a_store_borrows_by_its_own_rules(member_store: HostFactory) -> None:
    store = member_store(rules=STRICT).store
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    destination = store.bank_accounts(session.token)[0].id
    assert refusal(lambda: store.borrow(session.token, 1_000, destination, "small")) == (
        AppError(ErrorCode.AMOUNT_BELOW_MINIMUM, minimum=50_000)
    )
    assert refusal(lambda: store.borrow(session.token, 55_000, destination, "odd")) == (
        AppError(ErrorCode.AMOUNT_NOT_THOUSANDS, unit=10_000)
    )
    receipt = store.borrow(session.token, 60_000, destination, "ok")
    assert receipt.minimum_payment == 9_000  # 180,000 × 5 %, rounded up to 500 yen
    assert refusal(
        lambda: store.repay(session.token, RepayIntent.AMOUNT, 2_000, "0009", "little")
    ) == AppError(ErrorCode.AMOUNT_BELOW_MINIMUM, minimum=3_000)


def test_a_store_charges_its_own_late_rate_and_promise_window(member_store: HostFactory) -> None:
    store = member_store(rules=STRICT).store
    session = store.sign_in_with_card(SUZUKI[0], SUZUKI[1], DEVICE)
    summary = store.account_summary(session.token)
    assert summary.overdue is True
    # 5 days late on 250,000 at 14.6 % (not 20 %): floor(500.0).
    assert summary.late_damages == 500
    latest = date(2026, 11, 19) + timedelta(days=7)
    assert refusal(
        lambda: store.promise_payment(session.token, latest + timedelta(days=1))
    ) == AppError(ErrorCode.PROMISE_DATE_OUT_OF_RANGE, latest=latest)


def test_a_store_gives_its_own_interest_free_days(member_store: HostFactory) -> None:
    store = member_store(now=datetime(2026, 11, 10, 10, 0, tzinfo=TOKYO), rules=STRICT).store
    session = store.sign_in_with_web_id(SATO[2], SATO[3], DEVICE)
    store.borrow(session.token, 100_000, store.bank_accounts(session.token)[0].id, "first")
    assert store.account_summary(session.token).interest_free_until == date(2026, 11, 24)
