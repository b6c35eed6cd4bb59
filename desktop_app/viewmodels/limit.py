"""Applying for a higher credit limit (総量規制: a third of the annual income in total)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain import fields, loan
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult
from desktop_app.domain.models import LimitApplication
from desktop_app.i18n import _, format_yen
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.field import FieldViewModel
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services


def debts_policy(raw: str) -> FieldResult:
    """Other lenders' balances: an amount, where nothing or 0 means none."""
    if raw.strip() in ("", "0", "０"):
        return FieldResult("0")
    return fields.amount(raw)


class LimitIncreaseViewModel(ViewModel):
    """Signals:
    limit_error_changed(str): why the request cannot be made ("" when it can).
    maximum_text_changed(str): the largest limit 総量規制 allows for the figures entered.
    certificate_notice_changed(str): an income certificate will be needed ("" if not).
    result_changed(str): the application was received ("" before).
    can_submit_changed(bool): whether the button is enabled.
    """

    limit_error_changed = Signal(str)
    maximum_text_changed = Signal(str)
    certificate_notice_changed = Signal(str)
    result_changed = Signal(str)
    can_submit_changed = Signal(bool)
    limit_error = Observed("", limit_error_changed)
    maximum_text = Observed("", maximum_text_changed)
    certificate_notice = Observed("", certificate_notice_changed)
    result = Observed("", result_changed)
    can_submit = Observed(False, can_submit_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self._problem: AppError | None = None
        self._application: LimitApplication | None = None
        self.income = FieldViewModel.amount(self._services, self)
        self.other_debts = FieldViewModel.amount(self._services, self, debts_policy)
        self.requested = FieldViewModel.amount(self._services, self)
        for field in (self.income, self.other_debts, self.requested):
            field.text_changed.connect(self._refresh)
        self.busy_changed.connect(self._refresh)
        app.summary_changed.connect(self._refresh)

    @Slot()
    @Slot(str)
    @Slot(bool)
    @Slot(object)
    def _refresh(self, *_args: object) -> None:
        summary = self._app.summary
        self._problem = None
        maximum = certificate = ""
        ready = False
        if self.income.valid and self.other_debts.valid:
            income, debts = int(self.income.value), int(self.other_debts.value)
            allowed = loan.total_volume_limit(income, debts)
            maximum = _("Under the total-volume rule you can apply for up to {amount}.").format(
                amount=format_yen(allowed)
            )
            if self.requested.valid:
                requested = int(self.requested.value)
                ready = True
                if summary is not None and requested <= summary.credit_limit:
                    self._problem = AppError(
                        ErrorCode.LIMIT_NOT_ABOVE_CURRENT, current=summary.credit_limit
                    )
                elif requested > allowed:
                    self._problem = AppError(ErrorCode.LIMIT_OVER_TOTAL_VOLUME, maximum=allowed)
                elif loan.income_certificate_required(requested, debts):
                    certificate = _(
                        "For this amount we need a certificate of your income (a withholding tax "
                        "statement or a tax return). We will tell you how to send it."
                    )
        self.maximum_text = maximum
        self.certificate_notice = certificate
        self.limit_error = error_sentence(self._problem) if self._problem else ""
        self.can_submit = ready and self._problem is None and summary is not None and not self.busy

    def submit(self) -> None:
        checks = [field.check() for field in (self.income, self.other_debts, self.requested)]
        if any(checks) or not self.can_submit:
            return
        store, token = self._services.store, self._app.token
        income, debts = int(self.income.value), int(self.other_debts.value)
        requested = int(self.requested.value)
        self._set_error(None)
        self._run(
            "limit_increase",
            lambda: store.get().apply_limit_increase(token, income, debts, requested),
            self._on_applied,
        )

    @Slot(object)
    def _on_applied(self, application: LimitApplication) -> None:
        self._application = application
        self._render_result()
        self._app.refresh_summary()

    def _render_result(self) -> None:
        application = self._application
        self.result = (
            ""
            if application is None
            else _(
                "We have received your application for a credit limit of {amount}. We will "
                "tell you the result after our review."
            ).format(amount=format_yen(application.requested_limit))
        )

    @Slot()
    def reset(self) -> None:
        super().reset()
        for field in (self.income, self.other_debts, self.requested):
            field.reset()
        self._application = None
        self._render_result()
        self._set_error(None)
        self._refresh()

    def retranslate(self) -> None:
        super().retranslate()
        for field in (self.income, self.other_debts, self.requested):
            field.retranslate()
        self._refresh()
        self._render_result()
