"""Widgets that rearrange their parts by the width they are given, and whose minimum width is
that of their narrowest arrangement, so a page never gets wider than its window (the largest
font size in an 800×600 window) and a wide window still shows them side by side."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget

PAIR_GAP = 10  # between one caption and value and the next, one under the other


def smallest(widget: QWidget) -> QSize:
    """The smallest size a layout gives ``widget``: its minimum size, else its hint."""
    return widget.minimumSize().expandedTo(widget.minimumSizeHint())


def preferred(widget: QWidget) -> QSize:
    return widget.sizeHint().expandedTo(smallest(widget))


class Pairs(QWidget):
    """Rows of a caption and its value: the values in a column right of the captions while
    both fit, else each value under its caption."""

    def __init__(
        self,
        rows: Sequence[tuple[QWidget, QWidget]],
        spacing: int = 24,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows = tuple(rows)
        self._spacing = spacing
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setVerticalSpacing(8)
        self._wide: bool | None = None
        self._place(wide=True)

    def _shown(self) -> list[tuple[QWidget, QWidget]]:
        return [(caption, value) for caption, value in self._rows if not value.isHidden()]

    def wide_width(self) -> int:
        """What captions and values side by side need."""
        rows = self._shown()
        captions = max((preferred(caption).width() for caption, _v in rows), default=0)
        values = max((preferred(value).width() for _c, value in rows), default=0)
        return captions + self._spacing + values

    def sizeHint(self) -> QSize:
        """Side by side (what it would like, whichever way it is now)."""
        return QSize(self.wide_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        """What one under the other needs: narrower than that is never asked for."""
        widths = [preferred(part).width() for row in self._shown() for part in row]
        return QSize(max(widths, default=0), super().minimumSizeHint().height())

    def _place(self, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        for caption, value in self._rows:
            self._grid.removeWidget(caption)
            self._grid.removeWidget(value)
        align = Qt.AlignmentFlag.AlignVCenter
        for row in range(3 * len(self._rows)):
            self._grid.setRowMinimumHeight(row, 0)
        for row, (caption, value) in enumerate(self._rows):
            if wide:
                self._grid.addWidget(caption, row, 0, align)
                self._grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignRight | align)
            else:  # caption, value, and a gap before the next pair
                self._grid.addWidget(caption, 3 * row, 0)
                self._grid.addWidget(value, 3 * row + 1, 0, Qt.AlignmentFlag.AlignLeft)
                if row < len(self._rows) - 1:
                    self._grid.setRowMinimumHeight(3 * row + 2, PAIR_GAP)
        self._grid.setHorizontalSpacing(self._spacing if wide else 0)
        self._grid.setVerticalSpacing(8 if wide else 0)
        self.updateGeometry()

    def is_wide(self) -> bool:
        return bool(self._wide)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place(event.size().width() >= self.wide_width())
        super().resizeEvent(event)


class Tiles(QWidget):
    """Buttons in one row while they fit, else two a row, else one under the other; every
    tile of a row as wide as the others."""

    def __init__(
        self, tiles: Sequence[QWidget], spacing: int = 12, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tiles = tuple(tiles)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        self._per_row = 0
        self._place(len(self._tiles))

    def per_row(self) -> int:
        return self._per_row

    def _needed(self, per_row: int) -> int:
        widest = max((preferred(tile).width() for tile in self._tiles), default=0)
        return per_row * widest + (per_row - 1) * self._grid.spacing()

    def sizeHint(self) -> QSize:
        """All in one row (what it would like, whichever way it is now)."""
        return QSize(self._needed(len(self._tiles)), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        """One under the other: narrower than that is never asked for."""
        return QSize(self._needed(1), super().minimumSizeHint().height())

    def _place(self, per_row: int) -> None:
        if per_row == self._per_row:
            return
        self._per_row = per_row
        for tile in self._tiles:
            self._grid.removeWidget(tile)
        for column in range(len(self._tiles)):
            self._grid.setColumnStretch(column, 1 if column < per_row else 0)
        for index, tile in enumerate(self._tiles):
            self._grid.addWidget(tile, index // per_row, index % per_row)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        count = len(self._tiles)
        fitting = [n for n in (count, 2) if n <= count and self._needed(n) <= width]
        self._place(fitting[0] if fitting else 1)
        super().resizeEvent(event)
