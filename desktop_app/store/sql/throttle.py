"""``ThrottleOperations``: the member server's sign-in throttle, counted in the database.

Every worker of the member server, on every host, counts in the same rows: one per client
address and one per identifier (the card number or Web-ID typed, right or wrong), keyed by
an HMAC under the store's throttle key, so the table names no address, card number or
Web-ID. A row counts the attempts of its window (``Rules.throttle.window``, from the row's
first attempt); past the limit an attempt is refused with SIGN_IN_THROTTLED and the seconds
until the window ends. Both rows are counted in one write transaction, each by one atomic
upsert (``INSERT … ON CONFLICT DO UPDATE … RETURNING``: on PostgreSQL the row lock orders
concurrent attempts, on SQLite ``BEGIN IMMEDIATE`` does), so no attempt is lost or counted
twice whatever the number of workers. Rows of windows long over are deleted now and then.

Not part of the member protocol, and ``sign_in_with_*`` never call it: the server calls it
before each sign-in, with the address of the request.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import datetime, timedelta

from sqlalchemy import case, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store.sql.base import StoreBase, logger
from desktop_app.store.sql.schema import SignInThrottle

ADDRESS = "address"
IDENTIFIER = "identifier"


def _identifier(value: str) -> str:
    """An identifier as typed, folded as sign-in folds it (full-width digits, spaces and
    hyphens of a card number), so the same one counts alike however it was written."""
    folded = unicodedata.normalize("NFKC", value)
    return "".join(char for char in folded if not char.isspace() and char not in "-‐－ー―")


class ThrottleOperations(StoreBase):
    """``admit_sign_in`` for the member server."""

    _last_purge: datetime | None = None

    def admit_sign_in(self, address: str, identifier: str) -> None:
        """Count one sign-in attempt from ``address`` for ``identifier``; refuse it with
        SIGN_IN_THROTTLED (``retry_after``: whole seconds) once either has had more than
        its limit in the current window. The attempt counts even when refused."""
        if self._read_only:  # nothing can be counted: a read-only store admits all
            logger.warning("the sign-in throttle cannot count on a read-only store")
            return
        rules = self._rules.throttle
        keys = (
            (ADDRESS, self._keys.throttle_key(ADDRESS, address.strip()), rules.per_address),
            (
                IDENTIFIER,
                self._keys.throttle_key(IDENTIFIER, _identifier(identifier)),
                rules.per_identifier,
            ),
        )
        wait = 0.0
        with self._transaction() as db:
            now = self._now()
            for scope, key, limit in keys:  # always in this order: no deadlock between two
                count, window_start = self._count(db, scope, key, now, rules.window)
                if count > limit:
                    wait = max(wait, (window_start + rules.window - now).total_seconds())
            self._purge_now_and_then(db, now, rules.window)
        if wait > 0:
            raise AppError(ErrorCode.SIGN_IN_THROTTLED, retry_after=max(1, math.ceil(wait)))

    @staticmethod
    def _count(
        db: DbSession, scope: str, key: str, now: datetime, window: timedelta
    ) -> tuple[int, datetime]:
        """One more attempt in the row's window (a new window once the last is over);
        returns the count and the window's start."""
        table = SignInThrottle.__table__
        dialect = db.get_bind().dialect.name
        insert = (postgresql if dialect == "postgresql" else sqlite).insert(table)
        stmt = insert.values(scope=scope, key=key, window_start=now, count=1)
        over = table.c.window_start <= now - window
        started = table.c.window_start
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.scope, table.c.key],
            set_={
                "count": case((over, 1), else_=table.c.count + 1),
                "window_start": case((over, stmt.excluded.window_start), else_=started),
            },
        ).returning(table.c.count, table.c.window_start)
        count, window_start = db.execute(stmt).one()
        return int(count), window_start

    def _purge_now_and_then(self, db: DbSession, now: datetime, window: timedelta) -> None:
        """Delete the rows whose window ended more than a window ago, once a window (per
        store object: each worker purges now and then)."""
        if self._last_purge is not None and now - self._last_purge < window:
            return
        self._last_purge = now
        db.execute(delete(SignInThrottle).where(SignInThrottle.window_start < now - 2 * window))
