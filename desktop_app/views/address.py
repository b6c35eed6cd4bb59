"""The address form (``addressForm``): postal code, the town it fills (or a choice of towns),
番地・建物名, and the duty to report a move."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.i18n import N_, _
from desktop_app.viewmodels.address import AddressViewModel
from desktop_app.views.binding import (
    bind_combo_index,
    bind_combo_items,
    bind_label,
    make_combo,
    make_label,
    make_line_edit,
)
from desktop_app.views.change_form import ChangeFormView
from desktop_app.views.widgets.kiosk_input import DIGITS

TOWN = N_("Prefecture, city and town")


class AddressView(ChangeFormView):
    def __init__(self, vm: AddressViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "address", parent)
        self._address_vm = vm
        self.postal = self.add_field(
            vm.postal, "postalCodeInput", N_("Postal code"), half_width_only=True, kiosk=DIGITS
        )
        self.town_combo = make_combo("townCombo")
        self._town_caption = QLabel()
        self._town_caption.setBuddy(self.town_combo)
        self.add_row(self._town_caption, self.town_combo)
        self.town = make_line_edit("addressInput")
        self.town.setReadOnly(True)  # filled from Japan Post's data, never typed
        self._filled_caption = QLabel()
        self.add_row(self._filled_caption, self.town)
        self.line2 = self.add_field(vm.line2, "addressLine2Input", N_("Street number and building"))
        self.duty = make_label("addressDutyLabel", "notice", wrap=True)
        self.add_row(None, self.duty)
        self.finish()
        bind_combo_items(self.town_combo, vm.town_choices_changed, vm.town_choices)
        bind_combo_index(self.town_combo, vm.town_index_changed, vm.town_index, vm.choose_town)
        vm.town_choices_changed.connect(self._show_choice)
        self._show_choice(vm.town_choices)
        vm.town_address_changed.connect(self.town.setText)
        self.town.setText(vm.town_address)
        bind_label(self.duty, vm.duty_changed, vm.duty)

    @Slot(list)
    def _show_choice(self, choices: list[str]) -> None:
        """The choice of towns only for a code with several."""
        shown = len(choices) > 1
        self.form.setRowVisible(self.town_combo, shown)
        if shown:
            self.town_combo.setCurrentIndex(self._address_vm.town_index)

    def retranslate(self) -> None:
        self.title.setText(_("Change your address"))
        self.explain.setText(
            _(
                "Enter the postal code: the prefecture, city and town are filled in from "
                "Japan Post's data. Then enter the street number and building."
            )
        )
        self._town_caption.setText(_("Choose your town"))
        self.town_combo.setAccessibleName(_("Choose your town"))
        self.town_combo.setPlaceholderText(_("Please choose"))
        self._filled_caption.setText(_(TOWN))
        self.town.setAccessibleName(_(TOWN))
        self.town.setPlaceholderText(_("Filled in from the postal code"))
        self.postal.edit.setPlaceholderText(_("e.g. 100-0001"))
        self.submit.setText(_("Change the address"))
        super().retranslate()
