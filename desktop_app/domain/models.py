"""Frozen data classes that cross the store boundary (in and out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum


class MemberStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    DORMANT = "dormant"


class LedgerKind(StrEnum):
    BORROW = "borrow"
    REPAY = "repay"
    PREPAID_CHARGE = "prepaid_charge"  # borrowing onto the prepaid card
    AUTO_DEBIT = "auto_debit"  # 口座振替: the minimum payment debited on the due date


class ApplicationStatus(StrEnum):
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    DECLINED = "declined"


PREPAID_BANK_CODE = "PREPAID"  # the destination "bank code" of the prepaid card


@dataclass(frozen=True)
class Session:
    """An opaque session: the token is never shown, logged or compared by a view."""

    token: str = field(repr=False)
    member_number: str
    member_name: str
    previous_sign_in_at: datetime | None
    # Signed in on a store that cannot be written: the account can be viewed, not changed.
    read_only: bool = False


@dataclass(frozen=True)
class BankAccount:
    """A registered bank account, a destination for borrowing."""

    id: int
    bank_code: str
    bank_name: str
    branch_code: str
    branch_name: str
    account_type: str  # "ordinary" (普通) or "current" (当座)
    account_number: str
    holder: str

    @property
    def masked_number(self) -> str:
        return "***" + self.account_number[-4:]


@dataclass(frozen=True)
class LimitApplication:
    """A limit-increase application (総量規制 checked when it was made)."""

    applied_at: datetime
    requested_limit: int
    annual_income: int
    other_debts: int
    status: ApplicationStatus
    certificate_required: bool


@dataclass(frozen=True)
class InterestInquiry:
    """Interest to today and, if nothing changes, to the next due date."""

    as_of: datetime
    interest_to_today: int
    damages_to_today: int
    next_due_date: date | None
    interest_to_due_date: int
    damages_to_due_date: int
    interest_free_until: date | None


@dataclass(frozen=True)
class AccountSummary:
    """Where a member stands, accrued to ``as_of``."""

    as_of: datetime
    member_number: str
    name: str
    name_kana: str
    credit_limit: int
    principal: int
    annual_rate: Decimal
    accrued_interest: int
    late_damages: int
    minimum_payment: int
    paid_this_cycle: int
    next_due_date: date | None
    overdue: bool
    interest_free_until: date | None
    last_sign_in_at: datetime | None
    promised_date: date | None = None  # 延滞中 members may promise a payment date
    first_borrowing_interest_free: bool = False  # the next borrowing starts 30 free days
    limit_application: LimitApplication | None = None  # the latest limit-increase application

    @property
    def available(self) -> int:
        """借入可能額: the credit limit less the principal, never negative."""
        return max(0, self.credit_limit - self.principal)

    @property
    def payoff_amount(self) -> int:
        """全額返済: principal, interest and late damages to today, to the yen."""
        return self.principal + self.accrued_interest + self.late_damages

    @property
    def next_payment(self) -> int:
        """What is still due by the next due date, never more than the payoff."""
        if self.principal == 0 and self.payoff_amount == 0:
            return 0
        return min(max(0, self.minimum_payment - self.paid_this_cycle), self.payoff_amount)


@dataclass(frozen=True)
class BorrowReceipt:
    transaction_no: str
    request_id: str
    at: datetime
    amount: int
    destination: BankAccount
    principal_after: int
    available_after: int
    minimum_payment: int
    next_due_date: date | None


@dataclass(frozen=True)
class RepayReceipt:
    transaction_no: str
    request_id: str
    at: datetime
    amount: int
    bank_code: str
    to_damages: int
    to_interest: int
    to_principal: int
    principal_after: int
    available_after: int
    next_due_date: date | None


@dataclass(frozen=True)
class LedgerEntry:
    transaction_no: str
    at: datetime
    kind: LedgerKind
    amount: int
    to_damages: int
    to_interest: int
    to_principal: int
    principal_after: int
    counterparty: str  # the bank name of the destination or of the repayment


class CodeChannel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


@dataclass(frozen=True)
class SentMessage:
    """A message the service "sent" (the demo outbox: a real deployment plugs in SMTP/SMS).

    Only the demo/operator interface hands these out, never the member protocol.
    """

    channel: CodeChannel
    recipient: str  # the masked address or number it went to
    subject: str
    body: str
    sent_at: datetime


class RepayIntent(StrEnum):
    """What the member asked to repay; the store works out NEXT and FULL at commit time."""

    NEXT = "next"  # 一部返済: this cycle's remaining minimum payment
    AMOUNT = "amount"  # 金額指定返済: the amount the member typed
    FULL = "full"  # 全額返済: principal, interest and late damages at the moment it commits


@dataclass(frozen=True)
class HistoryQuery:
    since: date | None = None
    until: date | None = None
    kinds: frozenset[LedgerKind] | None = None  # None: every kind


@dataclass(frozen=True, order=True)
class HistoryCursor:
    """Where a page of history ended: the next page holds the entries strictly older than
    (``at``, ``id``) in the order (at DESC, id DESC). Opaque to the client: it only hands
    back the ``next_cursor`` of the page before."""

    at: datetime
    id: int


@dataclass(frozen=True)
class HistoryPage:
    """A page of entries, newest first.

    ``total`` (the number of entries matching the query) is counted for the first page only
    (asked with no cursor); later pages carry ``None``. ``next_cursor`` is ``None`` on the
    last page.
    """

    entries: tuple[LedgerEntry, ...]
    total: int | None
    next_cursor: HistoryCursor | None = None
