"""Properties of the domain rules, checked against small independent restatements of
DOMAIN.md §2–§5 (not against the code's own helpers)."""

from __future__ import annotations

import calendar as cal
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import loan
from desktop_app.domain.calendar import Service, ServiceCalendar
from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import DEFAULT_RULES, MonthlyWindow, WeeklyWindow, YearlyWindow
from desktop_app.domain.simulation import MAX_MONTHS, Debt, by_monthly_amount

CALENDAR = ServiceCalendar()
HOURS = DEFAULT_RULES.hours
TRANSFER = DEFAULT_RULES.transfer
TEN_SECONDS = timedelta(seconds=TRANSFER.instant_seconds)

# -- strategies ------------------------------------------------------------------------------

days = st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31))
rates = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("0.200"), places=3)
principals = st.integers(min_value=0, max_value=50_000_000)
# times near the edges of the rules, and any time at all
edge_times = st.sampled_from(
    [time(h, m, s) for h, m, s in ((0, 0, 0), (5, 59, 59), (6, 0, 0), (6, 59, 59), (7, 0, 0))]
    + [time(h, m, s) for h, m, s in ((8, 59, 59), (9, 0, 0), (9, 30, 0), (14, 49, 59))]
    + [time(h, m, s) for h, m, s in ((14, 50, 0), (20, 59, 59), (21, 0, 0), (22, 59, 59))]
    + [time(23, 0, 0), time(23, 59, 59)]
)
any_time = st.times()
instants = st.builds(
    lambda day, at: datetime.combine(day, at, TOKYO),
    st.dates(min_value=date(2026, 1, 1), max_value=date(2029, 12, 31)),
    st.one_of(edge_times, any_time),
)
banks = st.sampled_from(["0001", "0009", "0033", "0005", "9900", "0036", "0999"])


# -- independent restatements of the rules ----------------------------------------------------


def in_weekly(window: WeeklyWindow, at: datetime) -> bool:
    """By minutes into the week (Monday 0:00 = 0); a window may wrap past Sunday."""
    week = 7 * 24 * 60 * 60

    def seconds(day: int, clock: time) -> int:
        return day * 86_400 + clock.hour * 3_600 + clock.minute * 60 + clock.second

    now = seconds(at.weekday(), at.time()) + at.microsecond / 1e6
    start, end = seconds(window.start_day, window.start), seconds(window.end_day, window.end)
    if end <= start:
        end += week
    return start <= now < end or start <= now + week < end


def in_monthly(window: MonthlyWindow, at: datetime) -> bool:
    nth = (at.day - 1) // 7 + 1
    return (
        at.weekday() == window.weekday
        and nth == window.nth
        and window.start <= at.time() < window.end
    )


def in_yearly(window: YearlyWindow, at: datetime) -> bool:
    key = (at.month, at.day, at.time())
    return window.start <= key < window.end


def stopped(service: Service, at: datetime) -> bool:
    at = at.astimezone(TOKYO)
    weekly = list(HOURS.all_weekly)
    monthly: list[MonthlyWindow] = []
    if service is Service.REPAYMENT:
        weekly += HOURS.repayment_weekly
        monthly += HOURS.repayment_monthly
    return (
        any(in_weekly(w, at) for w in weekly)
        or any(in_monthly(w, at) for w in monthly)
        or any(in_yearly(w, at) for w in HOURS.all_yearly)
    )


def business_day(day: date) -> bool:
    return (
        day.weekday() < 5
        and (day.month, day.day) not in {(12, 31), (1, 1), (1, 2), (1, 3)}
        and day not in JP_HOLIDAYS
    )


JP_HOLIDAYS = holidays.country_holidays("JP", years=range(2025, 2032))


def reference_interest(principal: int, rate: Decimal, start: date, end: date) -> int:
    """Charged days are start+1 … end; each year's part over 365 or 366, floored apart."""
    by_year: dict[int, int] = {}
    day = start + timedelta(days=1)
    while day <= end:
        by_year[day.year] = by_year.get(day.year, 0) + 1
        day += timedelta(days=1)
    total = 0
    for year, count in by_year.items():
        length = 366 if cal.isleap(year) else 365
        total += int(Fraction(principal) * Fraction(rate) * count // length)
    return total


# -- interest --------------------------------------------------------------------------------


@given(principal=principals, rate=rates, start=days, length=st.integers(0, 800))
def test_simple_interest_matches_a_day_by_day_reference(
    principal: int, rate: Decimal, start: date, length: int
) -> None:
    end = start + timedelta(days=length)
    assert loan.simple_interest(principal, rate, start, end) == reference_interest(
        principal, rate, start, end
    )


@given(
    principal=principals,
    more=st.integers(0, 10_000_000),
    rate=rates,
    start=days,
    length=st.integers(0, 800),
    extra=st.integers(0, 400),
)
def test_simple_interest_never_decreases_with_more_days_or_principal(
    principal: int, more: int, rate: Decimal, start: date, length: int, extra: int
) -> None:
    end = start + timedelta(days=length)
    base = loan.simple_interest(principal, rate, start, end)
    assert base >= 0
    assert loan.simple_interest(principal, rate, start, end + timedelta(days=extra)) >= base
    assert loan.simple_interest(principal + more, rate, start, end) >= base
    assert loan.simple_interest(principal, rate, start - timedelta(days=extra), end) >= base


@given(
    principal=principals,
    rate=rates,
    start=days,
    cuts=st.lists(st.integers(0, 900), min_size=1, max_size=6),
)
def test_splitting_a_period_loses_at_most_a_yen_per_split(
    principal: int, rate: Decimal, start: date, cuts: list[int]
) -> None:
    """Floor additivity: with k split points S < d1 ≤ … ≤ dk < E,
    0 ≤ I(S, E) − Σ I(pieces) ≤ (number of split points that are not 31 December),
    because ⌊a + b⌋ − ⌊a⌋ − ⌊b⌋ ∈ {0, 1} and a split on 31 December only repeats the
    year break the whole period already has."""
    offsets = sorted(cuts)
    points = [start + timedelta(days=offset) for offset in offsets]
    end = points.pop()  # the last offset is the end; the rest are split points
    bounds = [start, *points, end]
    whole = loan.simple_interest(principal, rate, start, end)
    parts = sum(loan.simple_interest(principal, rate, a, b) for a, b in pairwise(bounds))
    inner_splits = sum(1 for p in points if (p.month, p.day) != (12, 31) and start < p < end)
    assert 0 <= whole - parts <= inner_splits


@given(principal=principals, rate=rates, year=st.integers(2025, 2030), span=st.integers(1, 3))
def test_splitting_on_31_december_changes_nothing(
    principal: int, rate: Decimal, year: int, span: int
) -> None:
    start, end = date(year - 1, 12, 31), date(year + span - 1, 12, 31)
    parts = sum(
        loan.simple_interest(principal, rate, date(y - 1, 12, 31), date(y, 12, 31))
        for y in range(year, year + span)
    )
    assert loan.simple_interest(principal, rate, start, end) == parts


@given(
    principal=st.integers(1, 10_000_000),
    rate=rates,
    start=days,
    length=st.integers(0, 120),
    due_offset=st.integers(-40, 160),
    free_offset=st.one_of(st.none(), st.integers(0, 60)),
)
def test_accrue_never_charges_more_than_all_days_at_the_higher_rate(
    principal: int,
    rate: Decimal,
    start: date,
    length: int,
    due_offset: int,
    free_offset: int | None,
) -> None:
    end = start + timedelta(days=length)
    due = start + timedelta(days=due_offset)
    free_until = None if free_offset is None else start + timedelta(days=free_offset)
    accrual = loan.accrue(
        principal,
        rate,
        start,
        end,
        overdue_after=due,
        free_until=free_until,
        rules=loan.DEFAULT_RULES,
    )
    assert accrual.interest >= 0 and accrual.damages >= 0
    higher = max(rate, DEFAULT_RULES.loan.late_rate)
    assert accrual.interest + accrual.damages <= loan.simple_interest(principal, higher, start, end)
    if due >= end:
        assert accrual.damages == 0
    if free_until is None and due >= end:
        assert accrual.interest == loan.simple_interest(principal, rate, start, end)
    if free_until is not None and free_until >= end:
        assert accrual.interest == 0


# -- allocation and repayment ----------------------------------------------------------------


@given(
    principal=st.integers(1_000, 5_000_000),
    rate=rates,
    start=days,
    events=st.lists(
        st.tuples(st.integers(0, 45), st.floats(0, 1), st.booleans()), min_size=1, max_size=12
    ),
)
def test_repayment_sequences_never_make_a_balance_negative(
    principal: int,
    rate: Decimal,
    start: date,
    events: list[tuple[int, float, bool]],
) -> None:
    """Accrue, then pay any share of the payoff (late some of the time); damages go first,
    then interest, then principal; nothing goes below zero and everything is accounted for."""
    day, interest, damages = start, 0, 0
    paid_total = 0
    owed_total = principal
    for elapsed, share, late in events:
        following = day + timedelta(days=elapsed)
        accrual = loan.accrue(
            principal,
            rate,
            day,
            following,
            overdue_after=day if late else None,
            rules=loan.DEFAULT_RULES,
        )
        interest += accrual.interest
        damages += accrual.damages
        owed_total += accrual.interest + accrual.damages
        day = following
        payoff = damages + interest + principal
        amount = int(payoff * share)
        allocation = loan.allocate(amount, damages, interest, principal)
        assert allocation.to_damages + allocation.to_interest + allocation.to_principal == amount
        assert 0 <= allocation.to_damages <= damages
        assert 0 <= allocation.to_interest <= interest
        assert 0 <= allocation.to_principal <= principal
        if allocation.to_interest:
            assert allocation.to_damages == damages
        if allocation.to_principal:
            assert allocation.to_interest == interest
        damages -= allocation.to_damages
        interest -= allocation.to_interest
        principal -= allocation.to_principal
        paid_total += amount
        assert min(damages, interest, principal) >= 0
        assert paid_total + damages + interest + principal == owed_total


@given(
    damages=st.integers(0, 1_000_000),
    interest=st.integers(0, 1_000_000),
    principal=st.integers(0, 50_000_000),
)
def test_paying_the_payoff_leaves_nothing(damages: int, interest: int, principal: int) -> None:
    payoff = damages + interest + principal
    assert loan.allocate(payoff, damages, interest, principal) == loan.Allocation(
        damages, interest, principal
    )


@given(
    damages=st.integers(0, 100_000),
    interest=st.integers(0, 100_000),
    principal=st.integers(0, 1_000_000),
    over=st.integers(1, 1_000_000),
)
def test_more_than_the_payoff_is_refused(
    damages: int, interest: int, principal: int, over: int
) -> None:
    payoff = damages + interest + principal
    try:
        loan.allocate(payoff + over, damages, interest, principal)
    except AppError as error:
        assert error == AppError(ErrorCode.AMOUNT_OVER_PAYOFF, payoff=payoff)
    else:
        raise AssertionError("an amount over the payoff was allocated")


@given(amount=st.integers(-5_000, 2_000_000), available=st.integers(0, 2_000_000))
def test_borrow_amount_is_accepted_exactly_when_the_rules_allow(
    amount: int, available: int
) -> None:
    allowed = amount >= 1_000 and amount % 1_000 == 0 and amount <= available
    try:
        loan.check_borrow_amount(amount, available, loan.DEFAULT_RULES)
    except AppError:
        assert not allowed
    else:
        assert allowed


@given(amount=st.integers(-5_000, 2_000_000), payoff=st.integers(-10, 2_000_000))
def test_repay_amount_is_accepted_exactly_when_the_rules_allow(amount: int, payoff: int) -> None:
    allowed = payoff > 0 and min(1_000, payoff) <= amount <= payoff
    try:
        loan.check_repay_amount(amount, payoff, loan.DEFAULT_RULES)
    except AppError:
        assert not allowed
    else:
        assert allowed


@given(thousands=st.integers(1, 50_000))
def test_the_minimum_fixed_at_a_borrowing_never_exceeds_the_balance(thousands: int) -> None:
    principal = thousands * 1_000  # what borrowing in 1,000-yen units leaves
    assert 1_000 <= loan.minimum_payment(principal, loan.DEFAULT_RULES) <= principal


# -- calendar --------------------------------------------------------------------------------


@settings(deadline=None)
@given(
    nominal=st.one_of(
        days,
        st.builds(
            loan.due_date_in,
            st.integers(2025, 2030),
            st.integers(1, 12),
            st.sampled_from(DEFAULT_RULES.loan.due_days),
        ),
    )
)
def test_an_effective_due_date_is_the_first_business_day_on_or_after_it(nominal: date) -> None:
    effective = CALENDAR.effective_due_date(nominal)
    assert effective >= nominal
    assert business_day(effective)
    assert CALENDAR.is_business_day(effective)
    day = nominal
    while day < effective:
        assert not business_day(day)
        day += timedelta(days=1)
    assert (effective - nominal).days <= 6


@settings(deadline=None)
@given(day=days)
def test_business_days_match_the_rule(day: date) -> None:
    assert CALENDAR.is_business_day(day) is business_day(day)


@settings(deadline=None)
@given(service=st.sampled_from(list(Service)), at=instants)
def test_resumes_at_is_the_first_open_instant(service: Service, at: datetime) -> None:
    resumes = CALENDAR.resumes_at(service, at)
    assert (resumes is None) is not stopped(service, at)
    if resumes is None:
        return
    assert resumes > at
    assert CALENDAR.resumes_at(service, resumes) is None
    assert not stopped(service, resumes)
    # stopped all the way until then
    for probe in (at + (resumes - at) / 2, resumes - timedelta(seconds=1)):
        assert stopped(service, probe)
    assert resumes - at <= timedelta(days=2)


@settings(deadline=None)
@given(at=instants)
def test_repayment_stops_whenever_everything_does(at: datetime) -> None:
    everything = CALENDAR.resumes_at(Service.ALL, at)
    repayment = CALENDAR.resumes_at(Service.REPAYMENT, at)
    if everything is not None:
        assert repayment is not None and repayment >= everything


@settings(deadline=None)
@given(bank=banks, now=instants)
def test_an_arrival_follows_the_transfer_rules(bank: str, now: datetime) -> None:
    arrival = CALENDAR.arrival(bank, now)
    assert arrival.at > now
    stops = TRANSFER.stops_of(bank)
    if stops is not None:  # a 24-hour bank
        sent = arrival.at - TEN_SECONDS
        assert sent >= now
        assert not any(in_weekly(window, sent) for window in stops)
        assert arrival.immediate is (sent == now)
        if not arrival.immediate:
            assert any(in_weekly(window, now) for window in stops)
            assert any(in_weekly(window, sent - timedelta(seconds=1)) for window in stops)
        return
    same_day = business_day(now.date()) and TRANSFER.same_day_from <= now.time()
    same_day = same_day and now.time() < TRANSFER.same_day_until
    assert arrival.immediate is same_day
    if arrival.immediate:
        assert arrival.at == now + TEN_SECONDS
        return
    assert arrival.at.time() == TRANSFER.morning_arrival
    assert business_day(arrival.at.date())
    if arrival.at.date() == now.date():
        assert now.time() < TRANSFER.same_day_from
    else:
        assert arrival.at.date() > now.date()
        assert not (business_day(now.date()) and now.time() < TRANSFER.same_day_from)
        day = now.date() + timedelta(days=1)
        while day < arrival.at.date():
            assert not business_day(day)
            day += timedelta(days=1)


# -- simulation ------------------------------------------------------------------------------


@settings(deadline=None, max_examples=40)
@given(
    principal=st.integers(1_000, 2_000_000),
    rate=st.decimals(min_value=Decimal("0.025"), max_value=Decimal("0.180"), places=3),
    today=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
    due_day=st.sampled_from(DEFAULT_RULES.loan.due_days),
    monthly=st.integers(1, 200_000),
)
def test_a_simulation_clears_or_names_an_amount_that_does(
    principal: int, rate: Decimal, today: date, due_day: int, monthly: int
) -> None:
    debt = Debt(principal, rate, today, due_day)
    try:
        schedule = by_monthly_amount(debt, monthly, CALENDAR)
    except AppError as error:
        assert error.code is ErrorCode.SIMULATION_NEVER_CLEARS
        minimum = error.params["minimum"]
        assert minimum > monthly
        schedule = by_monthly_amount(debt, minimum, CALENDAR)
        monthly = minimum
    rows = schedule.rows
    assert 1 <= len(rows) <= MAX_MONTHS
    assert sum(row.principal for row in rows) == principal
    assert schedule.total_payment == principal + schedule.total_interest
    assert rows[-1].remaining == 0
    assert all(row.payment == monthly for row in rows[:-1])
    assert all(row.payment > row.interest for row in rows)
    assert all(business_day(row.day) for row in rows)
    assert all(a.day < b.day for a, b in pairwise(rows))
