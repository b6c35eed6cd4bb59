"""Internet repayment: the kind, the amount, the bank, confirmation and the allocation."""

from __future__ import annotations

from PySide6.QtCore import Slot
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
    bind_label,
    make_combo,
    make_label,
    name,
)
from desktop_app.views.confirm import MovementWidgets
from desktop_app.views.widgets.page import form_column


class RepayView(QWidget):
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
        parts = MovementWidgets(self, vm, "repay", lambda: _("Confirm the repayment"))
        self.amount, self.amount_error = parts.amount, parts.amount_error
        self.error, self.confirm, self.result = parts.error, parts.confirm, parts.result
        self.amount_error.setWordWrap(True)
        self.bank = make_combo("repayBankCombo")
        self.payoff = make_label("payoffAmountLabel", "figure")
        self.next_payment = make_label("repayNextPaymentLabel", "figure")
        for label in (self.error, self.result):
            label.setWordWrap(True)

        form = QFormLayout()
        self._captions = [QLabel() for _index in range(5)]
        form.addRow(self._captions[0], self.next_payment)
        form.addRow(self._captions[1], self.payoff)
        kinds = QVBoxLayout()
        for button in (self.kind_next, self.kind_amount, self.kind_full):
            kinds.addWidget(button)
        form.addRow(self._captions[2], kinds)
        form.addRow(self._captions[4], self.amount)
        form.addRow("", self.amount_error)
        form.addRow(self._captions[3], self.bank)
        layout = form_column(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.confirm)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self._bind()
        self.retranslate()

    def _bind(self) -> None:
        vm = self._vm
        vm.amount_hint_changed.connect(self.amount.setPlaceholderText)  # the store's rules
        self.amount.setPlaceholderText(vm.amount_hint)
        self._refill_banks()
        self.kinds.idClicked.connect(vm.set_kind)
        vm.kind_changed.connect(self._show_kind)
        self._show_kind(vm.kind)
        bind_combo_index(self.bank, vm.bank_index_changed, vm.bank_index, vm.set_bank_index)
        bind_label(self.payoff, vm.payoff_text_changed, vm.payoff_text, False)
        bind_label(self.next_payment, vm.next_payment_text_changed, vm.next_payment_text, False)

    @Slot(int)
    def _show_kind(self, kind: int) -> None:
        button = self.kinds.button(kind)
        if button is not None and not button.isChecked():
            button.setChecked(True)
        self.amount.setEnabled(kind == RepayKind.AMOUNT)

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
        )
        for caption, text in zip(self._captions, captions, strict=True):
            caption.setText(text)
        self.kind_next.setText(_("Pay the next payment"))
        self.kind_amount.setText(_("Pay an amount of your choice"))
        self.kind_full.setText(_("Repay everything (full repayment)"))
        self.amount.setAccessibleName(_("Repayment amount"))
        self.bank.setAccessibleName(_("Bank"))
        self.payoff.setAccessibleName(_("Full repayment amount"))
        self.next_payment.setAccessibleName(_("Next payment"))
        self.confirm.setText(_("Continue to confirmation"))
        self.confirm.setAccessibleName(_("Continue to confirmation"))
        for button in (self.kind_next, self.kind_amount, self.kind_full):
            button.setAccessibleName(button.text())
