"""The schedule chart paints itself in the theme's accent colour, with or without a schedule."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from PySide6.QtGui import QColor, QImage

from desktop_app.views.widgets.schedule_chart import (
    DARK_ACCENT,
    LIGHT_ACCENT,
    ScheduleChart,
    nice_step,
)

POINTS = [
    (date(2026, 11, 24), 120_000),
    (date(2026, 11, 25), 111_242),
    (date(2026, 12, 25), 102_887),
    (date(2027, 1, 25), 94_459),
    (date(2027, 2, 25), 0),
]


def _accent_pixels(image: QImage, accent: QColor, tolerance: int = 10) -> int:
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - accent.red()) <= tolerance
                and abs(pixel.green() - accent.green()) <= tolerance
                and abs(pixel.blue() - accent.blue()) <= tolerance
            ):
                count += 1
    return count


def _chart(qtbot, points, sheet: str = "") -> ScheduleChart:
    chart = ScheduleChart()
    qtbot.addWidget(chart)
    chart.setStyleSheet(sheet)
    chart.set_points(points)
    chart.resize(420, 260)
    return chart


@pytest.mark.parametrize(
    ("sheet", "accent"),
    [
        ("ScheduleChart { color: #1f2328; }", LIGHT_ACCENT),
        ("ScheduleChart { color: #e8e6e3; }", DARK_ACCENT),
    ],
)
def test_a_schedule_is_painted_in_the_theme_accent(qtbot, sheet, accent):
    chart = _chart(qtbot, POINTS, sheet)
    image = chart.grab().toImage()
    assert image.width() == 420 and image.height() == 260
    assert _accent_pixels(image, accent) > 50
    assert chart.accessibleDescription()


def test_an_empty_schedule_paints_axes_and_a_message(qtbot):
    chart = _chart(qtbot, [], "ScheduleChart { color: #1f2328; }")
    image = chart.grab().toImage()
    assert _accent_pixels(image, LIGHT_ACCENT) > 20  # the base line
    assert chart.accessibleDescription()


def test_a_style_sheet_may_set_the_accent(qtbot):
    chart = _chart(qtbot, POINTS, "ScheduleChart { qproperty-accentColor: #2060c0; }")
    chart.ensurePolished()
    assert _accent_pixels(chart.grab().toImage(), QColor("#2060c0")) > 50


@pytest.mark.parametrize(("top", "step"), [(0, 1), (120_000, 50_000), (300_000, 100_000), (9, 5)])
def test_round_steps(top, step):
    assert nice_step(top) == step


def _monthly(first: date, count: int) -> list[date]:
    days = [first]
    for index in range(1, count):
        month = first.month - 1 + index
        days.append(date(first.year + month // 12, month % 12 + 1, 25))
    return days


@pytest.mark.parametrize("room", [300, 600, 1200])
def test_month_labels_are_evenly_spaced(room):
    from desktop_app.views.widgets.schedule_chart import month_ticks

    days = [date(2026, 11, 24), *_monthly(date(2026, 11, 25), 30)[1:]]
    picks = month_ticks(days, room, 100)
    months = [(days[i].year - 2026) * 12 + days[i].month for i in picks]
    gaps = {later - earlier for earlier, later in pairwise(months)}
    assert len(picks) >= 2 and len(gaps) == 1, months  # every k-th month, none skipped
    assert len(picks) <= room // 100
    assert picks[0] == 0  # from the first month shown


@pytest.mark.parametrize(("language", "label"), [("ja", "2026年11月"), ("en", "Nov 2026")])
def test_a_month_is_written_in_the_interface_language(qapp, language, label):
    from desktop_app.i18n import set_language
    from desktop_app.views.widgets.schedule_chart import month_label

    set_language(language)
    try:
        assert month_label(date(2026, 11, 24)) == label
    finally:
        set_language("ja")
