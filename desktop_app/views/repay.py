"""Internet repayment: the kind, the amount, the bank, confirmation and the allocation."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.viewmodels.repay import RepayKind, RepayViewModel
from desktop_app.views.binding import (
    bind_combo_index,
    bind_enabled,
    bind_label,
    hug_text,
    make_combo,
    make_label,
    name,
)
from desktop_app.views.confirm import MovementWidgets
from desktop_app.views.widgets.choice_text import full_choice
from desktop_app.views.widgets.page import form_column


class RepayView(QWidget):
    """Signals:
    home_requested(): the member wants the top page (from the completion page).
    """

    home_requested = Signal()

    def __init__(self, vm: RepayViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "repayScreen")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.kind_next = QRadioButton()
        name(self.kind_next, "repayKindNext")
        self.kind_amount = QRadioButton()
        name(self.kind_amount, "repayKindAmount")
        self.kind_full = QRadioButton()
        name(self.kind_full, "repayKindFull")
        self.kinds = QButtonGroup(self)
        for kind, button in (
            (RepayKind.NEXT, self.kind_next),
            (RepayKind.AMOUNT, self.kind_amount),
            (RepayKind.FULL, self.kind_full),
        ):
            self.kinds.addButton(button, int(kind))
        self.kind_hint = make_label("repayKindHint", "notice", wrap=True)
        parts = MovementWidgets(
            self, vm, "repay", lambda: _("Confirm the repayment"), self._first_field
        )
        self.amount, self.amount_error = parts.amount, parts.amount_error
        self.error, self.confirm, self.result = parts.error, parts.confirm, parts.result
        self.pages = parts.pages
        self.amount_error.setWordWrap(True)
        self.bank = make_combo("repayBankCombo")
        self.bank_text = full_choice(self.bank, "repayBankFullText")
        self.payoff = make_label("payoffAmountLabel", "figure")
        self.next_payment = make_label("repayNextPaymentLabel", "figure")
        self.next_due = make_label("repayNextDueDateLabel", "figure")
        self.error.setWordWrap(True)

        form = QFormLayout()
        self._captions = [QLabel() for _index in range(6)]
        form.addRow(self._captions[5], self.next_due)
        form.addRow(self._captions[0], self.next_payment)
        form.addRow(self._captions[1], self.payoff)
        kinds = QVBoxLayout()
        for button in (self.kind_next, self.kind_amount, self.kind_full):
            hug_text(button)
            kinds.addWidget(button)
        kinds.addWidget(self.kind_hint)
        form.addRow(self._captions[2], kinds)
        form.addRow(self._captions[4], self.amount)
        form.addRow("", self.amount_error)
        form.addRow(self._captions[3], self.bank)
        form.addRow("", self.bank_text)  # the chosen entry whole, while the box cuts it
        column = form_column(self)
        column.addWidget(self.pages.stack)
        layout = self.pages.form
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        self._bind()
        self.retranslate()

    def _bind(self) -> None:
        vm = self._vm
        vm.amount_hint_changed.connect(self.amount.setPlaceholderText)  # the store's rules
        self.amount.setPlaceholderText(vm.amount_hint)
        self._refill_banks()
        # toggled, not clicked: a kind checked by a script (setChecked) or the keyboard is
        # chosen exactly as a click chooses it.
        self.kinds.idToggled.connect(self._on_kind_toggled)
        vm.kind_changed.connect(self._show_kind)
        self._show_kind(vm.kind)
        bind_label(self.kind_hint, vm.kind_hint_changed, vm.kind_hint)
        bind_enabled(self.kind_next, vm.next_kind_enabled_changed, vm.next_kind_enabled)
        bind_label(self.next_due, vm.next_due_text_changed, vm.next_due_text, False)
        self.pages.home_requested.connect(self.home_requested)
        bind_combo_index(self.bank, vm.bank_index_changed, vm.bank_index, vm.set_bank_index)
        bind_label(self.payoff, vm.payoff_text_changed, vm.payoff_text, False)
        bind_label(self.next_payment, vm.next_payment_text_changed, vm.next_payment_text, False)

    @Slot(int, bool)
    def _on_kind_toggled(self, kind: int, checked: bool) -> None:
        if checked:
            self._vm.set_kind(kind)

    @Slot(object)
    def _show_kind(self, kind: RepayKind | None) -> None:
        button = self.kinds.button(int(kind)) if kind is not None else self.kinds.checkedButton()
        if kind is None and button is not None:  # a fresh form: no kind chosen
            self.kinds.setExclusive(False)
            button.setChecked(False)
            self.kinds.setExclusive(True)
        elif button is not None and not button.isChecked():
            button.setChecked(True)
        self.amount.setEnabled(kind is RepayKind.AMOUNT)

    def _first_field(self) -> QWidget:
        return self.kind_next if self.kind_next.isEnabled() else self.kind_amount

    def _refill_banks(self) -> None:
        index = self._vm.bank_index
        self.bank.blockSignals(True)
        self.bank.clear()
        self.bank.addItems(self._vm.bank_names())
        self.bank.setCurrentIndex(index)
        self.bank.blockSignals(False)

    def retranslate(self) -> None:
        self._refill_banks()
        self.title.setText(_("Repay (internet repayment)"))
        captions = (
            _("Next payment"),
            _("Full repayment amount"),
            _("How to repay"),
            _("Bank"),
            _("Repayment amount"),
            _("Next due date"),
        )
        for caption, text in zip(self._captions, captions, strict=True):
            caption.setText(text)
        for kind, button in (
            (RepayKind.NEXT, self.kind_next),
            (RepayKind.AMOUNT, self.kind_amount),
            (RepayKind.FULL, self.kind_full),
        ):
            button.setText(kind.choice)
            button.setAccessibleName(kind.label)
        self.pages.set_texts(
            _("Your repayment has been accepted"),
            _("Thank you. We have accepted your repayment as follows."),
            _("Back to Home"),
            _("Make another repayment"),
        )
        self.next_due.setAccessibleName(_("Next due date"))
        self.amount.setAccessibleName(_("Repayment amount"))
        self.bank.setAccessibleName(_("Bank"))
        self.payoff.setAccessibleName(_("Full repayment amount"))
        self.next_payment.setAccessibleName(_("Next payment"))
        self.confirm.setText(_("Continue to confirmation"))
        self.confirm.setAccessibleName(_("Continue to confirmation"))
