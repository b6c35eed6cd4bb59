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

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QObject, QTimer, Slot
from PySide6.QtWidgets import QMainWindow

from desktop_app.app import AppContext, Options, build, configure_logging, ensure_application
from desktop_app.domain.clock import OffsetClock
from desktop_app.store_host import is_remote

if TYPE_CHECKING:
    from desktop_app.domain.models import SentMessage
    from desktop_app.domain.rules import Rules
    from desktop_app.store.demo import DemoOperations
    from desktop_app.store.remote.demo import HttpDemo

_contexts: dict[int, AppContext] = {}
_server_demos: dict[int, HttpDemo] = {}  # a member server's /demo, per window


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
    """The demo interface of the window's host: the client's own (a local demo store), or for
    a member server the server's operator endpoints (``/demo``, ``member-server --demo``),
    which the client itself never uses."""
    context = context_of(window)
    if context.demo is not None:
        return context.demo
    url = context.host.url
    if not is_remote(url):
        raise RuntimeError(_NOT_A_DEMO)
    demo = _server_demos.get(id(window))
    if demo is None:
        from desktop_app.store.remote.demo import HttpDemo

        demo = _server_demos[id(window)] = HttpDemo(url, ca_file=context.options.ca_file)
        context.window.closing.connect(lambda: _close_server_demo(id(window)))
    return demo


def _close_server_demo(key: int) -> None:
    demo = _server_demos.pop(key, None)
    if demo is not None:
        demo.close()


_NOT_A_DEMO = (
    "this client's host is not a demo: its store offers no clock to move and no sent "
    "messages (start it with seed='demo' on a local store, or member-server --demo)"
)


def advance_clock(
    window: QMainWindow, *, days: int = 0, hours: int = 0, minutes: int = 0, seconds: int = 0
) -> datetime:
    """Move the demo host's clock on (a local store's and the client's; a member server's,
    which the client then follows), then let the screens catch up (the summary is asked for
    again). Returns the new now."""
    delta = timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    demo = _demo(window)
    now = _in_worker(window, "advance_clock", lambda: demo.advance_clock(delta))
    assert isinstance(now, datetime)
    context = context_of(window)
    if demo is not context.demo and isinstance(context.clock, OffsetClock):
        context.clock.follow(now)  # shown at once, even before the server's next answer
    context.app_vm.refresh_summary()
    wait_until_idle(window)
    return now


def sent_messages(window: QMainWindow) -> tuple[SentMessage, ...]:
    """What the service sent (codes, alerts, notices), newest first: objects with
    ``.channel`` ("email"/"sms"), ``.recipient``, ``.subject``, ``.body`` and ``.sent_at``.
    A one-time code shows in the first read only (then ``••••••``): read it once."""
    demo = _demo(window)
    messages = _in_worker(window, "sent_messages", demo.sent_messages)
    assert isinstance(messages, tuple)
    return messages


def _in_worker(window: QMainWindow, name: str, work: Callable[[], object]) -> object:
    """``work()``'s result, run by the client's runner (a store or the network is never
    called on the GUI thread), once what the client was doing is done."""
    wait_until_idle(window)
    answer = _Answer()

    def attempt() -> object:
        try:
            return work()
        except TypeError as error:  # a member server without --demo answers 404
            return RuntimeError(f"{_NOT_A_DEMO} ({error})")
        except Exception as error:  # handed back as it was, not as the runner's AppError
            return error

    context_of(window).runner.submit(name, attempt, answer.got, answer.got)
    wait_until_idle(window)
    if isinstance(answer.value, Exception):
        raise answer.value
    return answer.value


class _Answer(QObject):
    """Receives one outcome from the runner on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.value: object = None

    @Slot(object)
    def got(self, value: object) -> None:
        self.value = value
