"""Repayment simulation: a monthly amount or a number of months in, a schedule and a chart out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.viewmodels.simulator import SimulatorViewModel
from desktop_app.views.binding import (
    bind_error,
    bind_label,
    bind_line_edit,
    make_label,
    make_line_edit,
    name,
)
from desktop_app.views.widgets.amount_input import amount_input, count_input
from desktop_app.views.widgets.columns import SpreadColumns
from desktop_app.views.widgets.page import BASE_POINTS, Column, SideBySide, form_column
from desktop_app.views.widgets.schedule_chart import ScheduleChart

INPUT_WIDTH = 200  # at most, at 標準; never narrower than what it holds
WIDEST_INPUT = "9,999,999"  # the widest amount a member types
SIDE_WIDTH = 400
SCREEN_WIDTH = 1100  # at 標準
TABLE_MIN_HEIGHT = 240


def _content_width(edit: QLineEdit, *texts: str) -> int:
    """What ``edit`` needs to show ``texts`` whole, its frame, padding and cursor included."""
    metrics = edit.fontMetrics()
    return max(metrics.horizontalAdvance(text) for text in texts) + 18


class SimulatorView(QWidget):
    def __init__(self, vm: SimulatorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "simulatorScreen")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.basis = make_label("simBasisLabel", "muted", wrap=True)
        self.principal = make_line_edit("simPrincipalInput")
        self.monthly = make_line_edit("simMonthlyInput")
        self.months = make_line_edit("simMonthsInput")
        self.hint = make_label("simHint", "muted", wrap=True)
        self.error = make_label("simError", "error", wrap=True)
        self.monthly_result = make_label("simMonthlyResultLabel", "figure")
        self.payments_count = make_label("simPaymentsCountLabel", "figure")
        self.total_payment = make_label("simTotalPaymentLabel", "figure")
        self.total_interest = make_label("simTotalInterestLabel", "figure")
        self.table = QTableView()
        name(self.table, "simScheduleTable")
        self.table.setModel(vm.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Every column as wide as its figures (never elided: a narrow window scrolls), sharing
        # what is left.
        header.setResizeContentsPrecision(24)  # dates are all alike: measure a few rows only
        self._columns = SpreadColumns(self.table)
        self.chart = ScheduleChart()
        name(self.chart, "simChart")

        inputs = QGridLayout()
        self._principal_caption, self._monthly_caption = QLabel(), QLabel()
        self._months_caption = QLabel()
        for row, (caption, edit) in enumerate(
            (
                (self._principal_caption, self.principal),
                (self._monthly_caption, self.monthly),
                (self._months_caption, self.months),
            )
        ):
            caption.setBuddy(edit)
            inputs.addWidget(caption, row, 0)
            inputs.addWidget(edit, row, 1)
        inputs.addWidget(self.hint, 3, 0, 1, 2)

        side = QVBoxLayout()  # inputs, refusal and totals on the left; the chart beside them
        side.addLayout(inputs)
        side.addWidget(self.error)
        for label in (
            self.monthly_result,
            self.payments_count,
            self.total_payment,
            self.total_interest,
        ):
            side.addWidget(label)
        side.addStretch(1)
        side_panel = Column(SIDE_WIDTH)  # wider with the font
        side_panel.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        top = SideBySide(side_panel, self.chart)  # the chart below at large font sizes

        # Centred, and scrolling when the largest font size does not fit the window; the
        # schedule keeps a readable height then.
        layout = form_column(self, SCREEN_WIDTH)
        self.table.setMinimumHeight(TABLE_MIN_HEIGHT)
        layout.addWidget(self.title)
        layout.addWidget(self.basis)
        layout.addWidget(top)
        layout.addWidget(self.table, 1)
        self._bind()
        self.retranslate()

    def _bind(self) -> None:
        vm = self._vm
        bind_line_edit(
            self.principal, vm.principal_text_changed, vm.principal_text, vm.set_principal_text
        )
        bind_line_edit(self.monthly, vm.monthly_text_changed, vm.monthly_text, vm.set_monthly_text)
        bind_line_edit(self.months, vm.months_text_changed, vm.months_text, vm.set_months_text)
        amount_input(self.principal)  # converted as typed, 10,000 once left
        amount_input(self.monthly)
        count_input(self.months)
        bind_label(self.basis, vm.basis_changed, vm.basis)
        bind_error(self.error, vm.error_changed, vm.error)
        bind_label(self.monthly_result, vm.monthly_result_changed, vm.monthly_result)
        bind_label(self.payments_count, vm.payments_count_changed, vm.payments_count)
        bind_label(self.total_payment, vm.total_payment_changed, vm.total_payment)
        bind_label(self.total_interest, vm.total_interest_changed, vm.total_interest)
        self.chart.set_points(vm.chart_points)
        vm.chart_points_changed.connect(self.chart.set_points)
        for edit in (self.principal, self.monthly, self.months):
            edit.textChanged.connect(self._fit_inputs)

    @Slot()
    def _fit_inputs(self, _text: str = "") -> None:
        """Every input at least as wide as what it holds (the widest amount, its text; its
        hint too where there is room): at the largest font size 「121,183」 showed as
        「I21,183」, scrolled in a narrow box."""
        for edit in (self.principal, self.monthly, self.months):
            least = _content_width(edit, WIDEST_INPUT, edit.text())
            wish = _content_width(edit, edit.placeholderText())  # the hint, where there is room
            edit.setMinimumWidth(least)
            edit.setMaximumWidth(max(least, wish, round(INPUT_WIDTH * self._scale())))

    def _scale(self) -> float:
        return max(1.0, self.font().pointSizeF() / BASE_POINTS)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self._fit_inputs)  # once every input has its new font

    def retranslate(self) -> None:
        self.title.setText(_("Repayment simulation"))
        self._principal_caption.setText(_("Principal to repay"))
        self._monthly_caption.setText(_("Monthly payment"))
        self._months_caption.setText(_("Number of payments"))
        self.principal.setPlaceholderText(_("e.g. 30万"))
        self.monthly.setPlaceholderText(_("e.g. 1万"))
        self.months.setPlaceholderText(_("1 to {max}").format(max=self._vm.max_months))
        self.hint.setText(
            _(
                "Fill in one of the two: the monthly payment or the number of payments. "
                "The schedule follows as you type."
            )
        )
        for edit, caption in (
            (self.principal, _("Principal to repay")),
            (self.monthly, _("Monthly payment")),
            (self.months, _("Number of payments")),
        ):
            edit.setAccessibleName(caption)
        self.table.setAccessibleName(_("Repayment schedule"))
        self.chart.setAccessibleName(_("Principal balance over time"))
        self.chart.set_points(self.chart.points)  # its description, in the new language
        self._fit_inputs()  # the hints' width, in the new language
        self.error.setAccessibleName(_("Simulation error"))
        for label, caption in (
            (self.monthly_result, _("Monthly payment")),
            (self.payments_count, _("Number of payments")),
            (self.total_payment, _("Total repayment")),
            (self.total_interest, _("Total interest")),
        ):
            label.setAccessibleName(caption)
