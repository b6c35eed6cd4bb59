"""``ServiceOperations``: where a member stands and the member services around it.

The account summary, the interest inquiry (both read-only: they compute interest, never book
it), a promised payment date for an overdue member, and limit-increase applications
(総量規制 checked when made, then under review).
"""

from __future__ import annotations

import threading
from datetime import date, datetime
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain import loan
from desktop_app.domain.calendar import Service
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import (
    AccountSummary,
    ApplicationStatus,
    InterestInquiry,
    LimitApplication,
)
from desktop_app.domain.money import MAX_AMOUNT_DIGITS, group_digits
from desktop_app.domain.terms import TERMS_VALIDITY, ServiceTerms, holiday_window
from desktop_app.store.sql.notices import add_notice
from desktop_app.store.sql.reads import account_of, application_of, summary_row
from desktop_app.store.sql.schema import LimitApplicationRow, Member, SessionRow
from desktop_app.store.sql.sessions import SessionBase

LIMIT_APPLICATION_NOTICE = "ご利用限度額増額のお申込みを受け付けました"


_terms_lock = threading.Lock()


class ServiceOperations(SessionBase):
    """The terms, the summary, the interest inquiry, promised dates and limit applications."""

    _terms: ServiceTerms | None = None

    # ----------------------------------------------------------------- terms

    def service_terms(self) -> ServiceTerms:
        """The store's rules and the public holidays around today (computed once a day)."""
        now = self._now()
        with _terms_lock:
            cached = self._terms
        if cached is not None and cached.as_of.date() == now.date():
            return ServiceTerms(
                rules=cached.rules,
                holidays=cached.holidays,
                holidays_from=cached.holidays_from,
                holidays_until=cached.holidays_until,
                as_of=now,
                valid_until=now + TERMS_VALIDITY,
            )
        first, last = holiday_window(now)
        terms = ServiceTerms(
            rules=self._rules,
            holidays=self._calendar.public_holidays(first, last),
            holidays_from=first,
            holidays_until=last,
            as_of=now,
            valid_until=now + TERMS_VALIDITY,
        )
        with _terms_lock:
            self._terms = terms
        return terms

    # ----------------------------------------------------------------- summary

    def account_summary(self, token: str) -> AccountSummary:
        return self._with_session(token, self._summary, write=False)

    def _summary(self, db: DbSession, session: SessionRow, now: datetime) -> AccountSummary:
        row = summary_row(db, session.member_id)  # one statement (``reads``)
        account = account_of(row)
        today = now.date()
        accrual = self._accrual(account, today)
        overdue = self._overdue(account, today)
        return AccountSummary(
            as_of=now,
            member_number=row.member_number,
            name=row.name,
            name_kana=row.name_kana,
            credit_limit=account.credit_limit,
            principal=account.principal,
            annual_rate=account.annual_rate,
            accrued_interest=account.unpaid_interest + accrual.interest,
            late_damages=account.unpaid_damages + accrual.damages,
            minimum_payment=account.minimum_payment,
            paid_this_cycle=account.paid_this_cycle,
            next_due_date=self._effective(account.next_due_date),
            overdue=overdue,
            interest_free_until=account.interest_free_until,
            first_borrowing_interest_free=(
                account.interest_free_eligible and account.first_borrowed_on is None
            ),
            last_sign_in_at=session.previous_sign_in_at,
            # A promise outlives nothing: once the account is current it is shown no more.
            promised_date=account.promised_date if overdue else None,
            limit_application=application_of(row),
        )

    # ----------------------------------------------------------------- interest inquiry

    def interest_inquiry(self, token: str) -> InterestInquiry:
        return self._with_session(token, self._interest_inquiry, write=False)

    def _interest_inquiry(
        self, db: DbSession, session: SessionRow, now: datetime
    ) -> InterestInquiry:
        account = self._account(db, session.member_id, lock=False)
        today = now.date()
        due = self._effective(account.next_due_date)
        to_today = self._accrual(account, today)
        # Up to the due date nothing is late yet; a due date already past adds nothing.
        to_due = self._accrual(account, due) if due is not None and due > today else to_today
        return InterestInquiry(
            as_of=now,
            interest_to_today=account.unpaid_interest + to_today.interest,
            damages_to_today=account.unpaid_damages + to_today.damages,
            next_due_date=due,
            interest_to_due_date=account.unpaid_interest + to_due.interest,
            damages_to_due_date=account.unpaid_damages + to_due.damages,
            interest_free_until=account.interest_free_until,
        )

    # ----------------------------------------------------------------- promised payment date

    def promise_payment(self, token: str, day: date) -> AccountSummary:
        return self._with_session(token, partial(self._promise_payment, day=day))

    def _promise_payment(
        self, db: DbSession, session: SessionRow, now: datetime, *, day: date
    ) -> AccountSummary:
        self._check_open(Service.ALL, now)
        member_id = session.member_id
        account = self._account(db, member_id, lock=True)
        today = now.date()
        due = self._effective(account.next_due_date)
        if due is None or not self._overdue(account, today):
            raise AppError(ErrorCode.PROMISE_NOT_OVERDUE)
        latest = loan.latest_promise_date(due, self._rules.loan)
        if not today <= day <= latest:
            raise AppError(ErrorCode.PROMISE_DATE_OUT_OF_RANGE, latest=latest)
        # Only the date is kept: late damages still run from the due date (no accrual change).
        account.promised_date = day
        account.updated_at = now
        self._audit(db, now, member_id, "payment_promised", f"date={day.isoformat()}")
        db.flush()
        return self._summary(db, session, now)

    # ----------------------------------------------------------------- limit increase

    def apply_limit_increase(
        self, token: str, annual_income: int, other_debts: int, requested_limit: int
    ) -> LimitApplication:
        work = partial(
            self._apply_limit_increase,
            annual_income=annual_income,
            other_debts=other_debts,
            requested_limit=requested_limit,
        )
        return self._with_session(token, work)

    def _apply_limit_increase(
        self,
        db: DbSession,
        session: SessionRow,
        now: datetime,
        *,
        annual_income: int,
        other_debts: int,
        requested_limit: int,
    ) -> LimitApplication:
        _check_yen("annual_income", annual_income)
        _check_yen("other_debts", other_debts, zero_allowed=True)
        _check_yen("requested_limit", requested_limit)
        self._check_open(Service.ALL, now)
        member_id = session.member_id
        # The account row's lock makes a member's applications take turns (PostgreSQL;
        # SQLite writers queue at BEGIN), so two cannot both find none under review.
        account = self._account(db, member_id, lock=True)
        if requested_limit <= account.credit_limit:
            raise AppError(ErrorCode.LIMIT_NOT_ABOVE_CURRENT, current=account.credit_limit)
        maximum = loan.total_volume_limit(annual_income, other_debts)
        if requested_limit > maximum:
            raise AppError(ErrorCode.LIMIT_OVER_TOTAL_VOLUME, maximum=maximum)
        pending = db.scalar(
            select(LimitApplicationRow.id)
            .where(
                LimitApplicationRow.member_id == member_id,
                LimitApplicationRow.status == ApplicationStatus.UNDER_REVIEW.value,
            )
            .limit(1)
        )
        if pending is not None:
            raise AppError(ErrorCode.APPLICATION_PENDING)

        certificate = loan.income_certificate_required(requested_limit, other_debts)
        row = LimitApplicationRow(
            member_id=member_id,
            applied_at=now,
            requested_limit=requested_limit,
            annual_income=annual_income,
            other_debts=other_debts,
            status=ApplicationStatus.UNDER_REVIEW.value,
            certificate_required=certificate,
        )
        db.add(row)
        db.flush()
        member = db.get_one(Member, member_id)
        add_notice(
            db,
            member,
            now,
            LIMIT_APPLICATION_NOTICE,
            _application_advice(requested_limit, certificate),
        )
        self._audit(
            db,
            now,
            member_id,
            "limit_increase_applied",
            f"application={row.id} requested={requested_limit} certificate={certificate}",
        )
        return _limit_application(row)


# --------------------------------------------------------------------- helpers


def _check_yen(name: str, value: object, *, zero_allowed: bool = False) -> None:
    """Refuse what is not a whole, non-negative (or positive) yen amount of sane size."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise AppError(ErrorCode.AMOUNT_INVALID, field=name)
    if value == 0 and not zero_allowed:
        raise AppError(ErrorCode.AMOUNT_ZERO, field=name)
    if len(str(value)) > MAX_AMOUNT_DIGITS:
        raise AppError(ErrorCode.AMOUNT_TOO_LARGE, field=name)


def _application_advice(requested_limit: int, certificate: bool) -> str:
    lines = [f"ご希望のご利用限度額：{group_digits(requested_limit)}円"]
    if certificate:
        lines.append(
            "ご希望の限度額のお申込みには、収入証明書類（源泉徴収票、給与明細書、確定申告書など）"
            "のご提出が必要です。お手数ですが、書類をご用意のうえサポートセンターまで"
            "ご連絡ください。書類を確認したうえで審査いたします。"
        )
    lines.append("審査の結果は、あらためてメールでお知らせいたします。")
    return "\n".join(lines)


def _limit_application(row: LimitApplicationRow) -> LimitApplication:
    return LimitApplication(
        applied_at=row.applied_at,
        requested_limit=row.requested_limit,
        annual_income=row.annual_income,
        other_debts=row.other_debts,
        status=ApplicationStatus(row.status),
        certificate_required=row.certificate_required,
    )
