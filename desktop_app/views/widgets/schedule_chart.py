"""The remaining principal over time, painted with QPainter (no chart library)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Property, QPointF, QRectF, QSize, Qt, Slot
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.i18n import _, format_month, format_yen

LIGHT_ACCENT = QColor("#b5651d")  # the themes' accent: light.qss and dark.qss
DARK_ACCENT = QColor("#e08a2c")
Point = tuple[date, int]
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def nice_step(top: int, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 × 10ⁿ yen) that splits ``0 … top`` into about ``ticks``."""
    raw = max(top / ticks, 1)
    power = 10 ** math.floor(math.log10(raw))
    return next(int(f * power) for f in (1, 2, 5, 10) if f * power >= raw)


MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)  # months between two labels: evenly spaced


def month_label(day: date) -> str:
    return format_month(day)


def _widest_month(metrics: QFontMetrics) -> int:
    """The width of the widest month label (「2026年12月」, 「May 2026」…)."""
    return max(metrics.horizontalAdvance(month_label(date(2088, m, 1))) for m in range(1, 13))


def month_ticks(days: list[date], room: float, label_width: float) -> list[int]:
    """Indexes of ``days`` to label: the first day of every k-th month from the first one,
    k the smallest of ``MONTH_STEPS`` whose labels fit ``room`` pixels side by side."""
    firsts: list[int] = []  # the first day shown of each month, in order
    seen: set[tuple[int, int]] = set()
    for index, day in enumerate(days):
        if (day.year, day.month) not in seen:
            seen.add((day.year, day.month))
            firsts.append(index)
    if not firsts:
        return []
    start = days[firsts[0]]
    fits = max(1, int(room // label_width))
    for step in MONTH_STEPS:
        picks = [
            index
            for index in firsts
            if ((days[index].year - start.year) * 12 + days[index].month - start.month) % step == 0
        ]
        if len(picks) <= fits:
            return picks
    return picks[:1]


class ScheduleChart(QWidget):
    """The remaining principal after each payment, from today to zero: a filled area and a
    line in the theme's accent colour, yen labels on the left, months along the bottom.

    The accent follows the theme (a light text colour means the dark theme); a style sheet
    may set it exactly with ``qproperty-accentColor``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[Point] = []
        self._accent: QColor | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 180)

    # -- data ----------------------------------------------------------------------------
    @Slot(object)
    def set_points(self, points: object) -> None:
        """[(date, remaining principal)], today first; an empty list for no schedule."""
        self._points = list(points) if isinstance(points, list) else []
        self._describe()
        self.update()

    @property
    def points(self) -> list[Point]:
        return self._points

    def _describe(self) -> None:
        if len(self._points) < 2:
            self.setAccessibleDescription(_("No schedule to show."))
            return
        (start_day, start), (end_day, _end) = self._points[0], self._points[-1]
        self.setAccessibleDescription(
            _("From {amount} on {start} to nothing left on {end}.").format(
                amount=format_yen(start), start=month_label(start_day), end=month_label(end_day)
            )
        )

    # -- colours -------------------------------------------------------------------------
    def _get_accent(self) -> QColor:
        return QColor(self._accent) if self._accent is not None else self._theme_accent()

    def _set_accent(self, colour: QColor) -> None:
        self._accent = QColor(colour)
        self.update()

    accentColor = Property(QColor, _get_accent, _set_accent)

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def _theme_accent(self) -> QColor:
        return DARK_ACCENT if self._text_colour().lightness() > 128 else LIGHT_ACCENT

    # -- painting ------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(360, 260)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        text, accent = self._text_colour(), self._get_accent()
        values = [value for _day, value in self._points]
        top = max(values, default=0)
        step = nice_step(top)
        ceiling = step * math.ceil(top / step) if top > 0 else 1
        y_labels = [(v, format_yen(v)) for v in range(0, ceiling + 1, step)] if top else []
        y_labels = y_labels or [(0, format_yen(0))]
        left = max(metrics.horizontalAdvance(label) for _v, label in y_labels) + 10
        right = _widest_month(metrics) // 2 + 6
        plot = QRectF(
            left,
            metrics.height() / 2 + 4,
            max(1.0, self.width() - left - right),
            max(1.0, self.height() - metrics.height() * 2 - 12),
        )
        grid = QColor(text)
        grid.setAlpha(50)

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * value / ceiling

        painter.setFont(self.font())
        for value, label in y_labels:
            y = y_of(value)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            box = QRectF(0, y - metrics.height() / 2, left - 6, metrics.height())
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
            )

        if len(self._points) < 2:
            painter.setPen(QPen(accent, 2))
            painter.drawLine(plot.bottomLeft(), plot.bottomRight())
            painter.setPen(text)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, _("No schedule to show."))
            return

        first_day, last_day = self._points[0][0], self._points[-1][0]
        span = max((last_day - first_day).days, 1)

        def x_of(day: date) -> float:
            return plot.left() + plot.width() * (day - first_day).days / span

        line = QPainterPath(QPointF(x_of(first_day), y_of(self._points[0][1])))
        for day, value in self._points[1:]:
            line.lineTo(x_of(day), y_of(value))
        area = QPainterPath(line)
        area.lineTo(x_of(last_day), plot.bottom())
        area.lineTo(x_of(first_day), plot.bottom())
        area.closeSubpath()
        fill = QColor(accent)
        fill.setAlpha(70)
        painter.fillPath(area, fill)
        painter.setPen(QPen(accent, 2))
        painter.drawPath(line)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        self._paint_months(painter, metrics, plot, x_of, text)

    def _paint_months(
        self,
        painter: QPainter,
        metrics: QFontMetrics,
        plot: QRectF,
        x_of: Callable[[date], float],
        text: QColor,
    ) -> None:
        """Month labels along the bottom every k months (evenly spaced, none skipped),
        never overlapping, never clipped."""
        days = [day for day, _value in self._points]
        width = _widest_month(metrics) + 16
        painter.setPen(text)
        for index in month_ticks(days, plot.width() + width, width):
            label = month_label(days[index])
            label_width = metrics.horizontalAdvance(label)
            x = x_of(days[index])
            start = min(max(x - label_width / 2, 0.0), self.width() - label_width)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            box = QRectF(
                start, plot.bottom() + metrics.height() / 2 + 2, label_width, metrics.height()
            )
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
