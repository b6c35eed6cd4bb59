"""Repayment simulation: pay a monthly amount, or clear the debt in a number of months."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop_app.domain.errors import AppError
from desktop_app.domain.models import AccountSummary
from desktop_app.domain.money import parse_amount
from desktop_app.domain.simulation import MAX_MONTHS, Schedule
from desktop_app.i18n import N_, _, format_rate, format_yen
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services
from desktop_app.viewmodels.simulator_model import (
    Outcome,
    ScheduleTableModel,
    parse_months,
    simulate,
)

DEBOUNCE_MS = 150
MONTHS_INVALID = N_("Please enter the number of payments in digits, from 1 to {max}.")


class SimulatorViewModel(ViewModel):
    """The repayment simulator: the member fills the monthly amount or the number of months
    (filling one clears the other); the schedule follows as they type.

    The first change after a quiet spell computes at once (so a script that sets a field and
    waits for the runner sees the result); further changes within ``DEBOUNCE_MS`` coalesce
    into one computation when typing pauses. Results of superseded inputs are dropped.

    Signals:
        monthly_text_changed(str), months_text_changed(str), principal_text_changed(str):
            the input fields.
        basis_changed(str): where the simulation starts (principal, rate, interest owed).
        monthly_result_changed(str): the monthly amount found for a number of months.
        payments_count_changed(str), total_payment_changed(str), total_interest_changed(str):
            the totals of the schedule ("" when there is none).
        chart_points_changed(object): [(date, remaining principal)], today first; [] for none.
        computed(): a result (schedule or refusal) was shown.
    """

    monthly_text_changed = Signal(str)
    months_text_changed = Signal(str)
    principal_text_changed = Signal(str)
    basis_changed = Signal(str)
    monthly_result_changed = Signal(str)
    payments_count_changed = Signal(str)
    total_payment_changed = Signal(str)
    total_interest_changed = Signal(str)
    chart_points_changed = Signal(object)
    computed = Signal()

    monthly_text = Observed("", monthly_text_changed)
    months_text = Observed("", months_text_changed)
    principal_text = Observed("", principal_text_changed)
    basis = Observed("", basis_changed)
    monthly_result = Observed("", monthly_result_changed)
    payments_count = Observed("", payments_count_changed)
    total_payment = Observed("", total_payment_changed)
    total_interest = Observed("", total_interest_changed)
    chart_points = Observed[object]([], chart_points_changed)

    max_months = MAX_MONTHS
    _TEXTS: tuple[Observed[str], ...] = (monthly_text, months_text, principal_text)
    _RESULTS: tuple[Observed[str], ...] = (
        monthly_result,
        payments_count,
        total_payment,
        total_interest,
    )

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self.model = ScheduleTableModel(self)
        self._schedule: Schedule | None = None
        self._refusal: AppError | str | None = None  # an error, or a message id
        self._principal_edited = False
        self._generation = 0  # version of the inputs: each change makes a new one
        self._shown = 0  # generation of what is on screen
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._quiet)
        app.summary_changed.connect(self._on_summary)
        app.terms_changed.connect(self._on_terms)
        self._on_summary(app.summary)

    # -- inputs --------------------------------------------------------------------------
    def set_monthly_text(self, text: str) -> None:
        self._set_input(SimulatorViewModel.monthly_text, text, SimulatorViewModel.months_text)

    def set_months_text(self, text: str) -> None:
        self._set_input(SimulatorViewModel.months_text, text, SimulatorViewModel.monthly_text)

    def set_principal_text(self, text: str) -> None:
        if text != self.principal_text:
            self._principal_edited = True
        self._set_input(SimulatorViewModel.principal_text, text, None)

    def _set_input(self, prop: Observed[str], text: str, other: Observed[str] | None) -> None:
        if text == prop.__get__(self):
            return
        prop.__set__(self, text)
        if other is not None and text.strip():
            other.__set__(self, "")  # the member fills one of the two
        self._changed()

    def _changed(self) -> None:
        """Compute now after a quiet spell; otherwise once typing pauses. Either way, what
        is computing for an older input will be dropped."""
        self._generation += 1
        if self._timer.isActive():
            self._dirty = True
        else:
            self._compute()
        self._timer.start()

    @Slot()
    def _quiet(self) -> None:
        if self._dirty:
            self._dirty = False
            self._compute()

    # -- computing -----------------------------------------------------------------------
    def _compute(self) -> None:
        summary = self._app.summary
        try:
            request = self._request(summary)
        except AppError as error:
            self._show(self._generation, error.detached())
            return
        if not isinstance(request, tuple) or summary is None:
            self._show(self._generation, request if isinstance(request, str) else None)
            return
        principal, mode, value = request
        generation, calendar = self._generation, self._app.calendar
        if calendar is None:  # the store's terms (and so its calendar) are on their way
            self._show(generation, None)
            return
        today = self._services.clock.now().date()
        self._submit(
            "simulate",
            lambda: simulate(generation, summary, principal, today, calendar, mode, value),
            self._on_computed,
            self._on_failed,
            retry=False,  # a computation, not a store call
        )

    def _request(self, summary: AccountSummary | None) -> tuple[int, str, int] | str | None:
        """(principal, "monthly" or "months", value); None when nothing is asked yet; the
        message id of a refused number of months. Raises what parse_amount raises."""
        principal_text = self.principal_text
        principal = summary.principal if summary is not None else 0
        if principal_text.strip():
            principal = parse_amount(principal_text)
        monthly, months = self.monthly_text, self.months_text
        if monthly.strip():
            return principal, "monthly", parse_amount(monthly)
        if months.strip():
            count = parse_months(months)
            return MONTHS_INVALID if count is None else (principal, "months", count)
        return None

    @Slot(object)
    def _on_computed(self, outcome: Outcome) -> None:
        generation, result = outcome
        if generation == self._generation:
            self._show(generation, result)

    @Slot(object)
    def _on_failed(self, error: AppError) -> None:
        """Something unexpected: shown only when no newer input is pending or shown."""
        if not self.busy and not self._dirty and self._shown != self._generation:
            self._show(self._generation, error)

    def _show(self, generation: int, result: Schedule | AppError | str | None) -> None:
        """Show a schedule, a refusal (an error or a message id), or nothing."""
        self._shown = generation
        schedule = result if isinstance(result, Schedule) else None
        self._schedule = schedule
        self._refusal = None if isinstance(result, Schedule) else result
        self.model.set_schedule(schedule)
        self._render()
        self.computed.emit()

    # -- display -------------------------------------------------------------------------
    def _render(self) -> None:
        schedule = self._schedule
        texts: dict[Observed[str], str] = {}
        points: list[tuple[date, int]] = []
        if schedule is not None and schedule.rows:
            first = schedule.rows[0]
            vm = SimulatorViewModel
            texts[vm.payments_count] = _("Number of payments: {count}").format(
                count=schedule.payments
            )
            texts[vm.total_payment] = _("Total repayment: {amount}").format(
                amount=format_yen(schedule.total_payment)
            )
            texts[vm.total_interest] = _("Total interest: {amount}").format(
                amount=format_yen(schedule.total_interest)
            )
            if self.months_text.strip():
                texts[vm.monthly_result] = _("Monthly payment: {amount}").format(
                    amount=format_yen(first.payment)
                )
            points = [(self._services.clock.now().date(), first.remaining + first.principal)]
            points += [(row.day, row.remaining) for row in schedule.rows]
        for prop in self._RESULTS:
            prop.__set__(self, texts.get(prop, ""))
        self.chart_points = points
        self._render_refusal()

    def _render_refusal(self) -> None:
        refusal = self._refusal
        if isinstance(refusal, AppError):
            self.error = error_sentence(refusal)
        elif refusal:
            self.error = _(refusal).format(max=MAX_MONTHS)
        else:
            self.error = ""

    @Slot(object)
    def _on_summary(self, summary: AccountSummary | None) -> None:
        if summary is not None and not self._principal_edited:
            principal = f"{summary.principal:,}" if summary.principal else ""
            self.principal_text = principal
        self._render_basis()
        if summary is not None and any(p.__get__(self).strip() for p in self._TEXTS[:2]):
            self._changed()

    @Slot(object)
    def _on_terms(self, _terms: object) -> None:
        """The store's calendar and due days arrived (or changed): simulate again."""
        if any(p.__get__(self).strip() for p in self._TEXTS[:2]):
            self._changed()

    def _render_basis(self) -> None:
        summary = self._app.summary
        if summary is None:
            self.basis = ""
            return
        if summary.principal == 0:
            self.basis = _(
                "You have no balance now. Enter an amount as the principal to see how a "
                "borrowing would be repaid."
            )
            return
        self.basis = _(
            "Your principal is {principal} at {rate} a year; interest owed so far (late "
            "charges included) is {interest}. The schedule assumes you pay on every due "
            "date and borrow no more."
        ).format(
            principal=format_yen(summary.principal),
            rate=format_rate(summary.annual_rate),
            interest=format_yen(summary.accrued_interest + summary.late_damages),
        )

    def retranslate(self) -> None:
        super().retranslate()
        self._render()
        self._render_basis()
        self.model.retranslate()

    @Slot()
    def reset(self) -> None:
        """Forget the inputs and the schedule (on sign-out); drop what is still computing."""
        super().reset()
        self._timer.stop()
        self._dirty = False
        self._principal_edited = False
        self._generation += 1
        for prop in self._TEXTS:
            prop.__set__(self, "")
        self._show(self._generation, None)
        self._render_basis()
