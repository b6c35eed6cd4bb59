"""返済日の変更 (``dueDayForm``) and 口座振替 (``autoDebitForm``): what the change leads to is
shown before the member confirms it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.auto_debit import AutoDebitViewModel
from desktop_app.viewmodels.due_day import DueDayViewModel
from desktop_app.views.binding import (
    bind_checked,
    bind_enabled,
    bind_label,
    bind_visible,
    hug_text,
    make_button,
    make_combo,
    make_label,
    name,
)
from desktop_app.views.change_form import ChangeFormView


class ChoiceCombo(QObject):
    """A combo box of the view-model's choices: captions with their values as item data
    (``labels``, ``values``), the chosen index both ways."""

    def __init__(
        self,
        combo: QComboBox,
        labels: tuple[SignalInstance, Callable[[], list[str]]],
        values: Callable[[], list[int]],
        index: tuple[SignalInstance, Callable[[], int]],
        choose: Callable[[int], None],
    ) -> None:
        super().__init__(combo)
        self._combo = combo
        self._labels, self._values, self._index = labels[1], values, index[1]
        labels[0].connect(self._fill)
        index[0].connect(self._select)
        combo.currentIndexChanged.connect(choose)
        self._fill()

    @Slot()
    @Slot(list)
    def _fill(self, *_args: object) -> None:
        combo = self._combo
        combo.blockSignals(True)
        combo.clear()
        for label, value in zip(self._labels(), self._values(), strict=False):
            combo.addItem(label, value)
        combo.setCurrentIndex(self._index())
        combo.blockSignals(False)

    @Slot(int)
    def _select(self, index: int) -> None:
        if self._combo.currentIndex() != index:
            self._combo.blockSignals(True)
            self._combo.setCurrentIndex(index)
            self._combo.blockSignals(False)


class DueDayView(ChangeFormView):
    def __init__(self, vm: DueDayViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "dueDay", parent)
        self._vm = vm
        self.current = make_label("dueDayCurrentLabel", "figure")
        self.day = make_combo("dueDayCombo")
        self.effect = make_label("dueDayEffectLabel", "notice", wrap=True)
        self._captions = (self.caption(), self.caption())
        self.form.addRow(self._captions[0], self.current)
        self.form.addRow(self._captions[1], self.day)
        self.form.addRow("", self.effect)
        self.finish()
        ChoiceCombo(
            self.day,
            (vm.day_labels_changed, lambda: vm.day_labels),
            lambda: vm.days,
            (vm.day_index_changed, lambda: vm.day_index),
            vm.set_day_index,
        )
        bind_label(self.current, vm.current_changed, vm.current)
        bind_label(self.effect, vm.effect_changed, vm.effect)

    def retranslate(self) -> None:
        self.set_texts(
            _("Change your due day"),
            _(
                "A due date on a bank holiday moves to the next business day. The next due date "
                "after the change is shown before you confirm it."
            ),
            _("Change the due day"),
        )
        self._captions[0].setText(_("Due day now"))
        self._captions[1].setText(_("New due day"))
        self.current.setAccessibleName(_("Due day now"))
        self.day.setAccessibleName(_("New due day"))
        self.effect.setAccessibleName(_("Next due date after the change"))
        super().retranslate()


class AutoDebitView(ChangeFormView):
    """Signals:
    bank_requested(): register a bank account first (offered while none is).
    """

    bank_requested = Signal()

    def __init__(self, vm: AutoDebitViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "autoDebit", parent)
        self._vm = vm
        self.account = make_label("autoDebitAccountLabel", "figure", wrap=True)
        self.use = QCheckBox()
        name(self.use, "autoDebitCheck")
        hug_text(self.use)
        self.day = make_combo("autoDebitDueDayCombo")
        self.notice = make_label("autoDebitNotice", "notice", wrap=True)
        self.register_bank = make_button("autoDebitBankButton")
        self._captions = (self.caption(), self.caption())
        self.form.addRow(self._captions[0], self.account)
        self.form.addRow("", self.use)
        self.form.addRow(self._captions[1], self.day)
        self.column.addWidget(self.notice)
        self.column.addWidget(self.register_bank)
        self.finish()
        ChoiceCombo(
            self.day,
            (vm.day_labels_changed, lambda: vm.day_labels),
            lambda: vm.days,
            (vm.day_index_changed, lambda: vm.day_index),
            vm.set_day_index,
        )
        bind_label(self.account, vm.account_changed, vm.account)
        bind_checked(self.use, vm.enabled_changed, vm.enabled)
        self.use.toggled.connect(vm.set_enabled)
        bind_enabled(self.use, vm.bank_needed_changed, vm.bank_needed, invert=True)
        bind_enabled(self.day, vm.day_choosable_changed, vm.day_choosable)
        bind_label(self.notice, vm.notice_changed, vm.notice)
        bind_visible(self.register_bank, vm.bank_needed_changed, vm.bank_needed)
        self.register_bank.clicked.connect(self.bank_requested)

    def retranslate(self) -> None:
        self.set_texts(
            _("Automatic debit"),
            _("The minimum payment is debited from your registered bank account on each due date."),
            _("Save"),
        )
        self._captions[0].setText(_("Account debited"))
        self._captions[1].setText(_("Due day"))
        self.account.setAccessibleName(_("Account debited"))
        self.use.setText(_("Use automatic debit"))
        self.use.setAccessibleName(_("Use automatic debit"))
        self.day.setAccessibleName(_("Due day"))
        self.notice.setAccessibleName(_("What automatic debit means for your due day"))
        self.register_bank.setText(_("Register a bank account"))
        self.register_bank.setAccessibleName(_("Register a bank account"))
        super().retranslate()
