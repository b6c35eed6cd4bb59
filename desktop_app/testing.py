"""The launch harness UI testers (and our own tests) use: ``launch_app``, ``wait_until_idle``,
and, on a demo host, ``advance_clock`` and ``sent_messages``.

from desktop_app.testing import launch_app, wait_until_idle, advance_clock, sent_messages
window = launch_app(store_url="sqlite:///…", now="2026-11-24T10:00:00+09:00",
                    language="ja", seed="demo")
window.findChild(QLineEdit, "webIdInput").setText("yamada2026")
wait_until_idle(window)
advance_clock(window, days=31)      # the demo host's clock moves on
sent_messages(window)               # what the service sent, newest first
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QObject, QTimer, Slot
from PySide6.QtWidgets import QMainWindow

from desktop_app.app import AppContext, Options, build, configure_logging, ensure_application
from desktop_app.store_host import is_remote

if TYPE_CHECKING:
    from desktop_app.domain.models import SentMessage
    from desktop_app.domain.rules import Rules
    from desktop_app.store.demo import DemoOperations

_contexts: dict[int, AppContext] = {}


def launch_app(
    store_url: str | None = None,
    now: str | None = None,
    language: str = "ja",
    seed: str = "demo",
    *,
    rules: Rules | None = None,
    ca_file: str | None = None,
    kiosk: bool = False,
    idle_seconds: int | None = None,
    warning_seconds: int | None = None,
    kiosk_demo_reset: bool = False,
) -> QMainWindow:
    """Start the client in this process (creating the QApplication when there is none) and
    return its shown main window. May be called again, on the same store file too.

    ``rules`` (tests) is a setting of the local store's host: the store applies them, and the
    client learns them from the store's terms like any other client would. ``ca_file`` is a
    CA bundle to verify an ``https://`` member server with (``--ca``); ``kiosk`` is
    ``--kiosk`` (a branch kiosk: full screen, nothing written to the computer, no demo
    inbox even on a demo host). ``idle_seconds`` is ``--idle-seconds`` (any whole number of
    seconds from 1 here) and ``warning_seconds`` the countdown after it (15 s at a kiosk,
    60 s on a PC); ``kiosk_demo_reset`` is ``--kiosk-demo-reset``. With a member server the
    server's clock is shown: ``now`` is refused (start the server with ``--now``).
    """
    if now is not None and store_url is not None and is_remote(store_url):
        raise ValueError(
            "now= cannot be used with a member server: its clock is shown "
            "(start the server with --now instead)"
        )
    for keyword, seconds in (("idle_seconds", idle_seconds), ("warning_seconds", warning_seconds)):
        if seconds is not None and (not isinstance(seconds, int) or seconds < 1):
            raise ValueError(f"{keyword} must be a whole number of seconds, at least 1")
    if kiosk_demo_reset and not kiosk:
        raise ValueError("kiosk_demo_reset needs kiosk=True")
    ensure_application()
    configure_logging()
    options = Options(
        store_url=store_url,
        language=language,
        now=now,
        seed=seed,
        rules=rules,
        ca_file=ca_file,
        kiosk=kiosk,
        idle_seconds=idle_seconds,
        warning_seconds=warning_seconds,
        kiosk_demo_reset=kiosk_demo_reset,
    )
    context = build(options)
    window = context.window
    _contexts[id(window)] = context
    window.closing.connect(lambda: _contexts.pop(id(window), None))
    context.build_all_screens()  # a tester finds every name at once
    context.show_window()
    context.warm_up()
    context.login.load_remembered()
    return window


def context_of(window: QMainWindow) -> AppContext:
    """The running client behind a window returned by ``launch_app``."""
    try:
        return _contexts[id(window)]
    except KeyError:
        raise LookupError("this window was not started by launch_app, or it is closed") from None


def wait_until_idle(window: QMainWindow, timeout: float = 10.0) -> None:
    """Return once no store operation of ``window``'s client is in flight.

    Raises ``TimeoutError`` after ``timeout`` seconds.
    """
    runner = context_of(window).runner
    deadline = QDeadlineTimer(int(timeout * 1000))
    while not runner.is_idle():
        if deadline.hasExpired():
            raise TimeoutError(f"the client was still busy after {timeout} s")
        loop = QEventLoop()
        runner.idle_changed.connect(loop.quit)
        QTimer.singleShot(min(100, max(1, deadline.remainingTime())), loop.quit)
        loop.exec()
        runner.idle_changed.disconnect(loop.quit)


def close_all() -> None:
    """Close every window ``launch_app`` opened (their stores are closed too)."""
    for context in list(_contexts.values()):
        context.window.close()
    _contexts.clear()


def _demo(window: QMainWindow) -> DemoOperations:
    demo = context_of(window).demo
    if demo is None:
        raise RuntimeError(
            "this client's host is not a demo: its store offers no clock to move and no sent "
            "messages (start it with seed='demo' on a local store, or a server in demo mode)"
        )
    return demo


def advance_clock(
    window: QMainWindow, *, days: int = 0, hours: int = 0, minutes: int = 0, seconds: int = 0
) -> datetime:
    """Move the demo host's clock on (the store's and, for a local store, the client's), then
    let the screens catch up (the summary is asked for again). Returns the new now."""
    delta = timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    now = _demo(window).advance_clock(delta)
    context = context_of(window)
    context.app_vm.refresh_summary()
    wait_until_idle(window)
    return now


def sent_messages(window: QMainWindow) -> tuple[SentMessage, ...]:
    """What the service sent (codes, alerts, notices), newest first: objects with
    ``.channel`` ("email"/"sms"), ``.recipient``, ``.subject``, ``.body`` and ``.sent_at``.
    A one-time code shows in the first read only (then ``••••••``): read it once."""
    demo = _demo(window)
    wait_until_idle(window)
    answer = _Answer()
    context_of(window).runner.submit("sent_messages", demo.sent_messages, answer.got, answer.got)
    wait_until_idle(window)  # the store is read in a worker, never on the GUI thread
    if isinstance(answer.value, Exception):
        raise answer.value
    assert isinstance(answer.value, tuple)
    return answer.value


class _Answer(QObject):
    """Receives one outcome from the runner on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.value: object = None

    @Slot(object)
    def got(self, value: object) -> None:
        self.value = value
