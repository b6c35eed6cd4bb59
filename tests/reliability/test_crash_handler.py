"""One handler for every unexpected exception (issue 13, point 3): raised in a slot, a
runner's worker, a thread or a timer's callback, it shows the member a polite sentence and
the support line, logs the traceback without the secret in the exception's message, and the
client goes on working (navigate, borrow)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit

from desktop_app.domain.brand import DEFAULT_BRAND
from desktop_app.paths import user_log_dir
from desktop_app.testing import context_of, wait_until_idle
from desktop_app.viewmodels.crash import MASK
from desktop_app.views.crash_notice import support_sentence, unexpected_sentence
from tests.e2e import conftest as e2e
from tests.e2e.conftest import Driver

drive = e2e.drive  # the harness fixture

PASSWORD = "Taro2026pass"
TOKEN_LIKE = "Zq7XbW2mK9pLr4TnV8cYd3Hs6Jf1Ga5E"  # what a session token looks like


class CrashProbe(RuntimeError):
    """The fault the tests inject: its message carries the member's secret."""


def _boom() -> None:
    raise CrashProbe(f"failed while holding {PASSWORD!r} and auth {TOKEN_LIKE}")


class _Receiver(QObject):
    """The runner's outcome, delivered to slots as a view-model's would be."""

    def __init__(self) -> None:
        super().__init__()
        self.outcomes: list[object] = []

    @Slot(object)
    def done(self, outcome: object) -> None:
        self.outcomes.append(outcome)


@pytest.fixture
def own_hooks(monkeypatch):
    """Python's own hooks before the client starts (not pytest's or pytest-qt's, which fail
    a test on such an exception): the client's handler is then the only one."""
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)


def _in_slot(d: Driver) -> None:
    button = d.find(QAbstractButton, "navHome")
    button.clicked.connect(lambda: _boom())
    button.click()


def _in_worker(d: Driver) -> None:
    receiver = _Receiver()
    d.window._probe_receiver = receiver  # type: ignore[attr-defined]
    context_of(d.window).runner.submit("probe", _boom, receiver.done, receiver.done)
    wait_until_idle(d.window)
    assert [type(o).__name__ for o in receiver.outcomes] == ["AppError"]  # the owner is told


def _in_thread(_d: Driver) -> None:
    thread = threading.Thread(target=_boom, name="probe")
    thread.start()
    thread.join(5)


def _in_timer(_d: Driver) -> None:
    QTimer.singleShot(0, _boom)


FAULTS: dict[str, Callable[[Driver], None]] = {
    "slot": _in_slot,
    "worker": _in_worker,
    "thread": _in_thread,
    "timer": _in_timer,
}


def _notice(d: Driver) -> QDialog:
    notice = d.window.findChild(QDialog, "crashNotice")
    assert notice is not None
    d.qtbot.waitUntil(notice.isVisible, timeout=5000)
    return notice


CASES = [*(("ja", where) for where in FAULTS), ("en", "worker"), ("en", "slot")]


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize(("language", "where"), CASES)
def test_an_unexpected_exception_is_said_politely_logged_without_secrets_and_survived(
    drive, own_hooks, where, language
):
    d = drive(language=language)
    d.sign_in_web("yamada2026", PASSWORD)
    assert d.screen() == "homeScreen"
    FAULTS[where](d)
    notice = _notice(d)

    # What the member reads: the sentence and the support line, in their language.
    message = notice.findChild(QLabel, "crashMessage").text()
    support = notice.findChild(QLabel, "crashSupport").text()
    assert message == unexpected_sentence()
    if language == "ja":  # the catalog's words, not the English msgid
        assert message.startswith("申し訳ございません。予期しないエラーが発生しました。")
        assert support.startswith("繰り返し発生する場合は、")
    assert support == support_sentence(DEFAULT_BRAND)
    assert DEFAULT_BRAND.support_phone in support
    hours = "9:00～21:00" if language == "ja" else "9:00–21:00"
    assert hours in support
    assert not notice.isModal()

    # A second fault while the notice is open: still one notice.
    FAULTS["timer"](d)
    d.qtbot.wait(50)
    assert len([w for w in d.window.findChildren(QDialog, "crashNotice") if w.isVisible()]) == 1

    # The log has the traceback, never the secret.
    log = (user_log_dir() / "member-client.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "CrashProbe" in log
    assert MASK in log
    assert PASSWORD not in log
    assert TOKEN_LIKE not in log
    assert context_of(d.window).app_vm.token not in log

    # The member closes it and goes on: navigate, borrow.
    d.qtbot.mouseClick(notice.findChild(QAbstractButton, "crashCloseButton"), _left())
    assert not notice.isVisible()
    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    d.confirm_dialog()
    assert d.find(QLineEdit, "borrowAmountInput").isVisible() is False
    assert d.visible_text("borrowResultLabel") != ""


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
