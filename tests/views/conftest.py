"""A launched client for the view tests, and typing as a member does it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDateEdit, QMainWindow, QWidget

from desktop_app.testing import close_all, launch_app, wait_until_idle

NOW = "2026-11-24T10:00:00+09:00"  # a Tuesday, a business day, outside maintenance


@pytest.fixture
def launch(qapp, tmp_path) -> Iterator[Callable[..., QMainWindow]]:
    def start(**overrides: object) -> QMainWindow:
        options: dict[str, object] = {
            "store_url": f"sqlite:///{tmp_path / 'members.db'}",
            "now": NOW,
            "language": "ja",
            "seed": "demo",
        }
        options.update(overrides)
        window = launch_app(**options)
        wait_until_idle(window)
        return window

    yield start
    close_all()


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
