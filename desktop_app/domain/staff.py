"""The branch kiosk's staff PIN: what a PIN looks like, and its lock (3 wrong PINs lock it
for 5 minutes). Pure rules: the kiosk's configuration file keeps the state (desktop_app/
kiosk_host.py), the clock gives "now"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

STAFF_PIN_LENGTHS = (4, 8)  # half-width digits
STAFF_PIN_TRIES = 3
STAFF_LOCK = timedelta(minutes=5)


def is_staff_pin(text: str) -> bool:
    """4 to 8 half-width digits."""
    least, most = STAFF_PIN_LENGTHS
    return text.isascii() and text.isdigit() and least <= len(text) <= most


class StaffVerdict(Enum):
    READY = "ready"  # a PIN may be tried (the state before one is)
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    NOT_CONFIGURED = "not_configured"  # no staff PIN was set (``--set-staff-pin``)


@dataclass(frozen=True)
class StaffCheck:
    """What the kiosk says to a PIN (or, with ``pin=None``, before one is typed)."""

    verdict: StaffVerdict
    tries_left: int = STAFF_PIN_TRIES
    locked_until: datetime | None = None


@dataclass(frozen=True)
class StaffLock:
    """Wrong PINs in a row, and the end of the lock they caused (``None``: not locked)."""

    failures: int = 0
    locked_until: datetime | None = None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime) -> StaffLock:
        """One more wrong PIN: the third locks for five minutes (and starts the count anew)."""
        failures = (0 if self.locked_until is not None else self.failures) + 1
        if failures >= STAFF_PIN_TRIES:
            return StaffLock(0, now + STAFF_LOCK)
        return StaffLock(failures)

    def check(self, now: datetime) -> StaffCheck:
        """The state before a PIN is tried: locked until when, or how many tries are left."""
        if self.locked(now):
            return StaffCheck(StaffVerdict.LOCKED, 0, self.locked_until)
        failures = 0 if self.locked_until is not None else self.failures
        return StaffCheck(StaffVerdict.READY, STAFF_PIN_TRIES - failures)
