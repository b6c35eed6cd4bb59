"""The kiosk's keys on their own: each key is the key event a hardware keyboard sends (so a
field's validator, event filters and Caps Lock judgement see the same thing), the shuffle
never repeats a layout, and the keyboard has a key for every character a password may hold."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.views.kiosk_keyboard import KioskKeyboard
from desktop_app.views.kiosk_keypad import PLACES, KioskKeypad
from desktop_app.views.widgets.caps_lock import CapsLockWatcher
from desktop_app.views.widgets.kiosk_input import DIGITS, kiosk_input, kiosk_input_of

LEFT = Qt.MouseButton.LeftButton
PRINTABLE = [chr(code) for code in range(0x21, 0x7F)]  # what a password may hold


class Recorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.presses: list[tuple[int, str, bool]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.presses.append((event.key(), event.text(), shift))
        return False


@pytest.fixture
def hosted(qtbot):
    """A window with a line edit above the given widgets; the line edit, focused."""
    hosts: list[QWidget] = []

    def start(*widgets: QWidget) -> QLineEdit:
        host = QWidget()
        hosts.append(host)  # alive until the test ends
        return _host(qtbot, host, *widgets)

    yield start
    hosts.clear()


def _host(qtbot, host: QWidget, *widgets: QWidget) -> QLineEdit:
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    field = QLineEdit()
    layout.addWidget(field)
    for widget in widgets:
        layout.addWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return field


def test_every_password_character_has_one_key(qtbot, hosted):
    keyboard = KioskKeyboard()
    field = hosted(keyboard)
    recorder = Recorder()
    field.installEventFilter(recorder)
    for char in PRINTABLE:
        key, shifted = keyboard.key_for(char)
        if shifted != keyboard.shifted:
            qtbot.mouseClick(keyboard.shift, LEFT)
        qtbot.mouseClick(key, LEFT)
    assert field.text() == "".join(PRINTABLE)
    assert len(keyboard.keys) == 47  # 94 characters, two a key
    for (code, text, shift), char in zip(recorder.presses, PRINTABLE, strict=True):
        assert text == char and code == ord(char.upper())
        assert shift == (char != char.lower() or char in '~!@#$%^&*()_+{}|:"<>?')


def test_shift_held_for_a_capital_is_not_caps_lock(qtbot, hosted):
    keyboard = KioskKeyboard()
    field = hosted(keyboard)
    reports: list[bool] = []
    field.installEventFilter(CapsLockWatcher(reports.append, field))
    qtbot.mouseClick(keyboard.shift, LEFT)
    qtbot.mouseClick(keyboard.keys["T"], LEFT)
    qtbot.mouseClick(keyboard.shift, LEFT)
    qtbot.mouseClick(keyboard.keys["A"], LEFT)
    assert field.text() == "Ta"
    assert reports == []  # never believed to be on


def test_the_keypad_goes_through_the_fields_validator(qtbot, hosted):
    keypad = KioskKeypad(shuffle_pin=False)
    field = hosted(keypad)
    field.setValidator(QIntValidator(0, 99))
    for digit in (4, 2, 7):
        qtbot.mouseClick(keypad.digits[digit], LEFT)
    assert field.text() == "42"  # the third digit refused, as a typed one would be
    qtbot.mouseClick(keypad.clear, LEFT)
    assert field.text() == ""


def test_a_shuffle_never_repeats_the_last_layout_nor_the_telephone_one(qtbot):
    keypad = KioskKeypad(shuffle_pin=True, rng=random.Random(7))
    qtbot.addWidget(keypad)
    telephone = keypad.positions()
    previous = telephone
    for _round in range(50):
        keypad.arrange(pin=True)
        layout = keypad.positions()
        assert layout != previous and layout != telephone
        assert sorted(layout.values()) == sorted(PLACES)
        assert all(keypad.digits[d].objectName() == f"keypadKey{d}" for d in range(10))
        previous = layout
    keypad.arrange(pin=False)
    assert keypad.positions() == telephone


def test_keys_are_never_a_dialogs_default_button(qtbot):
    for widget in (KioskKeypad(), KioskKeyboard()):
        qtbot.addWidget(widget)
        for key in widget.findChildren(QPushButton):
            assert not key.autoDefault() and not key.isDefault()
            assert key.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_mark_is_a_property_of_the_field():
    field = QLineEdit()
    assert kiosk_input_of(field) == ""
    assert kiosk_input(field, DIGITS) is field
    assert field.property("kioskInput") == "digits" == kiosk_input_of(field)
