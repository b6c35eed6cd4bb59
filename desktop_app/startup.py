"""What start-up needs before and around the composition root: the clock of ``--now``, the
log file, the QApplication, and the modules worth importing in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.domain.clock import Clock, StartedClock, SystemClock, parse_instant
from desktop_app.paths import user_log_dir

# Benchmarks only: ``paint`` ends the process right after the login screen's first paint,
# ``ready`` once every screen is built and the store is open (bench/bench_startup.py).
EXIT_AFTER_ENV = "MEMBER_CLIENT_EXIT_AFTER"


class FirstPaint(QObject):
    """Tells when ``widget`` has been painted for the first time.

    A window started minimized or off-screen is not painted until it is shown: after
    ``fallback_ms`` (if given) ``painted`` comes anyway, so the store still opens.

    Signals:
        painted(): the first paint event was handled (emitted once, on the next turn of the
            event loop, so whatever follows runs after the pixels are on the screen).
    """

    painted = Signal()

    def __init__(
        self, widget: QWidget, parent: QObject | None = None, fallback_ms: int | None = None
    ) -> None:
        super().__init__(parent)
        self._widget = widget
        self._done = False
        widget.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self, self._emit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._emit)
        return False

    @Slot()
    def _emit(self) -> None:
        if not self._done:
            self._done = True
            self.painted.emit()


def make_clock(now: str | None) -> Clock:
    return StartedClock(parse_instant(now)) if now else SystemClock()


def configure_logging() -> None:
    """A rotating log file in the user's log folder. Secrets are never passed to a logger."""
    import logging
    from logging.handlers import RotatingFileHandler

    path = user_log_dir() / "member-client.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_member_client", False):
            if Path(getattr(handler, "baseFilename", "")) == path:
                return
            root.removeHandler(handler)  # the user folders moved (a new test, a new home)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler._member_client = True  # type: ignore[attr-defined]
    from desktop_app.viewmodels.crash import redacting_formatter  # secrets never reach it

    handler.setFormatter(redacting_formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    created = QApplication(argv or ["member-client"])
    created.setApplicationName("member-client")
    created.setOrganizationName("KohakuLoan")
    return created


def import_screens() -> None:
    """Runs in a worker right after the first paint: the modules of every screen's view and
    view-model, so building the screens next (on the GUI thread) imports nothing. Importing
    them there stalled the window up to ~0.5 s on a busy machine (the first screen alone)."""
    import importlib
    import pkgutil

    import desktop_app.viewmodels
    import desktop_app.views

    for package in (desktop_app.viewmodels, desktop_app.views):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")


def preload() -> None:
    """Runs in a worker: modules the input policies load on first use (email-validator
    takes ~40 ms to import; the email field would stall its first keystroke)."""
    import email_validator  # noqa: F401
    import jaconv  # noqa: F401
