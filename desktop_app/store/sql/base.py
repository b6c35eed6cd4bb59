"""``StoreBase``: what every part of ``SqlStore`` shares.

The engine and its transactions, the database guard, the audit trail, the clock, the service
calendar (maintenance, effective due dates), session touching and the loan account helpers.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Engine, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from desktop_app.domain import loan
from desktop_app.domain.calendar import Service, ServiceCalendar
from desktop_app.domain.clock import TOKYO, Clock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import DEFAULT_RULES, Rules
from desktop_app.store.sql.engine import create_store_engine, is_memory_sqlite, upgrade_to_head
from desktop_app.store.sql.hashing import SecretHasher
from desktop_app.store.sql.schema import AuditEntry, LoanAccount, SessionRow
from desktop_app.store.sql.seed import seed_demo_members

T = TypeVar("T")

SESSION_IDLE_TIMEOUT = timedelta(minutes=30)

Work = Callable[[DbSession, SessionRow, datetime], T]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class StoreBase:
    """The constructor and the infrastructure the sign-in and money operations build on.

    The constructor's arguments are the host's settings, not the member protocol's: the
    composition root (a local store) or the member server (a remote one) chooses the clock,
    whether an empty store is seeded, the hash profile and the rules; members only see the
    rules, through ``service_terms()``. Every domain call here is given ``rules``.
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
            rules=self._rules.loan,
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

    def _settle_promise(self, account: LoanAccount, today: date) -> None:
        """A promised payment date lapses once the account is no longer overdue."""
        if account.promised_date is not None and not self._overdue(account, today):
            account.promised_date = None
