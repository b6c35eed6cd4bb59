"""A launched client for the view tests, and typing as a member does it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMainWindow,
    QWidget,
)

from desktop_app.testing import wait_until_idle
from tests.conftest import NOW  # noqa: F401  (the tests import it from here)


def find(window: QWidget, kind: type, name: str):
    widget = window.findChild(kind, name)
    assert widget is not None, f"{kind.__name__} {name!r} not found"
    return widget


def type_keys(qtbot, widget: QWidget, text: str) -> None:
    """Key presses, one a character. QTest's keyClicks takes Latin-1 only (it asserts on
    「１」), so a full-width character is sent as the key event a keyboard sends for it."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def click(qtbot, window: QMainWindow, name: str) -> None:
    button = find(window, QAbstractButton, name)
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_until_idle(window)


def open_popup(qtbot, edit: QDateEdit) -> None:
    """Click the drop-down arrow, as a member opens the calendar."""
    qtbot.mouseClick(
        edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6, edit.height() // 2)
    )
    qtbot.waitUntil(edit.calendarWidget().isVisible)


def shown(window: QWidget, name: str) -> str:
    """A label's text as the member sees it: "" while it is hidden."""
    label = find(window, QLabel, name)
    return label.text() if label.isVisible() else ""


def focus(qtbot, edit: QLineEdit) -> QLineEdit:
    """Give ``edit`` the keyboard, as a click or Tab would, and wait until it has it."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return edit
