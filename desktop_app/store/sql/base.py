"""``StoreBase``: what every part of ``SqlStore`` shares.

The engine and its transactions (store faults translated), the audit trail, the clock, the
service calendar (maintenance, effective due dates) and the loan account helpers; the state of
sessions is kept here, running a call for a session is ``sessions.SessionBase``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

from sqlalchemy import Engine, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from desktop_app.domain import loan
from desktop_app.domain.calendar import Service, ServiceCalendar
from desktop_app.domain.clock import TOKYO, Clock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import DEFAULT_RULES, Rules
from desktop_app.store.sql.activity import SessionActivity
from desktop_app.store.sql.engine import (
    TRANSACTION,
    TRY_WRITE,
    check_store_url,
    create_store_engine,
    sqlite_read_only,
)
from desktop_app.store.sql.faults import describe, fault_code, translated
from desktop_app.store.sql.hashing import SecretHasher
from desktop_app.store.sql.keys import StoreKeys
from desktop_app.store.sql.opening import prepare_store
from desktop_app.store.sql.pool import read_engine
from desktop_app.store.sql.readonly_sessions import ViewingSessions
from desktop_app.store.sql.schema import AuditEntry, LoanAccount, Member
from desktop_app.store.sql.seed import seed_demo_members

logger = logging.getLogger("desktop_app.store")


class StoreBase:
    """The constructor and the infrastructure the sign-in and money operations build on.

    The constructor's arguments are the host's settings, not the member protocol's: the
    composition root (a local store) or the member server (a remote one) chooses the clock,
    whether an empty store is seeded, the hash profile, the rules and the pepper; members
    only see the rules, through ``service_terms()``. Every domain call here is given
    ``rules``. The pepper (the member server's secret; ``None`` for the member's own local
    store) keys the hashes of PINs, passwords and card numbers: it is kept in memory only,
    never written to the database or a log.
    """

    def __init__(
        self,
        url: str,
        clock: Clock,
        *,
        seed: bool = True,
        hash_profile: str = "owasp",
        rules: Rules = DEFAULT_RULES,
        pepper: bytes | None = None,
    ) -> None:
        self._clock = clock
        self._rules = rules
        self._calendar = ServiceCalendar(rules)
        self._hasher = SecretHasher(hash_profile, pepper)
        self._keys = StoreKeys(pepper)
        self._closed = False
        parsed = check_store_url(url)
        with translated("opening the store"):
            self._engine = create_store_engine(parsed)
        self._db = sessionmaker(self._engine, expire_on_commit=False)
        self._read_db = sessionmaker(read_engine(self._engine), expire_on_commit=False)
        self._try_db = sessionmaker(
            self._engine.execution_options(**{TRANSACTION: TRY_WRITE}), expire_on_commit=False
        )
        self._activity = SessionActivity()
        self._viewing = ViewingSessions(rules.sessions)
        try:
            hint = parsed.get_backend_name() == "sqlite" and sqlite_read_only(parsed)
            with translated("opening the store"):
                self._read_only = prepare_store(self._engine, read_only=hint, keys=self._keys)
            if seed and not self._read_only:
                self._seed()
            self._calendar.is_business_day(self._now().date())  # load the holidays now
        except BaseException:
            self._engine.dispose()
            raise
        if self._read_only:
            logger.warning("the store is read-only: it can be viewed, not changed")

    # ----------------------------------------------------------------- infrastructure

    @property
    def engine(self) -> Engine:
        """The engine, for tests and administration tools; not part of the protocol."""
        return self._engine

    @property
    def read_only(self) -> bool:
        """True when the store can only be read (a read-only file, folder or database role):
        what it holds is shown, every change is refused with STORE_READ_ONLY."""
        return self._read_only

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._engine.dispose()

    @contextmanager
    def _transaction(self, *, write: bool = True) -> Iterator[DbSession]:
        """One transaction: ``BEGIN IMMEDIATE`` on SQLite for a write, deferred for a read
        (which never waits for a writer). Store faults come out as their ``AppError``."""
        if self._closed:
            raise AppError(ErrorCode.STORE_UNAVAILABLE)
        maker = self._db if write else self._read_db
        with translated("writing" if write else "reading"), maker.begin() as db:
            yield db

    def _now(self) -> datetime:
        return self._clock.now().astimezone(TOKYO)

    def _seed(self) -> None:
        with self._transaction(write=False) as db:  # a store with members is not written
            if db.scalar(select(Member.id).limit(1)) is not None:
                return
        try:
            with self._transaction() as db:
                seed_demo_members(db, self._now(), self._hasher, self._keys, self._rules.loan)
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

    def _try_write(self, what: str, work: Callable[[DbSession], None]) -> bool:
        """Write ``work`` now if no other writer is in the way, else leave it (logged)."""
        if self._read_only or self._closed:
            return False
        try:
            with self._try_db.begin() as db:
                work(db)
        except Exception as exc:
            if fault_code(exc) is None:
                raise
            logger.info("%s: not written now (%s)", what, describe(exc))
            return False
        return True

    # ----------------------------------------------------------------- upkeep (``upkeep``)

    def _upkeep_due(self, db: DbSession, member_id: int, now: datetime) -> bool:
        """Whether the member's account has work due by ``now`` (an automatic debit, a
        reminder email) that a read must leave to a write first."""
        return False

    def _upkeep(self, db: DbSession, member_id: int, now: datetime) -> None:
        """Do the member's due work, in the caller's write transaction."""

    def _queue_reminders(self) -> None:
        """Put every reminder email whose hour has come in the outbox."""

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
