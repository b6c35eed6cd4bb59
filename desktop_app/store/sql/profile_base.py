"""``ProfileBase``: what every change of the registered details shares (``profile``,
``profile_codes``, ``schedule``).

A change is one call, one transaction (``_with_session``): the new value, a row of the change
history (``profile_changes``, the values masked), an audit row and a notice to the member. A
refusal that must be kept (a wrong one-time code uses up a try) is returned by the work, not
raised in it, so the try is committed with the call, then raised (``_change``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult
from desktop_app.domain.profile import ChangeItem, MemberProfile, Reminder, Workplace
from desktop_app.store.sql.codes import CodeOperations
from desktop_app.store.sql.notices import add_notice
from desktop_app.store.sql.profile_rows import (
    CHANGED,
    add_change,
    address_of,
    current_bank,
)
from desktop_app.store.sql.receipts import bank_account
from desktop_app.store.sql.schema import LoanAccount, Member, SessionRow, WebCredential
from desktop_app.store.sql.services import ServiceOperations
from desktop_app.store.sql.sessions import T, Work


def accepted(result: FieldResult, max_length: int | None = None) -> str:
    """The policy's value, or its error raised (LENGTH when longer than ``max_length``)."""
    if result.error is not None:
        raise result.error
    if max_length is not None and len(result.value) > max_length:
        raise AppError(ErrorCode.LENGTH, min=1, max=max_length)
    return result.value


class ProfileBase(ServiceOperations, CodeOperations):
    """Reading what is registered and recording a change of it."""

    def _change(self, token: str, work: Work[T | AppError]) -> T:
        """Run a change; a refusal it returned (committed with its tries) is raised."""
        outcome = self._with_session(token, work)
        if isinstance(outcome, AppError):
            raise outcome
        return outcome

    @staticmethod
    def _member(db: DbSession, session: SessionRow) -> Member:
        """The member, locked for the change (PostgreSQL; SQLite writers queue)."""
        return db.scalars(
            select(Member)
            .where(Member.id == session.member_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).one()

    def _record(
        self,
        db: DbSession,
        session: SessionRow,
        now: datetime,
        item: ChangeItem,
        before: str,
        after: str,
    ) -> None:
        """The history row and the audit row of one change."""
        add_change(db, session.member_id, now, session.device_id, item, before, after)
        self._audit(db, now, session.member_id, f"profile_{item.value}_changed")

    def _recorded(
        self,
        db: DbSession,
        session: SessionRow,
        member: Member,
        now: datetime,
        item: ChangeItem,
        before: str,
        after: str,
        *,
        also_to: str | None = None,
    ) -> MemberProfile:
        """A change recorded (``_record``) and told to the member (to ``also_to`` as well,
        when given): the profile it leaves."""
        self._record(db, session, now, item, before, after)
        self._tell(db, member, now, item, after)
        if also_to:
            self._tell(db, member, now, item, after, address=also_to)
        db.flush()
        return self._profile(db, session, now)

    @staticmethod
    def _tell(
        db: DbSession,
        member: Member,
        now: datetime,
        item: ChangeItem,
        after: str | None,
        *,
        address: str | None = None,
    ) -> None:
        """The notice of a change to the member (to ``address`` instead, when given)."""
        lines = [] if after is None else [f"変更後の内容：{after}"]
        lines.append(
            "変更の内容は、会員サービスの「登録内容の確認・変更」の変更履歴でご確認いただけます。"
        )
        add_notice(db, member, now, CHANGED[item], "\n".join(lines), address=address)

    @staticmethod
    def _refresh_eligibility(member: Member, account: LoanAccount) -> None:
        """A member who has not borrowed yet is eligible for the first-time interest-free
        period with an email registered and web statements on."""
        if account.first_borrowed_on is None:
            account.interest_free_eligible = bool(member.email) and member.web_statements

    def _profile(self, db: DbSession, session: SessionRow, now: datetime) -> MemberProfile:
        member = db.get_one(Member, session.member_id)
        account = db.scalars(
            select(LoanAccount)
            .where(LoanAccount.member_id == member.id)
            .execution_options(populate_existing=True)
        ).one()
        bank = current_bank(db, member.id)
        web_id = db.scalar(select(WebCredential.web_id).where(WebCredential.member_id == member.id))
        workplace = (
            Workplace(member.workplace_name, member.workplace_phone or "")
            if member.workplace_name
            else None
        )
        return MemberProfile(
            member_number=member.member_number,
            name=member.name,
            name_kana=member.name_kana,
            address=address_of(member),
            phone=member.phone,
            email=member.email,
            workplace=workplace,
            bank_account=bank_account(bank) if bank is not None else None,
            due_day=account.due_day,
            next_due_date=self._effective(account.next_due_date),
            auto_debit=account.auto_debit,
            reminder=Reminder(
                account.reminder_enabled, account.reminder_days_before, account.reminder_hour
            ),
            web_statements=member.web_statements,
            web_id=web_id,
        )
