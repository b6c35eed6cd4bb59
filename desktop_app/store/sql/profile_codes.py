"""``CodedChangeBase``: the one-time codes of the changes that need one (email, bank account,
Web-ID, password: ``profile_coded``), asking for one and checking it.

A code is sent by SMS to the registered phone, else by email (``codes``: salted hash only,
10 minutes, 5 tries, the request limits of ``code_limits``); each change checks the newest
code of its own purpose, which a right entry uses up. The fifth wrong entry kills the code
and locks that change until the code would have expired (CHANGE_LOCKED, ``resume_at``):
changing and asking for a new code alike.

A wrong current password (Web-ID and password changes) uses up a try of the change's code,
like a wrong code, so five of them lock the change too; it does not count towards the Web-ID
lockout of sign-in (the member is signed in already, and the code bounds the guesses).
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.calendar import Service
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel
from desktop_app.domain.profile import CodedChange, CodeSent
from desktop_app.store.sql import code_limits
from desktop_app.store.sql.notices import recipient
from desktop_app.store.sql.profile_base import ProfileBase
from desktop_app.store.sql.schema import (
    CodePurpose,
    SessionRow,
    VerificationCode,
    WebCredential,
)


def _coded(change: str) -> CodedChange:
    try:
        return CodedChange(change)
    except ValueError:
        raise AppError(ErrorCode.REQUEST_INVALID) from None


class CodedChangeBase(ProfileBase):
    """Sending and checking the code of a change; the current password; other sessions."""

    def request_change_code(self, token: str, change: CodedChange) -> CodeSent:
        self._check_open(Service.ALL, self._now())
        purpose = CodePurpose(_coded(change).value)
        return self._change(token, partial(self._request_code, purpose=purpose))

    def _request_code(
        self, db: DbSession, session: SessionRow, now: datetime, *, purpose: CodePurpose
    ) -> CodeSent | AppError:
        member = self._member(db, session)
        locked = self._lock_of(self._latest_code(db, [member.id], purpose), now)
        if locked is not None:
            self._audit(db, now, member.id, f"{purpose.value}_code_refused", "change locked")
            return locked
        if member.phone:
            channel = CodeChannel.SMS
        elif member.email:
            channel = CodeChannel.EMAIL
        else:
            return AppError(ErrorCode.NO_CONTACT)
        key = code_limits.identifier_key(member.member_number)
        digits = self._rules.profile.change_code_digits
        refused = self._send_code(db, key, member, purpose, channel, now, digits)
        if refused is not None:
            return refused
        rules = self._rules.codes
        return CodeSent(
            channel=channel,
            destination=recipient(channel.value, member.email, member.phone),
            expires_at=now + rules.validity,
            resend_at=now + rules.request_interval,
        )

    def _lock_of(self, row: VerificationCode | None, now: datetime) -> AppError | None:
        """CHANGE_LOCKED while the newest code of the change, killed by wrong tries, would
        still be valid."""
        if row is None or row.used_at is not None or row.attempts < self._rules.codes.tries:
            return None
        if now < row.expires_at:
            return AppError(ErrorCode.CHANGE_LOCKED, resume_at=row.expires_at)
        return None

    def _live_code(
        self, db: DbSession, member_id: int, purpose: CodePurpose, now: datetime
    ) -> VerificationCode | AppError:
        """The code asked for this change, unless there is none or the change is locked."""
        row = self._latest_code(db, [member_id], purpose)
        if row is None or row.used_at is not None:
            return AppError(ErrorCode.CODE_NOT_REQUESTED)
        locked = self._lock_of(row, now)
        if locked is not None:
            return locked
        if row.attempts >= self._rules.codes.tries:
            return AppError(ErrorCode.CODE_EXPIRED)
        return row

    def _code_refusal(
        self, db: DbSession, row: VerificationCode, code: str, now: datetime
    ) -> AppError | None:
        """None when ``code`` is right (the code is then used up); a wrong one uses a try,
        the last try locks the change."""
        refused = self._check_code(db, row, code, now)
        if refused is None:
            row.used_at = now
            return None
        if refused.code is ErrorCode.CODE_TOO_MANY_TRIES:
            return AppError(ErrorCode.CHANGE_LOCKED, resume_at=row.expires_at)
        return refused

    def _used_code(
        self,
        db: DbSession,
        member_id: int,
        purpose: CodePurpose,
        code: str,
        now: datetime,
        *,
        password_right: bool = True,
    ) -> VerificationCode | AppError:
        """The change's code, used up by a right ``code``; else the refusal (no code asked
        for, the change locked, a wrong current password or a wrong code: those two use up
        a try)."""
        row = self._live_code(db, member_id, purpose, now)
        if isinstance(row, AppError):
            return row
        if not password_right:
            return self._wrong_password(db, row, now)
        refused = self._code_refusal(db, row, code, now)
        return row if refused is None else refused

    def _wrong_password(self, db: DbSession, row: VerificationCode, now: datetime) -> AppError:
        """A wrong current password uses up a try of the change's code."""
        row.attempts += 1
        if row.attempts >= self._rules.codes.tries:
            self._audit(db, now, row.member_id, "code_dead", f"{row.purpose}: wrong passwords")
            return AppError(ErrorCode.CHANGE_LOCKED, resume_at=row.expires_at)
        self._audit(db, now, row.member_id, "change_refused", f"{row.purpose}: wrong password")
        return AppError(ErrorCode.PASSWORD_WRONG)

    def _stored_password(self, token: str) -> WebCredential:
        """The member's Web-ID and password hash, read before hashing (outside any write);
        a member without a Web-ID has no password to change (PASSWORD_WRONG)."""

        def read(db: DbSession, session: SessionRow, now: datetime) -> WebCredential | None:
            return db.scalar(
                select(WebCredential).where(WebCredential.member_id == session.member_id)
            )

        cred = self._with_session(token, read, write=False)
        if cred is None:
            raise AppError(ErrorCode.PASSWORD_WRONG)
        return cred

    @staticmethod
    def _locked_credential(db: DbSession, member_id: int) -> WebCredential:
        return db.scalars(
            select(WebCredential)
            .where(WebCredential.member_id == member_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).one()

    @staticmethod
    def _end_other_sessions(db: DbSession, session: SessionRow) -> int:
        """Sign the member out everywhere but here (the tokens are revoked)."""
        others = (SessionRow.member_id == session.member_id) & (
            SessionRow.token_hash != session.token_hash
        )
        ended = len(db.scalars(select(SessionRow.token_hash).where(others)).all())
        db.execute(delete(SessionRow).where(others))
        return ended
