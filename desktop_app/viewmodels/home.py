"""The top page: who the member is and where the account stands."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.models import AccountSummary, ApplicationStatus
from desktop_app.i18n import N_, _, format_date, format_datetime, format_rate, format_yen
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services


class HomeViewModel(ViewModel):
    """Display-ready strings of the account summary; all empty when signed out.

    Signals:
        member_name_changed(str), member_number_changed(str), credit_limit_changed(str),
        balance_changed(str), available_changed(str), rate_changed(str),
        next_due_date_changed(str), next_payment_changed(str), interest_free_changed(str),
        overdue_banner_changed(str), last_login_changed(str): the label texts.
        can_borrow_changed(bool): whether borrowing is offered (not while overdue).
        overdue_changed(bool): a repayment is overdue (a payment date may be promised).
        promise_changed(str): the promised payment date ("" for none).
        limit_application_changed(str): the latest limit-increase application ("" for none).
    """

    member_name_changed = Signal(str)
    member_number_changed = Signal(str)
    credit_limit_changed = Signal(str)
    balance_changed = Signal(str)
    available_changed = Signal(str)
    rate_changed = Signal(str)
    next_due_date_changed = Signal(str)
    next_payment_changed = Signal(str)
    interest_free_changed = Signal(str)
    overdue_banner_changed = Signal(str)
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
    interest_free = Observed("", interest_free_changed)
    overdue_banner = Observed("", overdue_banner_changed)
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
        interest_free,
        overdue_banner,
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

    def refresh(self) -> None:
        self._app.refresh_summary()

    @Slot(bool)
    def _mirror_busy(self, busy: bool) -> None:
        self.busy = busy

    @Slot(object)
    def _show(self, summary: AccountSummary | None) -> None:
        texts: dict[Observed[str], str] = {}
        if summary is not None:
            texts.update(self._texts(summary))
        for prop in self._TEXTS:
            prop.__set__(self, texts.get(prop, ""))
        self.can_borrow = summary is not None and not summary.overdue
        self.overdue = summary is not None and summary.overdue

    def _texts(self, summary: AccountSummary) -> dict[Observed[str], str]:
        session = self._app.session
        texts = {
            HomeViewModel.member_name: _("{name} (member)").format(name=summary.name),
            HomeViewModel.member_number: summary.member_number,
            HomeViewModel.credit_limit: format_yen(summary.credit_limit),
            HomeViewModel.balance: format_yen(summary.principal),
            HomeViewModel.available: format_yen(summary.available),
            HomeViewModel.rate: format_rate(summary.annual_rate),
            HomeViewModel.next_due_date: format_date(summary.next_due_date)
            if summary.next_due_date
            else "—",
            HomeViewModel.next_payment: format_yen(summary.next_payment),
        }
        if summary.interest_free_until is not None and summary.interest_free_until >= (
            summary.as_of.date()
        ):
            texts[HomeViewModel.interest_free] = _("Interest-free until {date}").format(
                date=format_date(summary.interest_free_until)
            )
        if summary.overdue:
            texts[HomeViewModel.overdue_banner] = _(
                "Your repayment due on {date} is overdue. Please repay as soon as possible; "
                "borrowing is unavailable until then."
            ).format(date=format_date(summary.next_due_date) if summary.next_due_date else "")
        if summary.promised_date is not None:
            texts[HomeViewModel.promise] = _("Promised payment date: {date}").format(
                date=format_date(summary.promised_date)
            )
        application = summary.limit_application
        if application is not None:
            status = {
                ApplicationStatus.UNDER_REVIEW: N_("under review"),
                ApplicationStatus.APPROVED: N_("approved"),
                ApplicationStatus.DECLINED: N_("not approved"),
            }[application.status]
            texts[HomeViewModel.limit_application] = _(
                "Credit limit increase to {amount} (applied on {date}): {status}"
            ).format(
                amount=format_yen(application.requested_limit),
                date=format_date(application.applied_at.date()),
                status=_(status),
            )
        previous = session.previous_sign_in_at if session else None
        texts[HomeViewModel.last_login] = (
            _("Last sign-in: {when}").format(when=format_datetime(previous))
            if previous
            else _("This is your first sign-in.")
        )
        return texts

    def retranslate(self) -> None:
        super().retranslate()
        self._show(self._app.summary)
