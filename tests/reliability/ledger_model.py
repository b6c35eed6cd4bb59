"""A small pure model of one member's ledger, written from DOMAIN.md §3–§5 alone (not the
store's code): interest by actual days / 365 (366 in a leap year), floored per period and
year, periods breaking at every booking; the first-borrowing interest-free days; late
damages at 20% after an unpaid due date; the minimum payment table; the due date moving
to the next business day and on to the next month once this cycle's minimum is paid."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import holidays

LATE_RATE = Decimal("0.200")
FREE_DAYS = 30
_JAPAN = holidays.country_holidays("JP", years=range(2026, 2032))


class Refused(Exception):
    """The model refuses: ``code`` is the ``ErrorCode`` value the store should answer."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def business_day(day: date) -> bool:
    if day.weekday() >= 5 or (day.month, day.day) in ((12, 31), (1, 1), (1, 2), (1, 3)):
        return False
    return day not in _JAPAN


def pay_by(due: date | None) -> date | None:
    """The day a member must pay by: a due date on a non-business day moves on."""
    if due is None:
        return None
    while not business_day(due):
        due += timedelta(days=1)
    return due


def charged(principal: int, rate: Decimal, start: date, end: date) -> int:
    """Days after ``start`` up to ``end`` (片端入れ), each calendar year's part floored."""
    total = 0
    by_year: dict[int, int] = {}
    day = start + timedelta(days=1)
    while day <= end:
        by_year[day.year] = by_year.get(day.year, 0) + 1
        day += timedelta(days=1)
    for year, days in by_year.items():
        year_days = 366 if calendar.isleap(year) else 365
        total += int((principal * rate * days / year_days).to_integral_value(ROUND_FLOOR))
    return total


def month_due(year: int, month: int, due_day: int) -> date:
    return date(year, month, min(due_day, calendar.monthrange(year, month)[1]))


def months_on(day: date, months: int, due_day: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return month_due(index // 12, index % 12 + 1, due_day)


def first_due(due_day: int, borrowed: date) -> date:
    if due_day == 5:
        months = 1 if borrowed.day <= 19 else 2
    elif due_day == 15:
        months = 1
    elif due_day == 25:
        months = 0 if borrowed.day <= 9 else 1
    else:
        months = 0 if borrowed.day <= 14 else 1
    return months_on(borrowed, months, due_day)


def minimum_for(principal: int) -> int:
    if principal <= 0:
        return 0
    share = Decimal("0.0361") if principal <= 300_000 else Decimal("0.0253")
    if principal > 1_000_000:
        share = Decimal("0.0199")
    return int((principal * share / 1000).to_integral_value(ROUND_CEILING)) * 1000


@dataclass(frozen=True)
class Ledger:
    credit_limit: int
    rate: Decimal
    due_day: int
    free_eligible: bool
    principal: int = 0
    interest: int = 0  # unpaid, booked
    damages: int = 0
    accrued_to: date | None = None
    minimum: int = 0
    due: date | None = None  # the nominal next due date
    paid: int = 0  # this cycle
    first_borrowed: date | None = None
    free_until: date | None = None
    last_move: date | None = None  # the last borrowing or repayment
    promised: date | None = None  # 返済の約束 of an overdue member

    def overdue(self, today: date) -> bool:
        by = pay_by(self.due)
        return self.principal > 0 and by is not None and today > by and self.paid < self.minimum

    def accrual(self, today: date) -> tuple[int, int]:
        start = self.accrued_to
        if start is None or self.principal <= 0 or today <= start:
            return 0, 0
        contract_end, damages = today, 0
        if self.overdue(today):
            by = pay_by(self.due)
            assert by is not None
            contract_end = max(start, by)
            damages = charged(self.principal, LATE_RATE, contract_end, today)
        contract_start = start
        if self.free_until is not None:
            contract_start = min(max(start, self.free_until), contract_end)
        return charged(self.principal, self.rate, contract_start, contract_end), damages

    def booked(self, today: date) -> Ledger:
        interest, damages = self.accrual(today)
        return replace(
            self,
            interest=self.interest + interest,
            damages=self.damages + damages,
            accrued_to=today if self.accrued_to is None else max(self.accrued_to, today),
        )

    def payoff(self, today: date) -> int:
        interest, damages = self.accrual(today)
        return self.principal + self.interest + self.damages + interest + damages

    def available(self) -> int:
        return max(0, self.credit_limit - self.principal)

    # ---------------------------------------------------------------- movements

    def borrow(self, amount: int, today: date) -> Ledger:
        now = self.booked(today)
        if now.overdue(today):
            raise Refused("borrow_blocked_overdue")
        if amount < 1_000:
            raise Refused("amount_below_minimum")
        if amount % 1_000:
            raise Refused("amount_not_thousands")
        if amount > now.available():
            raise Refused("amount_over_available")
        new_cycle = now.principal == 0
        principal = now.principal + amount
        changes: dict[str, object] = {"principal": principal, "minimum": minimum_for(principal)}
        if now.first_borrowed is None:
            changes["first_borrowed"] = today
            if now.free_eligible:
                changes["free_until"] = today + timedelta(days=FREE_DAYS)
        if new_cycle or now.due is None:
            changes["due"] = first_due(now.due_day, today)
            changes["paid"] = 0
        changes["last_move"] = today
        return replace(now, **changes).settled(today)  # type: ignore[arg-type]

    def settled(self, today: date) -> Ledger:
        """A promise lapses once the account is no longer overdue."""
        return self if self.overdue(today) else replace(self, promised=None)

    def promise(self, day: date, today: date) -> Ledger:
        by = pay_by(self.due)
        if by is None or not self.overdue(today):
            raise Refused("promise_not_overdue")
        if not today <= day <= by + timedelta(days=14):
            raise Refused("promise_date_out_of_range")
        return replace(self, promised=day)

    def change_due_day(self, day: int, today: date) -> Ledger:
        if day == self.due_day:
            raise Refused("nothing_changed")
        if self.due is None:
            return replace(self, due_day=day)
        start = max(today, self.due) if self.paid >= self.minimum else today
        new_due = month_due(start.year, start.month, day)
        if new_due <= start:
            new_due = months_on(start, 1, day)
        if self.last_move is not None and new_due > self.last_move + timedelta(days=35):
            raise Refused("due_day_too_late")
        return replace(self, due_day=day, due=new_due)

    def next_amount(self, today: date) -> int:
        return min(max(0, self.minimum - self.paid), self.payoff(today))

    def repay(self, amount: int, today: date) -> tuple[Ledger, tuple[int, int, int]]:
        now = self.booked(today)
        owed = now.principal + now.interest + now.damages
        if owed <= 0:
            raise Refused("nothing_to_repay")
        if amount > owed:
            raise Refused("amount_over_payoff")
        if amount < min(1_000, owed):
            raise Refused("amount_below_minimum")
        to_damages = min(amount, now.damages)
        to_interest = min(amount - to_damages, now.interest)
        to_principal = amount - to_damages - to_interest
        after = replace(
            now,
            damages=now.damages - to_damages,
            interest=now.interest - to_interest,
            principal=now.principal - to_principal,
            paid=now.paid + amount,
            last_move=today,
        )
        if after.principal == 0 and after.interest == 0 and after.damages == 0:
            after = replace(after, due=None, minimum=0, paid=0)
        elif after.due is not None and after.paid >= after.minimum:
            after = replace(after, due=months_on(after.due, 1, after.due_day), paid=0)
        return after.settled(today), (to_damages, to_interest, to_principal)
