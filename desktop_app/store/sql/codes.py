"""``CodeOperations``: the one-time codes Web-ID registration, password reset and the coded
changes of the registered details (``profile_codes``) share.

A code is six random digits (four for a change: ``ProfileRules.change_code_digits``), valid 10
minutes from the clock's now, with 5 tries. Only a salted
SHA-256 of it is kept for checking (``verification_codes``); the plain code is kept in one
place only, beside the outbox message that "sends" it, and only until that message is
delivered (``outbox``): never in the audit log, an error or a log line. A new code voids the
member's earlier codes of the same purpose; a used code is dead.

A wrong code counts even though the call fails: the try is committed, then the error raised.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult
from desktop_app.domain.models import CodeChannel
from desktop_app.store.sql import code_limits
from desktop_app.store.sql.base import StoreBase
from desktop_app.store.sql.notices import add_notice, code_message
from desktop_app.store.sql.schema import CodePurpose, Member, OutboxMessage, VerificationCode

CODE_DIGITS = 6


def _new_code(digits: int = CODE_DIGITS) -> str:
    return f"{secrets.randbelow(10**digits):0{digits}d}"


def _code_hash(salt: str, code: str) -> str:
    return hashlib.sha256((salt + code).encode("utf-8")).hexdigest()


def _typed_code(code: str) -> str:
    """The code as typed, with full-width digits, spaces and hyphens forgiven."""
    folded = unicodedata.normalize("NFKC", code)
    return "".join(char for char in folded if not char.isspace() and char != "-")


def _accepted(result: FieldResult) -> str:
    """The policy's value, or its error raised."""
    if result.error is not None:
        raise result.error
    return result.value


class CodeOperations(StoreBase):
    """Sending, finding and checking a one-time code; the notice of what a code allowed."""

    def _send_code(
        self,
        db: DbSession,
        key: str,
        member: Member,
        purpose: CodePurpose,
        channel: CodeChannel,
        now: datetime,
        digits: int = CODE_DIGITS,
    ) -> AppError | None:
        """Unless the member asked too soon or too often: void the member's live codes of
        ``purpose``, store a new one of ``digits`` digits, "send" it and count the request."""
        rules = self._rules.codes
        throttled = code_limits.member_refusal(db, rules, member.id, now)
        if throttled is not None:
            self._audit(db, now, member.id, f"{purpose.value}_code_refused", throttled.code.value)
            return throttled
        live = select(VerificationCode).where(
            VerificationCode.member_id == member.id,
            VerificationCode.purpose == purpose.value,
            VerificationCode.used_at.is_(None),
            VerificationCode.expires_at > now,
        )
        for old in db.scalars(live.with_for_update()):
            old.expires_at = now
        code = _new_code(digits)
        salt = secrets.token_hex(16)
        expires_at = now + rules.validity
        db.add(
            VerificationCode(
                member_id=member.id,
                purpose=purpose.value,
                code_hash=_code_hash(salt, code),
                salt=salt,
                created_at=now,
                expires_at=expires_at,
                attempts=0,
                used_at=None,
            )
        )
        subject, body = code_message(member, purpose, channel, expires_at, rules)
        db.add(
            OutboxMessage(
                member_id=member.id,
                channel=channel.value,
                subject=subject,
                body=body,
                created_at=now,
                code=code,
            )
        )
        self._audit(db, now, member.id, f"{purpose.value}_code_sent", f"by {channel.value}")
        code_limits.record_request(db, key, member.id, purpose.value, now)
        return None

    @staticmethod
    def _latest_code(
        db: DbSession, member_ids: Sequence[int], purpose: CodePurpose
    ) -> VerificationCode | None:
        """The newest code of ``purpose`` for these members, locked for the update."""
        return db.scalars(
            select(VerificationCode)
            .where(
                VerificationCode.member_id.in_(member_ids),
                VerificationCode.purpose == purpose.value,
            )
            .order_by(VerificationCode.id.desc())
            .limit(1)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).first()

    def _check_code(
        self, db: DbSession, row: VerificationCode | None, code: str, now: datetime
    ) -> AppError | None:
        """None when ``code`` is ``row``'s live code; a wrong one uses up a try, of the code's
        and of the member's tries today (once those are gone, no code is tried today)."""
        rules = self._rules.codes
        if row is None or row.used_at is not None:
            return AppError(ErrorCode.CODE_EXPIRED)
        if row.attempts >= rules.tries:
            return AppError(ErrorCode.CODE_TOO_MANY_TRIES)
        if now >= row.expires_at:
            self._audit(db, now, row.member_id, "code_refused", f"{row.purpose} code expired")
            return AppError(ErrorCode.CODE_EXPIRED)
        today_left = rules.wrong_tries_per_day - code_limits.wrong_tries_today(
            db, row.member_id, now
        )
        if today_left <= 0:
            self._audit(db, now, row.member_id, "code_refused", "no tries left today")
            return AppError(ErrorCode.CODE_GUESSES_EXHAUSTED)
        if hmac.compare_digest(row.code_hash, _code_hash(row.salt, _typed_code(code))):
            return None
        row.attempts += 1
        remaining = min(rules.tries - row.attempts, today_left - 1)
        if today_left - 1 <= 0:
            self._audit(db, now, row.member_id, "code_dead", f"{row.purpose}: no tries left today")
            return AppError(ErrorCode.CODE_GUESSES_EXHAUSTED)
        if remaining <= 0:
            self._audit(db, now, row.member_id, "code_dead", f"{row.purpose}: too many tries")
            return AppError(ErrorCode.CODE_TOO_MANY_TRIES)
        self._audit(db, now, row.member_id, "code_wrong", f"{row.purpose}: {remaining} tries left")
        return AppError(ErrorCode.CODE_WRONG, remaining=remaining)

    @staticmethod
    def _notify(db: DbSession, member: Member, now: datetime, what: str, advice: str) -> None:
        """A notice of a change, by email when the member has one, else by SMS."""
        add_notice(db, member, now, what, advice)
