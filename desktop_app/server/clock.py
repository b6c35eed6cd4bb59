"""The clock of a demo server (``--demo``), shared by all its workers through a small file,
so that moving it (``/demo/clock``) or stopping it (a test's frozen clock) moves every worker.

The file holds ``{"at": ISO instant, "since": Unix time | null}``: the clock showed ``at`` at
``since`` and runs on from there, or stands at ``at`` when ``since`` is null.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from desktop_app.domain.clock import TOKYO


class SharedClock:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = Path(path)
        self._lock = threading.Lock()
        self._stamp: int | None = None
        self._at = datetime.fromtimestamp(0, TOKYO)
        self._since: float | None = None

    def _load(self) -> tuple[datetime, float | None]:
        with self._lock:
            stamp = os.stat(self._path).st_mtime_ns
            if stamp != self._stamp:
                state = json.loads(self._path.read_text(encoding="utf-8"))
                self._at = datetime.fromisoformat(state["at"]).astimezone(TOKYO)
                self._since = state["since"]
                self._stamp = stamp
            return self._at, self._since

    def now(self) -> datetime:
        at, since = self._load()
        return at if since is None else at + timedelta(seconds=time.time() - since)

    def set(self, at: datetime, *, frozen: bool) -> datetime:
        """Show ``at`` now, standing still when ``frozen``, else running on."""
        state = {"at": at.astimezone(TOKYO).isoformat(), "since": None if frozen else time.time()}
        handle, temporary = tempfile.mkstemp(dir=self._path.parent, prefix=".clock-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(state, out)
        os.replace(temporary, self._path)
        with self._lock:
            self._stamp = None  # the same mtime may follow a quick second write
        return self.now()

    def advance(self, delta: timedelta) -> datetime:
        """Move the clock by ``delta`` (standing still if it stood); returns the new now."""
        _, since = self._load()
        return self.set(self.now() + delta, frozen=since is None)
