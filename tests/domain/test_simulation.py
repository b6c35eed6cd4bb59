"""Repayment simulation: schedules by monthly amount and by number of months."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest

from desktop_app.domain.calendar import ServiceCalendar
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import MONTH_END
from desktop_app.domain.simulation import (
    MAX_MONTHS,
    Debt,
    Schedule,
    ScheduleRow,
    by_monthly_amount,
    by_months,
)

CALENDAR = ServiceCalendar()
RATE = Decimal("0.180")

# 山田: 120,000 at 18 %, due on the 25th, simulated on Tuesday 2026-11-24
YAMADA = Debt(principal=120_000, rate=RATE, today=date(2026, 11, 24), due_day=25)
# month-end due day: 2026-12-31 moves to 2027-01-04, 2027-01-31 (Sun) to 02-01, …
MONTH_END_DEBT = Debt(principal=200_000, rate=RATE, today=date(2026, 12, 1), due_day=MONTH_END)
# 佐藤: first borrowing of 100,000 on 11-10, free until 12-10, first due date 12-15
SATO = Debt(
    principal=100_000,
    rate=RATE,
    today=date(2026, 11, 10),
    due_day=15,
    interest_free_until=date(2026, 12, 10),
    first_due=date(2026, 12, 15),
)
# a low rate on a large balance: the 600-month horizon, not a month's interest, is the limit
LOW_RATE = Debt(principal=1_000_000, rate=Decimal("0.025"), today=date(2026, 11, 1), due_day=15)

DEBTS = {"yamada": YAMADA, "month-end": MONTH_END_DEBT, "sato": SATO, "low-rate": LOW_RATE}


def assert_consistent(debt: Debt, schedule: Schedule, monthly: int | None = None) -> None:
    """Totals are sums of rows, each row adds up, the last leaves 0, dates are business days."""
    rows = schedule.rows
    assert rows, "a debt needs at least one payment"
    assert [row.number for row in rows] == list(range(1, len(rows) + 1))
    assert schedule.payments == len(rows)
    assert schedule.total_payment == sum(row.payment for row in rows)
    assert schedule.total_interest == sum(row.interest for row in rows)
    assert sum(row.principal for row in rows) == debt.principal
    assert schedule.total_payment == debt.principal + schedule.total_interest
    remaining = debt.principal
    for row in rows:
        assert row.payment == row.interest + row.principal
        assert row.principal >= 0 and row.interest >= 0
        remaining -= row.principal
        assert row.remaining == remaining >= 0
    assert rows[-1].remaining == 0
    assert all(row.remaining > 0 for row in rows[:-1])
    days = [row.day for row in rows]
    assert days[0] >= debt.today
    assert all(earlier < later for earlier, later in pairwise(days))
    assert all(CALENDAR.is_business_day(day) for day in days)
    if monthly is not None:
        assert all(row.payment == monthly for row in rows[:-1])
        assert 0 < rows[-1].payment <= monthly


# -- by monthly amount -----------------------------------------------------------------------


def test_yamada_pays_5000_a_month() -> None:
    schedule = by_monthly_amount(YAMADA, 5_000, CALENDAR)
    assert schedule.rows[:3] == (
        # one day (11-25) at 18 %: 59.18
        ScheduleRow(1, date(2026, 11, 25), 5_000, 59, 4_941, 115_059),
        # 30 days: 1,702.24
        ScheduleRow(2, date(2026, 12, 25), 5_000, 1_702, 3_298, 111_761),
        # 6 days of 2026 (330.69) and 25 of 2027 (1,377.87), each floored
        ScheduleRow(3, date(2027, 1, 25), 5_000, 1_707, 3_293, 108_468),
    )
    assert_consistent(YAMADA, schedule, 5_000)


def test_month_end_due_dates_move_past_new_year_and_weekends() -> None:
    schedule = by_monthly_amount(MONTH_END_DEBT, 8_000, CALENDAR)
    assert [row.day for row in schedule.rows[:5]] == [
        date(2027, 1, 4),  # 2026-12-31 is closed, then 1-1 … 1-3
        date(2027, 2, 1),  # 2027-01-31 is a Sunday
        date(2027, 3, 1),  # 2027-02-28 is a Sunday
        date(2027, 3, 31),
        date(2027, 4, 30),
    ]
    # 12-02 … 12-31 over 365 (2,958.90) plus 1-1 … 1-4 (394.52), floored apart
    assert schedule.rows[0] == ScheduleRow(1, date(2027, 1, 4), 8_000, 3_352, 4_648, 195_352)
    # 28 days from the moved date 1-04 to 2-01: 2,697.40
    assert schedule.rows[1].interest == 2_697
    assert_consistent(MONTH_END_DEBT, schedule, 8_000)


def test_interest_free_days_are_not_charged() -> None:
    schedule = by_monthly_amount(SATO, 4_000, CALENDAR)
    # free until 12-10: only 12-11 … 12-15 are charged (246.57)
    assert schedule.rows[0] == ScheduleRow(1, date(2026, 12, 15), 4_000, 246, 3_754, 96_246)
    # then 16 days of 2026 (759.4) and 15 of 2027 (711.9)
    assert schedule.rows[1] == ScheduleRow(2, date(2027, 1, 15), 4_000, 1_470, 2_530, 93_716)
    assert_consistent(SATO, schedule, 4_000)


def test_unpaid_interest_is_paid_with_the_first_payment() -> None:
    debt = Debt(100_000, RATE, date(2026, 11, 24), 25, unpaid_interest=500)
    schedule = by_monthly_amount(debt, 10_000, CALENDAR)
    assert schedule.rows[0] == ScheduleRow(1, date(2026, 11, 25), 10_000, 500 + 49, 9_451, 90_549)
    assert_consistent(debt, schedule, 10_000)


def test_a_due_date_today_is_paid_today_without_interest() -> None:
    debt = Debt(100_000, RATE, date(2026, 11, 25), 25)
    schedule = by_monthly_amount(debt, 10_000, CALENDAR)
    assert schedule.rows[0] == ScheduleRow(1, date(2026, 11, 25), 10_000, 0, 10_000, 90_000)
    assert_consistent(debt, schedule, 10_000)


def test_a_large_amount_pays_everything_at_once() -> None:
    schedule = by_monthly_amount(YAMADA, 1_000_000, CALENDAR)
    assert schedule.rows == (ScheduleRow(1, date(2026, 11, 25), 120_059, 59, 120_000, 0),)


def test_nothing_owed_is_an_empty_schedule() -> None:
    debt = Debt(0, RATE, date(2026, 11, 24), 25)
    assert by_monthly_amount(debt, 5_000, CALENDAR) == Schedule(())
    assert by_months(debt, 12, CALENDAR) == Schedule(())


def test_unpaid_interest_alone_is_paid_off_without_becoming_principal() -> None:
    debt = Debt(0, RATE, date(2026, 11, 24), 25, unpaid_interest=2_500)
    schedule = by_monthly_amount(debt, 1_000, CALENDAR)
    assert [(row.payment, row.interest, row.principal, row.remaining) for row in schedule.rows] == [
        (1_000, 1_000, 0, 0),
        (1_000, 1_000, 0, 0),
        (500, 500, 0, 0),
    ]
    assert schedule.total_payment == schedule.total_interest == 2_500


# -- an amount that never clears --------------------------------------------------------------


@pytest.mark.parametrize(
    ("debt", "monthly"),
    [
        pytest.param(YAMADA, 10, id="yamada-below-the-first-day"),
        pytest.param(YAMADA, 59, id="yamada-exactly-the-first-interest"),
        pytest.param(YAMADA, 1_000, id="yamada-below-a-month"),
        pytest.param(MONTH_END_DEBT, 3_000, id="month-end-below-34-days"),
        pytest.param(SATO, 200, id="sato-below-the-5-charged-days"),
        pytest.param(SATO, 1_000, id="sato-below-a-month"),
        pytest.param(LOW_RATE, 100, id="low-rate-below-a-month"),
        pytest.param(LOW_RATE, 2_200, id="low-rate-reduces-but-not-in-600-months"),
    ],
)
def test_an_amount_that_never_clears_names_one_that_does(debt: Debt, monthly: int) -> None:
    with pytest.raises(AppError) as caught:
        by_monthly_amount(debt, monthly, CALENDAR)
    assert caught.value.code is ErrorCode.SIMULATION_NEVER_CLEARS
    minimum = caught.value.params["minimum"]
    assert minimum > monthly
    # the named amount clears, within the horizon, …
    schedule = by_monthly_amount(debt, minimum, CALENDAR)
    assert_consistent(debt, schedule, minimum)
    assert schedule.payments <= MAX_MONTHS
    # … and is the smallest that does: one yen less is refused with the same advice
    with pytest.raises(AppError) as again:
        by_monthly_amount(debt, minimum - 1, CALENDAR)
    assert again.value == AppError(ErrorCode.SIMULATION_NEVER_CLEARS, minimum=minimum)
    # it is what the longest schedule pays
    assert by_months(debt, MAX_MONTHS, CALENDAR).rows[0].payment == minimum


def test_yamada_minimum_is_exact() -> None:
    with pytest.raises(AppError) as caught:
        by_monthly_amount(YAMADA, 1_000, CALENDAR)
    assert caught.value == AppError(ErrorCode.SIMULATION_NEVER_CLEARS, minimum=1_902)
    assert by_monthly_amount(YAMADA, 1_902, CALENDAR).payments == 182


# -- by number of months ---------------------------------------------------------------------


@pytest.mark.parametrize("months", [1, 2, 3, 12, 36, 120], ids=lambda n: f"{n}-months")
@pytest.mark.parametrize("name", list(DEBTS))
def test_by_months_is_the_smallest_amount_within_the_months(name: str, months: int) -> None:
    debt = DEBTS[name]
    schedule = by_months(debt, months, CALENDAR)
    monthly = schedule.rows[0].payment
    assert schedule.payments <= months
    assert_consistent(debt, schedule, monthly)
    assert by_monthly_amount(debt, monthly, CALENDAR) == schedule
    try:
        cheaper = by_monthly_amount(debt, monthly - 1, CALENDAR)
    except AppError as error:
        assert error.code is ErrorCode.SIMULATION_NEVER_CLEARS
    else:
        assert cheaper.payments > months


@pytest.mark.parametrize(
    ("months", "monthly", "payments"),
    [
        pytest.param(1, 120_059, 1, id="1-month-is-the-payoff"),
        pytest.param(2, 60_470, 2, id="2"),
        pytest.param(12, 10_843, 12, id="12"),
        pytest.param(36, 4_276, 36, id="36"),
        pytest.param(MAX_MONTHS, 1_902, 182, id="600-is-the-smallest-that-clears"),
    ],
)
def test_yamada_by_months(months: int, monthly: int, payments: int) -> None:
    schedule = by_months(YAMADA, months, CALENDAR)
    assert (schedule.rows[0].payment, schedule.payments) == (monthly, payments)


@pytest.mark.parametrize("months", [0, -1, MAX_MONTHS + 1], ids=str)
def test_by_months_refuses_a_number_out_of_range(months: int) -> None:
    with pytest.raises(AppError) as caught:
        by_months(YAMADA, months, CALENDAR)
    assert caught.value.code is ErrorCode.AMOUNT_INVALID


def test_by_months_with_a_first_due_date_far_away() -> None:
    # a due date 3 months out accrues more than two months' interest before the first payment
    debt = Debt(100_000, RATE, date(2026, 11, 24), 25, first_due=date(2027, 2, 25))
    schedule = by_months(debt, 1, CALENDAR)
    # 37 days of 2026 (1,824.65) and 56 of 2027 (2,761.64)
    assert schedule.rows == (ScheduleRow(1, date(2027, 2, 25), 104_585, 4_585, 100_000, 0),)
