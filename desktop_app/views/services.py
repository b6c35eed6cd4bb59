"""Account services: a promised payment date (overdue members) and a limit increase."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.limit import LimitIncreaseViewModel
from desktop_app.viewmodels.promise import PromiseViewModel
from desktop_app.views.binding import (
    bind_enabled,
    bind_error,
    bind_label,
    make_button,
    make_label,
    name,
)
from desktop_app.views.widgets.date_input import DateInput
from desktop_app.views.widgets.kiosk_input import DIGITS
from desktop_app.views.widgets.page import form_column
from desktop_app.views.widgets.policy_field import PolicyField


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PromiseView(QWidget):
    def __init__(self, vm: PromiseViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "promiseScreen")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.explain = make_label("promiseExplainLabel", "muted", wrap=True)
        self.amount_due = make_label("promiseAmountDueLabel", "figure", wrap=True)
        self._amount_caption = QLabel()
        self.day = DateInput("promiseDateInput", vm.days)
        self.error = make_label("promiseError", "error", wrap=True)
        self.submit = make_button("promiseSubmitButton", primary=True)
        self.result = make_label("promiseResultLabel", "notice", wrap=True)
        self._caption = QLabel()
        form = self._form = QFormLayout()
        form.addRow(self._amount_caption, self.amount_due)
        form.addRow(self._caption, self.day)
        layout = form_column(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.submit)
        layout.addWidget(self.result)
        layout.addStretch(1)
        vm.range_changed.connect(self._set_range)
        self._set_range(vm.date_range)
        self.day.dateChanged.connect(self._day_changed)
        bind_label(self.explain, vm.explanation_changed, vm.explanation)
        bind_label(self.amount_due, vm.amount_due_changed, vm.amount_due)
        vm.amount_due_changed.connect(self._show_amount)
        self._show_amount(vm.amount_due)
        bind_error(self.error, vm.error_changed, vm.error)
        bind_label(self.result, vm.result_changed, vm.result)
        bind_enabled(self.submit, vm.can_submit_changed, vm.can_submit)
        self.submit.clicked.connect(vm.submit)
        self.retranslate()

    @Slot(object)
    def _set_range(self, span: tuple[date, date] | None) -> None:
        self.day.setEnabled(span is not None)
        if span is None:
            return
        self.day.blockSignals(True)
        self.day.setDateRange(_qdate(span[0]), _qdate(span[1]))
        default = self._vm.default_day()
        if default is not None:
            self.day.setDate(_qdate(default))
        self.day.blockSignals(False)
        self._day_changed(self.day.date())

    @Slot(str)
    def _show_amount(self, amount: str) -> None:
        """ご請求額 only while there is a repayment overdue."""
        self._form.setRowVisible(self.amount_due, bool(amount))

    @Slot(QDate)
    def _day_changed(self, day: QDate) -> None:
        self._vm.set_day(day.toPython() if self.day.isEnabled() else None)  # type: ignore[arg-type]

    def retranslate(self) -> None:
        self.title.setText(_("Promise a payment date"))
        self._caption.setText(_("Promised payment date"))
        self._amount_caption.setText(_("Amount due now"))
        self.amount_due.setAccessibleName(_("Amount due now"))
        self.day.setAccessibleName(_("Promised payment date"))
        self.day.retranslate()
        self.submit.setText(_("Promise this date"))
        self.submit.setAccessibleName(_("Promise this date"))


class LimitIncreaseView(QWidget):
    def __init__(self, vm: LimitIncreaseViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "limitIncreaseScreen")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.explain = make_label("limitExplainLabel", "muted", wrap=True)
        self.income = PolicyField(vm.income, "incomeInput", kiosk=DIGITS)
        self.other_debts = PolicyField(vm.other_debts, "otherDebtInput", kiosk=DIGITS)
        self.requested = PolicyField(vm.requested, "requestedLimitInput", kiosk=DIGITS)
        self.maximum = make_label("limitMaximumLabel", "notice", wrap=True)
        self.certificate = make_label("incomeCertificateNotice", "notice", wrap=True)
        self.limit_error = make_label("limitIncreaseError", "error", wrap=True)
        self.submit = make_button("limitIncreaseSubmitButton", primary=True)
        self.result = make_label("limitIncreaseResultLabel", "success", wrap=True)
        self._captions = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        for caption, field in zip(
            self._captions, (self.income, self.other_debts, self.requested), strict=True
        ):
            form.addRow(caption, field)
        layout = form_column(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.maximum)
        layout.addWidget(self.certificate)
        layout.addWidget(self.limit_error)
        layout.addWidget(self.submit)
        layout.addWidget(self.result)
        layout.addStretch(1)
        bind_label(self.maximum, vm.maximum_text_changed, vm.maximum_text)
        bind_label(self.certificate, vm.certificate_notice_changed, vm.certificate_notice)
        bind_error(self.limit_error, vm.limit_error_changed, vm.limit_error)
        vm.error_changed.connect(self._store_error)
        bind_label(self.result, vm.result_changed, vm.result)
        bind_enabled(self.submit, vm.can_submit_changed, vm.can_submit)
        self.submit.clicked.connect(vm.submit)
        self.retranslate()

    @Slot(str)
    def _store_error(self, sentence: str) -> None:
        if sentence:
            self.limit_error.setText(sentence)
            self.limit_error.setVisible(True)

    def retranslate(self) -> None:
        self.title.setText(_("Apply for a higher credit limit"))
        self.explain.setText(
            _(
                "Under the total-volume rule (総量規制) borrowing from all lenders together may "
                "not exceed a third of your annual income."
            )
        )
        captions = (
            _("Annual income"),
            _("Balances with other lenders"),
            _("Credit limit you would like"),
        )
        for caption, field, text in zip(
            self._captions, (self.income, self.other_debts, self.requested), captions, strict=True
        ):
            caption.setText(text)
            field.set_accessible(text)
        self.other_debts.edit.setPlaceholderText(_("0 if none"))
        self.submit.setText(_("Apply"))
        self.submit.setAccessibleName(_("Apply"))
