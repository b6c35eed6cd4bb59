"""Borrowing: amount, destination, confirmation, receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.viewmodels.borrow import BorrowViewModel
from desktop_app.views.binding import (
    bind_combo_index,
    bind_combo_items,
    bind_enabled,
    bind_label,
    bind_visible,
    make_button,
    make_combo,
    make_label,
    name,
)
from desktop_app.views.confirm import MovementWidgets
from desktop_app.views.widgets.choice_text import full_choice
from desktop_app.views.widgets.page import SHOWN_WHOLE_BELOW, form_column


class BorrowView(QWidget):
    """Signals:
    repay_requested(): the member wants to repay (offered while borrowing is blocked).
    home_requested(): the member wants the top page (from the completion page).
    """

    repay_requested = Signal()
    home_requested = Signal()

    def __init__(self, vm: BorrowViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "borrowScreen")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.blocked = make_label("borrowBlockedLabel", "banner-error")
        self.available = make_label("borrowAvailableLabel", "figure")
        self.next_due = make_label("borrowNextDueDateLabel", "figure")
        parts = MovementWidgets(self, vm, "borrow", lambda: _("Confirm your loan"))
        self.amount, self.amount_error = parts.amount, parts.amount_error
        self.error, self.confirm, self.result = parts.error, parts.confirm, parts.result
        self.pages = parts.pages
        self.destination = make_combo("borrowDestinationCombo")
        self.destination.setProperty(SHOWN_WHOLE_BELOW, True)  # destination_text, under it
        self.destination_text = full_choice(self.destination, "borrowDestinationFullText")
        self.estimate = make_label("transferEstimateLabel")
        self.go_repay = make_button("borrowGoRepayButton", primary=True)
        for label in (self.blocked, self.amount_error, self.estimate, self.error):
            label.setWordWrap(True)

        self._form_box = QWidget()  # the figures and the inputs: hidden while blocked
        form = QFormLayout(self._form_box)
        form.setContentsMargins(0, 0, 0, 0)
        self._available_caption, self._amount_caption, self._destination_caption = (
            QLabel(),
            QLabel(),
            QLabel(),
        )
        self._next_due_caption = QLabel()
        form.addRow(self._available_caption, self.available)
        form.addRow(self._next_due_caption, self.next_due)
        form.addRow(self._amount_caption, self.amount)
        form.addRow("", self.amount_error)
        form.addRow(self._destination_caption, self.destination)
        form.addRow("", self.destination_text)  # the chosen entry whole, while the box cuts it
        form.addRow("", self.estimate)
        column = form_column(self)
        column.addWidget(self.pages.stack)
        layout = self.pages.form
        layout.addWidget(self.title)
        layout.addWidget(self.blocked)
        layout.addWidget(self.go_repay, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._form_box)
        layout.addWidget(self.error)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        self._bind()
        self.retranslate()

    def _bind(self) -> None:
        vm = self._vm
        vm.amount_hint_changed.connect(self.amount.setPlaceholderText)  # the store's rules
        self.amount.setPlaceholderText(vm.amount_hint)
        bind_label(self.blocked, vm.blocked_reason_changed, vm.blocked_reason)
        bind_visible(self.go_repay, vm.blocked_changed, vm.blocked)
        for widget in (self.amount, self.destination):
            bind_enabled(widget, vm.blocked_changed, vm.blocked, invert=True)
        self.go_repay.clicked.connect(self.repay_requested)
        self.pages.home_requested.connect(self.home_requested)
        vm.blocked_changed.connect(self._show_figures)
        self._show_figures(vm.blocked)
        bind_label(self.available, vm.available_text_changed, vm.available_text, False)
        bind_label(self.next_due, vm.next_due_text_changed, vm.next_due_text, False)
        bind_combo_items(self.destination, vm.destinations_changed, vm.destinations)
        bind_combo_index(
            self.destination,
            vm.destination_index_changed,
            vm.destination_index,
            vm.set_destination_index,
        )
        bind_label(self.estimate, vm.transfer_estimate_changed, vm.transfer_estimate)

    @Slot(bool)
    def _show_figures(self, blocked: bool) -> None:
        """While borrowing is blocked, no 借入可能額 (nothing can be borrowed), no due date
        and no form: the banner says why, and the button leads to the repayment."""
        self._form_box.setVisible(not blocked)
        self.confirm.setVisible(not blocked)

    def retranslate(self) -> None:
        self.title.setText(_("Borrow (transfer to your account)"))
        self.pages.set_texts(
            _("Your loan request has been accepted"),
            _("Thank you. We have accepted your loan request as follows."),
            _("Back to Home"),
            _("Borrow again"),
        )
        self._available_caption.setText(_("Available to borrow"))
        self._next_due_caption.setText(_("Next due date"))
        self.next_due.setAccessibleName(_("Next due date"))
        self._amount_caption.setText(_("Amount"))
        self._destination_caption.setText(_("Transfer to"))
        self.amount.setAccessibleName(_("Amount"))
        self.destination.setAccessibleName(_("Transfer to"))
        self.available.setAccessibleName(_("Available to borrow"))
        self.confirm.setText(_("Continue to confirmation"))
        self.confirm.setAccessibleName(_("Continue to confirmation"))
        self.go_repay.setText(_("Go to repayment"))
        self.go_repay.setAccessibleName(_("Go to repayment"))
