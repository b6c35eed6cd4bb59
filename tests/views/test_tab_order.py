"""Every screen and state with the keyboard only, real Tab presses: the Tab key reaches every
enabled, visible control, in reading order (top to bottom, a row left to right) within each
part of the window (the header, the navigation, the page, or the open dialog alone), and each
looks different while it has the focus (its ring), in the light and the high-contrast theme."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from desktop_app.testing import close_all, context_of, launch_app
from tests.views.scene_walk import NOW, scenes, settle

_REGIONS = ("header", "navBar", "screenStack", "connectionBar")
# Reached, but last on purpose: the sign-in screen's language switch sits in its top corner
# and comes after the form, so that Tab starts at the ID field (views/login.py).
_LAST_ON_PURPOSE = {"loginLanguageCombo"}


def _regions(window: QMainWindow) -> list[QWidget]:
    """The parts the member reads one after another; an open dialog is the only one."""
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible() and d.isModal()]
    if dialogs:
        return dialogs[-1:]
    return [w for n in _REGIONS if (w := window.findChild(QWidget, n)) is not None]


def _controls(region: QWidget) -> list[QWidget]:
    found = []
    for widget in region.findChildren(QWidget):
        if not (widget.isVisibleTo(region) and region.isVisible() and widget.isEnabled()):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy():
            continue
        if widget.window() is not region.window():
            continue
        found.append(widget)
    return found


def _where(widget: QWidget, region: QWidget) -> QRect:
    return QRect(widget.mapTo(region, widget.rect().topLeft()), widget.size())


def _label(widget: QWidget) -> str:
    return widget.objectName() or f"{type(widget).__name__} in {widget.parentWidget().objectName()}"


def _out_of_order(chain: list[QWidget], region: QWidget) -> list[str]:
    problems = []
    for before, after in pairwise(chain):
        a, b = _where(before, region), _where(after, region)
        row = min(a.height(), b.height()) // 2  # the same row, give or take half a line
        if b.top() < a.top() - row or (abs(b.top() - a.top()) <= row and b.left() < a.left()):
            problems.append(f"{_label(before)} {a.getRect()} then {_label(after)} {b.getRect()}")
    return problems


def tab_problems(window: QMainWindow) -> tuple[list[str], int]:
    """What is wrong with the Tab chain of what the window shows, and how many it reached."""
    problems: list[str] = []
    reached: list[QWidget] = []
    regions = _regions(window)
    everything = [c for region in regions for c in _controls(region)]
    if not everything:
        return problems, 0
    start = everything[0]
    start.window().activateWindow()
    QApplication.processEvents()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    unmarked: list[QWidget] = []
    for _press in range(2 * len(everything) + 4):
        focused = QApplication.focusWidget()
        looks = focused.grab().toImage() if focused is not None else None
        if focused is not None and focused not in reached:
            reached.append(focused)
        QTest.keyClick(focused or start, Qt.Key.Key_Tab)
        QApplication.processEvents()
        moved = QApplication.focusWidget() is not focused
        if focused is not None and moved and focused.grab().toImage() == looks:
            unmarked.append(focused)  # it looked the same focused: no ring
    problems += [f"never reached by Tab: {_label(c)}" for c in everything if c not in reached]
    problems += [f"no focus ring: {_label(c)}" for c in dict.fromkeys(unmarked)]
    for region in regions:
        chain = [
            w for w in reached if w in _controls(region) and w.objectName() not in _LAST_ON_PURPOSE
        ]
        # The chain goes round: start it at the region's first control in reading order.
        if chain:
            first = min(chain, key=lambda w: (_where(w, region).top(), _where(w, region).left()))
            at = chain.index(first)
            chain = chain[at:] + chain[:at]
        problems += [f"{region.objectName()}: {p}" for p in _out_of_order(chain, region)]
    return problems, len(reached)


@pytest.mark.parametrize(("language", "theme"), [("ja", "light"), ("en", "high_contrast")])
def test_tab_reaches_every_control_in_reading_order_on_every_scene(qapp, tmp_path, language, theme):
    window = launch_app(store_url=f"sqlite:///{tmp_path / 'm.db'}", now=NOW, language=language)
    try:
        context_of(window).settings.set_theme(theme)
        window.resize(1000, 700)
        settle(window)
        problems: list[str] = []
        reached = 0
        for shot in scenes(window):
            found, count = tab_problems(window)
            problems += [f"{shot}: {p}" for p in found]
            reached += count
            settle(window)
        assert reached > 300  # some 40 scenes of about ten controls each
        assert problems == [], "\n".join(problems)
    finally:
        close_all()
