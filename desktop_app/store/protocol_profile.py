"""The member protocol's registered details and repayment settings (issue 11): part of
``Store``, transport-neutral like the rest (data classes in and out, ``AppError`` codes out).

Every change is one transaction that writes the new value, a ``ProfileChange`` (变更履歴, the
old value masked) and an audit row, and is refused with MAINTENANCE (``resume_at``) while the
service is stopped. Inputs are the values of the DOMAIN.md §7 policies; the store applies the
policies again and raises their errors (with ``field``-free codes such as POSTAL_INVALID).

Changes of the email, the bank account, the Web-ID and the password need a 4-digit one-time
code (``request_change_code``) sent by SMS to the registered phone, else to the email; it is
valid 10 minutes, 5 wrong tries kill it and lock that change until the code would have
expired (CHANGE_LOCKED with ``resume_at``); only a salted hash of it is kept. A code is
for its own change only and is used up by the change it allowed (CODE_NOT_REQUESTED after
that). A wrong current password (Web-ID and password changes) uses up a try of the code like
a wrong code (five lock the change); it does not count towards the sign-in lockout of the
Web-ID. A value outside the protocol's choices (an unknown ``CodedChange``, an account type
other than ``ordinary``/``current``) is refused with REQUEST_INVALID.

The store acts on its own the first time it looks at an account once something is due: on
and after the (effective) due date, automatic debit pays this cycle's remaining minimum (a
ledger row of kind ``auto_debit``, once per due date, shown in the history like a
repayment); from ``days_before`` the due date at ``hour``:00 to the end of the due date, the
reminder email is put in the outbox, once per due date (a demo host's ``sent_messages``
queues it as well).
"""

from __future__ import annotations

from typing import Protocol

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


class ProfileStore(Protocol):
    def profile(self, token: str) -> MemberProfile:
        """What is registered for the signed-in member. Raises SESSION_EXPIRED."""
        ...

    def change_history(self, token: str, limit: int) -> tuple[ProfileChange, ...]:
        """The member's latest ``limit`` changes (at most 100), newest first."""
        ...

    def change_address(self, token: str, postal_code: str, town: str, line2: str) -> MemberProfile:
        """Register a new address. ``postal_code`` must be a known code (POSTAL_UNKNOWN) and
        ``town`` one of its towns as Japan Post lists them; ``line2`` (番地・建物名) goes
        through the address policy."""
        ...

    def change_phone(self, token: str, phone: str) -> MemberProfile:
        """Register a new phone number (10–11 digits from 0). Raises PHONE_INVALID,
        NOTHING_CHANGED."""
        ...

    def change_workplace(self, token: str, name: str, phone: str) -> MemberProfile:
        """Register the workplace's name (workplace policy) and phone."""
        ...

    def request_change_code(self, token: str, change: CodedChange) -> CodeSent:
        """Send a one-time code for ``change``. Raises CODE_REQUEST_TOO_SOON (``resume_at``),
        CODE_REQUESTS_EXHAUSTED, CHANGE_LOCKED (``resume_at``), NO_CONTACT."""
        ...

    def change_email(self, token: str, email: str, code: str) -> MemberProfile:
        """Register a new email once ``code`` matches; the old address is told of the change.
        Raises CODE_WRONG (``remaining``), CODE_EXPIRED, CODE_NOT_REQUESTED, CHANGE_LOCKED,
        EMAIL_INVALID, NOTHING_CHANGED."""
        ...

    def change_bank_account(self, token: str, account: NewBankAccount, code: str) -> MemberProfile:
        """Register ``account`` as the borrowing destination (and the automatic-debit account
        while automatic debit is on) once ``code`` matches. Raises UNKNOWN_BANK,
        UNKNOWN_BRANCH, the account-number and holder policies' errors, the code errors, and
        DUE_DAY_FIXED when automatic debit is on and the new bank fixes another due day (stop
        it or change the due day first)."""
        ...

    def change_web_id(self, token: str, web_id: str, password: str, code: str) -> MemberProfile:
        """A new Web-ID, with the current password and the code; every other session of the
        member ends. Raises PASSWORD_WRONG, WEB_ID_TAKEN, NOTHING_CHANGED, the code errors."""
        ...

    def change_password(self, token: str, password: str, new_password: str, code: str) -> None:
        """A new password, with the current one and the code; every other session of the
        member ends. Raises PASSWORD_WRONG, NOTHING_CHANGED, the password policy's and the
        code errors."""
        ...

    def due_day_effect(self, token: str, due_day: int, auto_debit: bool | None) -> DueDayEffect:
        """What changing the due day to ``due_day`` would do, without changing it (for
        ``auto_debit`` not None: with automatic debit set so, which may fix the day). Raises
        DUE_DAY_INVALID, DUE_DAY_TOO_LATE (``latest``)."""
        ...

    def change_due_day(self, token: str, due_day: int) -> AccountSummary:
        """Change the due day (5, 15, 25 or 31 for the month's last day). Raises
        DUE_DAY_INVALID, DUE_DAY_TOO_LATE (``latest``), DUE_DAY_FIXED (``day``: automatic
        debit from this bank allows that day only), NOTHING_CHANGED."""
        ...

    def set_auto_debit(self, token: str, enabled: bool, due_day: int) -> AccountSummary:
        """Start (or stop) automatic debit from the registered bank account, with ``due_day``
        (the fixed day whatever is asked, for banks that fix it). On each due date the store
        debits the minimum payment still due (a ledger row of kind ``auto_debit``, once per
        due date), when it next accrues after that date's business day. Raises
        AUTO_DEBIT_NO_ACCOUNT, DUE_DAY_TOO_LATE, NOTHING_CHANGED."""
        ...

    def set_reminder(self, token: str, reminder: Reminder) -> MemberProfile:
        """Reminder email on/off, ``days_before`` (1–7) the due date at ``hour`` (0–23); the
        store puts it in the outbox at that hour. Raises REMINDER_INVALID, NO_CONTACT (no
        email registered)."""
        ...

    def set_web_statements(self, token: str, enabled: bool) -> MemberProfile:
        """Web statements (Web明細) on/off: off ends the eligibility for the first-time
        interest-free period of a member who has not borrowed yet."""
        ...
