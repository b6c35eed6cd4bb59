"""The transport-neutral Store protocol: data classes in and out, an opaque session token,
a request id on every money movement, errors as ``AppError`` codes (never sentences).

This is the member protocol: what a stranger on the network may call, served unchanged by
the member server. It has no seeding, hash profile or clock: those are settings of the
store's host (the composition root for a local store, the server for a remote one), and
demo/operator functions live on ``desktop_app.store.demo.DemoOperations``, which only a
demo host offers.

Every method may block (disk, network, hashing): call it only through the operation runner.
Every method may also raise a store fault: STORE_UNAVAILABLE, STORE_CORRUPT, STORE_READ_ONLY
(a change on a store that can only be read), STORE_DISK_FULL (nothing was saved).
A store that can only be read still signs members in: their ``Session`` is ``read_only``, its
reads work and every change with it raises STORE_READ_ONLY.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Protocol, TypeVar

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.models import (
    AccountSummary,
    BankAccount,
    BorrowReceipt,
    CodeChannel,
    HistoryCursor,
    HistoryPage,
    HistoryQuery,
    InterestInquiry,
    LedgerEntry,
    LimitApplication,
    RepayIntent,
    RepayReceipt,
    Session,
)
from desktop_app.domain.terms import ServiceTerms
from desktop_app.store.protocol_profile import ProfileStore

T = TypeVar("T")
# One ledger entry as the CSV export streams it: its minute in Tokyo ("2026-11-24 10:00"),
# kind (a ``LedgerKind`` value), amount, interest (to_interest + to_damages), to_principal,
# principal_after, counterparty.
HistoryLine = tuple[str, str, int, int, int, int, str]


def history_line(entry: LedgerEntry) -> HistoryLine:
    """``entry`` as the export streams it (a local store has its database make the same)."""
    return (
        entry.at.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M"),
        entry.kind.value,
        entry.amount,
        entry.to_interest + entry.to_damages,
        entry.to_principal,
        entry.principal_after,
        entry.counterparty,
    )


class Store(ProfileStore, Protocol):
    def service_terms(self) -> ServiceTerms:
        """The rules the store applies, for the client to validate and display with (no
        session needed; cacheable until ``valid_until``)."""
        ...

    def sign_in_with_card(self, card_number: str, pin: str, device_id: str) -> Session:
        """Sign in with a normalised card number and PIN.

        Raises SIGNIN_FAILED_CARD, CARD_LOCKED, CARD_INVALID, ACCOUNT_SUSPENDED, ACCOUNT_DORMANT.
        """
        ...

    def sign_in_with_web_id(self, web_id: str, password: str, device_id: str) -> Session:
        """Sign in with a Web-ID and password.

        Raises SIGNIN_FAILED_WEB, WEB_ID_LOCKED, ACCOUNT_SUSPENDED, ACCOUNT_DORMANT.
        """
        ...

    def request_registration_code(self, member_number: str, email: str) -> None:
        """Send a 6-digit code (valid 10 minutes, 5 tries) to the registered email, for
        registering a Web-ID. Raises DETAILS_MISMATCH (the member number and email do not
        match one member), WEB_ID_ALREADY_REGISTERED, MAINTENANCE, CODE_REQUEST_TOO_SOON (with
        ``resume_at``), CODE_REQUESTS_EXHAUSTED, CODE_GUESSES_EXHAUSTED (see Rules.codes)."""
        ...

    def register_web_id(self, member_number: str, code: str, web_id: str, password: str) -> None:
        """Set the member's Web-ID and password once the code matches.

        Raises CODE_WRONG (with ``remaining`` tries), CODE_EXPIRED, CODE_TOO_MANY_TRIES,
        CODE_GUESSES_EXHAUSTED (no wrong tries left today), WEB_ID_TAKEN,
        WEB_ID_ALREADY_REGISTERED, and the policy errors of the inputs.
        """
        ...

    def request_password_reset(
        self, identifier: str, birth_date: date, channel: CodeChannel
    ) -> None:
        """Send a 6-digit code by SMS or email to a member found by Web-ID or member number
        and date of birth. Raises DETAILS_MISMATCH, NO_CONTACT (no address for the channel),
        CODE_REQUEST_TOO_SOON (with ``resume_at``), CODE_REQUESTS_EXHAUSTED,
        CODE_GUESSES_EXHAUSTED."""
        ...

    def reset_password(self, identifier: str, code: str, new_password: str) -> None:
        """Set a new password once the code matches; a locked Web-ID is unlocked.

        Raises CODE_WRONG, CODE_EXPIRED, CODE_TOO_MANY_TRIES, CODE_GUESSES_EXHAUSTED,
        DETAILS_MISMATCH, and the password policy's errors.
        """
        ...

    def sign_out(self, token: str) -> None:
        """End the session; unknown or ended tokens are ignored."""
        ...

    def account_summary(self, token: str) -> AccountSummary:
        """Where the member stands, accrued to the clock's now. Raises SESSION_EXPIRED."""
        ...

    def bank_accounts(self, token: str) -> tuple[BankAccount, ...]:
        """The member's registered bank accounts (borrowing destinations)."""
        ...

    def borrow(
        self, token: str, amount: int, destination_id: int, request_id: str
    ) -> BorrowReceipt:
        """Transfer ``amount`` yen to a registered account, in one transaction.

        A repeated ``request_id`` returns the first receipt and moves nothing.
        Raises REQUEST_ID_INVALID (before anything else), AMOUNT_*, BORROW_BLOCKED_OVERDUE,
        UNKNOWN_DESTINATION, SESSION_EXPIRED.
        """
        ...

    def repay(
        self,
        token: str,
        intent: RepayIntent,
        amount: int | None,
        bank_code: str,
        request_id: str,
    ) -> RepayReceipt:
        """Apply a repayment (damages, then interest, then principal), in one transaction.

        The store decides the amount of ``NEXT`` (this cycle's remaining minimum) and
        ``FULL`` (the payoff accrued at commit time); ``amount`` is for ``AMOUNT`` only and
        must be ``None`` otherwise. A repeated ``request_id`` returns the first receipt and
        moves nothing. Raises REQUEST_ID_INVALID (before anything else), AMOUNT_*,
        NOTHING_TO_REPAY, UNKNOWN_BANK, SESSION_EXPIRED.
        """
        ...

    def interest_inquiry(self, token: str) -> InterestInquiry:
        """Interest (and late damages) accrued to today and, if nothing changes, to the next
        due date."""
        ...

    def promise_payment(self, token: str, day: date) -> AccountSummary:
        """An overdue member promises to pay on ``day`` (today … due date + 14 days).
        Late damages still run from the due date. Raises PROMISE_NOT_OVERDUE,
        PROMISE_DATE_OUT_OF_RANGE (with ``latest``)."""
        ...

    def apply_limit_increase(
        self, token: str, annual_income: int, other_debts: int, requested_limit: int
    ) -> LimitApplication:
        """Apply for a higher credit limit (stored as under review). Raises
        LIMIT_OVER_TOTAL_VOLUME (with ``maximum``), LIMIT_NOT_ABOVE_CURRENT (with
        ``current``), APPLICATION_PENDING."""
        ...

    def history(
        self,
        token: str,
        query: HistoryQuery,
        before: HistoryCursor | None,
        limit: int,
        *,
        count: bool = True,
    ) -> HistoryPage:
        """A page of at most ``limit`` ledger entries matching ``query``, strictly older than
        ``before`` in the order (at DESC, id DESC) (``None``: from the newest).

        Keyset paging: entries written meanwhile never shift or repeat a later page. The
        first page (``before`` is ``None``) carries the total matching ``query`` unless
        ``count`` is false (then None: the first rows do not wait for a count of a long
        ledger); later pages carry ``None``. ``limit`` 0 with no cursor is the count alone.
        ``next_cursor`` is ``None`` on the last page.
        """
        ...

    def history_lines(
        self,
        token: str,
        query: HistoryQuery,
        consume: Callable[[int, Iterable[Sequence[HistoryLine]]], T],
    ) -> T:
        """``consume(total, batches)`` with every entry matching ``query``, newest first, in
        batches of a few thousand lines (the CSV export), and its answer. A local store
        streams them from one statement (one snapshot, flat memory); a remote store pages.
        ``total`` is counted before the stream starts (a progress bar's end, not a promise).
        Whatever ``consume`` raises comes out unchanged.
        """
        ...

    def close(self) -> None:
        """Release connections. The store is unusable afterwards."""
        ...
