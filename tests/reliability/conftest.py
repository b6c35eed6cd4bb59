"""What the reliability tests share: the harness's ``drive`` (tests/e2e), the log file the
client writes, and a check that no traceback reached the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow, QTextEdit, QWidget

from desktop_app.paths import user_log_dir
from tests.e2e.conftest import Driver, drive  # noqa: F401  (the harness, as in tests/e2e)

TRACEBACK_MARKS = ("Traceback", "Error:", "Exception", 'File "', "sqlite3.", "psycopg", "SQL")


class LogFile:
    """The client's log file, read from where the test began."""

    def __init__(self) -> None:
        self.path = user_log_dir() / "member-client.log"
        self.start = self.path.stat().st_size if self.path.exists() else 0

    def text(self) -> str:
        if not self.path.exists():
            return ""
        with open(self.path, "rb") as file:
            file.seek(self.start)
            return file.read().decode("utf-8", "replace")


@pytest.fixture
def log_file() -> Iterator[LogFile]:
    yield LogFile()


def shown_text(window: QMainWindow) -> str:
    """Every text a member can see on the window now (labels, text views, window titles)."""
    parts: list[str] = [window.windowTitle()]
    for label in window.findChildren(QLabel):
        if label.isVisible():
            parts.append(label.text())
    for view in window.findChildren(QTextEdit):
        if view.isVisible():
            parts.append(view.toPlainText())
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and widget.toolTip():
            parts.append(widget.toolTip())
    return "\n".join(parts)


def assert_no_traceback(window: QMainWindow) -> None:
    text = shown_text(window)
    for mark in TRACEBACK_MARKS:
        assert mark not in text, f"{mark!r} reached the screen:\n{text}"


def file_path(store_url: str) -> Path:
    return Path(store_url.removeprefix("sqlite:///"))
