"""The top page: where the account stands, read in two seconds, and what to know today.

The figures come from the store each time the page is shown (through the runner), so none is
older than the last movement. Overdue members see what they owe and by when instead of what
they may borrow (DOMAIN.md §5).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.brand import Brand
from desktop_app.domain.models import AccountSummary, ApplicationStatus
from desktop_app.i18n import N_, _, format_date, format_datetime, format_rate, format_yen
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services

DUE_SOON_DAYS = 7  # the notice of a coming due date starts this many days before it


def _days(count: int) -> str:
    return _("1 day") if count == 1 else _("{days} days").format(days=count)


class HomeViewModel(ViewModel):
    """Display-ready strings of the account summary; all empty when signed out.

    Signals:
        member_name_changed(str), member_number_changed(str), credit_limit_changed(str),
        balance_changed(str), available_changed(str) ("" while borrowing is blocked),
        rate_changed(str), next_due_date_changed(str) (for an overdue member the date that
        passed), next_payment_changed(str), last_login_changed(str): the figures.
        amount_due_changed(str): what an overdue member owes now, late damages included
            ("" when not overdue); late_damages_changed(str): the late damages in it.
        overdue_banner_changed(str), due_soon_changed(str), interest_free_changed(str),
        promise_changed(str), limit_application_changed(str): the notices ("" for none).
        can_borrow_changed(bool): borrowing is offered (not while overdue).
        overdue_changed(bool): a repayment is overdue (a payment date may be promised).
    """

    member_name_changed = Signal(str)
    member_number_changed = Signal(str)
    credit_limit_changed = Signal(str)
    balance_changed = Signal(str)
    available_changed = Signal(str)
    rate_changed = Signal(str)
    next_due_date_changed = Signal(str)
    next_payment_changed = Signal(str)
    amount_due_changed = Signal(str)
    late_damages_changed = Signal(str)
    interest_free_changed = Signal(str)
    overdue_banner_changed = Signal(str)
    due_soon_changed = Signal(str)
    last_login_changed = Signal(str)
    can_borrow_changed = Signal(bool)
    overdue_changed = Signal(bool)
    promise_changed = Signal(str)
    limit_application_changed = Signal(str)

    member_name = Observed("", member_name_changed)
    member_number = Observed("", member_number_changed)
    credit_limit = Observed("", credit_limit_changed)
    balance = Observed("", balance_changed)
    available = Observed("", available_changed)
    rate = Observed("", rate_changed)
    next_due_date = Observed("", next_due_date_changed)
    next_payment = Observed("", next_payment_changed)
    amount_due = Observed("", amount_due_changed)
    late_damages = Observed("", late_damages_changed)
    interest_free = Observed("", interest_free_changed)
    overdue_banner = Observed("", overdue_banner_changed)
    due_soon = Observed("", due_soon_changed)
    last_login = Observed("", last_login_changed)
    can_borrow = Observed(False, can_borrow_changed)
    overdue = Observed(False, overdue_changed)
    promise = Observed("", promise_changed)
    limit_application = Observed("", limit_application_changed)

    _TEXTS: tuple[Observed[str], ...] = (
        member_name,
        member_number,
        credit_limit,
        balance,
        available,
        rate,
        next_due_date,
        next_payment,
        amount_due,
        late_damages,
        interest_free,
        overdue_banner,
        due_soon,
        last_login,
        promise,
        limit_application,
    )

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        app.summary_changed.connect(self._show)
        app.busy_changed.connect(self._mirror_busy)
        self._show(app.summary)

    @property
    def brand(self) -> Brand:
        return self._services.brand

    def shown(self) -> None:
        """Every visit asks the store again: no figure older than the last movement."""
        self.refresh()

    def refresh(self) -> None:
        """The session's summary, asked for through the runner (one call at a time: a summary
        already on its way, asked for after the last movement, is the one shown)."""
        self._app.refresh_summary()

    @Slot(bool)
    def _mirror_busy(self, busy: bool) -> None:
        self.busy = busy

    @Slot(object)
    def _show(self, summary: AccountSummary | None) -> None:
        texts: dict[Observed[str], str] = {}
        if summary is not None:
            texts.update(self._figures(summary))
            texts.update(self._notices(summary))
        for prop in self._TEXTS:
            prop.__set__(self, texts.get(prop, ""))
        self.can_borrow = summary is not None and not summary.overdue
        self.overdue = summary is not None and summary.overdue

    def _figures(self, summary: AccountSummary) -> dict[Observed[str], str]:
        session = self._app.session
        previous = session.previous_sign_in_at if session else None
        cls = HomeViewModel
        texts = {
            cls.member_name: _("{name} (member)").format(name=summary.name),
            cls.member_number: summary.member_number,
            cls.credit_limit: format_yen(summary.credit_limit),
            cls.balance: format_yen(summary.principal),
            cls.rate: format_rate(summary.annual_rate),
            cls.next_due_date: format_date(summary.next_due_date) if summary.next_due_date else "—",
            cls.next_payment: format_yen(summary.next_payment),
            cls.last_login: _("Last sign-in: {when}").format(when=format_datetime(previous))
            if previous
            else _("This is your first sign-in."),
        }
        if summary.overdue:
            texts[cls.amount_due] = format_yen(summary.next_payment)
            texts[cls.late_damages] = format_yen(summary.late_damages)
        else:
            texts[cls.available] = format_yen(summary.available)
        return texts

    def _notices(self, summary: AccountSummary) -> dict[Observed[str], str]:
        cls = HomeViewModel
        today = summary.as_of.date()
        texts: dict[Observed[str], str] = {}
        due = summary.next_due_date
        if summary.overdue and due is not None:
            texts[cls.overdue_banner] = _(
                "Your repayment due on {date} is overdue. Please repay {amount} (late charges "
                "of {damages} included) as soon as possible; borrowing is unavailable until then."
            ).format(
                date=format_date(due),
                amount=format_yen(summary.next_payment),
                damages=format_yen(summary.late_damages),
            )
        elif due is not None and summary.next_payment > 0:
            texts[cls.due_soon] = self._due_soon(due, today, summary.next_payment)
        texts[cls.interest_free] = self._interest_free(summary, today)
        if summary.promised_date is not None:
            texts[cls.promise] = _("Promised payment date: {date}").format(
                date=format_date(summary.promised_date)
            )
        application = summary.limit_application
        if application is not None:
            status = {
                ApplicationStatus.UNDER_REVIEW: N_("under review"),
                ApplicationStatus.APPROVED: N_("approved"),
                ApplicationStatus.DECLINED: N_("not approved"),
            }[application.status]
            texts[cls.limit_application] = _(
                "Credit limit increase to {amount} (applied on {date}): {status}"
            ).format(
                amount=format_yen(application.requested_limit),
                date=format_date(application.applied_at.date()),
                status=_(status),
            )
        return texts

    @staticmethod
    def _due_soon(due: date, today: date, amount: int) -> str:
        days = (due - today).days
        if not 0 <= days <= DUE_SOON_DAYS:
            return ""
        if days == 0:
            return _("Today is your due date. Please repay {amount} today.").format(
                amount=format_yen(amount)
            )
        return _("Your next due date is {date}, in {days}. Please repay {amount} by then.").format(
            date=format_date(due), days=_days(days), amount=format_yen(amount)
        )

    def _interest_free(self, summary: AccountSummary, today: date) -> str:
        until = summary.interest_free_until
        terms = self._app.terms
        if terms is None:
            return ""  # the store's rules say how many days: nothing until they are known
        free_days = terms.rules.loan.interest_free_days
        if until is not None and until >= today:
            # Today counts while it is free; the day of the borrowing itself was never charged.
            left = min((until - today).days + 1, free_days)
            return _("Interest-free period: no interest until {date} ({days} left).").format(
                date=format_date(until), days=_days(left)
            )
        if summary.first_borrowing_interest_free and summary.principal == 0:
            days = free_days
            return _(
                "Your first borrowing is interest-free for {days} from the day after you borrow."
            ).format(days=_days(days))
        return ""

    def retranslate(self) -> None:
        super().retranslate()
        self._show(self._app.summary)
