"""``kioskKeypad``: the kiosk's on-screen numeric keypad (card number, PIN, amounts, codes).

Keys ``keypadKey0`` … ``keypadKey9``, ``keypadBackspace``, ``keypadClear``, ``keypadEnter``
press the keys of a hardware keyboard on the focused field (widgets/kiosk_keys.py). For a PIN
the digits may be shuffled: ``keypadKey7`` always types 7, only where it sits changes."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from desktop_app.i18n import _, hub
from desktop_app.views.widgets.kiosk_keys import (
    KeyButton,
    send_backspace,
    send_clear,
    send_enter,
    send_key,
    touch_size,
)

# The telephone layout: 1 2 3 / 4 5 6 / 7 8 9 / 0 under the 8. (row, column) per place.
PLACES = ((0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2), (3, 1))
STANDARD: tuple[int, ...] = (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)  # the digit at each place


class KioskKeypad(QWidget):
    """Digits, 削除 (one character), クリア (the whole entry) and 確定 (Enter).

    ``shuffle_pin``: the digits change places every time ``arrange(pin=True)`` is called (the
    panel calls it whenever a PIN field takes the focus); never twice in the same places."""

    def __init__(
        self,
        shuffle_pin: bool = True,
        rng: random.Random | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskKeypad")
        self.shuffle_pin = shuffle_pin
        self._random = rng or random.SystemRandom()
        self._order = STANDARD
        self.digits: dict[int, KeyButton] = {}
        grid = self._grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for digit in range(10):
            key = KeyButton(f"keypadKey{digit}")
            key.set_names(str(digit), str(digit))
            key.setProperty("digit", digit)
            key.clicked.connect(self._digit_clicked)
            self.digits[digit] = key
        self.backspace = KeyButton("keypadBackspace")
        self.backspace.setAutoRepeat(True)  # held down, it goes on deleting
        self.backspace.clicked.connect(self._backspace_clicked)
        self.clear = KeyButton("keypadClear")
        self.clear.clicked.connect(self._clear_clicked)
        self.enter = KeyButton("keypadEnter")
        self.enter.setProperty("role", "primary")
        self.enter.clicked.connect(self._enter_clicked)
        self.enter.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        grid.addWidget(self.backspace, 0, 3)
        grid.addWidget(self.clear, 1, 3)
        grid.addWidget(self.enter, 2, 3, 2, 1)
        for key in (*self.digits.values(), self.backspace, self.clear, self.enter):
            key.setMaximumWidth(3 * touch_size())
        self._place(STANDARD)
        hub().language_changed.connect(self._retranslate)
        self._retranslate()

    def arrange(self, pin: bool) -> None:
        """Lay the digits out for the field that took the focus: shuffled for a PIN when the
        setting says so, else in the telephone order."""
        if not (pin and self.shuffle_pin):
            self._place(STANDARD)
            return
        order = list(STANDARD)
        while tuple(order) in (STANDARD, self._order):
            self._random.shuffle(order)
        self._place(tuple(order))

    def positions(self) -> dict[int, tuple[int, int]]:
        """Where each digit's key is: (row, column) in the keypad's grid."""
        return {digit: PLACES[self._order.index(digit)] for digit in self.digits}

    def _place(self, order: tuple[int, ...]) -> None:
        self._order = order
        for digit, (row, column) in zip(order, PLACES, strict=True):
            key = self.digits[digit]
            self._grid.removeWidget(key)
            self._grid.addWidget(key, row, column)

    @Slot()
    def _digit_clicked(self) -> None:
        key = self.sender()
        if isinstance(key, KeyButton):
            digit = int(key.property("digit"))
            send_key(Qt.Key(ord(str(digit))), str(digit))

    @Slot()
    def _backspace_clicked(self) -> None:
        send_backspace()

    @Slot()
    def _clear_clicked(self) -> None:
        send_clear()

    @Slot()
    def _enter_clicked(self) -> None:
        send_enter()

    @Slot()
    def _retranslate(self, _language: str = "") -> None:
        self.setAccessibleName(_("Numeric keypad"))
        self.backspace.set_names(_("Delete"), _("Delete one character"))
        self.clear.set_names(_("Clear"), _("Clear the entry"))
        self.enter.set_names(_("Enter"), _("Enter key"))
