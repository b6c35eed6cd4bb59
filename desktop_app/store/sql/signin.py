"""``SignInOperations``: card and Web-ID sign-in and sign-out (the staff unlock commands are
in ``staff``)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.calendar import Service
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import MemberStatus
from desktop_app.domain.models import Session as MemberSession
from desktop_app.domain.rules import DEFAULT_RULES
from desktop_app.store.sql.base import StoreBase
from desktop_app.store.sql.binding import DEVICE_ID_MAX_LENGTH, foreign_device
from desktop_app.store.sql.notices import add_new_device_alert
from desktop_app.store.sql.readonly_sessions import (
    Viewer,
    ViewingSession,
    view_card,
    view_web,
)
from desktop_app.store.sql.schema import (
    Card,
    CardStatus,
    KnownDevice,
    Member,
    SessionRow,
    WebCredential,
)
from desktop_app.store.sql.sessions import _token_hash

# The defaults of ``Rules.lockout`` (a store counts by its own rules).
CARD_PIN_ATTEMPTS_PER_DAY = DEFAULT_RULES.lockout.card_pins_per_day
WEB_PASSWORD_ATTEMPTS = DEFAULT_RULES.lockout.web_passwords

__all__ = [
    "CARD_PIN_ATTEMPTS_PER_DAY",
    "DEVICE_ID_MAX_LENGTH",
    "WEB_PASSWORD_ATTEMPTS",
    "SignInOperations",
]


# decide(db, credential row id, stored hash, matched, rehashed, device id) -> session or refusal
_Outcome = Callable[
    [DbSession, "int | None", "str | None", bool, "str | None", str], "MemberSession | AppError"
]
# view(db, credential row id, stored hash, matched) -> the member or the refusal (read-only)
_View = Callable[[DbSession, "int | None", "str | None", bool], "Viewer | AppError"]


class SignInOperations(StoreBase):
    """Signing members in and out."""

    # ----------------------------------------------------------------- sign-in

    def sign_in_with_card(self, card_number: str, pin: str, device_id: str) -> MemberSession:
        """Found by the keyed hash of the number (``keys``): the number itself is not kept."""
        lookup = select(Card.id, Card.pin_hash).where(
            Card.card_lookup == self._keys.card_lookup(card_number)
        )
        return self._sign_in(lookup, pin, device_id, self._card_outcome, view_card)

    def _card_outcome(
        self,
        db: DbSession,
        card_id: int | None,
        stored: str | None,
        matched: bool,
        rehashed: str | None,
        device_id: str,
    ) -> MemberSession | AppError:
        now = self._now()
        card = None
        if card_id is not None:
            card = db.get(Card, card_id, with_for_update=True, populate_existing=True)
        if card is None:
            self._audit(db, now, None, "signin_card_failed", "unknown card")
            return AppError(ErrorCode.SIGNIN_FAILED_CARD)
        member = db.get_one(Member, card.member_id)
        if card.status == CardStatus.LOCKED:
            self._audit(db, now, member.id, "signin_card_refused", "card locked")
            return AppError(ErrorCode.CARD_LOCKED)
        if card.status == CardStatus.LOST:
            self._audit(db, now, member.id, "signin_card_refused", "card invalid")
            return AppError(ErrorCode.CARD_INVALID)
        if not matched or card.pin_hash != stored:
            today = now.date()
            if card.failed_pin_day != today:
                card.failed_pin_day = today
                card.failed_pin_count = 0
            card.failed_pin_count += 1
            if card.failed_pin_count >= self._rules.lockout.card_pins_per_day:
                card.status = CardStatus.LOCKED
                self._audit(db, now, member.id, "card_locked", "too many wrong PINs today")
                return AppError(ErrorCode.CARD_LOCKED)
            self._audit(db, now, member.id, "signin_card_failed", "wrong PIN")
            return AppError(ErrorCode.SIGNIN_FAILED_CARD)
        if rehashed is not None:
            card.pin_hash = rehashed
        refusal = self._status_refusal(db, member, now, "card")
        if refusal is not None:
            return refusal
        return self._open_session(db, member, now, device_id, "card")

    def sign_in_with_web_id(self, web_id: str, password: str, device_id: str) -> MemberSession:
        lookup = select(WebCredential.id, WebCredential.password_hash).where(
            WebCredential.web_id == web_id
        )
        return self._sign_in(lookup, password, device_id, self._web_outcome, view_web)

    def _sign_in(
        self,
        lookup: Select[int, str],
        secret: str,
        device_id: str,
        decide: _Outcome,
        view: _View,
    ) -> MemberSession:
        """Find the credential, hash outside any write transaction (an unknown ID costs a
        dummy hash too, so timing tells nothing), then decide in one write transaction (on
        a read-only store: ``view`` decides in a read, nothing is written)."""
        self._check_open(Service.ALL, self._now())
        with self._transaction(write=False) as db:
            found = db.execute(lookup).first()
        row_id, stored = (found[0], found[1]) if found is not None else (None, None)
        matched = self._hasher.verify(stored, secret)
        if self._read_only:
            return self._view_sign_in(row_id, stored, matched, device_id, view)
        rehashed = self._rehash(stored, secret) if matched else None
        with self._transaction() as db:
            outcome = decide(db, row_id, stored, matched, rehashed, device_id)
        if isinstance(outcome, AppError):
            raise outcome
        return outcome

    def _web_outcome(
        self,
        db: DbSession,
        cred_id: int | None,
        stored: str | None,
        matched: bool,
        rehashed: str | None,
        device_id: str,
    ) -> MemberSession | AppError:
        now = self._now()
        cred = None
        if cred_id is not None:
            cred = db.get(WebCredential, cred_id, with_for_update=True, populate_existing=True)
        if cred is None:
            self._audit(db, now, None, "signin_web_failed", "unknown Web-ID")
            return AppError(ErrorCode.SIGNIN_FAILED_WEB)
        member = db.get_one(Member, cred.member_id)
        if cred.locked:
            self._audit(db, now, member.id, "signin_web_refused", "Web-ID locked")
            return AppError(ErrorCode.WEB_ID_LOCKED)
        if not matched or cred.password_hash != stored:
            cred.failed_count += 1
            if cred.failed_count >= self._rules.lockout.web_passwords:
                cred.locked = True
                self._audit(db, now, member.id, "web_id_locked", "too many wrong passwords")
                return AppError(ErrorCode.WEB_ID_LOCKED)
            self._audit(db, now, member.id, "signin_web_failed", "wrong password")
            return AppError(ErrorCode.SIGNIN_FAILED_WEB)
        cred.failed_count = 0
        if rehashed is not None:
            cred.password_hash = rehashed
        refusal = self._status_refusal(db, member, now, "web")
        if refusal is not None:
            return refusal
        return self._open_session(db, member, now, device_id, "web")

    def _view_sign_in(
        self, row_id: int | None, stored: str | None, matched: bool, device_id: str, view: _View
    ) -> MemberSession:
        """A sign-in the store cannot record (decision 13): the same refusals, nothing
        counted; the session is kept in this store's memory only."""
        with self._transaction(write=False) as db:
            now = self._now()
            outcome = view(db, row_id, stored, matched)
        if isinstance(outcome, AppError):
            raise outcome
        token = secrets.token_urlsafe(32)
        viewing = ViewingSession(
            member_id=outcome.member_id,
            created_at=now,
            last_seen_at=now,
            previous_sign_in_at=outcome.last_sign_in_at,
            device_id=device_id[:DEVICE_ID_MAX_LENGTH],
        )
        self._viewing.add(_token_hash(token), viewing)
        return MemberSession(
            token=token,
            member_number=outcome.member_number,
            member_name=outcome.name,
            previous_sign_in_at=outcome.last_sign_in_at,
            read_only=True,
        )

    def _rehash(self, stored: str | None, secret: str) -> str | None:
        """A fresh hash when ``stored`` was made with another cost profile."""
        if stored is not None and self._hasher.needs_rehash(stored):
            return self._hasher.hash(secret)
        return None

    def _status_refusal(
        self, db: DbSession, member: Member, now: datetime, method: str
    ) -> AppError | None:
        """Suspended and dormant members learn it only after right credentials."""
        if member.status == MemberStatus.SUSPENDED:
            self._audit(db, now, member.id, f"signin_{method}_refused", "suspended")
            return AppError(ErrorCode.ACCOUNT_SUSPENDED)
        if member.status == MemberStatus.DORMANT:
            self._audit(db, now, member.id, f"signin_{method}_refused", "dormant")
            return AppError(ErrorCode.ACCOUNT_DORMANT)
        return None

    def _open_session(
        self, db: DbSession, member: Member, now: datetime, device_id: str, method: str
    ) -> MemberSession:
        token = secrets.token_urlsafe(32)
        device = device_id[:DEVICE_ID_MAX_LENGTH]
        previous = member.last_sign_in_at
        member.last_sign_in_at = now
        db.add(
            SessionRow(
                token_hash=_token_hash(token),
                member_id=member.id,
                created_at=now,
                last_seen_at=now,
                device_id=device,
                previous_sign_in_at=previous,
            )
        )
        known = db.scalar(
            select(KnownDevice).where(
                KnownDevice.member_id == member.id, KnownDevice.device_id == device
            )
        )
        if known is None:
            db.add(
                KnownDevice(
                    member_id=member.id, device_id=device, first_seen_at=now, last_seen_at=now
                )
            )
            add_new_device_alert(db, member, now)
            self._audit(db, now, member.id, "new_device_alert")
        else:
            known.last_seen_at = now
        self._audit(db, now, member.id, f"signin_{method}_ok")
        return MemberSession(
            token=token,
            member_number=member.member_number,
            member_name=member.name,
            previous_sign_in_at=previous,
        )

    def sign_out(self, token: str) -> None:
        """End the session (revoked: its token is never accepted again). A token presented
        from another device than the one bound (``binding``) ends nothing."""
        key = _token_hash(token)
        if self._viewing.forget_for_device(key):
            return  # a viewing session: nothing of it was written
        with self._transaction() as db:
            row = db.get(SessionRow, key)
            if row is None:
                return
            if foreign_device(row.device_id):
                self._audit(db, self._now(), row.member_id, "session_device_mismatch", "sign-out")
                return
            self._audit(db, self._now(), row.member_id, "sign_out")
            db.delete(row)
        self._activity.forget(key)
