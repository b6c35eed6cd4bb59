"""The one source of time. Nothing else in the package reads the wall clock."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime, timedelta, timezone
from typing import Protocol

# Asia/Tokyo has kept UTC+9 without daylight saving since 1951: a fixed offset is exact for
# every date the service handles, and spares start-up the time-zone database.
TOKYO = timezone(timedelta(hours=9), "JST")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in Asia/Tokyo."""
        ...


class SystemClock:
    """The machine's clock, in Asia/Tokyo."""

    def now(self) -> datetime:
        return datetime.fromtimestamp(time.time(), TOKYO)


class StartedClock:
    """A clock that starts at a given instant and then runs on in real time (``--now``)."""

    def __init__(self, start: datetime, *, since: float | None = None) -> None:
        """``since``: the Unix time at which the clock showed ``start``, for processes that
        must share one clock (the workers of a member server started with ``--now``); by
        default the clock starts now and runs on the monotonic clock."""
        if start.tzinfo is None:
            start = start.replace(tzinfo=TOKYO)
        self._start = start.astimezone(TOKYO)
        self._since = since
        self._origin = time.monotonic()

    def now(self) -> datetime:
        if self._since is not None:
            return self._start + timedelta(seconds=time.time() - self._since)
        return self._start + timedelta(seconds=time.monotonic() - self._origin)


class FixedClock:
    """A clock that stands still until moved; for tests."""

    def __init__(self, at: datetime) -> None:
        self._at = at if at.tzinfo else at.replace(tzinfo=TOKYO)

    def now(self) -> datetime:
        return self._at.astimezone(TOKYO)

    def advance(self, delta: timedelta) -> None:
        self._at += delta


class OffsetClock:
    """A clock the host may move on: another clock plus an offset (``advance_clock`` of a
    demo host). Thread-safe; the offset may also be negative (tests)."""

    def __init__(self, base: Clock) -> None:
        self._base = base
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            offset = self._offset
        return (self._base.now() + offset).astimezone(TOKYO)

    def advance(self, delta: timedelta) -> datetime:
        """Move the clock by ``delta``; returns the new now."""
        with self._lock:
            self._offset += delta
        return self.now()

    def follow(self, instant: datetime) -> None:
        """Set the offset so that now is ``instant`` (a remote store's clock, read off its
        answers: with a member server, the server's clock is the one the client shows)."""
        offset = instant - self._base.now()
        with self._lock:
            self._offset = offset


def parse_instant(text: str) -> datetime:
    """Parse ``--now`` text such as ``2026-11-24T10:00``; Asia/Tokyo unless an offset is given."""
    value = datetime.fromisoformat(text.strip())
    if value.tzinfo is None:
        value = value.replace(tzinfo=TOKYO)
    return value.astimezone(TOKYO)


def today(clock: Clock) -> date:
    return clock.now().astimezone(TOKYO).date()
