"""``ProfileOperations``: what is registered, the change history, and the changes that need
no one-time code (address, phone, workplace, reminder email, web statements).

Each change is refused with MAINTENANCE while the service is stopped, applies the DOMAIN.md §7
policy of its field again (the client's value is never trusted), and is one transaction with
its history row, audit row and notice (``profile_base``).
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlalchemy.orm import Session as DbSession

from desktop_app.domain import fields
from desktop_app.domain.calendar import Service
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.profile import (
    Address,
    ChangeItem,
    MemberProfile,
    ProfileChange,
    Reminder,
)
from desktop_app.store import reference
from desktop_app.store.sql.profile_base import ProfileBase, accepted
from desktop_app.store.sql.profile_rows import (
    address_of,
    address_text,
    changes,
    on_off_text,
    phone_text,
    reminder_text,
    workplace_text,
)
from desktop_app.store.sql.schema import SessionRow

ADDRESS_LINE2_MAX_LENGTH = 100
WORKPLACE_NAME_MAX_LENGTH = 100
REMINDER_HOURS = range(24)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class ProfileOperations(ProfileBase):
    """Reading the registered details and changing those that need no code."""

    # ----------------------------------------------------------------- reading

    def profile(self, token: str) -> MemberProfile:
        return self._with_session(token, self._profile, write=False)

    def change_history(self, token: str, limit: int) -> tuple[ProfileChange, ...]:
        def read(db: DbSession, session: SessionRow, now: datetime) -> tuple[ProfileChange, ...]:
            return changes(db, session.member_id, session.device_id, limit)

        return self._with_session(token, read, write=False)

    # ----------------------------------------------------------------- address, phone, workplace

    def change_address(self, token: str, postal_code: str, town: str, line2: str) -> MemberProfile:
        self._check_open(Service.ALL, self._now())
        code = accepted(fields.postal_code(postal_code))
        rest = accepted(fields.address(line2), ADDRESS_LINE2_MAX_LENGTH)
        known = [entry.address for entry in reference.towns(code)]
        if not known or town.strip() not in known:
            raise AppError(ErrorCode.POSTAL_UNKNOWN)
        address = Address(code, town.strip(), rest)
        return self._with_session(token, partial(self._change_address, address=address))

    def _change_address(
        self, db: DbSession, session: SessionRow, now: datetime, *, address: Address
    ) -> MemberProfile:
        member = self._member(db, session)
        before = address_of(member)
        if before == address:
            raise AppError(ErrorCode.NOTHING_CHANGED)
        member.postal_code = address.postal_code
        member.address_town = address.town
        member.address_line2 = address.line2
        after = address_text(address)
        before_text = address_text(before)
        return self._recorded(db, session, member, now, ChangeItem.ADDRESS, before_text, after)

    def change_phone(self, token: str, phone: str) -> MemberProfile:
        self._check_open(Service.ALL, self._now())
        number = accepted(fields.phone(phone))
        return self._with_session(token, partial(self._change_phone, number=number))

    def _change_phone(
        self, db: DbSession, session: SessionRow, now: datetime, *, number: str
    ) -> MemberProfile:
        member = self._member(db, session)
        if member.phone == number:
            raise AppError(ErrorCode.NOTHING_CHANGED)
        before = phone_text(member.phone)
        member.phone = number
        after = phone_text(number)
        return self._recorded(db, session, member, now, ChangeItem.PHONE, before, after)

    def change_workplace(self, token: str, name: str, phone: str) -> MemberProfile:
        self._check_open(Service.ALL, self._now())
        company = accepted(fields.workplace(name), WORKPLACE_NAME_MAX_LENGTH)
        number = accepted(fields.phone(phone))
        work = partial(self._change_workplace, company=company, number=number)
        return self._with_session(token, work)

    def _change_workplace(
        self, db: DbSession, session: SessionRow, now: datetime, *, company: str, number: str
    ) -> MemberProfile:
        member = self._member(db, session)
        if (member.workplace_name, member.workplace_phone) == (company, number):
            raise AppError(ErrorCode.NOTHING_CHANGED)
        before = workplace_text(member.workplace_name, member.workplace_phone)
        member.workplace_name = company
        member.workplace_phone = number
        after = workplace_text(company, number)
        return self._recorded(db, session, member, now, ChangeItem.WORKPLACE, before, after)

    # ----------------------------------------------------------------- reminder, web statements

    def set_reminder(self, token: str, reminder: Reminder) -> MemberProfile:
        self._check_open(Service.ALL, self._now())
        first, last = self._rules.profile.reminder_days
        if not (
            isinstance(reminder.enabled, bool)
            and _whole(reminder.days_before)
            and first <= reminder.days_before <= last
            and _whole(reminder.hour)
            and reminder.hour in REMINDER_HOURS
        ):
            raise AppError(ErrorCode.REMINDER_INVALID)
        return self._with_session(token, partial(self._set_reminder, reminder=reminder))

    def _set_reminder(
        self, db: DbSession, session: SessionRow, now: datetime, *, reminder: Reminder
    ) -> MemberProfile:
        member = self._member(db, session)
        account = self._account(db, member.id, lock=True)
        if reminder.enabled and not member.email:
            raise AppError(ErrorCode.NO_CONTACT)
        was = Reminder(
            account.reminder_enabled, account.reminder_days_before, account.reminder_hour
        )
        if was == reminder or not (was.enabled or reminder.enabled):
            raise AppError(ErrorCode.NOTHING_CHANGED)
        account.reminder_enabled = reminder.enabled
        account.reminder_days_before = reminder.days_before
        account.reminder_hour = reminder.hour
        account.updated_at = now
        after = reminder_text(*_fields(reminder))
        self._record(db, session, now, ChangeItem.REMINDER, reminder_text(*_fields(was)), after)
        self._tell(db, member, now, ChangeItem.REMINDER, after)
        db.flush()
        self._upkeep(db, member.id, now)  # its hour may have come already
        return self._profile(db, session, now)

    def set_web_statements(self, token: str, enabled: bool) -> MemberProfile:
        self._check_open(Service.ALL, self._now())
        if not isinstance(enabled, bool):
            raise AppError(ErrorCode.REQUEST_INVALID)
        return self._with_session(token, partial(self._set_web_statements, enabled=enabled))

    def _set_web_statements(
        self, db: DbSession, session: SessionRow, now: datetime, *, enabled: bool
    ) -> MemberProfile:
        member = self._member(db, session)
        account = self._account(db, member.id, lock=True)
        if member.web_statements == enabled:
            raise AppError(ErrorCode.NOTHING_CHANGED)
        member.web_statements = enabled
        self._refresh_eligibility(member, account)
        account.updated_at = now
        before, after = on_off_text(not enabled), on_off_text(enabled)
        return self._recorded(db, session, member, now, ChangeItem.WEB_STATEMENTS, before, after)


def _fields(reminder: Reminder) -> tuple[bool, int, int]:
    return reminder.enabled, reminder.days_before, reminder.hour
