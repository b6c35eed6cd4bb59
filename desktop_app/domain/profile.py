"""The member's registered details and repayment settings (登録内容), as they cross the store
boundary, and the rules of changing them that need no store: the masks of the change history
and the next due date after a change of due day (DOMAIN.md §5).

The store is the authority: it checks every change again, applies it in one transaction with
an audit row and a ``ProfileChange``, and is asked for the effect of a due-day change before
the member confirms it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from desktop_app.domain import loan
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import BankAccount, CodeChannel
from desktop_app.domain.rules import ProfileRules


class ChangeItem(StrEnum):
    """What a change of the registered details changed (a row of 変更履歴)."""

    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"
    WORKPLACE = "workplace"
    BANK_ACCOUNT = "bank_account"
    DUE_DAY = "due_day"
    AUTO_DEBIT = "auto_debit"
    REMINDER = "reminder"
    WEB_STATEMENTS = "web_statements"
    WEB_ID = "web_id"
    PASSWORD = "password"


class CodedChange(StrEnum):
    """The changes that need a 4-digit one-time code sent to the registered phone or email."""

    EMAIL = "email"
    BANK_ACCOUNT = "bank_account"
    WEB_ID = "web_id"
    PASSWORD = "password"


@dataclass(frozen=True)
class Address:
    """``postal_code`` 7 digits; ``town`` 都道府県・市区町村・町域; ``line2`` 番地・建物名
    (full-width)."""

    postal_code: str
    town: str
    line2: str


@dataclass(frozen=True)
class Workplace:
    name: str
    phone: str  # 10–11 digits


@dataclass(frozen=True)
class Reminder:
    """A reminder email ``days_before`` the due date (1–7) at ``hour`` (0–23), Tokyo time."""

    enabled: bool
    days_before: int
    hour: int


@dataclass(frozen=True)
class MemberProfile:
    """What is registered, as the profile screen shows it.

    ``bank_account`` is the borrowing destination (and the automatic-debit account while
    ``auto_debit``); ``next_due_date`` is the effective one (moved to a business day), None
    before any borrowing.
    """

    member_number: str
    name: str
    name_kana: str
    address: Address | None
    phone: str | None
    email: str | None
    workplace: Workplace | None
    bank_account: BankAccount | None
    due_day: int
    next_due_date: date | None
    auto_debit: bool
    reminder: Reminder
    web_statements: bool
    web_id: str | None


@dataclass(frozen=True)
class ProfileChange:
    """One row of 変更履歴: ``before`` and ``after`` are masked by the store; ``device`` is the
    short name of the device the change was made from, ``this_device`` whether that is the
    device asking."""

    at: datetime
    item: ChangeItem
    before: str
    after: str
    device: str
    this_device: bool


@dataclass(frozen=True)
class NewBankAccount:
    """A bank account to register: codes as the 全銀 data has them, the holder already in
    全銀 half-width kana (the account-holder policy's value)."""

    bank_code: str
    branch_code: str
    account_type: str  # "ordinary" (普通) or "current" (当座)
    account_number: str
    holder: str


@dataclass(frozen=True)
class CodeSent:
    """Where a one-time code went (masked), until when it is valid, and when another may be
    asked for."""

    channel: CodeChannel
    destination: str
    expires_at: datetime
    resend_at: datetime


@dataclass(frozen=True)
class DueDayEffect:
    """What a change of due day would do: the effective next due date after it (None before
    any borrowing), and the due day itself (the 5th when automatic debit fixes it)."""

    due_day: int
    next_due_date: date | None


# -- the masks of the change history --------------------------------------------------------
def mask_tail(text: str, shown: int = 4) -> str:
    """All but the last ``shown`` characters as ＊ (half-width text as *)."""
    if len(text) <= shown:
        return "*" * len(text)
    return "*" * (len(text) - shown) + text[-shown:]


def mask_email(email: str) -> str:
    """``taro.yamada@example.jp`` → ``t***@example.jp``."""
    local, _at, domain = email.partition("@")
    if not domain:
        return mask_tail(email)
    return f"{local[:1]}***@{domain}"


def mask_address(address: Address) -> str:
    """The postal code and the town; the 番地・建物名 hidden."""
    return f"〒{address.postal_code[:3]}-{address.postal_code[3:]} {address.town}＊＊＊"


# -- the due day ----------------------------------------------------------------------------
def first_on_day_after(due_day: int, after: date) -> date:
    """The first nominal due date on ``due_day`` strictly after ``after``."""
    candidate = loan.due_date_in(after.year, after.month, due_day)
    return candidate if candidate > after else loan.following_due_date(due_day, candidate)


def next_due_after_change(
    new_day: int,
    today: date,
    current_due: date | None,
    minimum_paid: bool,
    last_payment: date | None,
    rules: ProfileRules,
) -> date | None:
    """The nominal next due date after changing the due day to ``new_day`` (DOMAIN.md §5).

    The first date on the new day after today; when this cycle's minimum is already paid,
    the first such date after the current next due date. None when nothing is owed (no due
    date yet). Raises DUE_DAY_TOO_LATE (with ``latest``) when it would fall more than
    ``rules.due_day_max_days_after_payment`` days after ``last_payment``: the last
    repayment, or the borrowing after it when there is one (a balance borrowed after the last
    repayment is counted from the day it was borrowed), None when neither is on record.
    """
    if current_due is None:
        return None
    start = max(today, current_due) if minimum_paid else today
    new_due = first_on_day_after(new_day, start)
    if last_payment is not None:
        latest = last_payment + timedelta(days=rules.due_day_max_days_after_payment)
        if new_due > latest:
            raise AppError(ErrorCode.DUE_DAY_TOO_LATE, latest=latest)
    return new_due


def auto_debit_due_day(bank_code: str, wanted: int, rules: ProfileRules) -> int:
    """The due day automatic debit from ``bank_code`` allows: any for the banks that may keep
    one, else the fixed day (the 5th)."""
    if bank_code in rules.auto_debit_any_day_banks:
        return wanted
    return rules.auto_debit_fixed_day
