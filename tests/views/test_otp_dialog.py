"""The one-time code dialog by the keyboard: the focus in the code field, Enter sends the
code once, Esc gives the change up; the code is never shown in a sentence."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.models import Session
from desktop_app.domain.profile import CodedChange
from desktop_app.store.sql import SqlStore
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.otp import OtpViewModel
from desktop_app.viewmodels.runner import OperationRunner
from desktop_app.viewmodels.services import Services
from desktop_app.viewmodels.store_access import StoreHandle
from desktop_app.views.otp import attach_otp
from tests.viewmodels.test_otp import CodeStore


@pytest.fixture
def form(qapp, qtbot, tmp_path):
    from desktop_app import i18n

    i18n.set_language("ja")
    clock = FixedClock(datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO))
    real = SqlStore(f"sqlite:///{tmp_path / 'otp.db'}", clock, seed=True, hash_profile="fast")
    runner = OperationRunner()
    store = CodeStore(real, clock)
    services = Services(runner=runner, store=StoreHandle(lambda: store), clock=clock)
    app = ApplicationViewModel(services)
    app.load_terms()
    qtbot.waitUntil(lambda: app.terms is not None, timeout=10_000)
    app._session = Session("token", "100000001", "山田 太郎", None)
    vm = OtpViewModel(services, app)
    window = QWidget()
    window.resize(800, 600)
    qtbot.addWidget(window)
    window.show()
    attach_otp(window, vm)
    yield window, vm, store, runner
    runner.wait_for_done()
    real.close()


def _dialog(qtbot, window: QWidget) -> QWidget:
    qtbot.waitUntil(lambda: window.findChild(QWidget, "otpDialog") is not None)
    dialog = window.findChild(QWidget, "otpDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _code_field(form, qtbot, change: CodedChange, done: list[object]) -> tuple[QWidget, QLineEdit]:
    """Start ``change``: the dialog opens, the code is sent, the code field has the keyboard."""
    window, vm, store, runner = form
    vm.start(change, store.apply, done.append)
    dialog = _dialog(qtbot, window)
    qtbot.waitUntil(runner.is_idle)
    code = dialog.findChild(QLineEdit, "otpCodeInput")
    qtbot.waitUntil(code.hasFocus)
    return dialog, code


def test_enter_sends_the_code_and_closes_the_dialog(form, qtbot):
    window, _vm, store, runner = form
    done: list[object] = []
    dialog, code = _code_field(form, qtbot, CodedChange.EMAIL, done)
    assert "090-****-5678" in dialog.findChild(QLabel, "otpInfoLabel").text()
    resend = dialog.findChild(QAbstractButton, "otpResendButton")
    assert not resend.isEnabled() and "60秒" in resend.text()
    qtbot.keyClicks(code, "1111")
    qtbot.keyClick(code, Qt.Key.Key_Return)
    qtbot.waitUntil(runner.is_idle)
    error = dialog.findChild(QLabel, "otpError")
    assert error.isVisible() and "あと4回" in error.text() and "1111" not in error.text()
    assert code.text() == ""
    qtbot.keyClicks(code, "4321")
    qtbot.keyClick(code, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "otpDialog") is None)
    assert done == ["done"] and store.applied == ["4321"]


def test_escape_gives_the_change_up(form, qtbot):
    window, vm, _store, _runner = form
    done: list[object] = []
    _dialog_open, code = _code_field(form, qtbot, CodedChange.PASSWORD, done)
    qtbot.keyClicks(code, "43")
    with qtbot.waitSignal(vm.finished) as finished:
        qtbot.keyClick(code, Qt.Key.Key_Escape)
    assert finished.args == [False]
    qtbot.waitUntil(lambda: window.findChild(QWidget, "otpDialog") is None)
    assert done == [] and not vm.active and vm.code.text == ""


def test_the_dialog_sits_over_the_middle_of_its_window(form, qtbot):
    """Sized to its sentence after Qt placed it: it must not hang off the window's side."""
    window, vm, store, runner = form
    window.move(100, 100)
    vm.start(CodedChange.EMAIL, store.apply, lambda _result: None)
    dialog = _dialog(qtbot, window)
    qtbot.waitUntil(runner.is_idle)
    qtbot.waitUntil(lambda: dialog.geometry().width() >= dialog.sizeHint().width())
    centre, middle = dialog.frameGeometry().center(), window.frameGeometry().center()
    assert abs(centre.x() - middle.x()) <= 2 and abs(centre.y() - middle.y()) <= 2
    dialog.reject()
