"""``CodedChangeOperations``: the email, the bank account, the Web-ID and the password, each
changed with the one-time code asked for it (``profile_codes``).

Refusals that need no code (the policies, NOTHING_CHANGED, an unknown bank or branch, a due
day the new bank would not keep) come before the code is tried, so they use up no try. The
old email address is told of an email change too; a new bank account replaces the old one
(kept, retired, for the ledger rows that went to it); a new Web-ID or password ends every
other session of the member.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain import fields
from desktop_app.domain.calendar import Service
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.profile import ChangeItem, MemberProfile, NewBankAccount, auto_debit_due_day
from desktop_app.store import reference
from desktop_app.store.sql.notices import add_notice
from desktop_app.store.sql.profile_base import accepted
from desktop_app.store.sql.profile_codes import CodedChangeBase
from desktop_app.store.sql.profile_rows import (
    CHANGED,
    SECRET,
    bank_text,
    current_bank,
    email_text,
    web_id_text,
)
from desktop_app.store.sql.schema import (
    BankAccountRow,
    CodePurpose,
    Member,
    SessionRow,
    WebCredential,
)

EMAIL_MAX_LENGTH = 254
ACCOUNT_TYPES = ("ordinary", "current")
_SIGNED_OUT = "ほかの端末でのログインは、すべて終了しました。"


class CodedChangeOperations(CodedChangeBase):
    """The changes that need a one-time code."""

    # ----------------------------------------------------------------- email

    def change_email(self, token: str, email: str, code: str) -> MemberProfile:
        self._check_open(Service.ALL, self._now())
        address = accepted(fields.email(email), EMAIL_MAX_LENGTH)
        return self._change(token, partial(self._change_email, address=address, code=code))

    def _change_email(
        self, db: DbSession, session: SessionRow, now: datetime, *, address: str, code: str
    ) -> MemberProfile | AppError:
        member = self._member(db, session)
        if member.email == address:
            raise AppError(ErrorCode.NOTHING_CHANGED)
        used = self._used_code(db, member.id, CodePurpose.EMAIL, code, now)
        if isinstance(used, AppError):
            return used
        old = member.email
        member.email = address
        self._refresh_eligibility(member, self._account(db, member.id, lock=True))
        before, after = email_text(old), email_text(address)
        # The old address learns of it too: it may not have been the member.
        return self._recorded(
            db, session, member, now, ChangeItem.EMAIL, before, after, also_to=old
        )

    # ----------------------------------------------------------------- bank account

    def change_bank_account(self, token: str, account: NewBankAccount, code: str) -> MemberProfile:
        self._check_open(Service.ALL, self._now())
        bank_code = accepted(fields.bank_code(account.bank_code))
        branch_code = accepted(fields.branch_code(account.branch_code))
        row = BankAccountRow(
            bank_code=bank_code,
            branch_code=branch_code,
            account_type=account.account_type,
            account_number=accepted(fields.account_number(account.account_number)),
            holder=accepted(fields.account_holder(account.holder)),
        )
        if account.account_type not in ACCOUNT_TYPES:
            raise AppError(ErrorCode.REQUEST_INVALID)
        bank = reference.bank(bank_code)
        if bank is None:
            raise AppError(ErrorCode.UNKNOWN_BANK)
        branch = reference.branch(bank_code, branch_code)
        if branch is None:
            raise AppError(ErrorCode.UNKNOWN_BRANCH)
        row.bank_name = bank.name
        row.branch_name = branch.name
        return self._change(token, partial(self._change_bank, new=row, code=code))

    def _change_bank(
        self, db: DbSession, session: SessionRow, now: datetime, *, new: BankAccountRow, code: str
    ) -> MemberProfile | AppError:
        member = self._member(db, session)
        current = current_bank(db, member.id)
        if current is not None and _same_account(current, new):
            raise AppError(ErrorCode.NOTHING_CHANGED)
        loan_account = self._account(db, member.id, lock=True)
        if loan_account.auto_debit:
            day = auto_debit_due_day(new.bank_code, loan_account.due_day, self._rules.profile)
            if day != loan_account.due_day:
                raise AppError(ErrorCode.DUE_DAY_FIXED, day=day)
        used = self._used_code(db, member.id, CodePurpose.BANK_ACCOUNT, code, now)
        if isinstance(used, AppError):
            return used
        if current is not None:
            current.retired_at = now
        new.member_id = member.id
        db.add(new)
        before, after = bank_text(current), bank_text(new)
        return self._recorded(db, session, member, now, ChangeItem.BANK_ACCOUNT, before, after)

    # ----------------------------------------------------------------- Web-ID and password

    def change_web_id(self, token: str, web_id: str, password: str, code: str) -> MemberProfile:
        self._check_open(Service.ALL, self._now())
        new_id = accepted(fields.web_id(web_id))
        cred = self._stored_password(token)
        if cred.web_id == new_id:
            raise AppError(ErrorCode.NOTHING_CHANGED)
        matched = self._hasher.verify(cred.password_hash, password)  # outside any write
        work = partial(
            self._change_web_id,
            new_id=new_id,
            stored=cred.password_hash if matched else None,
            code=code,
        )
        return self._change(token, work)

    def _change_web_id(
        self,
        db: DbSession,
        session: SessionRow,
        now: datetime,
        *,
        new_id: str,
        stored: str | None,
        code: str,
    ) -> MemberProfile | AppError:
        member = self._member(db, session)
        cred = self._locked_credential(db, member.id)
        right = stored is not None and cred.password_hash == stored
        row = self._used_code(db, member.id, CodePurpose.WEB_ID, code, now, password_right=right)
        if isinstance(row, AppError):
            return row
        # Only a member holding a right code learns whether a Web-ID is taken; the code
        # stays good for another try.
        taken = select(WebCredential.id).where(
            WebCredential.web_id == new_id, WebCredential.member_id != member.id
        )
        if db.scalar(taken) is not None:
            row.used_at = None
            self._audit(db, now, member.id, "change_refused", "web_id: Web-ID taken")
            return AppError(ErrorCode.WEB_ID_TAKEN)
        old = cred.web_id
        try:
            with db.begin_nested():
                cred.web_id = new_id
                db.flush()
        except sa_exc.IntegrityError:  # taken meanwhile (PostgreSQL; SQLite writers queue)
            return AppError(ErrorCode.WEB_ID_TAKEN)
        after = web_id_text(new_id)
        advice = f"変更後のWeb-ID：{after}\n今後は、新しいWeb-IDでログインしてください。"
        self._sign_in_changed(
            db, session, member, now, ChangeItem.WEB_ID, web_id_text(old), after, advice
        )
        db.flush()
        return self._profile(db, session, now)

    def change_password(self, token: str, password: str, new_password: str, code: str) -> None:
        self._check_open(Service.ALL, self._now())
        secret = accepted(fields.password(new_password))
        cred = self._stored_password(token)
        matched = self._hasher.verify(cred.password_hash, password)  # outside any write
        if matched and password == secret:
            raise AppError(ErrorCode.NOTHING_CHANGED)
        new_hash = self._hasher.hash(secret) if matched else None
        work = partial(
            self._change_password,
            stored=cred.password_hash if matched else None,
            new_hash=new_hash,
            code=code,
        )
        self._change(token, work)

    def _change_password(
        self,
        db: DbSession,
        session: SessionRow,
        now: datetime,
        *,
        stored: str | None,
        new_hash: str | None,
        code: str,
    ) -> AppError | None:
        member = self._member(db, session)
        cred = self._locked_credential(db, member.id)
        right = stored is not None and new_hash is not None and cred.password_hash == stored
        used = self._used_code(db, member.id, CodePurpose.PASSWORD, code, now, password_right=right)
        if isinstance(used, AppError):
            return used
        assert new_hash is not None  # a right password was hashed anew
        cred.password_hash = new_hash
        advice = "今後は、新しいパスワードでログインしてください。"
        self._sign_in_changed(db, session, member, now, ChangeItem.PASSWORD, SECRET, SECRET, advice)
        return None

    def _sign_in_changed(
        self,
        db: DbSession,
        session: SessionRow,
        member: Member,
        now: datetime,
        item: ChangeItem,
        before: str,
        after: str,
        advice: str,
    ) -> None:
        """A new Web-ID or password: every other session ends, recorded and told."""
        ended = self._end_other_sessions(db, session)
        self._record(db, session, now, item, before, after)
        self._audit(db, now, member.id, "sessions_revoked", f"{ended} other sessions")
        add_notice(db, member, now, CHANGED[item], f"{advice}{_SIGNED_OUT}")


def _same_account(current: BankAccountRow, new: BankAccountRow) -> bool:
    columns = ("bank_code", "branch_code", "account_type", "account_number", "holder")
    return all(getattr(current, name) == getattr(new, name) for name in columns)
