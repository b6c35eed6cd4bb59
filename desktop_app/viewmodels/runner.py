"""The one operation runner: every call that may block (store, hashing, export) runs here.

Results and errors come back to the GUI thread by queued signals, into ``@Slot`` methods of
the view-model that submitted the work; never into lambdas.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop_app.domain.errors import AppError, ErrorCode

if TYPE_CHECKING:
    import logging


def _log() -> logging.Logger:
    import logging  # imported on first use: start-up does not pay for it

    return logging.getLogger(__name__)


class _Relay(QObject):
    """Carries one operation's outcome from a worker thread to the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, name: str, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._name = name
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except AppError as error:
            _log().info("operation %s refused: %s", self._name, error.code.value)
            self._relay.failed.emit(error)
        except Exception:
            # The traceback goes to the log file; the member sees a sentence, never this.
            _log().exception("operation %s failed", self._name)
            self._relay.failed.emit(AppError(ErrorCode.UNEXPECTED))
        else:
            self._relay.succeeded.emit(result)


class OperationRunner(QObject):
    """Runs blocking work on a thread pool and reports back on the GUI thread.

    Signals:
        idle_changed(bool): true when the last operation in flight has finished.
    """

    idle_changed = Signal(bool)

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()

    def is_idle(self) -> bool:
        return not self._relays

    def submit(
        self,
        name: str,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[AppError], None],
    ) -> None:
        """Run ``work()`` off the GUI thread; ``on_success``/``on_failure`` must be slots of
        GUI-thread QObjects. They run before the runner reports itself idle."""
        relay = _Relay(self)
        relay.succeeded.connect(on_success)
        relay.failed.connect(on_failure)
        relay.succeeded.connect(self._finished)
        relay.failed.connect(self._finished)
        was_idle = self.is_idle()
        self._relays.add(relay)
        if was_idle:
            self.idle_changed.emit(False)
        self._pool.start(_Task(name, work, relay))

    @Slot(object)
    def _finished(self, _outcome: object) -> None:
        relay = self.sender()
        if isinstance(relay, _Relay) and relay in self._relays:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self._relays:
                self.idle_changed.emit(True)

    def wait_for_done(self, msecs: int = 10_000) -> bool:
        """Block until the pool's threads are done (only at shutdown)."""
        return bool(self._pool.waitForDone(msecs))
