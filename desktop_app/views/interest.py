"""Interest inquiry: interest to today, to the next due date, and the interest-free period."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.interest import InterestViewModel
from desktop_app.views.binding import (
    bind_enabled,
    bind_error,
    bind_label,
    make_button,
    make_label,
    name,
)
from desktop_app.views.widgets.page import form_column

COLUMN_WIDTH = 760  # the figures with their dates fit on one line


class InterestView(QWidget):
    def __init__(self, vm: InterestViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "interestScreen")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.as_of = make_label("interestAsOfLabel", "muted", wrap=True)
        self.to_date = make_label("interestToDateLabel", "figure", wrap=True)
        self.to_due_date = make_label("interestToDueDateLabel", "figure", wrap=True)
        self.free_until = make_label("interestFreeUntilLabel", "notice", wrap=True)
        self.error = make_label("interestError", "error", wrap=True)
        self.explanation = make_label("interestExplanationLabel", "muted", wrap=True)
        self.refresh = make_button("interestRefreshButton")
        for label in (self.to_date, self.to_due_date):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        self._to_date_caption, self._to_due_date_caption = QLabel(), QLabel()
        form.addRow(self._to_date_caption, self.to_date)
        form.addRow(self._to_due_date_caption, self.to_due_date)
        layout = form_column(self, COLUMN_WIDTH)
        layout.addWidget(self.title)
        layout.addWidget(self.as_of)
        layout.addLayout(form)
        layout.addWidget(self.free_until)
        layout.addWidget(self.error)
        layout.addWidget(self.refresh, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.explanation)
        layout.addStretch(1)
        self._bind()
        self.retranslate()

    def _bind(self) -> None:
        vm = self._vm
        bind_label(self.to_date, vm.to_date_changed, vm.to_date, False)
        bind_label(self.to_due_date, vm.to_due_date_changed, vm.to_due_date, False)
        bind_label(self.free_until, vm.free_until_changed, vm.free_until)
        bind_label(self.as_of, vm.as_of_changed, vm.as_of)
        bind_error(self.error, vm.error_changed, vm.error)
        bind_label(self.explanation, vm.explanation_changed, vm.explanation)
        bind_enabled(self.refresh, vm.busy_changed, vm.busy, invert=True)
        self.refresh.clicked.connect(vm.load)

    def retranslate(self) -> None:
        self.title.setText(_("Interest inquiry"))
        self._to_date_caption.setText(_("Interest to today"))
        self._to_due_date_caption.setText(_("Interest to the next due date"))
        self.to_date.setAccessibleName(_("Interest to today"))
        self.to_due_date.setAccessibleName(_("Interest to the next due date"))
        self.free_until.setAccessibleName(_("Interest-free period"))
        self.refresh.setText(_("Update"))
        self.refresh.setAccessibleName(_("Update"))
