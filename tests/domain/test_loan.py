"""Loan rules (DOMAIN.md §4, §5): interest, late damages, minimum payment, due dates."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import loan
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import MONTH_END

RATE = Decimal("0.180")


def test_interest_check_value_of_the_domain() -> None:
    # 100,000 yen at 17.8 % for 30 days = 1,463 yen
    assert loan.simple_interest(100_000, Decimal("0.178"), date(2026, 4, 1), date(2026, 5, 1)) == (
        1_463
    )


def test_late_damages_check_value_of_the_domain() -> None:
    # 200,000 yen for 10 days at 20 % = floor(1,095.89)
    accrual = loan.accrue(
        200_000,
        RATE,
        date(2026, 11, 10),
        date(2026, 11, 20),
        overdue_after=date(2026, 11, 10),
        rules=loan.DEFAULT_RULES,
    )
    assert accrual == loan.Accrual(interest=0, damages=1_095)


def test_days_are_counted_one_end_only() -> None:
    day = date(2026, 11, 10)
    assert loan.simple_interest(100_000, RATE, day, day) == 0
    assert loan.simple_interest(100_000, RATE, day, day + timedelta(days=1)) == 49  # 49.31


def test_a_period_across_new_year_splits_365_and_366() -> None:
    # 2027-12-21 → 2027-12-31: 10 days / 365; 2027-12-31 → 2028-01-10: 10 days / 366.
    assert loan.simple_interest(100_000, RATE, date(2027, 12, 21), date(2027, 12, 31)) == 493
    assert loan.simple_interest(100_000, RATE, date(2027, 12, 31), date(2028, 1, 10)) == 491
    assert loan.simple_interest(100_000, RATE, date(2027, 12, 21), date(2028, 1, 10)) == 493 + 491
    # A whole leap year is the rate itself.
    assert loan.simple_interest(100_000, RATE, date(2027, 12, 31), date(2028, 12, 31)) == 18_000


def test_interest_then_damages_after_the_due_date() -> None:
    accrual = loan.accrue(
        250_000,
        RATE,
        date(2026, 10, 15),
        date(2026, 11, 24),
        overdue_after=date(2026, 11, 19),
        rules=loan.DEFAULT_RULES,
    )
    assert accrual == loan.Accrual(interest=4_315, damages=684)


def test_interest_free_days() -> None:
    borrowed = date(2026, 11, 10)
    free_until = loan.interest_free_until(borrowed, loan.DEFAULT_RULES)
    assert free_until == date(2026, 12, 10)
    assert (
        loan.accrue(
            100_000, RATE, borrowed, free_until, free_until=free_until, rules=loan.DEFAULT_RULES
        ).interest
        == 0
    )
    assert (
        loan.accrue(
            100_000,
            RATE,
            borrowed,
            date(2026, 12, 14),
            free_until=free_until,
            rules=loan.DEFAULT_RULES,
        ).interest
        == 197
    )


@pytest.mark.parametrize(
    ("principal", "minimum"),
    [
        (10_000, 1_000),
        (50_000, 2_000),
        (100_000, 4_000),
        (300_000, 11_000),
        (400_000, 11_000),
        (500_000, 13_000),
        (1_000_000, 26_000),
        (2_000_000, 40_000),
        (0, 0),
    ],
)
def test_minimum_payment_table(principal: int, minimum: int) -> None:
    assert loan.minimum_payment(principal, loan.DEFAULT_RULES) == minimum


@pytest.mark.parametrize(
    ("due_day", "borrowed", "first_due"),
    [
        (5, date(2026, 11, 19), date(2026, 12, 5)),
        (5, date(2026, 11, 20), date(2027, 1, 5)),
        (15, date(2026, 11, 30), date(2026, 12, 15)),
        (25, date(2026, 11, 9), date(2026, 11, 25)),
        (25, date(2026, 11, 10), date(2026, 12, 25)),
        (MONTH_END, date(2026, 2, 14), date(2026, 2, 28)),
        (MONTH_END, date(2026, 2, 15), date(2026, 3, 31)),
    ],
)
def test_first_due_date(due_day: int, borrowed: date, first_due: date) -> None:
    assert loan.first_due_date(due_day, borrowed) == first_due


def test_following_and_upcoming_due_dates() -> None:
    assert loan.following_due_date(MONTH_END, date(2027, 1, 31)) == date(2027, 2, 28)
    assert loan.following_due_date(5, date(2026, 12, 5)) == date(2027, 1, 5)
    assert loan.upcoming_due_date(25, date(2026, 11, 25)) == date(2026, 11, 25)
    assert loan.upcoming_due_date(25, date(2026, 11, 26)) == date(2026, 12, 25)


def test_allocation_pays_damages_then_interest_then_principal() -> None:
    assert loan.allocate(10_000, 684, 4_315, 250_000) == loan.Allocation(684, 4_315, 5_001)
    assert loan.allocate(500, 684, 4_315, 250_000) == loan.Allocation(500, 0, 0)
    with pytest.raises(AppError) as caught:
        loan.allocate(3, 1, 1, 0)
    assert caught.value == AppError(ErrorCode.AMOUNT_OVER_PAYOFF, payoff=2)


def test_borrow_and_repay_amount_checks() -> None:
    loan.check_borrow_amount(380_000, 380_000, loan.DEFAULT_RULES)
    for amount, code in (
        (500, ErrorCode.AMOUNT_BELOW_MINIMUM),
        (1_500, ErrorCode.AMOUNT_NOT_THOUSANDS),
        (381_000, ErrorCode.AMOUNT_OVER_AVAILABLE),
    ):
        with pytest.raises(AppError) as caught:
            loan.check_borrow_amount(amount, 380_000, loan.DEFAULT_RULES)
        assert caught.value.code is code
    loan.check_repay_amount(500, 500, loan.DEFAULT_RULES)  # the payoff when it is below 1,000
    for amount, payoff, code in (
        (1_000, 0, ErrorCode.NOTHING_TO_REPAY),
        (999, 5_000, ErrorCode.AMOUNT_BELOW_MINIMUM),
        (5_001, 5_000, ErrorCode.AMOUNT_OVER_PAYOFF),
    ):
        with pytest.raises(AppError) as caught:
            loan.check_repay_amount(amount, payoff, loan.DEFAULT_RULES)
        assert caught.value.code is code


def test_overdue() -> None:
    due = date(2026, 11, 19)
    assert loan.is_overdue(250_000, due, 0, 10_000, date(2026, 11, 20))
    assert not loan.is_overdue(250_000, due, 0, 10_000, due)
    assert not loan.is_overdue(250_000, due, 10_000, 10_000, date(2026, 11, 20))
    assert not loan.is_overdue(0, due, 0, 10_000, date(2026, 11, 20))
    assert not loan.is_overdue(250_000, None, 0, 10_000, date(2026, 11, 20))


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@given(
    principal=st.integers(min_value=0, max_value=10_000_000),
    start=days,
    middle=st.integers(min_value=0, max_value=800),
    rest=st.integers(min_value=0, max_value=800),
)
def test_interest_is_additive_up_to_a_yen_per_piece(
    principal: int, start: date, middle: int, rest: int
) -> None:
    split = start + timedelta(days=middle)
    end = split + timedelta(days=rest)
    whole = loan.simple_interest(principal, RATE, start, end)
    parts = loan.simple_interest(principal, RATE, start, split) + loan.simple_interest(
        principal, RATE, split, end
    )
    assert 0 <= whole - parts <= 3  # each piece floors (a piece may span two years)


@given(principal=st.integers(min_value=1, max_value=100_000_000))
def test_minimum_payment_is_whole_thousands_and_never_zero(principal: int) -> None:
    minimum = loan.minimum_payment(principal, loan.DEFAULT_RULES)
    assert minimum % 1_000 == 0
    assert 1_000 <= minimum <= max(1_000, principal)


@given(due_day=st.sampled_from(loan.DEFAULT_RULES.due_days), borrowed=days)
def test_first_due_date_is_after_borrowing_and_on_the_due_day(due_day: int, borrowed: date) -> None:
    first = loan.first_due_date(due_day, borrowed)
    assert borrowed < first <= borrowed + timedelta(days=62)
    following = loan.following_due_date(due_day, first)
    assert 28 <= (following - first).days <= 31


def test_late_damages_run_even_inside_the_interest_free_period() -> None:
    # Borrowed 11-30 (free until 12-30), due 12-15 unpaid: 5 days of damages at 20 %.
    accrual = loan.accrue(
        100_000,
        Decimal("0.18"),
        date(2026, 11, 30),
        date(2026, 12, 20),
        overdue_after=date(2026, 12, 15),
        free_until=date(2026, 12, 30),
        rules=loan.DEFAULT_RULES,
    )
    assert (accrual.interest, accrual.damages) == (0, 273)
