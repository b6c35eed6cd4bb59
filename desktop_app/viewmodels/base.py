"""What every view-model shares: typed change-only state, ``busy``, ``error``, ``reset()``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.observed import Observed, reset_observed
from desktop_app.viewmodels.runner import Activity, Lane
from desktop_app.viewmodels.services import Services

# Refusals that say the store could not be reached or did not answer: not the member's doing.
CONNECTION_FAULTS = frozenset({ErrorCode.STORE_UNAVAILABLE, ErrorCode.UNEXPECTED})


class ViewModel(QObject):
    """Base of the screen view-models.

    Signals:
        busy_changed(bool): an operation of this view-model started or finished.
        error_changed(str): the translated sentence of the last refusal ("" when none).
    """

    busy_changed = Signal(bool)
    error_changed = Signal(str)
    busy = Observed(False, busy_changed)
    error = Observed("", error_changed)
    # Observed values that belong to the device, not to the member: a reset keeps them.
    KEPT_ON_RESET: frozenset[str] = frozenset()

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = services.runner
        self._error: AppError | None = None
        self._activity = Activity(self._set_busy)
        self.on_screen = False  # set by the navigator while this view-model's screen shows

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy

    def _run(
        self,
        name: str,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[AppError], None] | None = None,
        *,
        retry: bool = True,
    ) -> bool:
        """Submit ``work`` unless this view-model is already busy (so a double click is one).
        ``busy`` is true from now until the outcome has been delivered."""
        if self._activity.active:
            return False
        self._submit(name, work, on_success, on_failure, retry=retry)
        return True

    def _submit(
        self,
        name: str,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[AppError], None] | None = None,
        lane: Lane = Lane.MEMBER,
        activity: Activity | None = None,
        *,
        retry: bool = True,
    ) -> int:
        """Submit ``work`` as this view-model's, even while other work of it is in flight.
        Its outcome is dropped if the member who asked has left by the time it arrives.

        ``work`` is a store call unless ``retry`` is false (a computation): after a
        connection fault the banner's retry runs it again as it was, if ``may_retry`` says
        so. Returns the runner's stamp of the submission."""
        epoch = self._services.epoch
        asked_in = epoch.current
        return self._runner.submit(
            name,
            work,
            on_success,
            on_failure or self._on_failure,
            owner=activity or self._activity,
            lane=lane,
            wanted=lambda: epoch.current == asked_in,
            retry=self if retry else None,
        )

    # -- running a failed store call again (the connection banner) ------------------------
    def may_retry(self, name: str) -> bool:
        """Whether the store call ``name`` that failed may still be run as it was sent."""
        return True

    def outcome_unknown(self, name: str) -> bool:
        """Whether the failed store call ``name`` may have taken effect unseen (a movement)."""
        return False

    def before_retry(self, name: str) -> None:
        """The failed store call ``name`` runs again: its connection refusal is over."""
        if self._error is not None and self._error.code in CONNECTION_FAULTS:
            self._set_error(None)

    @Slot(object)
    def _on_failure(self, error: AppError) -> None:
        self._set_error(error)

    def _set_error(self, error: AppError | None) -> None:
        self._error = error.detached() if error else None
        self.error = self._error_text(error) if error else ""

    def _error_text(self, error: AppError) -> str:
        """The sentence shown for ``error`` (a screen may say more about its own faults)."""
        return error_sentence(error)

    @property
    def kiosk(self) -> bool:
        """A branch kiosk: nothing of a visitor is kept, nothing opens outside the client
        (no browser), nothing is written to the computer (no keychain, settings, CSV files)."""
        return self._services.kiosk

    def shown(self) -> None:
        """The navigator just showed this view-model's screen (load what it shows)."""

    def reset(self) -> None:
        """Forget the member: every observed value back to its default, the error cleared.
        Work still in flight finds the view-model reset (its results are dropped by the
        screens that check the session). Subclasses extend this and call it."""
        self._error = None
        self._activity.forget()  # work of the member who left no longer makes this busy
        reset_observed(self, keep=self.KEPT_ON_RESET | {"busy"})

    def retranslate(self) -> None:
        """Re-render display strings after a language change."""
        self.error = self._error_text(self._error) if self._error else ""
