"""What every view-model shares: change-only properties, ``busy``, ``error``, the runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from desktop_app.domain.errors import AppError
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.runner import OperationRunner


def state(type_: type, name: str, notify: Signal) -> Any:
    """A read-only Qt property backed by ``self._values[name]`` and its notify signal."""

    def getter(self: ViewModel) -> Any:
        return self._values[name]

    return Property(type_, getter, notify=notify)


class ViewModel(QObject):
    """Base of the screen view-models.

    Signals:
        busy_changed(bool): an operation of this view-model started or finished.
        error_changed(str): the translated sentence of the last refusal ("" when none).
    """

    busy_changed = Signal(bool)
    error_changed = Signal(str)
    busy = state(bool, "busy", busy_changed)
    error = state(str, "error", error_changed)

    def __init__(self, runner: OperationRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._values: dict[str, Any] = {"busy": False, "error": ""}
        self._error: AppError | None = None

    def _update(self, name: str, value: Any) -> None:
        """Set a property; emit its ``<name>_changed`` signal only when it really changed."""
        if self._values.get(name) != value:
            self._values[name] = value
            getattr(self, f"{name}_changed").emit(value)

    def _run(
        self,
        name: str,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[AppError], None] | None = None,
    ) -> bool:
        """Submit ``work`` unless this view-model is already busy (so a double click is one)."""
        if self._values["busy"]:
            return False
        self._update("busy", True)
        self._runner.submit(name, work, on_success, on_failure or self._on_failure)
        return True

    def _done(self) -> None:
        self._update("busy", False)

    @Slot(object)
    def _on_failure(self, error: AppError) -> None:
        self._done()
        self._set_error(error)

    def _set_error(self, error: AppError | None) -> None:
        self._error = error
        self._update("error", error_sentence(error) if error else "")

    def retranslate(self) -> None:
        """Re-render display strings after a language change."""
        self._update("error", error_sentence(self._error) if self._error else "")
