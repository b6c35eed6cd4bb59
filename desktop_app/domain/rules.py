"""Every number of the service in one configuration, with the DOMAIN.md defaults.

An operator changes these, not the code. ``DEFAULT_RULES`` is what the demo runs on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time, timedelta
from decimal import Decimal

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
MONTH_END = 31  # the due day "month-end" is stored as 31


@dataclass(frozen=True)
class WeeklyWindow:
    """A stop that recurs every week: from ``start_day`` ``start`` to ``end_day`` ``end``
    (days are 0 = Monday … 6 = Sunday; the end is exclusive and may fall on a later day)."""

    start_day: int
    start: time
    end_day: int
    end: time


@dataclass(frozen=True)
class MonthlyWindow:
    """A stop on the ``nth`` given weekday of every month, from ``start`` to ``end``."""

    nth: int
    weekday: int
    start: time
    end: time


@dataclass(frozen=True)
class YearlyWindow:
    """A stop from (month, day, time) to (month, day, time) every year (not across 31 Dec)."""

    start: tuple[int, int, time]
    end: tuple[int, int, time]


@dataclass(frozen=True)
class ServiceHours:
    """When the services stop (DOMAIN.md §2). Internet repayment also stops when all do."""

    all_weekly: tuple[WeeklyWindow, ...] = (WeeklyWindow(MONDAY, time(0), MONDAY, time(7)),)
    all_yearly: tuple[YearlyWindow, ...] = (YearlyWindow((1, 1, time(0)), (1, 2, time(7))),)
    repayment_weekly: tuple[WeeklyWindow, ...] = (WeeklyWindow(SUNDAY, time(23), MONDAY, time(0)),)
    repayment_monthly: tuple[MonthlyWindow, ...] = (MonthlyWindow(3, SUNDAY, time(0), time(6)),)


@dataclass(frozen=True)
class BusinessDays:
    """Business days exclude weekends, Japanese public holidays and these (month, day)s."""

    closed_days: tuple[tuple[int, int], ...] = ((12, 31), (1, 1), (1, 2), (1, 3))
    holiday_country: str = "JP"


@dataclass(frozen=True)
class TransferRules:
    """When money borrowed by internet transfer arrives (DOMAIN.md §3)."""

    # 24-hour banks and their own stop windows
    instant_banks: tuple[tuple[str, tuple[WeeklyWindow, ...]], ...] = (
        ("0009", (WeeklyWindow(SUNDAY, time(21), MONDAY, time(7)),)),
        ("0033", ()),
        ("0005", ()),
        ("9900", ()),
    )
    instant_seconds: int = 10
    # every other bank
    same_day_from: time = time(9, 0)
    same_day_until: time = time(14, 50)  # exclusive: 14:50 itself is next business day
    morning_arrival: time = time(9, 30)

    def stops_of(self, bank_code: str) -> tuple[WeeklyWindow, ...] | None:
        """The stop windows of a 24-hour bank, or ``None`` for a bank that is not one."""
        return next((stops for code, stops in self.instant_banks if code == bank_code), None)


@dataclass(frozen=True)
class LoanRules:
    """Borrowing, interest and repayment (DOMAIN.md §3–§5)."""

    borrow_unit: int = 1_000
    borrow_minimum: int = 1_000
    repay_minimum: int = 1_000
    rate_floor: Decimal = Decimal("0.025")
    rate_ceiling: Decimal = Decimal("0.180")
    # 利息制限法: (credit limit below, cap); the last cap applies from there up
    legal_caps: tuple[tuple[int | None, Decimal], ...] = (
        (100_000, Decimal("0.20")),
        (1_000_000, Decimal("0.18")),
        (None, Decimal("0.15")),
    )
    late_rate: Decimal = Decimal("0.200")
    interest_free_days: int = 30
    # (principal up to and including, rate); the last tier has no upper bound
    minimum_payment_tiers: tuple[tuple[int | None, Decimal], ...] = (
        (300_000, Decimal("0.0361")),
        (1_000_000, Decimal("0.0253")),
        (None, Decimal("0.0199")),
    )
    minimum_payment_rounding: int = 1_000
    due_days: tuple[int, ...] = (5, 15, 25, MONTH_END)
    promise_days_after_due: int = 14


@dataclass(frozen=True)
class CodeRules:
    """Confirmation codes (DOMAIN.md §1): how long one lives and how often codes may be asked
    for and guessed. Requests are limited per member and per identifier; a Tokyo calendar
    day is "a day"."""

    validity: timedelta = timedelta(minutes=10)
    tries: int = 5  # wrong entries that kill one code
    request_interval: timedelta = timedelta(minutes=1)
    requests_per_day: int = 5
    wrong_tries_per_day: int = 10  # per member, across codes


@dataclass(frozen=True)
class SessionRules:
    """How long a signed-in session lives (DOMAIN.md §1): it ends after ``idle`` without a
    call, and ``absolute`` after the sign-in however busy it was."""

    idle: timedelta = timedelta(minutes=15)
    absolute: timedelta = timedelta(hours=12)


@dataclass(frozen=True)
class LockoutRules:
    """Wrong secrets that lock a credential (DOMAIN.md §1): a card after
    ``card_pins_per_day`` wrong PINs on one Tokyo day (staff unlock it), a Web-ID after
    ``web_passwords`` wrong passwords in a row (a password reset unlocks it)."""

    card_pins_per_day: int = 3
    web_passwords: int = 5


@dataclass(frozen=True)
class ThrottleRules:
    """Sign-in attempts a member server admits per ``window``, counted in the database so
    every worker shares the count (refused with the seconds to wait).

    Per identifier (a card number or Web-ID, right or wrong): 10. The lockouts above already
    stop guessing one member's secret; this slows spraying many guesses at one identifier
    from many addresses, while a member who mistypes a few times is never held up.
    Per client address: 60, i.e. one attempt every 5 seconds on average: a branch's kiosks
    or an office behind one NAT address sign several members in without waiting, while one
    address trying card numbers is held to some 17,000 attempts a day instead of millions.
    """

    window: timedelta = timedelta(minutes=5)
    per_address: int = 60
    per_identifier: int = 10


@dataclass(frozen=True)
class ProfileRules:
    """Changing the registered details (DOMAIN.md §1, §5): one-time codes of ``change_code_digits``
    digits (with ``CodeRules``' validity, tries and limits), a due-day change that may not put
    the next due date more than ``due_day_max_days_after_payment`` days after the last
    payment, automatic debit that keeps any due day only at ``auto_debit_any_day_banks`` and is
    fixed to ``auto_debit_fixed_day`` elsewhere, and reminder emails ``reminder_days`` before
    the due date (first, last)."""

    change_code_digits: int = 4
    due_day_max_days_after_payment: int = 35
    auto_debit_any_day_banks: tuple[str, ...] = ("0009", "0033")
    auto_debit_fixed_day: int = 5
    reminder_days: tuple[int, int] = (1, 7)
    report_move_within_days: int = 14  # the member's duty to report a move (貸金業法)


@dataclass(frozen=True)
class Rules:
    loan: LoanRules = field(default_factory=LoanRules)
    codes: CodeRules = field(default_factory=CodeRules)
    hours: ServiceHours = field(default_factory=ServiceHours)
    business_days: BusinessDays = field(default_factory=BusinessDays)
    transfer: TransferRules = field(default_factory=TransferRules)
    sessions: SessionRules = field(default_factory=SessionRules)
    lockout: LockoutRules = field(default_factory=LockoutRules)
    throttle: ThrottleRules = field(default_factory=ThrottleRules)
    profile: ProfileRules = field(default_factory=ProfileRules)


DEFAULT_RULES = Rules()
