"""The server's settings, handed from ``member-server`` to its worker processes through the
environment (uvicorn starts each worker afresh), and the clock, store and pepper they make."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.clock import Clock, OffsetClock, StartedClock, SystemClock, parse_instant

if TYPE_CHECKING:
    from desktop_app.domain.rules import Rules
    from desktop_app.store.sql import SqlStore

PREFIX = "MEMBER_SERVER_"


def configure_logging(level: str) -> None:
    """The server's own lines (desktop_app.*) to stderr, beside uvicorn's. A worker process
    that uvicorn starts afresh has only uvicorn's loggers configured: without this, its
    warnings went out bare and everything below them was lost."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=level.upper(), format="%(levelname)s %(name)s %(message)s")


@dataclass(frozen=True)
class ServerConfig:
    db: str
    now: str | None = None  # ISO instant the clock showed at ``now_since`` (--now)
    now_since: float | None = None  # Unix time at which --now was given
    seed: bool = False
    hash_profile: str = "owasp"
    pepper_file: str | None = None
    demo: bool = False  # the /demo operator endpoints and a clock they may move
    clock_file: str | None = None  # the demo clock every worker shares (``SharedClock``)
    rules_file: str | None = None  # JSON of ``Rules`` (demos and tests); DOMAIN.md's if None
    sign_in_threads: int = 1  # argon2 is CPU-bound: one per worker process and core
    # Every other store call: a call waits on PostgreSQL ~1 ms, so 4 keep a core busy; with
    # the sign-in thread they use the store pool's 5 connections (``store.sql.pool``).
    call_threads: int = 4
    log_level: str = "info"  # of the server's own loggers (desktop_app.*) in every worker

    def to_environment(self) -> dict[str, str]:
        values = {
            "DB": self.db,
            "NOW": self.now or "",
            "NOW_SINCE": "" if self.now_since is None else repr(self.now_since),
            "SEED": "demo" if self.seed else "none",
            "HASH_PROFILE": self.hash_profile,
            "PEPPER_FILE": self.pepper_file or "",
            "DEMO": "1" if self.demo else "",
            "CLOCK_FILE": self.clock_file or "",
            "RULES_FILE": self.rules_file or "",
            "SIGN_IN_THREADS": str(self.sign_in_threads),
            "CALL_THREADS": str(self.call_threads),
            "LOG_LEVEL": self.log_level,
        }
        return {PREFIX + name: value for name, value in values.items()}

    @classmethod
    def from_environment(cls) -> ServerConfig:
        def get(name: str) -> str:
            return os.environ.get(PREFIX + name, "")

        return cls(
            db=get("DB"),
            now=get("NOW") or None,
            now_since=float(get("NOW_SINCE")) if get("NOW_SINCE") else None,
            seed=get("SEED") == "demo",
            hash_profile=get("HASH_PROFILE") or "owasp",
            pepper_file=get("PEPPER_FILE") or None,
            demo=get("DEMO") == "1",
            clock_file=get("CLOCK_FILE") or None,
            rules_file=get("RULES_FILE") or None,
            sign_in_threads=int(get("SIGN_IN_THREADS") or 1),
            call_threads=int(get("CALL_THREADS") or 4),
            log_level=get("LOG_LEVEL") or "info",
        )

    def clock(self) -> Clock:
        """The server's clock: the machine's, or ``--now`` running on, shared by every worker;
        a demo server's clock lives in ``clock_file`` so that moving it moves every worker."""
        if self.clock_file:
            from desktop_app.server.clock import SharedClock

            return SharedClock(self.clock_file)
        base: Clock = SystemClock()
        if self.now:
            base = StartedClock(parse_instant(self.now), since=self.now_since)
        return OffsetClock(base)

    def pepper(self) -> bytes | None:
        """The secret mixed into every PIN and password hash (never in the database): the
        contents of the pepper file, or ``MEMBER_SERVER_PEPPER`` (hex) when no file is set."""
        if self.pepper_file:
            return Path(self.pepper_file).read_bytes().strip()
        text = os.environ.get(PREFIX + "PEPPER", "")
        return bytes.fromhex(text) if text else None

    def rules(self) -> Rules | None:
        if not self.rules_file:
            return None
        from pydantic import TypeAdapter

        from desktop_app.domain.rules import Rules

        return TypeAdapter(Rules).validate_json(Path(self.rules_file).read_bytes())

    def open_store(self, clock: Clock) -> SqlStore:
        """The store the server serves: a ``SqlStore`` (SQLite or PostgreSQL) opened with the
        server's pepper; any other URL is refused with STORE_URL_UNSUPPORTED."""
        from desktop_app.domain.errors import AppError, ErrorCode
        from desktop_app.store import open_store
        from desktop_app.store.sql import SqlStore

        if not self.db.startswith(("sqlite", "postgresql")):
            raise AppError(ErrorCode.STORE_URL_UNSUPPORTED)
        store = open_store(
            self.db,
            clock,
            seed=self.seed,
            hash_profile=self.hash_profile,
            rules=self.rules(),
            pepper=self.pepper(),
        )
        assert isinstance(store, SqlStore)
        return store
