"""``PasswordResetOperations``: a member resets a forgotten password with a code.

The code is asked for with the Web-ID or member number and the birth date, and sent by email
or SMS; resetting takes the code and the new password, unlocks the Web-ID and ends the
member's sessions (see ``codes`` for how codes are kept and tried).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain import fields
from desktop_app.domain.calendar import Service
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel
from desktop_app.store.sql import code_limits
from desktop_app.store.sql.codes import CodeOperations, _accepted
from desktop_app.store.sql.schema import CodePurpose, Member, SessionRow, WebCredential


class PasswordResetOperations(CodeOperations):
    """Resetting a password with a code."""

    def request_password_reset(
        self, identifier: str, birth_date: date, channel: CodeChannel
    ) -> None:
        self._check_open(Service.ALL, self._now())
        with self._transaction() as db:
            outcome = self._reset_code(db, identifier, birth_date, CodeChannel(channel))
        if outcome is not None:
            raise outcome

    def _reset_code(
        self, db: DbSession, identifier: str, birth_date: date, channel: CodeChannel
    ) -> AppError | None:
        now = self._now()
        key = code_limits.identifier_key(identifier)
        throttled = code_limits.identifier_refusal(db, self._rules.codes, key, now)
        if throttled is not None:
            self._audit(db, now, None, "reset_code_refused", throttled.code.value)
            return throttled
        found = [m for m in self._by_identifier(db, identifier) if m.birth_date == birth_date]
        if len(found) != 1:
            self._audit(db, now, None, "reset_code_refused", "details mismatch")
            code_limits.record_request(db, key, None, CodePurpose.RESET.value, now)
            return AppError(ErrorCode.DETAILS_MISMATCH)
        member = found[0]
        if not (member.email if channel is CodeChannel.EMAIL else member.phone):
            self._audit(db, now, member.id, "reset_code_refused", f"no {channel.value} address")
            return AppError(ErrorCode.NO_CONTACT)
        return self._send_code(db, key, member, CodePurpose.RESET, channel, now)

    def reset_password(self, identifier: str, code: str, new_password: str) -> None:
        self._check_open(Service.ALL, self._now())
        secret = _accepted(fields.password(new_password))
        password_hash = self._hasher.hash(secret)
        with self._transaction() as db:
            outcome = self._reset(db, identifier, code, password_hash)
        if outcome is not None:
            raise outcome

    def _reset(
        self, db: DbSession, identifier: str, code: str, password_hash: str
    ) -> AppError | None:
        now = self._now()
        members = {m.id: m for m in self._by_identifier(db, identifier)}
        if not members:
            self._audit(db, now, None, "password_reset_refused", "details mismatch")
            return AppError(ErrorCode.DETAILS_MISMATCH)
        # One identifier may (in theory) be one member's Web-ID and another's member number:
        # the member who asked for a code most recently is meant.
        row = self._latest_code(db, list(members), CodePurpose.RESET)
        checked = self._check_code(db, row, code, now)
        if checked is not None:
            return checked
        assert row is not None
        member = members[row.member_id]
        cred = db.scalars(
            select(WebCredential)
            .where(WebCredential.member_id == member.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).one()
        was_locked = cred.locked
        cred.password_hash = password_hash
        cred.locked = False
        cred.failed_count = 0
        row.used_at = now
        # Whoever holds a session signed in with the old password (or the card: every device)
        # is signed out: the tokens are revoked, never accepted again.
        mine = SessionRow.member_id == member.id
        revoked = len(db.scalars(select(SessionRow.token_hash).where(mine)).all())
        db.execute(delete(SessionRow).where(mine))
        detail = f"{revoked} sessions revoked" + ("; Web-ID unlocked" if was_locked else "")
        self._audit(db, now, member.id, "password_reset", detail)
        self._notify(
            db,
            member,
            now,
            "パスワードを再設定しました",
            "今後は、新しいパスワードで会員サービスにログインしてください。",
        )
        return None

    @staticmethod
    def _by_identifier(db: DbSession, identifier: str) -> list[Member]:
        """Members with a Web-ID found by that Web-ID (case-sensitive) or member number."""
        conditions = []
        as_web_id = fields.web_id(identifier)
        if as_web_id.error is None:
            conditions.append(WebCredential.web_id == as_web_id.value)
        as_number = fields.member_number(identifier)
        if as_number.error is None:
            conditions.append(Member.member_number == as_number.value)
        if not conditions:
            return []
        query = (
            select(Member)
            .join(WebCredential, WebCredential.member_id == Member.id)
            .where(or_(*conditions))
            .order_by(Member.id)
        )
        return list(db.scalars(query))
