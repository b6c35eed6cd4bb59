"""``MoneyOperations``: borrowing and repaying; their rows are ``movement_rows``' (Core)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain import loan
from desktop_app.domain.banks import repayment_bank
from desktop_app.domain.calendar import Service
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import BorrowReceipt, LedgerKind, RepayIntent, RepayReceipt
from desktop_app.domain.requests import check_request_id
from desktop_app.store.sql.movement_rows import (
    add_ledger,
    applied,
    audit,
    destination,
    locked_account,
    save_account,
)
from desktop_app.store.sql.payments import PaymentBooking, Source, next_payment, payoff
from desktop_app.store.sql.receipts import bank_account, borrow_receipt, repay_receipt
from desktop_app.store.sql.schema import PREPAID_ACCOUNT_TYPE, LedgerRow, SessionRow
from desktop_app.store.sql.sessions import SessionBase, T, Work

R = TypeVar("R", BorrowReceipt, RepayReceipt)


class MoneyOperations(SessionBase, PaymentBooking):
    """Money movements, each at most once per request id."""

    # ----------------------------------------------------------------- money movements

    def borrow(
        self, token: str, amount: int, destination_id: int, request_id: str
    ) -> BorrowReceipt:
        check_request_id(request_id)
        work = partial(
            self._borrow, amount=amount, destination_id=destination_id, request_id=request_id
        )
        return self._once(token, work)

    def _borrow(
        self,
        db: DbSession,
        session: SessionRow,
        now: datetime,
        *,
        amount: int,
        destination_id: int,
        request_id: str,
    ) -> BorrowReceipt:
        member_id = session.member_id
        account = locked_account(db, member_id)
        seen = account.version
        target = destination(db, member_id, destination_id)
        # Borrowing onto the prepaid card is a charge: the same rules, its own ledger kind.
        kind = (
            LedgerKind.PREPAID_CHARGE
            if target is not None and target.account_type == PREPAID_ACCOUNT_TYPE
            else LedgerKind.BORROW
        )
        existing = _replayed(
            db, member_id, request_id, kind, amount, bank_account_id=destination_id
        )
        if existing is not None:
            return self._dated(borrow_receipt(db, existing))
        self._check_open(Service.ALL, now)
        today = now.date()
        self._book_accrual(account, today)
        if self._overdue(account, today):
            raise AppError(ErrorCode.BORROW_BLOCKED_OVERDUE)
        if target is None:
            raise AppError(ErrorCode.UNKNOWN_DESTINATION)
        rules = self._rules.loan
        loan.check_borrow_amount(amount, max(0, account.credit_limit - account.principal), rules)

        new_cycle = account.principal == 0
        account.principal += amount
        account.minimum_payment = loan.minimum_payment(account.principal, rules)
        if account.first_borrowed_on is None:
            account.first_borrowed_on = today
            if account.interest_free_eligible:
                account.interest_free_until = loan.interest_free_until(today, rules)
        if new_cycle or account.next_due_date is None:
            account.next_due_date = loan.first_due_date(account.due_day, today)
            account.paid_this_cycle = 0
        self._settle_promise(account, today)
        account.updated_at = now
        save_account(db, account, seen)

        available = max(0, account.credit_limit - account.principal)
        number = add_ledger(
            db,
            {
                "member_id": member_id,
                "request_id": request_id,
                "kind": kind.value,
                "amount": amount,
                "to_damages": 0,
                "to_interest": 0,
                "to_principal": 0,
                "principal_after": account.principal,
                "available_after": available,
                "minimum_payment_after": account.minimum_payment,
                "next_due_date_after": account.next_due_date,
                "counterparty": target.bank_name,
                "bank_account_id": target.id,
                "bank_code": target.bank_code,
                "at": now,
            },
        )
        audit(db, now, member_id, kind.value, f"{number} amount={amount}")
        receipt = BorrowReceipt(
            transaction_no=number,
            request_id=request_id,
            at=now,
            amount=amount,
            destination=bank_account(target),
            principal_after=account.principal,
            available_after=available,
            minimum_payment=account.minimum_payment,
            next_due_date=account.next_due_date,
        )
        return self._dated(receipt)

    def repay(
        self,
        token: str,
        intent: RepayIntent,
        amount: int | None,
        bank_code: str,
        request_id: str,
    ) -> RepayReceipt:
        check_request_id(request_id)
        intent = _repay_intent(intent, amount)
        work = partial(
            self._repay, intent=intent, amount=amount, bank_code=bank_code, request_id=request_id
        )
        return self._once(token, work)

    def _dated(self, receipt: R) -> R:
        """A receipt tells the due date the member pays by (moved past non-business days)."""
        return replace(receipt, next_due_date=self._effective(receipt.next_due_date))

    def _once(self, token: str, work: Work[T]) -> T:
        """Run a money movement; if the same request id committed in between (the unique
        constraint fired), run it again, which answers with the first receipt."""
        try:
            return self._with_session(token, work)
        except sa_exc.IntegrityError:
            return self._with_session(token, work)

    def _repay(
        self,
        db: DbSession,
        session: SessionRow,
        now: datetime,
        *,
        intent: RepayIntent,
        amount: int | None,
        bank_code: str,
        request_id: str,
    ) -> RepayReceipt:
        member_id = session.member_id
        account = locked_account(db, member_id)
        seen = account.version
        existing = _replayed(
            db, member_id, request_id, LedgerKind.REPAY, amount, bank_code=bank_code
        )
        if existing is not None:
            return self._dated(repay_receipt(existing))
        self._check_open(Service.REPAYMENT, now)
        bank = repayment_bank(bank_code)
        if bank is None:
            raise AppError(ErrorCode.UNKNOWN_BANK)
        self._book_accrual(account, now.date())
        owed = payoff(account)
        if intent is RepayIntent.FULL:
            amount = owed
        elif intent is RepayIntent.NEXT:
            amount = next_payment(account, owed)
            if amount <= 0:
                raise AppError(ErrorCode.NOTHING_TO_REPAY)
        assert amount is not None
        loan.check_repay_amount(amount, owed, self._rules.loan)
        source = Source(request_id, LedgerKind.REPAY, bank.name, bank.code)
        booked = self._book_payment(db, account, seen, amount, now, source)
        share = booked.share
        receipt = RepayReceipt(
            transaction_no=booked.number,
            request_id=request_id,
            at=now,
            amount=amount,
            bank_code=bank.code,
            to_damages=share.to_damages,
            to_interest=share.to_interest,
            to_principal=share.to_principal,
            principal_after=account.principal,
            available_after=booked.available,
            next_due_date=account.next_due_date,
        )
        return self._dated(receipt)


# --------------------------------------------------------------------- row ↔ data class


def _repay_intent(intent: RepayIntent | str, amount: object) -> RepayIntent:
    """The intent, with an amount for ``AMOUNT`` only (a client bug otherwise)."""
    try:
        intent = RepayIntent(intent)
    except ValueError:
        raise AppError(ErrorCode.AMOUNT_INVALID, field="intent") from None
    if intent is RepayIntent.AMOUNT:
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise AppError(ErrorCode.AMOUNT_INVALID, field="amount")
    elif amount is not None:
        raise AppError(ErrorCode.AMOUNT_INVALID, field="amount")
    return intent


def _ledger_by_request(db: DbSession, member_id: int, request_id: str) -> Any:
    """What the ledger row of an earlier try of ``request_id`` holds, or None."""
    return applied(db, member_id, request_id)


def _replayed(
    db: DbSession,
    member_id: int,
    request_id: str,
    kind: LedgerKind,
    amount: int | None,
    **same: object,
) -> LedgerRow | None:
    """The ledger row an earlier try of this request wrote, if any.

    A request id reused for a different movement is refused, never answered with a receipt
    that does not match it. ``amount`` is ``None`` when the store decided it (a repayment of
    the next payment or in full): then the kind and the counterparty must match.
    """
    existing = _ledger_by_request(db, member_id, request_id)
    if existing is None:
        return None
    if (
        existing.kind != kind
        or (amount is not None and existing.amount != amount)
        or any(getattr(existing, column) != value for column, value in same.items())
    ):
        raise AppError(ErrorCode.REQUEST_ID_REUSED)
    return db.get_one(LedgerRow, existing.id)
