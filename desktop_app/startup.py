"""What start-up needs before and around the composition root: the clock of ``--now``, the
log file, the QApplication, and the modules worth importing in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app.domain.clock import Clock, StartedClock, SystemClock, parse_instant
from desktop_app.paths import user_log_dir


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


def preload() -> None:
    """Runs in a worker: modules the input policies load on first use (email-validator
    takes ~40 ms to import; the email field would stall its first keystroke)."""
    import email_validator  # noqa: F401
    import jaconv  # noqa: F401
