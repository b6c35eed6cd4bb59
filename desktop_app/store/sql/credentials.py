"""``CredentialOperations``: Web-ID registration and password reset by a 6-digit code, and the
outbox a demo host shows (``sent_messages``: not part of the member protocol).

A code is six random digits, valid 10 minutes from the clock's now, with 5 tries. Only a salted
SHA-256 of it is kept (``verification_codes``); the plain code appears in one place only, the
outbox message that "sends" it: never in the audit log, an error or a log line. A new code
voids the member's earlier codes of the same purpose; a used code is dead.

A wrong code counts even though the call fails: the try is committed, then the error raised.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import exc as sa_exc
from sqlalchemy import or_, select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain import fields
from desktop_app.domain.calendar import Service
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult
from desktop_app.domain.models import CodeChannel, MemberStatus, SentMessage
from desktop_app.store.sql import code_limits
from desktop_app.store.sql.base import StoreBase
from desktop_app.store.sql.notices import add_notice, code_message, recipient
from desktop_app.store.sql.schema import (
    CodePurpose,
    Member,
    OutboxMessage,
    SessionRow,
    VerificationCode,
    WebCredential,
)

CODE_DIGITS = 6
INBOX_MAX_LIMIT = 1_000


def _new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


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


def _state_refusal(member: Member) -> AppError | None:
    if member.status == MemberStatus.SUSPENDED:
        return AppError(ErrorCode.ACCOUNT_SUSPENDED)
    if member.status == MemberStatus.DORMANT:
        return AppError(ErrorCode.ACCOUNT_DORMANT)
    return None


class CredentialOperations(StoreBase):
    """Registering a Web-ID and resetting a password with a code; the outbox."""

    # ----------------------------------------------------------------- Web-ID registration

    def request_registration_code(self, member_number: str, email: str) -> None:
        self._check_open(Service.ALL, self._now())
        number = _accepted(fields.member_number(member_number))
        address = email.strip().lower()
        with self._transaction() as db:
            outcome = self._registration_code(db, number, address)
        if outcome is not None:
            raise outcome

    def _registration_code(self, db: DbSession, number: str, address: str) -> AppError | None:
        now = self._now()
        key = code_limits.identifier_key(number)
        throttled = code_limits.identifier_refusal(db, self._rules.codes, key, now)
        if throttled is not None:
            self._audit(db, now, None, "registration_code_refused", throttled.code.value)
            return throttled
        member = db.scalar(select(Member).where(Member.member_number == number))
        if member is None or not address or (member.email or "").strip().lower() != address:
            member_id = member.id if member is not None else None
            self._audit(db, now, member_id, "registration_code_refused", "details mismatch")
            code_limits.record_request(db, key, None, CodePurpose.REGISTER.value, now)
            return AppError(ErrorCode.DETAILS_MISMATCH)
        if self._credential(db, member.id) is not None:
            self._audit(db, now, member.id, "registration_code_refused", "already registered")
            return AppError(ErrorCode.WEB_ID_ALREADY_REGISTERED)
        refusal = _state_refusal(member)
        if refusal is not None:
            self._audit(db, now, member.id, "registration_code_refused", member.status)
            return refusal
        return self._send_code(db, key, member, CodePurpose.REGISTER, CodeChannel.EMAIL, now)

    def register_web_id(self, member_number: str, code: str, web_id: str, password: str) -> None:
        self._check_open(Service.ALL, self._now())
        number = _accepted(fields.member_number(member_number))
        new_web_id = _accepted(fields.web_id(web_id))
        secret = _accepted(fields.password(password))
        # Hash outside the write transaction (argon2 is slow on purpose).
        password_hash = self._hasher.hash(secret)
        with self._transaction() as db:
            outcome = self._register(db, number, code, new_web_id, password_hash)
        if outcome is not None:
            raise outcome

    def _register(
        self, db: DbSession, number: str, code: str, new_web_id: str, password_hash: str
    ) -> AppError | None:
        now = self._now()
        member = db.scalar(select(Member).where(Member.member_number == number))
        if member is None:
            self._audit(db, now, None, "web_id_register_refused", "unknown member number")
            return AppError(ErrorCode.DETAILS_MISMATCH)
        if self._credential(db, member.id) is not None:
            self._audit(db, now, member.id, "web_id_register_refused", "already registered")
            return AppError(ErrorCode.WEB_ID_ALREADY_REGISTERED)
        refusal = _state_refusal(member)
        if refusal is not None:
            self._audit(db, now, member.id, "web_id_register_refused", member.status)
            return refusal
        row = self._latest_code(db, [member.id], CodePurpose.REGISTER)
        checked = self._check_code(db, row, code, now)
        if checked is not None:
            return checked
        assert row is not None
        # Only a member holding a right code learns whether a Web-ID is taken.
        if db.scalar(select(WebCredential.id).where(WebCredential.web_id == new_web_id)):
            self._audit(db, now, member.id, "web_id_register_refused", "Web-ID taken")
            return AppError(ErrorCode.WEB_ID_TAKEN)
        try:
            with db.begin_nested():
                db.add(
                    WebCredential(
                        member_id=member.id,
                        web_id=new_web_id,
                        password_hash=password_hash,
                        failed_count=0,
                        locked=False,
                    )
                )
        except sa_exc.IntegrityError:
            # A concurrent registration won the race (PostgreSQL; SQLite writers queue).
            raced = self._credential(db, member.id) is not None
            self._audit(db, now, member.id, "web_id_register_refused", "concurrent registration")
            return AppError(
                ErrorCode.WEB_ID_ALREADY_REGISTERED if raced else ErrorCode.WEB_ID_TAKEN
            )
        row.used_at = now
        self._audit(db, now, member.id, "web_id_registered")
        self._notify(
            db,
            member,
            now,
            "Web-IDの登録が完了しました",
            "今後は、ご登録のWeb-IDとパスワードで会員サービスにログインいただけます。",
        )
        return None

    # ----------------------------------------------------------------- password reset

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
        # Whoever holds a session signed in with the old password is signed out.
        for session in db.scalars(select(SessionRow).where(SessionRow.member_id == member.id)):
            db.delete(session)
        self._audit(db, now, member.id, "password_reset", "Web-ID unlocked" if was_locked else "")
        self._notify(
            db,
            member,
            now,
            "パスワードを再設定しました",
            "今後は、新しいパスワードで会員サービスにログインしてください。",
        )
        return None

    # ----------------------------------------------------------------- outbox (demo host only)

    def sent_messages(self, limit: int = 50) -> tuple[SentMessage, ...]:
        """Every member's sent messages, newest first: for ``DemoOperations`` of a demo host
        only, never the member protocol."""
        limit = min(limit, INBOX_MAX_LIMIT)
        if limit <= 0:
            return ()
        with self._transaction(write=False) as db:
            rows = db.execute(
                select(OutboxMessage, Member.email, Member.phone)
                .join(Member, Member.id == OutboxMessage.member_id)
                .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
                .limit(limit)
            ).all()
        return tuple(
            SentMessage(
                channel=CodeChannel(message.channel),
                recipient=recipient(message.channel, email, phone),
                subject=message.subject,
                body=message.body,
                sent_at=message.created_at,
            )
            for message, email, phone in rows
        )

    # ----------------------------------------------------------------- helpers

    @staticmethod
    def _credential(db: DbSession, member_id: int) -> int | None:
        return db.scalar(select(WebCredential.id).where(WebCredential.member_id == member_id))

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

    def _send_code(
        self,
        db: DbSession,
        key: str,
        member: Member,
        purpose: CodePurpose,
        channel: CodeChannel,
        now: datetime,
    ) -> AppError | None:
        """Unless the member asked too soon or too often: void the member's live codes of
        ``purpose``, store a new one, "send" it and count the request."""
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
        code = _new_code()
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
        subject, body = code_message(member, purpose, channel, code, expires_at, rules)
        db.add(
            OutboxMessage(
                member_id=member.id,
                channel=channel.value,
                subject=subject,
                body=body,
                created_at=now,
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
