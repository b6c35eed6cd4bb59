"""The controls of the repayment and mail settings, bound to their view-models: a combo box
of choices, a check box, the offer to register what a setting needs first, and the due-day
combo of ``DueDayChoiceViewModel``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, SignalInstance, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton

from desktop_app.viewmodels.setting import DueDayChoiceViewModel
from desktop_app.views.binding import bind_checked, bind_visible, hug_text, make_button, name


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


def choose_due_day(combo: QComboBox, vm: DueDayChoiceViewModel) -> ChoiceCombo:
    """``combo`` offers the due days of ``vm`` (item data 5, 15, 25, 31)."""
    return ChoiceCombo(
        combo,
        (vm.day_labels_changed, lambda: vm.day_labels),
        lambda: vm.days,
        (vm.day_index_changed, lambda: vm.day_index),
        vm.set_day_index,
    )


def bound_check(
    object_name: str, changed: SignalInstance, checked: bool, set_checked: Callable[[bool], None]
) -> QCheckBox:
    """A check box showing the view-model's value (``changed``, ``checked``) and setting it."""
    check = QCheckBox()
    name(check, object_name)
    hug_text(check)
    bind_checked(check, changed, checked)
    check.toggled.connect(set_checked)
    return check


def offer_button(
    object_name: str, needed_changed: SignalInstance, needed: bool, requested: SignalInstance
) -> QPushButton:
    """The button to register what the setting needs first, shown while it is needed."""
    button = make_button(object_name)
    bind_visible(button, needed_changed, needed)
    button.clicked.connect(requested)
    return button
