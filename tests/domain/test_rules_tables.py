"""Every check value of DOMAIN.md §3–§5 in tables, with the boundaries around them, and the
rules configuration that holds the numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from desktop_app.domain import loan
from desktop_app.domain.calendar import Arrival, ServiceCalendar
from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import (
    DEFAULT_RULES,
    MONDAY,
    MONTH_END,
    SUNDAY,
    LoanRules,
    MonthlyWindow,
    Rules,
    TransferRules,
    WeeklyWindow,
    YearlyWindow,
)

D = Decimal

# -- §4 interest: floor(principal × rate × days ÷ 365 or 366), days counted one end only --------


@pytest.mark.parametrize(
    ("principal", "rate", "start", "end", "interest"),
    [
        # the check value: 100,000 yen at 17.8 % for 30 days = 1,463 yen (1,463.01)
        pytest.param(100_000, "0.178", date(2026, 11, 10), date(2026, 12, 10), 1_463, id="check"),
        pytest.param(100_000, "0.178", date(2027, 1, 1), date(2027, 1, 31), 1_463, id="check-jan"),
        pytest.param(
            100_000, "0.178", date(2026, 12, 1), date(2026, 12, 31), 1_463, id="check-to-dec-31"
        ),
        # the same 30 days in a leap year divide by 366: floor(1,459.01)
        pytest.param(
            100_000, "0.178", date(2028, 4, 1), date(2028, 5, 1), 1_459, id="check-leap-year"
        ),
        # across the leap day: 2028-02-29 and 2028-03-01 are charged, / 366
        pytest.param(
            100_000, "0.180", date(2028, 2, 28), date(2028, 3, 1), 98, id="across-leap-day"
        ),
        pytest.param(
            100_000, "0.178", date(2028, 2, 28), date(2028, 3, 1), 97, id="across-leap-day-17.8"
        ),
        pytest.param(
            1_234_567, "0.150", date(2028, 2, 28), date(2028, 3, 1), 1_011, id="leap-day-15"
        ),
        pytest.param(
            100_000, "0.180", date(2027, 2, 1), date(2027, 3, 1), 1_380, id="february-2027-28d"
        ),
        pytest.param(
            100_000, "0.180", date(2028, 2, 1), date(2028, 3, 1), 1_426, id="february-2028-29d"
        ),
        # across 31 Dec 2027: 12-31 charged / 365 (49.31), 1-1 and 1-2 / 366 (98.36)
        pytest.param(
            100_000, "0.180", date(2027, 12, 30), date(2028, 1, 2), 49 + 98, id="across-new-year"
        ),
        pytest.param(
            100_000, "0.180", date(2027, 12, 30), date(2027, 12, 31), 49, id="dec-31-only"
        ),
        pytest.param(
            100_000, "0.180", date(2027, 12, 31), date(2028, 1, 2), 98, id="from-dec-31-only"
        ),
        # and out of the leap year: 2028-12-31 / 366 (49.18), 2029-01-01 / 365 (49.31)
        pytest.param(
            100_000, "0.180", date(2028, 12, 30), date(2029, 1, 1), 49 + 49, id="leap-to-plain"
        ),
        # one end only: the day of borrowing is not charged
        pytest.param(100_000, "0.180", date(2026, 11, 10), date(2026, 11, 10), 0, id="same-day"),
        pytest.param(100_000, "0.180", date(2026, 11, 10), date(2026, 11, 11), 49, id="one-day"),
        pytest.param(100_000, "0.180", date(2026, 11, 11), date(2026, 11, 10), 0, id="backwards"),
        pytest.param(0, "0.180", date(2026, 1, 1), date(2026, 12, 31), 0, id="no-principal"),
        # a full plain year is the rate itself
        pytest.param(
            100_000, "0.180", date(2026, 12, 31), date(2027, 12, 31), 18_000, id="whole-2027"
        ),
    ],
)
def test_simple_interest(principal: int, rate: str, start: date, end: date, interest: int) -> None:
    assert loan.simple_interest(principal, D(rate), start, end) == interest


# -- §4 late damages: 20 % a year after the due date, instead of the contract rate ---------------


@pytest.mark.parametrize(
    ("start", "due", "end", "accrual"),
    [
        # the check value: 200,000 yen for 10 days = floor(1,095.89)
        pytest.param(
            date(2026, 11, 10),
            date(2026, 11, 10),
            date(2026, 11, 20),
            loan.Accrual(0, 1_095),
            id="check",
        ),
        pytest.param(
            date(2027, 3, 1),
            date(2027, 2, 25),
            date(2027, 3, 11),
            loan.Accrual(0, 1_095),
            id="check-already-overdue-at-start",
        ),
        # 10 days in a leap year: floor(1,092.89)
        pytest.param(
            date(2028, 6, 5),
            date(2028, 6, 5),
            date(2028, 6, 15),
            loan.Accrual(0, 1_092),
            id="check-leap-year",
        ),
        # 5 days at 18 % (493.15), then 10 damage days at 20 %
        pytest.param(
            date(2026, 11, 5),
            date(2026, 11, 10),
            date(2026, 11, 20),
            loan.Accrual(493, 1_095),
            id="interest-then-damages",
        ),
        # the due date itself is still contract interest; the day after is damages
        pytest.param(
            date(2026, 11, 5),
            date(2026, 11, 10),
            date(2026, 11, 10),
            loan.Accrual(493, 0),
            id="paid-on-the-due-date",
        ),
        pytest.param(
            date(2026, 11, 5),
            date(2026, 11, 10),
            date(2026, 11, 11),
            loan.Accrual(493, 109),
            id="one-day-late",
        ),
        pytest.param(
            date(2026, 11, 5),
            date(2026, 11, 30),
            date(2026, 11, 20),
            loan.Accrual(1_479, 0),
            id="due-date-later",
        ),
    ],
)
def test_late_damages(start: date, due: date, end: date, accrual: loan.Accrual) -> None:
    assert (
        loan.accrue(200_000, D("0.180"), start, end, overdue_after=due, rules=loan.DEFAULT_RULES)
        == accrual
    )


def test_late_rate_comes_from_the_rules() -> None:
    rules = LoanRules(late_rate=D("0.145"))
    accrual = loan.accrue(
        200_000,
        D("0.180"),
        date(2026, 11, 10),
        date(2026, 11, 20),
        overdue_after=date(2026, 11, 10),
        rules=rules,
    )
    assert accrual == loan.Accrual(0, 794)  # floor(794.52)


# -- §4 first-time interest-free period ---------------------------------------------------------


def test_interest_free_days_borrowed_on_11_10_are_11_11_to_12_10() -> None:
    borrowed = date(2026, 11, 10)
    free_until = loan.interest_free_until(borrowed, rules=loan.DEFAULT_RULES)
    assert free_until == date(2026, 12, 10)
    free_days = []
    for offset in range(1, 40):
        day = borrowed + timedelta(days=offset)
        one_day = loan.accrue(
            100_000,
            D("0.180"),
            day - timedelta(days=1),
            day,
            free_until=free_until,
            rules=loan.DEFAULT_RULES,
        )
        if one_day.interest == 0:
            free_days.append(day)
    assert free_days[0] == date(2026, 11, 11)
    assert free_days[-1] == date(2026, 12, 10)
    assert len(free_days) == 30
    # 12-11 is the first charged day
    assert (
        loan.accrue(
            100_000,
            D("0.180"),
            borrowed,
            date(2026, 12, 11),
            free_until=free_until,
            rules=loan.DEFAULT_RULES,
        ).interest
        == 49
    )


@pytest.mark.parametrize(
    ("borrowed", "interest"),
    [
        # 佐藤 borrows 100,000 on a 10th; 34 days later 4 charged days at 18 % = 197 (197.26)
        pytest.param(date(2026, 11, 10), 197, id="nov-2026"),
        pytest.param(date(2027, 1, 10), 197, id="jan-2027"),
        pytest.param(date(2027, 3, 10), 197, id="mar-2027"),
        pytest.param(date(2026, 12, 10), 197, id="dec-2026-free-into-new-year"),
        pytest.param(date(2027, 12, 10), 196, id="dec-2027-free-into-leap-year"),
        # the same 4 days in a leap year divide by 366: 196.72
        pytest.param(date(2028, 1, 10), 196, id="jan-2028-leap"),
    ],
)
def test_sato_interest_after_the_free_period(borrowed: date, interest: int) -> None:
    free_until = loan.interest_free_until(borrowed, rules=loan.DEFAULT_RULES)
    assert free_until == borrowed + timedelta(days=30)
    repaid = borrowed + timedelta(days=34)
    accrual = loan.accrue(
        100_000, D("0.180"), borrowed, repaid, free_until=free_until, rules=loan.DEFAULT_RULES
    )
    assert accrual == loan.Accrual(interest, 0)


def test_a_second_borrowing_inside_the_free_period_is_free_too() -> None:
    free_until = loan.interest_free_until(date(2026, 11, 10), rules=loan.DEFAULT_RULES)
    second = date(2026, 11, 25)
    assert (
        loan.accrue(
            50_000, D("0.180"), second, free_until, free_until=free_until, rules=loan.DEFAULT_RULES
        ).interest
        == 0
    )
    # 12-11 … 12-14 charged on the 50,000: floor(98.63)
    assert (
        loan.accrue(
            50_000,
            D("0.180"),
            second,
            date(2026, 12, 14),
            free_until=free_until,
            rules=loan.DEFAULT_RULES,
        ).interest
        == 98
    )


def test_interest_free_days_come_from_the_rules() -> None:
    assert loan.interest_free_until(date(2026, 11, 10), LoanRules(interest_free_days=60)) == (
        date(2027, 1, 9)
    )


# -- §4 legal caps ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("credit_limit", "cap"),
    [
        pytest.param(1_000, "0.20", id="1000"),
        pytest.param(99_999, "0.20", id="99999"),
        pytest.param(100_000, "0.18", id="100000"),
        pytest.param(500_000, "0.18", id="500000"),
        pytest.param(999_999, "0.18", id="999999"),
        pytest.param(1_000_000, "0.15", id="1000000"),
        pytest.param(5_000_000, "0.15", id="5000000"),
    ],
)
def test_legal_rate_cap(credit_limit: int, cap: str) -> None:
    assert loan.legal_rate_cap(credit_limit, rules=loan.DEFAULT_RULES) == D(cap)


@pytest.mark.parametrize(
    ("credit_limit", "rate", "cap"),
    [
        pytest.param(500_000, "0.185", "0.18", id="18.5-on-500000"),
        pytest.param(99_999, "0.181", "0.18", id="above-product-ceiling-under-legal-20"),
        pytest.param(99_999, "0.200", "0.18", id="legal-20-is-above-product-18"),
        pytest.param(1_000_000, "0.151", "0.15", id="15.1-on-1000000"),
        pytest.param(1_000_000, "0.180", "0.15", id="18-on-1000000"),
        pytest.param(500_000, "0.024", "0.18", id="below-floor"),
        pytest.param(500_000, "0", "0.18", id="zero"),
    ],
)
def test_check_rate_refuses(credit_limit: int, rate: str, cap: str) -> None:
    with pytest.raises(AppError) as caught:
        loan.check_rate(credit_limit, D(rate), rules=loan.DEFAULT_RULES)
    assert caught.value == AppError(ErrorCode.RATE_OUT_OF_RANGE, rate=D(rate), cap=D(cap))


@pytest.mark.parametrize(
    ("credit_limit", "rate"),
    [
        pytest.param(500_000, "0.180", id="18.0-on-500000"),
        pytest.param(99_999, "0.180", id="18.0-on-99999"),
        pytest.param(999_999, "0.180", id="18.0-on-999999"),
        pytest.param(1_000_000, "0.150", id="15.0-on-1000000"),
        pytest.param(500_000, "0.025", id="floor"),
    ],
)
def test_check_rate_accepts(credit_limit: int, rate: str) -> None:
    loan.check_rate(credit_limit, D(rate), rules=loan.DEFAULT_RULES)


# -- §5 minimum payment --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("principal", "minimum"),
    [
        # the check values
        pytest.param(10_000, 1_000, id="10000"),
        pytest.param(50_000, 2_000, id="50000"),
        pytest.param(100_000, 4_000, id="100000"),
        pytest.param(300_000, 11_000, id="300000"),
        pytest.param(400_000, 11_000, id="400000"),
        pytest.param(500_000, 13_000, id="500000"),
        pytest.param(1_000_000, 26_000, id="1000000"),
        pytest.param(2_000_000, 40_000, id="2000000"),
        # boundaries: rounding up and the tier edges (each tier includes its upper bound)
        pytest.param(1, 1_000, id="1-yen"),
        pytest.param(1_000, 1_000, id="smallest-borrowing"),
        pytest.param(27_700, 1_000, id="999.97-rounds-to-1000"),
        pytest.param(27_701, 2_000, id="1000.006-rounds-to-2000"),
        pytest.param(300_001, 8_000, id="300001-next-tier-2.53"),
        pytest.param(1_000_001, 20_000, id="1000001-next-tier-1.99"),
    ],
)
def test_minimum_payment(principal: int, minimum: int) -> None:
    assert loan.minimum_payment(principal, rules=loan.DEFAULT_RULES) == minimum


def test_minimum_payment_tiers_come_from_the_rules() -> None:
    rules = LoanRules(minimum_payment_tiers=((None, D("0.05")),), minimum_payment_rounding=500)
    assert loan.minimum_payment(100_000, rules) == 5_000
    assert loan.minimum_payment(100_001, rules) == 5_500


# -- §5 first due date -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due_day", "borrowed", "first_due"),
    [
        # 5th: next month if borrowed on the 1st–19th, else the month after
        pytest.param(5, date(2026, 11, 1), date(2026, 12, 5), id="5th-borrowed-1st"),
        pytest.param(5, date(2026, 11, 5), date(2026, 12, 5), id="5th-borrowed-on-5th"),
        pytest.param(5, date(2026, 11, 19), date(2026, 12, 5), id="5th-borrowed-19th"),
        pytest.param(5, date(2026, 11, 20), date(2027, 1, 5), id="5th-borrowed-20th"),
        pytest.param(5, date(2026, 10, 31), date(2026, 12, 5), id="5th-borrowed-31st"),
        pytest.param(5, date(2026, 12, 19), date(2027, 1, 5), id="5th-dec-19th"),
        pytest.param(5, date(2026, 12, 20), date(2027, 2, 5), id="5th-dec-20th"),
        # 15th: always next month
        pytest.param(15, date(2026, 11, 1), date(2026, 12, 15), id="15th-borrowed-1st"),
        pytest.param(15, date(2026, 11, 14), date(2026, 12, 15), id="15th-borrowed-14th"),
        pytest.param(15, date(2026, 11, 15), date(2026, 12, 15), id="15th-borrowed-15th"),
        pytest.param(15, date(2026, 12, 31), date(2027, 1, 15), id="15th-borrowed-dec-31"),
        # 25th: this month if borrowed on the 1st–9th, else next month
        pytest.param(25, date(2026, 11, 1), date(2026, 11, 25), id="25th-borrowed-1st"),
        pytest.param(25, date(2026, 11, 9), date(2026, 11, 25), id="25th-borrowed-9th"),
        pytest.param(25, date(2026, 11, 10), date(2026, 12, 25), id="25th-borrowed-10th"),
        pytest.param(25, date(2026, 11, 30), date(2026, 12, 25), id="25th-borrowed-30th"),
        pytest.param(25, date(2026, 12, 10), date(2027, 1, 25), id="25th-dec-10th"),
        # month-end: this month if borrowed on the 1st–14th, else next month
        pytest.param(MONTH_END, date(2026, 11, 1), date(2026, 11, 30), id="end-borrowed-1st"),
        pytest.param(MONTH_END, date(2026, 11, 14), date(2026, 11, 30), id="end-borrowed-14th"),
        pytest.param(MONTH_END, date(2026, 11, 15), date(2026, 12, 31), id="end-borrowed-15th"),
        pytest.param(MONTH_END, date(2026, 12, 15), date(2027, 1, 31), id="end-dec-15th"),
        pytest.param(MONTH_END, date(2027, 1, 31), date(2027, 2, 28), id="end-into-february"),
        pytest.param(MONTH_END, date(2028, 2, 14), date(2028, 2, 29), id="end-leap-february"),
        pytest.param(MONTH_END, date(2028, 1, 15), date(2028, 2, 29), id="end-jan-into-leap"),
    ],
)
def test_first_due_date(due_day: int, borrowed: date, first_due: date) -> None:
    assert loan.first_due_date(due_day, borrowed) == first_due


def test_first_due_date_of_month_end_on_dec_31_moves_to_jan_4() -> None:
    nominal = loan.first_due_date(MONTH_END, date(2026, 12, 1))
    assert nominal == date(2026, 12, 31)
    assert ServiceCalendar().effective_due_date(nominal) == date(2027, 1, 4)
    # the month after is counted from the nominal date, not the moved one
    assert loan.following_due_date(MONTH_END, nominal) == date(2027, 1, 31)


# -- the rules configuration holds the DOMAIN.md numbers -------------------------------------


def test_default_rules_are_the_domain_numbers() -> None:
    rules = DEFAULT_RULES
    assert rules.loan.borrow_unit == rules.loan.borrow_minimum == rules.loan.repay_minimum == 1_000
    assert (rules.loan.rate_floor, rules.loan.rate_ceiling) == (D("0.025"), D("0.180"))
    assert rules.loan.late_rate == D("0.200")
    assert rules.loan.interest_free_days == 30
    assert rules.loan.due_days == (5, 15, 25, MONTH_END)
    assert rules.loan.promise_days_after_due == 14
    assert rules.hours.all_weekly == (WeeklyWindow(MONDAY, time(0), MONDAY, time(7)),)
    assert rules.hours.all_yearly == (YearlyWindow((1, 1, time(0)), (1, 2, time(7))),)
    assert rules.hours.repayment_weekly == (WeeklyWindow(SUNDAY, time(23), MONDAY, time(0)),)
    assert rules.hours.repayment_monthly == (MonthlyWindow(3, SUNDAY, time(0), time(6)),)
    assert set(rules.business_days.closed_days) == {(12, 31), (1, 1), (1, 2), (1, 3)}
    assert rules.business_days.holiday_country == "JP"
    transfer = rules.transfer
    assert {code for code, _ in transfer.instant_banks} == {"0009", "0033", "0005", "9900"}
    assert transfer.stops_of("0009") == (WeeklyWindow(SUNDAY, time(21), MONDAY, time(7)),)
    assert transfer.stops_of("0033") == ()
    assert transfer.stops_of("0001") is None
    assert transfer.instant_seconds == 10
    assert (transfer.same_day_from, transfer.same_day_until, transfer.morning_arrival) == (
        time(9),
        time(14, 50),
        time(9, 30),
    )


def test_the_calendar_follows_changed_rules() -> None:
    transfer = replace(
        TransferRules(), instant_banks=(), same_day_until=time(15), morning_arrival=time(10)
    )
    calendar = ServiceCalendar(Rules(transfer=transfer))
    at = datetime(2026, 11, 24, 14, 55, tzinfo=TOKYO)
    assert calendar.arrival("0001", at) == Arrival(at + timedelta(seconds=10), immediate=True)
    # 0033 is no longer a 24-hour bank: a Sunday transfer waits for Monday 10:00
    assert calendar.arrival("0033", datetime(2026, 11, 29, 12, tzinfo=TOKYO)) == Arrival(
        datetime(2026, 11, 30, 10, tzinfo=TOKYO), immediate=False
    )
