"""A form screen's column: readable width on a wide window, left-aligned."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

FORM_WIDTH = 640


def form_column(screen: QWidget, width: int = FORM_WIDTH) -> QVBoxLayout:
    """Give ``screen`` a column of at most ``width`` pixels and return the column's layout."""
    column = QWidget()
    column.setMaximumWidth(width)
    outer = QHBoxLayout(screen)
    outer.addWidget(column, 1)
    outer.addStretch(0)
    return QVBoxLayout(column)
