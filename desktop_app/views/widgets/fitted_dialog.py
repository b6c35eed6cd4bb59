"""A dialog as tall as its wrapped sentences at the width it has: Qt sizes a window for a
width of its own and ``adjustSize()`` keeps it to two thirds of the screen, so at a large
font size a wrapped line would otherwise be squeezed under the next widget."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from desktop_app.views.appearance import adopt

DIALOG_MARGIN = 24  # px between a dialog and its window's sides, at least


class FittedDialog(QDialog):
    """A dialog over ``parent``'s window, never wider than that window, as wide as its
    ``sentences`` want (up to that) and as tall as they are wrapped to the width it has."""

    def __init__(self, parent: QWidget, *, least_width: int = 240) -> None:
        super().__init__(parent)
        adopt(self)  # the window's screens hold the look each, not the window
        self.setMaximumWidth(max(least_width, parent.window().width() - 2 * DIALOG_MARGIN))
        self.sentences: tuple[QLabel, ...] = ()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        natural = max(
            (label.fontMetrics().horizontalAdvance(label.text()) for label in self.sentences),
            default=0,
        )
        width = min(max(hint.width(), natural + 72), self.maximumWidth())
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            return QSize(width, max(hint.height(), layout.totalHeightForWidth(width)))
        return QSize(width, hint.height())

    def refit(self) -> None:
        """A sentence came or went: take the room it needs, over the window's middle."""
        if self.isVisible():
            self.resize(self.sizeHint())
            parent = self.parentWidget()
            if parent is not None:
                centre = parent.window().frameGeometry().center()
                self.move(centre.x() - self.width() // 2, centre.y() - self.height() // 2)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(event.size().width())
            if self.minimumHeight() != needed:
                self.setMinimumHeight(needed)
