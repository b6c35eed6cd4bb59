"""What this process knows of sessions that the database does not hold yet.

A read never waits to write a session's last activity (it tries once, without waiting, at
most once a ``TOUCH_INTERVAL``), and a read-only store cannot write it at all: the activity is
remembered here meanwhile, so an active member is not signed out for it. A session ended for
idleness whose deletion could not be written is remembered as ended.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

TOUCH_INTERVAL = timedelta(minutes=1)


class SessionActivity:
    """Thread-safe: last activity per session token hash, and the sessions ended here."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[str, datetime] = {}
        self._ended: set[str] = set()

    def last_seen(self, key: str, stored: datetime) -> datetime | None:
        """The later of the stored and the remembered activity; None once ended here."""
        with self._lock:
            if key in self._ended:
                return None
            noted = self._seen.get(key)
        return stored if noted is None or noted < stored else noted

    def note(self, key: str, now: datetime) -> None:
        with self._lock:
            if key not in self._ended and self._seen.get(key, now) <= now:
                self._seen[key] = now

    def end(self, key: str) -> None:
        with self._lock:
            self._seen.pop(key, None)
            self._ended.add(key)

    def forget(self, key: str) -> None:
        """The database holds everything about this session now (or it is gone)."""
        with self._lock:
            self._seen.pop(key, None)
            self._ended.discard(key)
