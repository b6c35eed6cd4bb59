"""The operation runner: work off the GUI thread, results back on it, idle reported."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Slot

from desktop_app.domain.errors import AppError, ErrorCode


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[tuple[object, bool]] = []

    @Slot(object)
    def ok(self, value: object) -> None:
        self.results.append((value, QThread.currentThread() is self.thread()))

    @Slot(object)
    def fail(self, error: object) -> None:
        self.results.append((error, QThread.currentThread() is self.thread()))


def test_work_runs_off_the_gui_thread_and_reports_back_on_it(runner, qtbot):
    receiver = Receiver()
    gui = threading.get_ident()
    with qtbot.waitSignal(runner.idle_changed, check_params_cb=lambda idle: idle, timeout=5000):
        runner.submit("probe", lambda: threading.get_ident() != gui, receiver.ok, receiver.fail)
        assert not runner.is_idle()
    assert receiver.results == [(True, True)]


def test_errors_arrive_as_codes_never_as_exceptions(runner, qtbot):
    receiver = Receiver()

    def refuse():
        raise AppError(ErrorCode.AMOUNT_ZERO)

    def crash():
        raise RuntimeError("boom")

    runner.submit("refuse", refuse, receiver.ok, receiver.fail)
    runner.submit("crash", crash, receiver.ok, receiver.fail)
    qtbot.waitUntil(runner.is_idle, timeout=5000)
    codes = sorted(error.code.value for error, _ in receiver.results)
    assert codes == ["amount_zero", "unexpected"]
    assert all(on_gui for _, on_gui in receiver.results)
