"""Interest inquiry (利息照会): interest to today and, if nothing changes, to the next due date."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.errors import AppError
from desktop_app.domain.models import InterestInquiry
from desktop_app.i18n import _, format_date, format_datetime, format_rate, format_yen
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services


class InterestViewModel(ViewModel):
    """Loads the inquiry when the screen is shown and after money moves.

    Signals:
        to_date_changed(str): interest and late damages accrued to today ("" before loading).
        to_due_date_changed(str): the same to the next due date, with the date.
        free_until_changed(str): the end of the interest-free period ("" when there is none).
        as_of_changed(str): when the figures were worked out.
        explanation_changed(str): how interest is counted and what the due-date figure assumes.
    """

    to_date_changed = Signal(str)
    to_due_date_changed = Signal(str)
    free_until_changed = Signal(str)
    as_of_changed = Signal(str)
    explanation_changed = Signal(str)

    to_date = Observed("", to_date_changed)
    to_due_date = Observed("", to_due_date_changed)
    free_until = Observed("", free_until_changed)
    as_of = Observed("", as_of_changed)
    explanation = Observed("", explanation_changed)

    _TEXTS: tuple[Observed[str], ...] = (to_date, to_due_date, free_until, as_of)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self._inquiry: InterestInquiry | None = None
        self._again = False  # asked to load while a load was in flight
        app.ledger_changed.connect(self._on_ledger_changed)
        app.terms_changed.connect(self._on_terms)
        self._render()

    def shown(self) -> None:
        self.load()

    @Slot(object)
    def _on_terms(self, _terms: object) -> None:
        self.explanation = self._explanation()

    @Slot()
    def _on_ledger_changed(self) -> None:
        """Money moved: reload now if on screen; otherwise showing the screen reloads."""
        if self.on_screen:
            self.load()

    @Slot()
    def load(self) -> None:
        """Ask the store for the figures as of now (again, once the load in flight is done)."""
        if self._app.session is None:
            return
        token, store = self._app.token, self._services.store
        if not self._run(
            "interest_inquiry", lambda: store.get().interest_inquiry(token), self._on_loaded
        ):
            self._again = True

    @Slot(object)
    def _on_loaded(self, inquiry: InterestInquiry) -> None:
        if self._app.session is None:  # signed out while the figures were on their way
            return
        self._set_error(None)
        self._inquiry = inquiry
        self._render()
        self._load_again()

    @Slot(object)
    def _on_failure(self, error: AppError) -> None:
        if not self._app.handle_error(error):
            self._set_error(error)
        self._load_again()

    def _load_again(self) -> None:
        if self._again:
            self._again = False
            self.load()

    def _render(self) -> None:
        texts: dict[Observed[str], str] = {}
        inquiry = self._inquiry
        if inquiry is not None:
            texts[InterestViewModel.to_date] = self._with_damages(
                inquiry.interest_to_today, inquiry.damages_to_today
            )
            if inquiry.next_due_date is not None and inquiry.next_due_date < inquiry.as_of.date():
                texts[InterestViewModel.to_due_date] = _(
                    "The due date {date} has passed: please see the interest to today."
                ).format(date=format_date(inquiry.next_due_date))
            elif inquiry.next_due_date is not None:
                texts[InterestViewModel.to_due_date] = _(
                    "{total} to {date} (including late charges of {damages})"
                ).format(
                    total=format_yen(inquiry.interest_to_due_date + inquiry.damages_to_due_date),
                    damages=format_yen(inquiry.damages_to_due_date),
                    date=format_date(inquiry.next_due_date),
                )
            else:
                texts[InterestViewModel.to_due_date] = _("No repayment is due.")
            free = inquiry.interest_free_until
            if free is not None and free >= inquiry.as_of.date():
                texts[InterestViewModel.free_until] = _("Interest-free until {date}").format(
                    date=format_date(free)
                )
            texts[InterestViewModel.as_of] = _("As of {when}").format(
                when=format_datetime(inquiry.as_of)
            )
        for prop in self._TEXTS:
            prop.__set__(self, texts.get(prop, ""))
        self.explanation = self._explanation()

    @staticmethod
    def _with_damages(interest: int, damages: int) -> str:
        return _("{total} (including late charges of {damages})").format(
            total=format_yen(interest + damages), damages=format_yen(damages)
        )

    def _explanation(self) -> str:
        """How interest is worked out, with the store's late rate (none until it is known)."""
        terms = self._app.terms
        if terms is None:
            return ""
        return _(
            "Interest is charged for each day on the principal at your annual rate, divided "
            "by 365 days (366 in a leap year). Days are counted at one end only: the day you "
            "borrow is not charged and the day you repay is. After a missed due date, late "
            "charges of {late_rate} a year apply instead. The figure to the next due date "
            "assumes you neither borrow nor repay before then."
        ).format(late_rate=format_rate(terms.rules.loan.late_rate))

    def retranslate(self) -> None:
        super().retranslate()
        self._render()

    @Slot()
    def reset(self) -> None:
        super().reset()
        self._inquiry = None
        self._again = False
        self._set_error(None)
        self._render()
