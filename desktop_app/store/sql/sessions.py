"""``SessionBase``: ``StoreBase`` plus running a call for a signed-in member's session.

A session is found by the SHA-256 of its token. It ends once idle for ``Rules.sessions.idle``
and, however busy, ``Rules.sessions.absolute`` after the sign-in. Presented from another
device than the one bound to the call (``binding``), it is refused without ending it. A
write touches the session row (or ends it) in the call's own transaction; a read notes the
activity in memory and writes it only now and then, never waiting for a writer (see
``activity``). A viewing session, signed in on a read-only store, lives in memory only (see
``readonly_sessions``).
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
from desktop_app.store.sql.binding import foreign_device
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
                self._upkeep(db, row.member_id, now)  # automatic debits, reminders
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
        session = self._viewing.live(key, now)  # SESSION_EXPIRED once idle or too old
        if write:
            raise AppError(ErrorCode.STORE_READ_ONLY)
        with self._transaction(write=False) as db:
            return work(db, session.row(key), now)

    def _ended(self, row: SessionRow, last_seen: datetime | None, now: datetime) -> str | None:
        """Why the session has ended by ``now`` (for the audit trail); None while it lives."""
        rules = self._rules.sessions
        if last_seen is None:
            return "ended"
        if now - row.created_at >= rules.absolute:
            return "absolute lifetime"
        if now - last_seen >= rules.idle:
            return "idle"
        return None

    @staticmethod
    def _audit_foreign_device(db: DbSession, now: datetime, member_id: int) -> None:
        StoreBase._audit(db, now, member_id, "session_device_mismatch", "token of another device")

    def _touch(self, db: DbSession, token: str, now: datetime) -> SessionRow | None:
        key = _token_hash(token)
        row = db.get(SessionRow, key)
        if row is None:
            self._activity.forget(key)
            return None
        if foreign_device(row.device_id):
            self._audit_foreign_device(db, now, row.member_id)
            return None
        last_seen = self._activity.last_seen(key, row.last_seen_at)
        ended = self._ended(row, last_seen, now)
        if last_seen is None or ended is not None:
            self._audit(db, now, row.member_id, "session_expired", ended or "ended")
            db.delete(row)
            self._activity.forget(key)
            return None
        row.last_seen_at = max(last_seen, now)
        return row

    def _read_with_session(self, token: str, work: Work[T], *, upkeep: bool = True) -> T:
        """A read; when the member's account has work due first (``_upkeep_due``: an
        automatic debit, a reminder), that is written in a transaction of its own and the
        read runs after it (a read-only store skips it)."""
        key = _token_hash(token)
        ended: str | None = None
        foreign = False
        due: int | None = None
        with self._transaction(write=False) as db:
            now = self._now()
            row = db.get(SessionRow, key)
            if row is not None:
                foreign = foreign_device(row.device_id)
                ended = self._ended(row, self._activity.last_seen(key, row.last_seen_at), now)
            if row is None or foreign or ended is not None:
                outcome: T | AppError = AppError(ErrorCode.SESSION_EXPIRED)
            elif upkeep and not self._read_only and self._upkeep_due(db, row.member_id, now):
                due = row.member_id
                outcome = AppError(ErrorCode.UNEXPECTED)  # never raised: read again below
            else:
                try:
                    outcome = work(db, row, now)
                except AppError as exc:
                    outcome = exc
        if row is None:
            self._activity.forget(key)
        elif foreign:
            member_id = row.member_id
            self._try_write(
                "auditing a session of another device",
                lambda db: self._audit_foreign_device(db, now, member_id),
            )
        elif ended is not None:
            self._end_session(key, now, ended)
        else:
            self._activity.note(key, now)
            if now - row.last_seen_at >= TOUCH_INTERVAL:
                self._try_write("noting a session's activity", partial(_touch_row, key, now))
        if due is not None:
            with self._transaction() as db:
                self._upkeep(db, due, self._now())
            return self._read_with_session(token, work, upkeep=False)
        if isinstance(outcome, AppError):
            raise outcome
        return outcome

    def _end_session(self, key: str, now: datetime, why: str) -> None:
        self._activity.end(key)

        def delete(db: DbSession) -> None:
            row = _locked_session(db, key)
            if row is not None:
                self._audit(db, now, row.member_id, "session_expired", why)
                db.delete(row)

        if self._try_write("ending a session", delete):
            self._activity.forget(key)
