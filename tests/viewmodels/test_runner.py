"""The operation runner: work off the GUI thread, results back on it, idle reported."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QThread, Slot

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.viewmodels.runner import Activity, Lane


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


class Owner:
    """A ``Tracked`` owner that records what it was told, and when."""

    def __init__(self, log: list[str]) -> None:
        self._log = log

    def operation_started(self) -> object:
        self._log.append("started")
        return "ticket"

    def operation_finished(self, ticket: object) -> None:
        self._log.append(f"finished {ticket}")


class Logger(QObject):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self._log = log

    @Slot(object)
    def outcome(self, _value: object) -> None:
        self._log.append("outcome")


def test_an_owner_is_busy_until_just_before_its_outcome_is_delivered(runner, qtbot):
    log: list[str] = []
    logger = Logger(log)
    runner.submit("probe", lambda: 1, logger.outcome, logger.outcome, owner=Owner(log))
    assert log == ["started"]
    qtbot.waitUntil(runner.is_idle, timeout=5000)
    assert log == ["started", "finished ticket", "outcome"]


def test_a_long_export_never_holds_up_member_operations(runner, qtbot):
    release = threading.Event()
    receiver = Receiver()
    for _ in range(3):  # more long jobs than the long lane has threads
        runner.submit(
            "export", lambda: release.wait(10), receiver.ok, receiver.fail, lane=Lane.LONG
        )
    for number in range(6):  # summaries, pages, a sign-out: all answered meanwhile
        runner.submit(f"member {number}", lambda n=number: n, receiver.ok, receiver.fail)
    try:
        qtbot.waitUntil(lambda: len(receiver.results) == 6, timeout=5000)
        assert sorted(value for value, _ in receiver.results) == [0, 1, 2, 3, 4, 5]
        assert not runner.is_idle()  # the exports are still running
    finally:
        release.set()
    qtbot.waitUntil(runner.is_idle, timeout=5000)
    assert len(receiver.results) == 9


def test_finished_work_lets_go_of_its_closure(runner, qtbot):
    class Secret:
        """Stands for a password captured by a store call's closure."""

    secret = Secret()
    receiver = Receiver()
    probe = weakref.ref(secret)
    runner.submit("sign_in", lambda s=secret: s is not None, receiver.ok, receiver.fail)
    del secret
    qtbot.waitUntil(runner.is_idle, timeout=5000)
    qtbot.wait(10)  # let deleteLater run
    gc.collect()
    assert probe() is None


def test_an_outcome_no_longer_wanted_is_dropped_but_settled(runner, qtbot):
    log: list[str] = []
    logger = Logger(log)
    runner.submit(
        "late", lambda: 1, logger.outcome, logger.outcome, owner=Owner(log), wanted=lambda: False
    )
    qtbot.waitUntil(runner.is_idle, timeout=5000)
    assert log == ["started", "finished ticket"]  # the owner is told, the slot is not called


def test_a_forgotten_activity_is_idle_at_once_and_stays_right_afterwards():
    changes: list[bool] = []
    activity = Activity(changes.append)
    old = activity.operation_started()
    activity.forget()  # the wipe: the old work no longer counts
    assert (activity.active, changes) == (False, [True, False])
    new = activity.operation_started()
    activity.operation_finished(old)  # the old work ends late: nothing changes
    assert activity.active
    activity.operation_finished(new)
    assert (activity.active, changes) == (False, [True, False, True, False])
