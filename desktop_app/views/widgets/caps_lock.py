"""Caps Lock, seen from key presses (the platforms give no portable state to ask)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent


class CapsLockWatcher(QObject):
    """Installed on password and PIN fields: a letter whose case disagrees with Shift means
    Caps Lock is on; pressing Caps Lock flips what we believe. Reports through ``report``,
    and whether a watched field has the focus through ``focused``."""

    def __init__(
        self,
        report: Callable[[bool], None],
        parent: QObject | None = None,
        focused: Callable[[bool], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._report = report
        self._focused = focused
        self._on = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._focused is not None and kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._focused(kind == QEvent.Type.FocusIn)
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            from PySide6.QtCore import Qt

            if event.key() == Qt.Key.Key_CapsLock:
                self._set(not self._on)
            else:
                text = event.text()
                if len(text) == 1 and text.isascii() and text.isalpha():
                    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                    self._set(text.isupper() != shift)
        return False

    def _set(self, on: bool) -> None:
        if on != self._on:
            self._on = on
            self._report(on)
