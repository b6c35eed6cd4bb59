"""The launch harness UI testers (and our own tests) use: ``launch_app``, ``wait_until_idle``.

from desktop_app.testing import launch_app, wait_until_idle
window = launch_app(store_url="sqlite:///…", now="2026-11-24T10:00:00+09:00",
                    language="ja", seed="demo")
window.findChild(QLineEdit, "webIdInput").setText("yamada2026")
wait_until_idle(window)
"""

from __future__ import annotations

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QMainWindow

from desktop_app.app import AppContext, Options, build, configure_logging, ensure_application

_contexts: dict[int, AppContext] = {}


def launch_app(
    store_url: str | None = None,
    now: str | None = None,
    language: str = "ja",
    seed: str = "demo",
) -> QMainWindow:
    """Start the client in this process (creating the QApplication when there is none) and
    return its shown main window. May be called again, on the same store file too."""
    ensure_application()
    configure_logging()
    context = build(Options(store_url=store_url, language=language, now=now, seed=seed))
    window = context.window
    _contexts[id(window)] = context
    window.closing.connect(lambda: _contexts.pop(id(window), None))
    context.build_all_screens()  # a tester finds every name at once
    window.show()
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
