"""A promised payment date, for members whose repayment is overdue (DOMAIN.md §5)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain import loan
from desktop_app.domain.models import AccountSummary
from desktop_app.i18n import _, format_date
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.dates import DayFacts
from desktop_app.viewmodels.movement_text import amount_due_text
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services


class PromiseViewModel(ViewModel):
    """Signals:
    range_changed(object): (first, last) dates a member may choose, or None when not overdue.
    result_changed(str): what was promised ("" for nothing yet; the explanation already
        says how far a promise may go).
    can_submit_changed(bool): whether the button is enabled.
    explanation_changed(str): how far a promise may go, by the store's rules.
    amount_due_changed(str): what the member owes now, late charges included, as the home
        page's overdue notice says it ("" when not overdue).
    """

    range_changed = Signal(object)
    result_changed = Signal(str)
    can_submit_changed = Signal(bool)
    explanation_changed = Signal(str)
    amount_due_changed = Signal(str)
    result = Observed("", result_changed)
    can_submit = Observed(False, can_submit_changed)
    explanation = Observed("", explanation_changed)
    amount_due = Observed("", amount_due_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self.days = DayFacts(services, app)  # today and the holidays, for the date input
        self._day: date | None = None
        self._range: tuple[date, date] | None = None
        self._promised: date | None = None
        app.summary_changed.connect(self._on_summary)
        app.terms_changed.connect(self._on_terms)
        self.busy_changed.connect(self._refresh)
        self._on_summary(app.summary)

    @property
    def date_range(self) -> tuple[date, date] | None:
        return self._range

    @Slot(object)
    def _on_terms(self, _terms: object) -> None:
        self._on_summary(self._app.summary)

    @Slot(object)
    def _on_summary(self, summary: AccountSummary | None) -> None:
        terms = self._app.terms
        if summary is None or terms is None or not summary.overdue or summary.next_due_date is None:
            self._range = None
        else:
            today = summary.as_of.date()
            latest = loan.latest_promise_date(summary.next_due_date, terms.rules.loan)
            self._range = (today, latest)
        self._promised = summary.promised_date if summary else None
        self.range_changed.emit(self._range)
        self._render()
        self._refresh()

    def set_day(self, day: date | None) -> None:
        self._day = day
        self._refresh()

    @Slot(bool)
    def _refresh(self, _busy: bool = False) -> None:
        ok = (
            self._range is not None
            and self._day is not None
            and self._range[0] <= self._day <= self._range[1]
        )
        self.can_submit = ok and not self.busy

    def submit(self) -> None:
        if not self.can_submit or self._day is None:
            return
        store, token, day = self._services.store, self._app.token, self._day
        self._set_error(None)
        self._run("promise", lambda: store.get().promise_payment(token, day), self._on_promised)

    @Slot(object)
    def _on_promised(self, summary: AccountSummary) -> None:
        self._app.accept_summary(summary)

    def _render(self) -> None:
        terms, summary = self._app.terms, self._app.summary
        due = summary.next_due_date if summary is not None else None
        # Offered to overdue members only: the due date has passed, so it is named as such,
        # never as the next one.
        self.explanation = (
            ""
            if terms is None or self._range is None or due is None
            else _(
                "Your repayment due on {date} has not been received. If you cannot repay it "
                "today, tell us when you will pay: any day up to {latest}, {days} days after "
                "the due date. Late charges still run from the day after the due date until "
                "you pay."
            ).format(
                date=format_date(due),
                latest=format_date(self._range[1]),
                days=terms.rules.loan.promise_days_after_due,
            )
        )
        if self._promised is not None:
            text = _(
                "We have noted your promise to pay on {date}. Late charges still run from the "
                "day after the due date until you pay."
            ).format(date=format_date(self._promised))
        elif self._range is not None:
            text = ""  # the explanation names the last date already
        else:
            text = _("A payment date can be promised only while a repayment is overdue.")
        self.result = text
        self.amount_due = (
            amount_due_text(summary) if summary is not None and self._range is not None else ""
        )

    def default_day(self) -> date | None:
        if self._range is None:
            return None
        return min(self._range[0] + timedelta(days=7), self._range[1])

    def retranslate(self) -> None:
        super().retranslate()
        self._render()

    def reset(self) -> None:
        super().reset()
        self._day = None
        self._on_summary(None)
