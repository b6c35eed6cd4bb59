"""``SqlStore``: the Store protocol over SQLAlchemy 2, on SQLite (default) or PostgreSQL.

Every call is one transaction. Interest and late damages are worked out to the clock's today
before anything is checked; money movements write them into the account (a period ends at
every change of principal), reads only compute them, so looking does not change the sums.
SQLite serialises writers at ``BEGIN IMMEDIATE``; PostgreSQL locks the loan account row.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from desktop_app.domain import loan
from desktop_app.domain.banks import repayment_bank
from desktop_app.domain.calendar import Service, ServiceCalendar
from desktop_app.domain.clock import TOKYO, Clock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import (
    AccountSummary,
    BankAccount,
    BorrowReceipt,
    HistoryPage,
    HistoryQuery,
    LedgerEntry,
    LedgerKind,
    MemberStatus,
    RepayReceipt,
)
from desktop_app.domain.models import Session as MemberSession
from desktop_app.domain.rules import DEFAULT_RULES, Rules
from desktop_app.store.sql.engine import create_store_engine, is_memory_sqlite, upgrade_to_head
from desktop_app.store.sql.hashing import SecretHasher
from desktop_app.store.sql.schema import (
    AuditEntry,
    BankAccountRow,
    Card,
    CardStatus,
    KnownDevice,
    LedgerRow,
    LoanAccount,
    Member,
    OutboxMessage,
    SessionRow,
    WebCredential,
    pending_transaction_number,
    transaction_number,
)
from desktop_app.store.sql.seed import seed_demo_members

T = TypeVar("T")
R = TypeVar("R", BorrowReceipt, RepayReceipt)

SESSION_IDLE_TIMEOUT = timedelta(minutes=30)
CARD_PIN_ATTEMPTS_PER_DAY = 3
WEB_PASSWORD_ATTEMPTS = 5
HISTORY_MAX_LIMIT = 1_000
REQUEST_ID_MAX_LENGTH = 64
DEVICE_ID_MAX_LENGTH = 64

Work = Callable[[DbSession, SessionRow, datetime], T]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _start_of_day(day: date) -> datetime:
    """Midnight in Tokyo that starts ``day``."""
    return datetime.combine(day, time(0, 0), TOKYO)


class SqlStore:
    """The ``Store`` protocol over SQLAlchemy; safe to call from several worker threads.

    ``url`` is a SQLAlchemy URL (``sqlite:///path.db``, ``sqlite://`` in memory,
    ``postgresql+psycopg://…``, optionally ``?options=-csearch_path%3Dschema``). Opening
    migrates the schema to head and, when ``seed`` and the store has no member, seeds the
    demo members of DOMAIN.md §8 relative to ``clock``.
    """

    def __init__(
        self,
        url: str,
        clock: Clock,
        *,
        seed: bool = True,
        hash_profile: str = "owasp",
        session_idle_timeout: timedelta = SESSION_IDLE_TIMEOUT,
        rules: Rules = DEFAULT_RULES,
    ) -> None:
        self._clock = clock
        self._rules = rules
        self._calendar = ServiceCalendar(rules)
        self._idle_timeout = session_idle_timeout
        self._hasher = SecretHasher(hash_profile)
        self._closed = False
        self._engine = create_store_engine(url)
        # An in-memory SQLite database is one shared connection: take turns on it.
        memory = self._engine.dialect.name == "sqlite" and is_memory_sqlite(self._engine.url)
        self._serial: AbstractContextManager[Any] = threading.RLock() if memory else nullcontext()
        self._db = sessionmaker(self._engine, expire_on_commit=False)
        try:
            with self._guard():
                upgrade_to_head(self._engine)
                if seed:
                    self._seed()
            self._calendar.is_business_day(self._now().date())  # load the holidays now
        except BaseException:
            self._engine.dispose()
            raise

    # ----------------------------------------------------------------- infrastructure

    @property
    def engine(self) -> Engine:
        """The engine, for tests and administration tools; not part of the protocol."""
        return self._engine

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._engine.dispose()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn a lost or locked database into ``STORE_UNAVAILABLE``."""
        try:
            yield
        except (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError) as exc:
            raise AppError(ErrorCode.STORE_UNAVAILABLE) from exc

    @contextmanager
    def _transaction(self) -> Iterator[DbSession]:
        if self._closed:
            raise AppError(ErrorCode.STORE_UNAVAILABLE)
        with self._serial, self._guard(), self._db.begin() as db:
            yield db

    def _now(self) -> datetime:
        return self._clock.now().astimezone(TOKYO)

    def _seed(self) -> None:
        try:
            with self._transaction() as db:
                seed_demo_members(db, self._now(), self._hasher, self._rules.loan)
        except sa_exc.IntegrityError:
            pass  # another process seeded the same empty database at the same moment

    def _check_open(self, service: Service, now: datetime) -> None:
        """Refuse, with the instant it resumes, while ``service`` is stopped."""
        resume = self._calendar.resumes_at(service, now)
        if resume is not None:
            raise AppError(ErrorCode.MAINTENANCE, resume_at=resume)

    def _effective(self, due: date | None) -> date | None:
        """The date a member must pay by: a due date on a non-business day moves on."""
        return None if due is None else self._calendar.effective_due_date(due)

    @staticmethod
    def _audit(
        db: DbSession, now: datetime, member_id: int | None, event: str, detail: str = ""
    ) -> None:
        db.add(AuditEntry(at=now, member_id=member_id, event=event, detail=detail[:500]))

    # ----------------------------------------------------------------- sign-in

    def sign_in_with_card(self, card_number: str, pin: str, device_id: str) -> MemberSession:
        self._check_open(Service.ALL, self._now())
        with self._transaction() as db:
            found = db.execute(
                select(Card.id, Card.pin_hash).where(Card.card_number == card_number)
            ).first()
        card_id, stored = (found.id, found.pin_hash) if found is not None else (None, None)
        # Hash outside the write transaction; an unknown card costs a (dummy) hash too.
        matched = self._hasher.verify(stored, pin)
        rehashed = self._rehash(stored, pin) if matched else None
        with self._transaction() as db:
            outcome = self._card_outcome(db, card_id, stored, matched, rehashed, device_id)
        if isinstance(outcome, AppError):
            raise outcome
        return outcome

    def _card_outcome(
        self,
        db: DbSession,
        card_id: int | None,
        stored: str | None,
        matched: bool,
        rehashed: str | None,
        device_id: str,
    ) -> MemberSession | AppError:
        now = self._now()
        card = None
        if card_id is not None:
            card = db.get(Card, card_id, with_for_update=True, populate_existing=True)
        if card is None:
            self._audit(db, now, None, "signin_card_failed", "unknown card")
            return AppError(ErrorCode.SIGNIN_FAILED_CARD)
        member = db.get_one(Member, card.member_id)
        if card.status == CardStatus.LOCKED:
            self._audit(db, now, member.id, "signin_card_refused", "card locked")
            return AppError(ErrorCode.CARD_LOCKED)
        if card.status == CardStatus.LOST:
            self._audit(db, now, member.id, "signin_card_refused", "card invalid")
            return AppError(ErrorCode.CARD_INVALID)
        if not matched or card.pin_hash != stored:
            today = now.date()
            if card.failed_pin_day != today:
                card.failed_pin_day = today
                card.failed_pin_count = 0
            card.failed_pin_count += 1
            if card.failed_pin_count >= CARD_PIN_ATTEMPTS_PER_DAY:
                card.status = CardStatus.LOCKED
                self._audit(db, now, member.id, "card_locked", "too many wrong PINs today")
                return AppError(ErrorCode.CARD_LOCKED)
            self._audit(db, now, member.id, "signin_card_failed", "wrong PIN")
            return AppError(ErrorCode.SIGNIN_FAILED_CARD)
        if rehashed is not None:
            card.pin_hash = rehashed
        refusal = self._status_refusal(db, member, now, "card")
        if refusal is not None:
            return refusal
        return self._open_session(db, member, now, device_id, "card")

    def sign_in_with_web_id(self, web_id: str, password: str, device_id: str) -> MemberSession:
        self._check_open(Service.ALL, self._now())
        with self._transaction() as db:
            found = db.execute(
                select(WebCredential.id, WebCredential.password_hash).where(
                    WebCredential.web_id == web_id
                )
            ).first()
        cred_id, stored = (found.id, found.password_hash) if found is not None else (None, None)
        matched = self._hasher.verify(stored, password)
        rehashed = self._rehash(stored, password) if matched else None
        with self._transaction() as db:
            outcome = self._web_outcome(db, cred_id, stored, matched, rehashed, device_id)
        if isinstance(outcome, AppError):
            raise outcome
        return outcome

    def _web_outcome(
        self,
        db: DbSession,
        cred_id: int | None,
        stored: str | None,
        matched: bool,
        rehashed: str | None,
        device_id: str,
    ) -> MemberSession | AppError:
        now = self._now()
        cred = None
        if cred_id is not None:
            cred = db.get(WebCredential, cred_id, with_for_update=True, populate_existing=True)
        if cred is None:
            self._audit(db, now, None, "signin_web_failed", "unknown Web-ID")
            return AppError(ErrorCode.SIGNIN_FAILED_WEB)
        member = db.get_one(Member, cred.member_id)
        if cred.locked:
            self._audit(db, now, member.id, "signin_web_refused", "Web-ID locked")
            return AppError(ErrorCode.WEB_ID_LOCKED)
        if not matched or cred.password_hash != stored:
            cred.failed_count += 1
            if cred.failed_count >= WEB_PASSWORD_ATTEMPTS:
                cred.locked = True
                self._audit(db, now, member.id, "web_id_locked", "too many wrong passwords")
                return AppError(ErrorCode.WEB_ID_LOCKED)
            self._audit(db, now, member.id, "signin_web_failed", "wrong password")
            return AppError(ErrorCode.SIGNIN_FAILED_WEB)
        cred.failed_count = 0
        if rehashed is not None:
            cred.password_hash = rehashed
        refusal = self._status_refusal(db, member, now, "web")
        if refusal is not None:
            return refusal
        return self._open_session(db, member, now, device_id, "web")

    def _rehash(self, stored: str | None, secret: str) -> str | None:
        """A fresh hash when ``stored`` was made with another cost profile."""
        if stored is not None and self._hasher.needs_rehash(stored):
            return self._hasher.hash(secret)
        return None

    def _status_refusal(
        self, db: DbSession, member: Member, now: datetime, method: str
    ) -> AppError | None:
        """Suspended and dormant members learn it only after right credentials."""
        if member.status == MemberStatus.SUSPENDED:
            self._audit(db, now, member.id, f"signin_{method}_refused", "suspended")
            return AppError(ErrorCode.ACCOUNT_SUSPENDED)
        if member.status == MemberStatus.DORMANT:
            self._audit(db, now, member.id, f"signin_{method}_refused", "dormant")
            return AppError(ErrorCode.ACCOUNT_DORMANT)
        return None

    def _open_session(
        self, db: DbSession, member: Member, now: datetime, device_id: str, method: str
    ) -> MemberSession:
        token = secrets.token_urlsafe(32)
        device = device_id[:DEVICE_ID_MAX_LENGTH]
        previous = member.last_sign_in_at
        member.last_sign_in_at = now
        db.add(
            SessionRow(
                token_hash=_token_hash(token),
                member_id=member.id,
                created_at=now,
                last_seen_at=now,
                device_id=device,
                previous_sign_in_at=previous,
            )
        )
        known = db.scalar(
            select(KnownDevice).where(
                KnownDevice.member_id == member.id, KnownDevice.device_id == device
            )
        )
        if known is None:
            db.add(
                KnownDevice(
                    member_id=member.id, device_id=device, first_seen_at=now, last_seen_at=now
                )
            )
            self._send_new_device_alert(db, member, now)
            self._audit(db, now, member.id, "new_device_alert")
        else:
            known.last_seen_at = now
        self._audit(db, now, member.id, f"signin_{method}_ok")
        return MemberSession(
            token=token,
            member_number=member.member_number,
            member_name=member.name,
            previous_sign_in_at=previous,
        )

    @staticmethod
    def _send_new_device_alert(db: DbSession, member: Member, now: datetime) -> None:
        db.add(
            OutboxMessage(
                member_id=member.id,
                channel="email" if member.email else "sms",
                subject="新しい端末からのサインインがありました",
                body=(
                    f"{member.name} 様\n\n"
                    f"{now:%Y年%m月%d日 %H:%M} に、これまでご利用のなかった端末から"
                    "会員サービスへのサインインがありました。\n"
                    "お心当たりのない場合は、お手数ですがサポートセンターまでご連絡ください。"
                ),
                created_at=now,
            )
        )

    def sign_out(self, token: str) -> None:
        with self._transaction() as db:
            row = db.get(SessionRow, _token_hash(token))
            if row is not None:
                self._audit(db, self._now(), row.member_id, "sign_out")
                db.delete(row)

    # ----------------------------------------------------------------- sessions

    def _with_session(self, token: str, work: Work[T]) -> T:
        """Run ``work`` in one transaction for the session's member.

        The session is touched (or, when idle too long, ended) even when ``work`` refuses:
        ``work`` runs in a savepoint that an ``AppError`` rolls back alone.
        """
        failure: AppError
        with self._transaction() as db:
            now = self._now()
            row = self._touch(db, token, now)
            if row is None:
                failure = AppError(ErrorCode.SESSION_EXPIRED)
            else:
                try:
                    with db.begin_nested():
                        return work(db, row, now)
                except AppError as exc:
                    failure = exc
        raise failure

    def _touch(self, db: DbSession, token: str, now: datetime) -> SessionRow | None:
        row = db.get(SessionRow, _token_hash(token))
        if row is None:
            return None
        if now - row.last_seen_at >= self._idle_timeout:
            self._audit(db, now, row.member_id, "session_expired")
            db.delete(row)
            return None
        row.last_seen_at = max(row.last_seen_at, now)
        return row

    # ----------------------------------------------------------------- accounts

    def _overdue(self, account: LoanAccount, today: date) -> bool:
        return loan.is_overdue(
            account.principal,
            self._effective(account.next_due_date),
            account.paid_this_cycle,
            account.minimum_payment,
            today,
        )

    def _accrual(self, account: LoanAccount, today: date) -> loan.Accrual:
        """Interest and late damages from ``accrued_to`` to ``today``, not yet booked."""
        return loan.accrue(
            account.principal,
            account.annual_rate,
            account.accrued_to,
            today,
            overdue_after=(
                self._effective(account.next_due_date) if self._overdue(account, today) else None
            ),
            free_until=account.interest_free_until,
        )

    def _book_accrual(self, account: LoanAccount, today: date) -> None:
        accrual = self._accrual(account, today)
        account.unpaid_interest += accrual.interest
        account.unpaid_damages += accrual.damages
        account.accrued_to = max(account.accrued_to, today)

    @staticmethod
    def _account(db: DbSession, member_id: int, *, lock: bool) -> LoanAccount:
        query = select(LoanAccount).where(LoanAccount.member_id == member_id)
        if lock:
            query = query.with_for_update().execution_options(populate_existing=True)
        return db.scalars(query).one()

    def account_summary(self, token: str) -> AccountSummary:
        return self._with_session(token, self._summary)

    def _summary(self, db: DbSession, session: SessionRow, now: datetime) -> AccountSummary:
        member = db.get_one(Member, session.member_id)
        account = self._account(db, member.id, lock=False)
        today = now.date()
        accrual = self._accrual(account, today)
        return AccountSummary(
            as_of=now,
            member_number=member.member_number,
            name=member.name,
            name_kana=member.name_kana,
            credit_limit=account.credit_limit,
            principal=account.principal,
            annual_rate=account.annual_rate,
            accrued_interest=account.unpaid_interest + accrual.interest,
            late_damages=account.unpaid_damages + accrual.damages,
            minimum_payment=account.minimum_payment,
            paid_this_cycle=account.paid_this_cycle,
            next_due_date=self._effective(account.next_due_date),
            overdue=self._overdue(account, today),
            interest_free_until=account.interest_free_until,
            last_sign_in_at=session.previous_sign_in_at,
        )

    def bank_accounts(self, token: str) -> tuple[BankAccount, ...]:
        return self._with_session(token, self._bank_accounts)

    @staticmethod
    def _bank_accounts(
        db: DbSession, session: SessionRow, now: datetime
    ) -> tuple[BankAccount, ...]:
        rows = db.scalars(
            select(BankAccountRow)
            .where(BankAccountRow.member_id == session.member_id)
            .order_by(BankAccountRow.id)
        )
        return tuple(_bank_account(row) for row in rows)

    # ----------------------------------------------------------------- money movements

    def borrow(
        self, token: str, amount: int, destination_id: int, request_id: str
    ) -> BorrowReceipt:
        _check_request_id(request_id)
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
        account = self._account(db, member_id, lock=True)
        existing = _replayed(
            db, member_id, request_id, LedgerKind.BORROW, amount, bank_account_id=destination_id
        )
        if existing is not None:
            return self._dated(_borrow_receipt(db, existing))
        self._check_open(Service.ALL, now)
        today = now.date()
        self._book_accrual(account, today)
        if self._overdue(account, today):
            raise AppError(ErrorCode.BORROW_BLOCKED_OVERDUE)
        destination = db.get(BankAccountRow, destination_id)
        if destination is None or destination.member_id != member_id:
            raise AppError(ErrorCode.UNKNOWN_DESTINATION)
        loan.check_borrow_amount(amount, max(0, account.credit_limit - account.principal))

        new_cycle = account.principal == 0
        account.principal += amount
        account.minimum_payment = loan.minimum_payment(account.principal)
        if account.first_borrowed_on is None:
            account.first_borrowed_on = today
            if account.interest_free_eligible:
                account.interest_free_until = loan.interest_free_until(today)
        if new_cycle or account.next_due_date is None:
            account.next_due_date = loan.first_due_date(account.due_day, today)
            account.paid_this_cycle = 0
        account.updated_at = now

        row = _add_ledger(
            db,
            LedgerRow(
                member_id=member_id,
                request_id=request_id,
                kind=LedgerKind.BORROW.value,
                amount=amount,
                to_damages=0,
                to_interest=0,
                to_principal=0,
                principal_after=account.principal,
                available_after=max(0, account.credit_limit - account.principal),
                minimum_payment_after=account.minimum_payment,
                next_due_date_after=account.next_due_date,
                counterparty=destination.bank_name,
                bank_account_id=destination.id,
                bank_code=destination.bank_code,
                at=now,
            ),
        )
        self._audit(db, now, member_id, "borrow", f"{row.transaction_no} amount={amount}")
        return self._dated(_borrow_receipt(db, row))

    def repay(self, token: str, amount: int, bank_code: str, request_id: str) -> RepayReceipt:
        _check_request_id(request_id)
        work = partial(self._repay, amount=amount, bank_code=bank_code, request_id=request_id)
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
        amount: int,
        bank_code: str,
        request_id: str,
    ) -> RepayReceipt:
        member_id = session.member_id
        account = self._account(db, member_id, lock=True)
        existing = _replayed(
            db, member_id, request_id, LedgerKind.REPAY, amount, bank_code=bank_code
        )
        if existing is not None:
            return self._dated(_repay_receipt(existing))
        self._check_open(Service.REPAYMENT, now)
        bank = repayment_bank(bank_code)
        if bank is None:
            raise AppError(ErrorCode.UNKNOWN_BANK)
        today = now.date()
        self._book_accrual(account, today)
        payoff = account.principal + account.unpaid_interest + account.unpaid_damages
        loan.check_repay_amount(amount, payoff)
        share = loan.allocate(
            amount, account.unpaid_damages, account.unpaid_interest, account.principal
        )
        account.unpaid_damages -= share.to_damages
        account.unpaid_interest -= share.to_interest
        account.principal -= share.to_principal
        account.paid_this_cycle += amount
        if account.principal == 0 and account.unpaid_interest == 0 and account.unpaid_damages == 0:
            account.next_due_date = None
            account.minimum_payment = 0
            account.paid_this_cycle = 0
        elif (
            account.next_due_date is not None and account.paid_this_cycle >= account.minimum_payment
        ):
            account.next_due_date = loan.following_due_date(account.due_day, account.next_due_date)
            account.paid_this_cycle = 0
        account.updated_at = now

        row = _add_ledger(
            db,
            LedgerRow(
                member_id=member_id,
                request_id=request_id,
                kind=LedgerKind.REPAY.value,
                amount=amount,
                to_damages=share.to_damages,
                to_interest=share.to_interest,
                to_principal=share.to_principal,
                principal_after=account.principal,
                available_after=max(0, account.credit_limit - account.principal),
                minimum_payment_after=account.minimum_payment,
                next_due_date_after=account.next_due_date,
                counterparty=bank.name,
                bank_account_id=None,
                bank_code=bank.code,
                at=now,
            ),
        )
        self._audit(db, now, member_id, "repay", f"{row.transaction_no} amount={amount}")
        return self._dated(_repay_receipt(row))

    # ----------------------------------------------------------------- history

    def history(self, token: str, query: HistoryQuery, offset: int, limit: int) -> HistoryPage:
        offset = max(0, offset)
        limit = min(max(0, limit), HISTORY_MAX_LIMIT)
        return self._with_session(
            token, partial(self._history, query=query, offset=offset, limit=limit)
        )

    @staticmethod
    def _history(
        db: DbSession,
        session: SessionRow,
        now: datetime,
        *,
        query: HistoryQuery,
        offset: int,
        limit: int,
    ) -> HistoryPage:
        conditions = [LedgerRow.member_id == session.member_id]
        if query.since is not None:
            conditions.append(LedgerRow.at >= _start_of_day(query.since))
        if query.until is not None:
            conditions.append(LedgerRow.at < _start_of_day(query.until + timedelta(days=1)))
        total = db.scalar(select(func.count()).select_from(LedgerRow).where(*conditions)) or 0
        rows = db.scalars(
            select(LedgerRow)
            .where(*conditions)
            .order_by(LedgerRow.at.desc(), LedgerRow.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return HistoryPage(entries=tuple(_ledger_entry(row) for row in rows), total=total)

    # ----------------------------------------------------------------- administration

    def unlock_card(self, card_number: str) -> bool:
        """Staff only (not in the protocol): unlock a locked card; False if there is none."""
        with self._transaction() as db:
            card = db.scalar(select(Card).where(Card.card_number == card_number))
            if card is None or card.status != CardStatus.LOCKED:
                return False
            card.status = CardStatus.ACTIVE
            card.failed_pin_count = 0
            card.failed_pin_day = None
            self._audit(db, self._now(), card.member_id, "card_unlocked", "by staff")
            return True

    def unlock_web_id(self, web_id: str) -> bool:
        """Staff only (not in the protocol): unlock a locked Web-ID; False if there is none."""
        with self._transaction() as db:
            cred = db.scalar(select(WebCredential).where(WebCredential.web_id == web_id))
            if cred is None or not cred.locked:
                return False
            cred.locked = False
            cred.failed_count = 0
            self._audit(db, self._now(), cred.member_id, "web_id_unlocked", "by staff")
            return True


# --------------------------------------------------------------------- row ↔ data class


def _check_request_id(request_id: str) -> None:
    if not request_id or len(request_id) > REQUEST_ID_MAX_LENGTH:
        raise ValueError(f"request_id must be 1–{REQUEST_ID_MAX_LENGTH} characters")


def _ledger_by_request(db: DbSession, member_id: int, request_id: str) -> LedgerRow | None:
    return db.scalar(
        select(LedgerRow).where(
            LedgerRow.member_id == member_id, LedgerRow.request_id == request_id
        )
    )


def _add_ledger(db: DbSession, row: LedgerRow) -> LedgerRow:
    row.transaction_no = pending_transaction_number()
    db.add(row)
    db.flush()
    row.transaction_no = transaction_number(row.kind, row.at, row.id)
    db.flush()
    return row


def _bank_account(row: BankAccountRow) -> BankAccount:
    return BankAccount(
        id=row.id,
        bank_code=row.bank_code,
        bank_name=row.bank_name,
        branch_code=row.branch_code,
        branch_name=row.branch_name,
        account_type=row.account_type,
        account_number=row.account_number,
        holder=row.holder,
    )


def _replayed(
    db: DbSession,
    member_id: int,
    request_id: str,
    kind: LedgerKind,
    amount: int,
    **same: object,
) -> LedgerRow | None:
    """The ledger row an earlier try of this request wrote, if any.

    A request id reused for a different movement is refused, never answered with a receipt
    that does not match it.
    """
    existing = _ledger_by_request(db, member_id, request_id)
    if existing is None:
        return None
    if (
        existing.kind != kind
        or existing.amount != amount
        or any(getattr(existing, column) != value for column, value in same.items())
    ):
        raise AppError(ErrorCode.REQUEST_ID_REUSED)
    return existing


def _borrow_receipt(db: DbSession, row: LedgerRow) -> BorrowReceipt:
    account = db.get(BankAccountRow, row.bank_account_id) if row.bank_account_id else None
    destination = (
        _bank_account(account)
        if account is not None
        else BankAccount(0, row.bank_code, row.counterparty, "", "", "ordinary", "", "")
    )
    return BorrowReceipt(
        transaction_no=row.transaction_no,
        request_id=row.request_id,
        at=row.at,
        amount=row.amount,
        destination=destination,
        principal_after=row.principal_after,
        available_after=row.available_after,
        minimum_payment=row.minimum_payment_after,
        next_due_date=row.next_due_date_after,
    )


def _repay_receipt(row: LedgerRow) -> RepayReceipt:
    return RepayReceipt(
        transaction_no=row.transaction_no,
        request_id=row.request_id,
        at=row.at,
        amount=row.amount,
        bank_code=row.bank_code,
        to_damages=row.to_damages,
        to_interest=row.to_interest,
        to_principal=row.to_principal,
        principal_after=row.principal_after,
        available_after=row.available_after,
        next_due_date=row.next_due_date_after,
    )


def _ledger_entry(row: LedgerRow) -> LedgerEntry:
    return LedgerEntry(
        transaction_no=row.transaction_no,
        at=row.at,
        kind=LedgerKind(row.kind),
        amount=row.amount,
        to_damages=row.to_damages,
        to_interest=row.to_interest,
        to_principal=row.to_principal,
        principal_after=row.principal_after,
        counterparty=row.counterparty,
    )
