"""Repayment simulation: from today's balance, a month-by-month schedule paying a chosen
monthly amount, or the amount that clears the debt in a chosen number of months."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop_app.domain.calendar import ServiceCalendar
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.loan import following_due_date, simple_interest, upcoming_due_date

MAX_MONTHS = 600  # 50 years: a schedule longer than this does not clear the debt


@dataclass(frozen=True)
class ScheduleRow:
    number: int
    day: date  # the (business-day) payment date
    payment: int
    interest: int
    principal: int
    remaining: int


@dataclass(frozen=True)
class Schedule:
    rows: tuple[ScheduleRow, ...]

    @property
    def payments(self) -> int:
        return len(self.rows)

    @property
    def total_payment(self) -> int:
        return sum(row.payment for row in self.rows)

    @property
    def total_interest(self) -> int:
        return sum(row.interest for row in self.rows)


@dataclass(frozen=True)
class Debt:
    """Where the member stands today."""

    principal: int
    rate: Decimal
    today: date
    due_day: int
    unpaid_interest: int = 0  # interest (and late damages) already owed today
    interest_free_until: date | None = None
    first_due: date | None = None  # the next due date, when the account already has one


def _payment_days(debt: Debt, calendar: ServiceCalendar) -> list[tuple[date, date]]:
    """(nominal, effective) due dates, month by month, from the next one."""
    nominal = debt.first_due or upcoming_due_date(debt.due_day, debt.today)
    days = []
    for _ in range(MAX_MONTHS):
        days.append((nominal, max(calendar.effective_due_date(nominal), debt.today)))
        nominal = following_due_date(debt.due_day, nominal)
    return days


def by_monthly_amount(debt: Debt, monthly: int, calendar: ServiceCalendar) -> Schedule:
    """Pay ``monthly`` yen (the last payment less) on every due date until nothing is left.

    Raises SIMULATION_NEVER_CLEARS, with the smallest monthly amount that does clear the debt
    (within ``MAX_MONTHS`` payments), when ``monthly`` does not.
    """
    if debt.principal <= 0 and debt.unpaid_interest <= 0:
        return Schedule(())
    days = _payment_days(debt, calendar)
    schedule = _simulate(debt, monthly, days)
    if schedule is not None:
        return schedule
    # The smallest amount that clears: clearing is monotone in the amount, and paying the
    # first due date's whole payoff clears at once.
    low, high = max(monthly, 0) + 1, _first_payoff(debt, days)
    while low < high:
        middle = (low + high) // 2
        if _simulate(debt, middle, days) is None:
            low = middle + 1
        else:
            high = middle
    raise AppError(ErrorCode.SIMULATION_NEVER_CLEARS, minimum=low)


def _simulate(debt: Debt, monthly: int, days: list[tuple[date, date]]) -> Schedule | None:
    """The schedule paying ``monthly``, or ``None`` when it does not clear the debt."""
    if monthly <= 0:
        return None
    remaining, carried = debt.principal, debt.unpaid_interest
    previous = debt.today
    rows: list[ScheduleRow] = []
    for number, (_nominal, day) in enumerate(days, start=1):
        interest = carried + _interest(debt, remaining, previous, day)
        payment = min(monthly, remaining + interest)
        if payment <= interest and remaining > 0:
            return None  # the principal never goes down
        to_interest = min(payment, interest)  # interest first, as a real payment would
        carried = interest - to_interest
        principal_part = payment - to_interest
        remaining -= principal_part
        rows.append(ScheduleRow(number, day, payment, to_interest, principal_part, remaining))
        previous = day
        if remaining == 0 and carried == 0:
            return Schedule(tuple(rows))
    return None


def _interest(debt: Debt, principal: int, previous: date, day: date) -> int:
    start = previous
    if debt.interest_free_until is not None:
        start = max(start, min(debt.interest_free_until, day))
    return simple_interest(principal, debt.rate, start, day)


def _first_payoff(debt: Debt, days: list[tuple[date, date]]) -> int:
    """Everything owed on the first due date: one payment of it clears the debt."""
    return (
        debt.principal
        + debt.unpaid_interest
        + _interest(debt, debt.principal, debt.today, days[0][1])
    )


def by_months(debt: Debt, months: int, calendar: ServiceCalendar) -> Schedule:
    """The smallest whole-yen monthly amount that clears the debt in ``months`` payments."""
    if not 1 <= months <= MAX_MONTHS:
        raise AppError(ErrorCode.AMOUNT_INVALID)
    if debt.principal <= 0 and debt.unpaid_interest <= 0:
        return Schedule(())
    days = _payment_days(debt, calendar)
    low, high = 1, _first_payoff(debt, days)
    best: Schedule | None = None
    while low <= high:
        middle = (low + high) // 2
        schedule = _simulate(debt, middle, days)
        if schedule is not None and schedule.payments <= months:
            best, high = schedule, middle - 1
        else:
            low = middle + 1
    assert best is not None  # the upper bound pays everything on the first due date
    return best
