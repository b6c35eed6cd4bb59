"""Drive the client exactly as a UI tester would: the harness and the contract's names."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QMainWindow, QWidget

from desktop_app.testing import wait_until_idle
from tests.conftest import NOW  # noqa: F401  (the tests import it from here)


class Driver:
    """A UI tester's helpers over one window."""

    def __init__(self, window: QMainWindow, qtbot) -> None:
        self.window = window
        self.qtbot = qtbot

    def find(self, kind: type[QWidget], name: str) -> QWidget:
        widget = self.window.findChild(kind, name)
        assert widget is not None, f"{kind.__name__} {name!r} not found"
        return widget

    def type(self, name: str, text: str) -> None:
        field = self.find(QLineEdit, name)
        field.setText(text)

    def click(self, name: str) -> None:
        button = self.find(QAbstractButton, name)
        assert button.isEnabled(), f"{name} is disabled"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        wait_until_idle(self.window)

    def text(self, name: str) -> str:
        return self.find(QLabel, name).text()

    def visible_text(self, name: str) -> str:
        label = self.find(QLabel, name)
        return label.text() if label.isVisible() else ""

    def dialog(self) -> QDialog:
        dialog = self.window.findChild(QDialog, "confirmDialog")
        assert dialog is not None and dialog.isVisible(), "no confirmation dialog is open"
        return dialog

    def sign_in_web(self, web_id: str, password: str) -> None:
        self.find(QWidget, "loginMethodTabs").setCurrentIndex(0)
        self.type("webIdInput", web_id)
        self.type("passwordInput", password)
        self.click("loginButton")

    def sign_in_card(self, card: str, pin: str) -> None:
        self.find(QWidget, "loginMethodTabs").setCurrentIndex(1)
        self.type("cardNumberInput", card)
        self.type("pinInput", pin)
        self.click("loginButton")

    def screen(self) -> str:
        return self.find(QWidget, "screenStack").currentWidget().objectName()

    def confirm_dialog(self) -> None:
        dialog = self.dialog()
        button = dialog.findChild(QAbstractButton, "confirmAcceptButton")
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        wait_until_idle(self.window)


@pytest.fixture
def drive(launch, qtbot) -> Callable[..., Driver]:
    def start(**overrides) -> Driver:
        return Driver(launch(**overrides), qtbot)

    return start
