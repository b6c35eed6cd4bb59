"""What a store tells its clients about its rules: ``ServiceTerms``.

The store is the authority for the rules. A client validates and displays with the terms it
was given (borrowing unit and minimum, repayment minimum, due days, rates, the late rate,
service hours, transfer rules) and builds its calendar from the explicit public holidays the
terms carry, so it never needs the ``holidays`` package nor a default of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop_app.domain.rules import Rules

HOLIDAYS_BEFORE = timedelta(days=31)
HOLIDAYS_AFTER = timedelta(days=400)
TERMS_VALIDITY = timedelta(hours=1)


@dataclass(frozen=True)
class ServiceTerms:
    """The store's rules as of ``as_of``; a client may cache them until ``valid_until``.

    ``holidays`` are the public holidays from ``holidays_from`` to ``holidays_until``
    (inclusive); outside that window only weekends and the closed days of the rules count.
    """

    rules: Rules
    holidays: frozenset[date]
    holidays_from: date
    holidays_until: date
    as_of: datetime
    valid_until: datetime

    def is_stale(self, now: datetime) -> bool:
        return now >= self.valid_until


def holiday_window(as_of: datetime) -> tuple[date, date]:
    """The days whose public holidays the terms list: a month back, 400 days ahead."""
    today = as_of.date()
    return today - HOLIDAYS_BEFORE, today + HOLIDAYS_AFTER
