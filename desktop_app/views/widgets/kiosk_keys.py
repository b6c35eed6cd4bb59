"""What the on-screen keys of the kiosk share: buttons that never take the focus, and key
events sent to the focused widget, so an on-screen key is exactly a hardware key press.

A key press goes through the field's validators, live conversion, event filters (Caps Lock),
``returnPressed`` and the window's Enter handling, as typing does; nothing is written to a
field behind its back."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QSizePolicy, QWidget

KEY_SIZE = 48  # px: the smallest touch target, at every font size
SCREEN_SHARE = 18  # a key is at least 1/18 of the screen's height: 60 px on a full-HD kiosk


def touch_size() -> int:
    """The side of a key on this screen: 48 px at least, larger on a tall screen, where a
    finger should not have to aim."""
    screen = QApplication.primaryScreen()
    height = screen.availableGeometry().height() if screen is not None else 0
    return max(KEY_SIZE, height // SCREEN_SHARE)


NO_MODIFIER = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def send_key(key: Qt.Key, text: str = "", modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> bool:
    """Press and release ``key`` on the focused widget; ``False`` when nothing has the focus."""
    target = QApplication.focusWidget()
    if target is None:
        return False
    press = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text)
    QApplication.sendEvent(target, press)
    if shiboken6.isValid(target):  # Enter may have closed the form the field was on
        release = QKeyEvent(QEvent.Type.KeyRelease, key, modifiers, text)
        QApplication.sendEvent(target, release)
    return True


def send_char(char: str) -> bool:
    """Type one half-width character: its key (Qt's key codes are the upper-case ASCII code)
    and Shift where a hardware keyboard would need it, so Caps Lock is judged right."""
    key = Qt.Key(ord(char.upper()))
    shifted = char.isupper() or char in SHIFTED_SYMBOLS
    return send_key(key, char, SHIFT if shifted else NO_MODIFIER)


def send_backspace() -> bool:
    return send_key(Qt.Key.Key_Backspace)


def send_clear() -> bool:
    """Select the whole entry and delete it, as Ctrl+A and Backspace would."""
    if not send_key(Qt.Key.Key_A, "\x01", Qt.KeyboardModifier.ControlModifier):
        return False
    return send_backspace()


def send_enter() -> bool:
    return send_key(Qt.Key.Key_Return, "\r")


def key_style(points: float) -> str:
    """The style sheet of the keys, for the application's font size ``points``: tighter
    padding than a form's buttons (a row of 14 keys fits 800 px), the digits half as large
    again as the text."""
    digits = round(points * DIGIT_SCALE)
    return (
        'QPushButton[kioskKey="true"] { padding: 2px 6px; }\n'
        f"QPushButton[digit] {{ font-size: {digits}pt; font-weight: bold; }}"
    )


DIGIT_SCALE = 1.5
# The symbols a US keyboard types with Shift (the keyboard's layout, kiosk_keyboard.py).
SHIFTED_SYMBOLS = frozenset('~!@#$%^&*()_+{}|:"<>?')


class KeyButton(QPushButton):
    """An on-screen key: at least 48 × 48 px and as large as its text, never focused (a
    click leaves the focus in the field), never a dialog's default button."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("kioskKey", True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoDefault(False)
        self.setDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        side = touch_size()
        return super().sizeHint().expandedTo(QSize(side, side))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_names(self, text: str, accessible: str) -> None:
        self.setText(text)
        self.setAccessibleName(accessible)
