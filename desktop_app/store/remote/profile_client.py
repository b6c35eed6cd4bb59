"""``ProfileCalls``: the ``ProfileStore`` half of ``HttpStore`` (the registered details and
repayment settings), spoken to the member server's profile endpoints.

The reads (the profile, the change history, a due-day change's effect) are sent again when
their reply was lost; a change (a POST) is not: sent twice, the second would be
NOTHING_CHANGED or find its one-time code spent, so a lost reply is STORE_UNAVAILABLE and the
member looks at the profile again. Passwords and codes go in the request body only.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from desktop_app.domain.models import AccountSummary
from desktop_app.domain.profile import (
    CodedChange,
    CodeSent,
    DueDayEffect,
    MemberProfile,
    NewBankAccount,
    ProfileChange,
    Reminder,
)
from desktop_app.store.remote.parsing import T, parse, parse_all
from desktop_app.store.remote.transport import HttpTransport
from desktop_app.store.remote.wire import Paths


class ProfileCalls(HttpTransport):
    """The base of ``HttpStore``: its ``_send`` carries the token and the device."""

    def _post(self, kind: type[T], path: str, token: str, body: dict[str, Any]) -> T:
        """A change (never sent again once it may have arrived), answered as ``kind``."""
        return parse(kind, self._send("POST", path, body=body, token=token))

    def _changed(self, path: str, token: str, body: dict[str, Any]) -> MemberProfile:
        return self._post(MemberProfile, path, token, body)

    def profile(self, token: str) -> MemberProfile:
        payload = self._send("GET", Paths.PROFILE, token=token, replayable=True)
        return parse(MemberProfile, payload)

    def change_history(self, token: str, limit: int) -> tuple[ProfileChange, ...]:
        path = f"{Paths.PROFILE_CHANGES}?limit={int(limit)}"
        return parse_all(ProfileChange, self._send("GET", path, token=token, replayable=True))

    def change_address(self, token: str, postal_code: str, town: str, line2: str) -> MemberProfile:
        body = {"postal_code": postal_code, "town": town, "line2": line2}
        return self._changed(Paths.ADDRESS, token, body)

    def change_phone(self, token: str, phone: str) -> MemberProfile:
        return self._changed(Paths.PHONE, token, {"phone": phone})

    def change_workplace(self, token: str, name: str, phone: str) -> MemberProfile:
        return self._changed(Paths.WORKPLACE, token, {"name": name, "phone": phone})

    def request_change_code(self, token: str, change: CodedChange) -> CodeSent:
        return self._post(CodeSent, Paths.CHANGE_CODES, token, {"change": str(change)})

    def change_email(self, token: str, email: str, code: str) -> MemberProfile:
        return self._changed(Paths.EMAIL, token, {"email": email, "code": code})

    def change_bank_account(self, token: str, account: NewBankAccount, code: str) -> MemberProfile:
        return self._changed(Paths.BANK_ACCOUNT, token, {"account": asdict(account), "code": code})

    def change_web_id(self, token: str, web_id: str, password: str, code: str) -> MemberProfile:
        body = {"web_id": web_id, "password": password, "code": code}
        return self._changed(Paths.WEB_ID, token, body)

    def change_password(self, token: str, password: str, new_password: str, code: str) -> None:
        body = {"password": password, "new_password": new_password, "code": code}
        self._send("POST", Paths.PASSWORD, body=body, token=token)

    def due_day_effect(self, token: str, due_day: int, auto_debit: bool | None) -> DueDayEffect:
        body = {"due_day": due_day, "auto_debit": auto_debit}
        payload = self._send("POST", Paths.DUE_DAY_EFFECT, body=body, token=token, replayable=True)
        return parse(DueDayEffect, payload)

    def change_due_day(self, token: str, due_day: int) -> AccountSummary:
        return self._post(AccountSummary, Paths.DUE_DAY, token, {"due_day": due_day})

    def set_auto_debit(self, token: str, enabled: bool, due_day: int) -> AccountSummary:
        body = {"enabled": enabled, "due_day": due_day}
        return self._post(AccountSummary, Paths.AUTO_DEBIT, token, body)

    def set_reminder(self, token: str, reminder: Reminder) -> MemberProfile:
        return self._changed(Paths.REMINDER, token, asdict(reminder))

    def set_web_statements(self, token: str, enabled: bool) -> MemberProfile:
        return self._changed(Paths.WEB_STATEMENTS, token, {"enabled": enabled})
