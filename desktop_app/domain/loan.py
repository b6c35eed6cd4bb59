"""Loan rules, first slice (DOMAIN.md §3–§5): interest, late damages, minimum payment,
due dates, allocation. Pure functions of ``int`` yen, ``Decimal`` rates and ``date``s.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import LoanRules

DEFAULT_RULES = LoanRules()  # the defaults of DOMAIN.md; every function below is given the
# rules it applies (a store's own, or a client's from the store's terms): none defaults to these


def _year_days(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def simple_interest(principal: int, rate: Decimal, start: date, end: date) -> int:
    """Interest from ``start`` (not charged) to ``end`` (charged), 片端入れ.

    Days in a leap year are divided by 366, others by 365; each year's part is floored.
    """
    if principal <= 0 or end <= start:
        return 0
    total = 0
    cursor = start
    while cursor < end:
        year_end = date(cursor.year, 12, 31)
        stop = min(end, year_end)
        days = (stop - cursor).days
        if days == 0:  # cursor is 31 December: the next charged day is in the next year
            stop = min(end, date(cursor.year + 1, 12, 31))
            days = (stop - cursor).days
            year = cursor.year + 1
        else:
            year = cursor.year
        total += _floor(Decimal(principal) * rate * days / _year_days(year))
        cursor = stop
    return total


def _floor(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


@dataclass(frozen=True)
class Accrual:
    interest: int
    damages: int


def accrue(
    principal: int,
    rate: Decimal,
    start: date,
    end: date,
    *,
    overdue_after: date | None = None,
    free_until: date | None = None,
    rules: LoanRules,
) -> Accrual:
    """Interest and late damages for the days after ``start`` up to ``end``.

    Days after ``overdue_after`` (an unpaid due date) are charged late damages at
    ``rules.late_rate`` instead of the contract rate, even inside an interest-free period
    (damages are not interest). Other days up to ``free_until`` are interest-free.
    """
    if end <= start or principal <= 0:
        return Accrual(0, 0)
    contract_end = end
    damages = 0
    if overdue_after is not None and overdue_after < end:
        contract_end = max(start, overdue_after)
        damages = simple_interest(principal, rules.late_rate, contract_end, end)
    contract_start = start
    if free_until is not None:
        contract_start = min(max(start, free_until), contract_end)
    interest = simple_interest(principal, rate, contract_start, contract_end)
    return Accrual(interest, damages)


def legal_rate_cap(credit_limit: int, rules: LoanRules) -> Decimal:
    """利息制限法's cap for a credit limit: 20% under 100,000, 18% under 1,000,000, else 15%."""
    for below, cap in rules.legal_caps:
        if below is None or credit_limit < below:
            return cap
    raise AssertionError("the last cap has no bound")  # pragma: no cover


def check_rate(credit_limit: int, rate: Decimal, rules: LoanRules) -> None:
    """Refuse a contract rate outside the product's range or above the legal cap."""
    cap = min(legal_rate_cap(credit_limit, rules), rules.rate_ceiling)
    if not rules.rate_floor <= rate <= cap:
        raise AppError(ErrorCode.RATE_OUT_OF_RANGE, rate=rate, cap=cap)


def minimum_payment(principal_after_borrowing: int, rules: LoanRules) -> int:
    """The monthly minimum fixed at the most recent borrowing, rounded up to 1,000 yen."""
    if principal_after_borrowing <= 0:
        return 0
    for ceiling, rate in rules.minimum_payment_tiers:
        if ceiling is None or principal_after_borrowing <= ceiling:
            unit = rules.minimum_payment_rounding
            units = (Decimal(principal_after_borrowing) * rate / unit).to_integral_value(
                rounding=ROUND_CEILING
            )
            return int(units) * unit
    raise AssertionError("the last tier has no ceiling")  # pragma: no cover


def due_date_in(year: int, month: int, due_day: int) -> date:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(due_day, last))


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def first_due_date(due_day: int, borrowed_on: date) -> date:
    """The first due date after a first borrowing (DOMAIN.md §5)."""
    day = borrowed_on.day
    if due_day == 5:
        months = 1 if day <= 19 else 2
    elif due_day == 15:
        months = 1
    elif due_day == 25:
        months = 0 if day <= 9 else 1
    else:
        months = 0 if day <= 14 else 1
    year, month = _add_months(borrowed_on.year, borrowed_on.month, months)
    return due_date_in(year, month, due_day)


def following_due_date(due_day: int, due: date) -> date:
    """The due date of the month after ``due``."""
    year, month = _add_months(due.year, due.month, 1)
    return due_date_in(year, month, due_day)


def upcoming_due_date(due_day: int, on: date) -> date:
    """The first due date on or after ``on``."""
    candidate = due_date_in(on.year, on.month, due_day)
    return candidate if candidate >= on else following_due_date(due_day, candidate)


def interest_free_until(first_borrowed_on: date, rules: LoanRules) -> date:
    return first_borrowed_on + timedelta(days=rules.interest_free_days)


@dataclass(frozen=True)
class Allocation:
    to_damages: int
    to_interest: int
    to_principal: int


def allocate(amount: int, damages: int, interest: int, principal: int) -> Allocation:
    """Late damages first, then interest, then principal."""
    if amount > damages + interest + principal:
        raise AppError(ErrorCode.AMOUNT_OVER_PAYOFF, payoff=damages + interest + principal)
    to_damages = min(amount, damages)
    to_interest = min(amount - to_damages, interest)
    return Allocation(to_damages, to_interest, amount - to_damages - to_interest)


def total_volume_limit(annual_income: int, other_debts: int) -> int:
    """総量規制: borrowing from all lenders at most one third of the annual income, so the
    largest limit here is a third of the income less the other lenders' balances."""
    return max(0, annual_income // 3 - max(0, other_debts))


def income_certificate_required(requested_limit: int, other_debts: int) -> bool:
    """An income certificate is needed above 500,000 yen here or 1,000,000 yen in total."""
    return requested_limit > 500_000 or requested_limit + max(0, other_debts) > 1_000_000


def latest_promise_date(due_date: date, rules: LoanRules) -> date:
    """The latest day an overdue member may promise to pay (14 days after the due date)."""
    return due_date + timedelta(days=rules.promise_days_after_due)


def check_borrow_amount(amount: int, available: int, rules: LoanRules) -> None:
    """Raise unless ``amount`` is at least the minimum, a whole multiple of the unit (1,000
    by default) and within the available amount."""
    if amount < rules.borrow_minimum:
        raise AppError(ErrorCode.AMOUNT_BELOW_MINIMUM, minimum=rules.borrow_minimum)
    if amount % rules.borrow_unit:
        raise AppError(ErrorCode.AMOUNT_NOT_THOUSANDS, unit=rules.borrow_unit)
    if amount > available:
        raise AppError(ErrorCode.AMOUNT_OVER_AVAILABLE, available=available)


def check_repay_amount(amount: int, payoff: int, rules: LoanRules) -> None:
    """Raise unless ``amount`` is at least the repayment minimum (or the payoff if smaller)
    and within it."""
    if payoff <= 0:
        raise AppError(ErrorCode.NOTHING_TO_REPAY)
    if amount > payoff:
        raise AppError(ErrorCode.AMOUNT_OVER_PAYOFF, payoff=payoff)
    minimum = min(rules.repay_minimum, payoff)
    if amount < minimum:
        raise AppError(ErrorCode.AMOUNT_BELOW_MINIMUM, minimum=minimum)


def is_overdue(
    principal: int,
    next_due_date: date | None,
    paid_this_cycle: int,
    minimum_payment: int,
    today: date,
) -> bool:
    """延滞: past the due date with less than this cycle's minimum paid and a balance left."""
    return (
        principal > 0
        and next_due_date is not None
        and today > next_due_date
        and paid_this_cycle < minimum_payment
    )
