"""Shared set-up for the example scripts: copy this file next to your own tests.

It does three things every UI script needs:

1. Qt draws off screen (``QT_QPA_PLATFORM=offscreen``), so the scripts run in CI without a
   display, and password hashing is cheap (``MEMBER_CLIENT_HASH_PROFILE=fast``: for test
   stores only, never for real members). Both are set before Qt or the client is imported.
2. Every test gets fresh settings, data and log folders (the XDG variables), so no test sees
   another's saved language, remembered Web-ID or store, and your own settings stay untouched.
3. ``start`` launches the client on a scratch store and closes every window afterwards
   (``close_all``); ``ui`` is a handful of helpers over ``findChild`` and ``qtbot``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MEMBER_CLIENT_HASH_PROFILE"] = "fast"
# Never your real keychain: 「Web-IDを記憶する」 then says no keychain works here.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QMainWindow, QWidget

from desktop_app.testing import close_all, launch_app, wait_until_idle

# The demo members' day (DOMAIN.md §8): a Tuesday, a business day, outside maintenance.
NOW = "2026-11-24T10:00:00+09:00"


@pytest.fixture(autouse=True)
def own_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Fresh user folders (settings, store, logs) for each test."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        folder = home / variable.lower()
        folder.mkdir()
        monkeypatch.setenv(variable, str(folder))


@pytest.fixture
def start(qapp, tmp_path) -> Iterator[Callable[..., QMainWindow]]:
    """``start(**options)``: ``launch_app`` on a scratch SQLite store with the demo members,
    at ``NOW``, in Japanese (each keyword overrides one of those), once it is idle."""

    def start(**options: object) -> QMainWindow:
        options.setdefault("store_url", f"sqlite:///{tmp_path / 'members.db'}")
        options.setdefault("now", NOW)
        options.setdefault("language", "ja")
        window = launch_app(**options)  # type: ignore[arg-type]
        wait_until_idle(window)
        return window

    yield start
    close_all()  # every window launch_app opened, and their stores


class Ui:
    """What a tester does most, by object name (docs/ui-automation.md has them all)."""

    def __init__(self, window: QMainWindow, qtbot) -> None:
        self.window = window
        self.qtbot = qtbot

    def find(self, kind: type[QWidget], name: str):
        widget = self.window.findChild(kind, name)
        assert widget is not None, f"no {kind.__name__} named {name!r}"
        return widget

    def type(self, name: str, text: str) -> None:
        """Fill an input: ``setText`` counts as the member's typing."""
        self.find(QLineEdit, name).setText(text)

    def click(self, name: str) -> None:
        """Click a button, link or navigation entry, then wait for the store's answer."""
        button = self.find(QAbstractButton, name)
        assert button.isEnabled(), f"{name} is disabled"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        wait_until_idle(self.window)

    def text(self, name: str) -> str:
        """A label's text, or "" while it is hidden (labels hide when they have nothing)."""
        label = self.find(QLabel, name)
        return label.text() if label.isVisible() else ""

    def screen(self) -> str:
        """The object name of the screen shown (``loginScreen``, ``homeScreen`` …)."""
        return self.find(QWidget, "screenStack").currentWidget().objectName()

    def dialog(self, name: str = "confirmDialog") -> QDialog:
        dialog = self.find(QDialog, name)
        assert dialog.isVisible(), f"{name} is not open"
        return dialog

    def confirm(self) -> None:
        """Press 確定する in the open confirmation dialog."""
        accept = self.dialog().findChild(QAbstractButton, "confirmAcceptButton")
        self.qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
        wait_until_idle(self.window)

    def sign_in(self, web_id: str = "yamada2026", password: str = "Taro2026pass") -> None:
        """Sign in with a Web-ID (山田 by default) and land on the home screen."""
        self.find(QWidget, "loginMethodTabs").setCurrentIndex(0)
        self.type("webIdInput", web_id)
        self.type("passwordInput", password)
        self.click("loginButton")


@pytest.fixture
def ui(qtbot) -> Callable[[QMainWindow], Ui]:
    """``ui(window)``: the helpers above over one window."""
    return lambda window: Ui(window, qtbot)
