"""``SessionBase``: ``StoreBase`` plus running a call for a signed-in member's session.

A session is found by the SHA-256 of its token. A write touches the session row (or ends it
once idle too long) in the call's own transaction; a read notes the activity in memory and
writes it only now and then, never waiting for a writer (see ``activity``). A viewing session,
signed in on a read-only store, lives in memory only (see ``readonly_sessions``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store.sql.activity import TOUCH_INTERVAL
from desktop_app.store.sql.base import StoreBase
from desktop_app.store.sql.schema import SessionRow

T = TypeVar("T")

Work = Callable[[DbSession, SessionRow, datetime], T]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _locked_session(db: DbSession, key: str) -> SessionRow | None:
    """The session row, unless another transaction holds it (PostgreSQL; SQLite has one
    writer, and a try-write begins only when there is none)."""
    query = select(SessionRow).where(SessionRow.token_hash == key)
    return db.scalars(query.with_for_update(skip_locked=True)).first()


def _touch_row(key: str, now: datetime, db: DbSession) -> None:
    row = _locked_session(db, key)
    if row is not None:
        row.last_seen_at = max(row.last_seen_at, now)


class SessionBase(StoreBase):
    """What the operations of a signed-in member build on: one call, one session."""

    def _with_session(self, token: str, work: Work[T], *, write: bool = True) -> T:
        """Run ``work`` in one transaction for the session's member.

        A write touches the session (or, when idle too long, ends it) in its own transaction,
        even when ``work`` refuses: ``work`` runs in a savepoint that an ``AppError`` rolls
        back alone. A read (``write=False``) runs deferred and only reads; the session's
        activity is noted without waiting for any writer (see ``activity``). A viewing
        session (signed in on a read-only store) reads alike; its writes are refused.
        """
        if self._viewing.holds(key := _token_hash(token)):
            return self._view(key, work, write=write)
        if not write:
            return self._read_with_session(token, work)
        failure: AppError
        with self._transaction() as db:
            now = self._now()
            row = self._touch(db, token, now)
            if row is None:
                failure = AppError(ErrorCode.SESSION_EXPIRED)
            else:
                try:
                    with db.begin_nested():
                        return work(db, row, now)
                except AppError as exc:
                    failure = exc
        raise failure

    def _view(self, key: str, work: Work[T], *, write: bool) -> T:
        """Run ``work`` for a session held only in memory (see ``readonly_sessions``): one
        read transaction, or STORE_READ_ONLY for a write before the database is touched."""
        now = self._now()
        session = self._viewing.live(key, now)  # SESSION_EXPIRED once idle too long
        if write:
            raise AppError(ErrorCode.STORE_READ_ONLY)
        with self._transaction(write=False) as db:
            return work(db, session.row(key), now)

    def _touch(self, db: DbSession, token: str, now: datetime) -> SessionRow | None:
        key = _token_hash(token)
        row = db.get(SessionRow, key)
        if row is None:
            self._activity.forget(key)
            return None
        last_seen = self._activity.last_seen(key, row.last_seen_at)
        if last_seen is None or now - last_seen >= self._idle_timeout:
            self._audit(db, now, row.member_id, "session_expired")
            db.delete(row)
            self._activity.forget(key)
            return None
        row.last_seen_at = max(last_seen, now)
        return row

    def _read_with_session(self, token: str, work: Work[T]) -> T:
        key = _token_hash(token)
        with self._transaction(write=False) as db:
            now = self._now()
            row = db.get(SessionRow, key)
            last_seen = None if row is None else self._activity.last_seen(key, row.last_seen_at)
            if row is None or last_seen is None or now - last_seen >= self._idle_timeout:
                outcome: T | AppError = AppError(ErrorCode.SESSION_EXPIRED)
            else:
                try:
                    outcome = work(db, row, now)
                except AppError as exc:
                    outcome = exc
        if row is None:
            self._activity.forget(key)
        elif last_seen is None or now - last_seen >= self._idle_timeout:
            self._end_idle_session(key, now)
        else:
            self._activity.note(key, now)
            if now - row.last_seen_at >= TOUCH_INTERVAL:
                self._try_write("noting a session's activity", partial(_touch_row, key, now))
        if isinstance(outcome, AppError):
            raise outcome
        return outcome

    def _end_idle_session(self, key: str, now: datetime) -> None:
        self._activity.end(key)

        def delete(db: DbSession) -> None:
            row = _locked_session(db, key)
            if row is not None:
                self._audit(db, now, row.member_id, "session_expired")
                db.delete(row)

        if self._try_write("ending an idle session", delete):
            self._activity.forget(key)
