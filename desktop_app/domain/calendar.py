"""The service calendar (DOMAIN.md §2–§3, §5): business days, maintenance windows with the
instant each service resumes, and when borrowed money arrives at a bank.

Public holidays come from the ``holidays`` package, loaded on first use (it is slow to
import, so never on the GUI thread's path to the first paint).
"""

from __future__ import annotations

import threading
from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.rules import (
    DEFAULT_RULES,
    MonthlyWindow,
    Rules,
    WeeklyWindow,
    YearlyWindow,
)

if TYPE_CHECKING:
    from desktop_app.domain.terms import ServiceTerms

_MAX_CHAINED_WINDOWS = 16


class Service(StrEnum):
    """What a member is trying to do; each stops at its own times."""

    ALL = "all"  # sign-in, borrowing and everything else
    REPAYMENT = "repayment"  # internet repayment: stops with everything, and on its own


@dataclass(frozen=True)
class Arrival:
    """When transferred money arrives: ``immediate`` means about ten seconds from now."""

    at: datetime
    immediate: bool


def _weekly_span(window: WeeklyWindow, at: datetime) -> tuple[datetime, datetime] | None:
    """The occurrence of ``window`` that contains ``at``, if any (this week's or last's)."""
    monday = datetime.combine(at.date() - timedelta(days=at.weekday()), window.start, TOKYO)
    for weeks_back in (0, 1):
        base = monday - timedelta(weeks=weeks_back)
        start = base + timedelta(days=window.start_day)
        end = datetime.combine((base + timedelta(days=window.end_day)).date(), window.end, TOKYO)
        if end <= start:
            end += timedelta(weeks=1)
        if start <= at < end:
            return start, end
    return None


def _monthly_span(window: MonthlyWindow, at: datetime) -> tuple[datetime, datetime] | None:
    first = at.date().replace(day=1)
    day = first + timedelta(days=(window.weekday - first.weekday()) % 7 + 7 * (window.nth - 1))
    start = datetime.combine(day, window.start, TOKYO)
    end = datetime.combine(day, window.end, TOKYO)
    return (start, end) if start <= at < end else None


def _yearly_span(window: YearlyWindow, at: datetime) -> tuple[datetime, datetime] | None:
    (m1, d1, t1), (m2, d2, t2) = window.start, window.end
    start = datetime.combine(date(at.year, m1, d1), t1, TOKYO)
    end = datetime.combine(date(at.year, m2, d2), t2, TOKYO)
    return (start, end) if start <= at < end else None


def _resume(
    at: datetime,
    weekly: Iterable[WeeklyWindow],
    monthly: Iterable[MonthlyWindow] = (),
    yearly: Iterable[YearlyWindow] = (),
) -> datetime:
    """The first instant at or after ``at`` outside every window (windows may chain)."""
    weekly, monthly, yearly = tuple(weekly), tuple(monthly), tuple(yearly)
    moment = at.astimezone(TOKYO)
    for _ in range(_MAX_CHAINED_WINDOWS):
        spans = [_weekly_span(w, moment) for w in weekly]
        spans += [_monthly_span(w, moment) for w in monthly]
        spans += [_yearly_span(w, moment) for w in yearly]
        ends = [span[1] for span in spans if span is not None]
        if not ends:
            return moment
        moment = max(ends)
    raise AssertionError("stop windows chain without end")  # pragma: no cover


class ServiceCalendar:
    """Business days, maintenance and transfer arrival, by the given rules. Thread-safe.

    The public holidays come from the ``holidays`` package (a store's calendar), or are
    given explicitly (a client's calendar, built from the store's ``ServiceTerms``).
    """

    def __init__(
        self, rules: Rules = DEFAULT_RULES, *, holidays: Container[date] | None = None
    ) -> None:
        self._rules = rules
        self._holidays: Container[date] | None = holidays
        self._lock = threading.Lock()

    @classmethod
    def from_terms(cls, terms: ServiceTerms) -> ServiceCalendar:
        """The calendar a client works with: the store's rules and its listed holidays."""
        return cls(terms.rules, holidays=terms.holidays)

    def public_holidays(self, first: date, last: date) -> frozenset[date]:
        """The public holidays from ``first`` to ``last`` inclusive (for ``ServiceTerms``)."""
        days = (first + timedelta(days=n) for n in range((last - first).days + 1))
        return frozenset(day for day in days if self.is_public_holiday(day))

    @property
    def rules(self) -> Rules:
        return self._rules

    # -- business days ---------------------------------------------------------------------
    def _public_holidays(self) -> Container[date]:
        with self._lock:
            if self._holidays is None:
                import holidays  # slow to import: only when a date is first asked about

                self._holidays = holidays.country_holidays(
                    self._rules.business_days.holiday_country
                )
            return self._holidays

    def is_public_holiday(self, day: date) -> bool:
        holidays = self._public_holidays()
        with self._lock:  # the package fills in a year's table on first look
            return day in holidays

    def is_business_day(self, day: date) -> bool:
        """Not a Saturday, Sunday, public holiday, nor 31 December – 3 January."""
        if day.weekday() >= 5 or (day.month, day.day) in self._rules.business_days.closed_days:
            return False
        return not self.is_public_holiday(day)

    def next_business_day(self, day: date) -> date:
        """``day`` itself when it is a business day, else the first one after it."""
        while not self.is_business_day(day):
            day += timedelta(days=1)
        return day

    def business_day_after(self, day: date) -> date:
        return self.next_business_day(day + timedelta(days=1))

    def effective_due_date(self, nominal: date) -> date:
        """A due date on a non-business day moves to the next business day."""
        return self.next_business_day(nominal)

    # -- maintenance -----------------------------------------------------------------------
    def resumes_at(self, service: Service, at: datetime) -> datetime | None:
        """``None`` when ``service`` is open at ``at``; else the instant it opens again."""
        hours = self._rules.hours
        weekly = list(hours.all_weekly)
        monthly: list[MonthlyWindow] = []
        if service is Service.REPAYMENT:
            weekly += hours.repayment_weekly
            monthly += hours.repayment_monthly
        resume = _resume(at, weekly, monthly, hours.all_yearly)
        return None if resume == at.astimezone(TOKYO) else resume

    # -- transfers -------------------------------------------------------------------------
    def arrival(self, bank_code: str, at: datetime) -> Arrival:
        """When money transferred at ``at`` to a bank arrives (DOMAIN.md §3)."""
        rules = self._rules.transfer
        at = at.astimezone(TOKYO)
        seconds = timedelta(seconds=rules.instant_seconds)
        stops = rules.stops_of(bank_code)
        if stops is not None:  # a 24-hour bank: at once, unless inside its own stop
            resume = _resume(at, stops)
            return Arrival(resume + seconds, immediate=resume == at)
        today = at.date()
        if self.is_business_day(today):
            if at.time() < rules.same_day_from:
                return Arrival(datetime.combine(today, rules.morning_arrival, TOKYO), False)
            if at.time() < rules.same_day_until:
                return Arrival(at + seconds, immediate=True)
        next_day = self.business_day_after(today)
        return Arrival(datetime.combine(next_day, rules.morning_arrival, TOKYO), False)
