"""A label for long unbroken text (addresses, paths) that may wrap after each "/", "_" or
"-" (a folder name such as ``test_every_screen_fits`` is long too)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel, QWidget

_BREAK = "\u200b"  # a zero-width space: where word wrap may break the line


class BreakableLabel(QLabel):
    """Word-wrapped; ``text()`` is the text as set, the label shows it breakable after "/",
    "_" and "-" (a long store address would otherwise widen the whole screen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._text = ""

    def setText(self, text: str) -> None:
        self._text = text
        super().setText(re.sub(r"([/_-])", r"\1" + _BREAK, text))

    def text(self) -> str:
        return self._text
