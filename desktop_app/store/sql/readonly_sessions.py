"""Signing in to a store that cannot be written: checked, never counted, kept in memory.

A read-only store (a file or folder without write permission, a read-only database role or
replica) cannot record a sign-in: not the lockout counters, not a session row, not the audit
trail or the new-device alert. It is still the member's to look at (decision 13): the
credentials are verified without writing, lockouts, suspension, dormancy and a lost card
already recorded refuse as usual, and a right secret opens a *viewing session* that lives only
in this ``SqlStore``'s memory, with the same lifetimes and device binding as a stored one.
Reads accept its token; every change is refused with STORE_READ_ONLY before the database is
touched.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import MemberStatus
from desktop_app.domain.rules import SessionRules
from desktop_app.store.sql.binding import foreign_device
from desktop_app.store.sql.schema import Card, CardStatus, Member, SessionRow, WebCredential

logger = logging.getLogger("desktop_app.store")


@dataclass(frozen=True)
class Viewer:
    """The member a read-only sign-in found, read in its one transaction."""

    member_id: int
    member_number: str
    name: str
    last_sign_in_at: datetime | None


@dataclass(frozen=True)
class ViewingSession:
    """A session nobody wrote down: who, since when, last seen when."""

    member_id: int
    created_at: datetime
    last_seen_at: datetime
    previous_sign_in_at: datetime | None
    device_id: str

    def row(self, key: str) -> SessionRow:
        """A transient ``SessionRow`` (never added to a database session) for the reads."""
        return SessionRow(
            token_hash=key,
            member_id=self.member_id,
            created_at=self.created_at,
            last_seen_at=self.last_seen_at,
            device_id=self.device_id,
            previous_sign_in_at=self.previous_sign_in_at,
        )


class ViewingSessions:
    """Thread-safe: the viewing sessions of one store, by the SHA-256 of their token."""

    def __init__(self, rules: SessionRules) -> None:
        self._rules = rules
        self._lock = threading.Lock()
        self._sessions: dict[str, ViewingSession] = {}

    def add(self, key: str, session: ViewingSession) -> None:
        """Keep a new viewing session (and drop those ended meanwhile)."""
        with self._lock:
            now = session.created_at
            for stale in [k for k, v in self._sessions.items() if self._ended(v, now)]:
                del self._sessions[stale]
            self._sessions[key] = session

    def holds(self, key: str) -> bool:
        """Whether ``key`` is the token hash of a viewing session (live or idle)."""
        with self._lock:
            return key in self._sessions

    def live(self, key: str, now: datetime) -> ViewingSession:
        """The session, its activity noted at ``now``; SESSION_EXPIRED (and forgotten) once
        unknown, idle too long or past its absolute lifetime; SESSION_EXPIRED (and kept for
        its own device) when presented from another device than the one bound."""
        with self._lock:
            session = self._sessions.get(key)
            if session is None or self._ended(session, now):
                self._sessions.pop(key, None)
                raise AppError(ErrorCode.SESSION_EXPIRED)
            if foreign_device(session.device_id):
                # Nothing can be audited on a read-only store: the log says it instead.
                logger.warning("session_device_mismatch: a viewing session of another device")
                raise AppError(ErrorCode.SESSION_EXPIRED)
            if now > session.last_seen_at:
                session = replace(session, last_seen_at=now)
                self._sessions[key] = session
            return session

    def forget_for_device(self, key: str) -> bool:
        """End a viewing session (unless presented from another device than the one bound);
        False when ``key`` is not one."""
        with self._lock:
            session = self._sessions.get(key)
            if session is None:
                return False
            if not foreign_device(session.device_id):
                del self._sessions[key]
            return True

    def _ended(self, session: ViewingSession, now: datetime) -> bool:
        """Whether the session has ended: idle too long, or past its absolute lifetime."""
        return (
            now - session.last_seen_at >= self._rules.idle
            or now - session.created_at >= self._rules.absolute
        )


# --------------------------------------------------------------------- the decisions
# The same refusals, in the same order, as a sign-in that can write (``signin``), without
# the counting: a wrong secret is refused, never counted, so it never locks anything.


def view_card(
    db: DbSession, card_id: int | None, stored: str | None, matched: bool
) -> Viewer | AppError:
    card = None if card_id is None else db.get(Card, card_id)
    if card is None:
        return AppError(ErrorCode.SIGNIN_FAILED_CARD)
    if card.status == CardStatus.LOCKED:
        return AppError(ErrorCode.CARD_LOCKED)
    if card.status == CardStatus.LOST:
        return AppError(ErrorCode.CARD_INVALID)
    if not matched or card.pin_hash != stored:
        return AppError(ErrorCode.SIGNIN_FAILED_CARD)
    return _viewer(db.get_one(Member, card.member_id))


def view_web(
    db: DbSession, cred_id: int | None, stored: str | None, matched: bool
) -> Viewer | AppError:
    cred = None if cred_id is None else db.get(WebCredential, cred_id)
    if cred is None:
        return AppError(ErrorCode.SIGNIN_FAILED_WEB)
    if cred.locked:
        return AppError(ErrorCode.WEB_ID_LOCKED)
    if not matched or cred.password_hash != stored:
        return AppError(ErrorCode.SIGNIN_FAILED_WEB)
    return _viewer(db.get_one(Member, cred.member_id))


def _viewer(member: Member) -> Viewer | AppError:
    """Suspended and dormant members learn it only after right credentials."""
    if member.status == MemberStatus.SUSPENDED:
        return AppError(ErrorCode.ACCOUNT_SUSPENDED)
    if member.status == MemberStatus.DORMANT:
        return AppError(ErrorCode.ACCOUNT_DORMANT)
    return Viewer(member.id, member.member_number, member.name, member.last_sign_in_at)
