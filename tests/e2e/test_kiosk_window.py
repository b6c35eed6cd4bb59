"""The branch kiosk's window (``--kiosk``, ``launch_app(kiosk=True)``): full screen without
window controls, and its idle periods."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.testing import context_of, launch_app


def test_a_kiosk_fills_the_screen_without_window_controls(launch):
    window = launch(kiosk=True)
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_a_pc_window_keeps_its_frame(launch):
    window = launch()
    assert not window.isFullScreen()
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint


@pytest.mark.parametrize(
    ("keywords", "periods"),
    [
        ({"kiosk": True}, (60, 15)),  # DOMAIN.md §1
        ({"kiosk": True, "idle_seconds": 5, "warning_seconds": 2}, (5, 2)),
        ({}, (15 * 60, 60)),  # the setting's 15 minutes
        ({"idle_seconds": 90}, (90, 60)),
    ],
    ids=["kiosk", "kiosk-given", "pc", "pc-given"],
)
def test_the_idle_periods(launch, keywords, periods):
    idle = context_of(launch(**keywords)).idle
    assert (idle.idle_seconds, idle.warning_seconds) == periods


@pytest.mark.parametrize(
    "keywords",
    [{"idle_seconds": 0}, {"warning_seconds": -1}, {"kiosk_demo_reset": True}],
    ids=["idle-zero", "warning-negative", "demo-reset-without-kiosk"],
)
def test_the_harness_refuses_what_the_command_line_would(qapp, keywords):
    with pytest.raises(ValueError):
        launch_app(**keywords)
