"""``RegistrationOperations``: a member registers a Web-ID with a code sent by email.

The code is asked for with the member number and the email address on file; registering takes
the code, the new Web-ID and its password (see ``codes`` for how codes are kept and tried).
"""

from __future__ import annotations

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain import fields
from desktop_app.domain.calendar import Service
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel, MemberStatus
from desktop_app.store.sql import code_limits
from desktop_app.store.sql.codes import CodeOperations, _accepted
from desktop_app.store.sql.schema import CodePurpose, Member, WebCredential


def _state_refusal(member: Member) -> AppError | None:
    if member.status == MemberStatus.SUSPENDED:
        return AppError(ErrorCode.ACCOUNT_SUSPENDED)
    if member.status == MemberStatus.DORMANT:
        return AppError(ErrorCode.ACCOUNT_DORMANT)
    return None


class RegistrationOperations(CodeOperations):
    """Registering a Web-ID with a code."""

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

    @staticmethod
    def _credential(db: DbSession, member_id: int) -> int | None:
        return db.scalar(select(WebCredential.id).where(WebCredential.member_id == member_id))
