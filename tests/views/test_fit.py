"""Every screen, at the largest font size in the smallest window (800×600), in Japanese and in
English: no label, button, check box or radio button whose text does not fit its widget.

The screens and their states are the screenshot tour's scenes (the screen registry), so a new
screen is checked the day it is declared. A text fits when the font's metrics say it does in
the widget's contents rectangle (wrapped where the widget wraps), and the widget itself is not
cut off by a parent (the window, or a squeezed layout); only a scroll area may hide it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QTableView,
    QWidget,
)

from desktop_app.testing import close_all, context_of, launch_app
from desktop_app.views.appearance import POINT_SIZES
from tests.views.fit_checks import _list_problem, _table_problem, misfits
from tests.views.scene_walk import NOW, settle, sign_in
from tests.views.scene_walk import scenes as _scenes

LARGEST = max(POINT_SIZES, key=POINT_SIZES.__getitem__)


@pytest.fixture
def largest_window(qapp, tmp_path) -> Iterator[QMainWindow]:
    def start(
        language: str, size: tuple[int, int] = (800, 600), theme: str = "light"
    ) -> QMainWindow:
        window = launch_app(
            store_url=f"sqlite:///{tmp_path / 'members.db'}", now=NOW, language=language
        )
        context_of(window).settings.set_theme(theme)  # its thick borders take room too
        context_of(window).settings.set_font_size(LARGEST)
        window.resize(*size)
        settle(window)
        assert QApplication.font().pointSize() == POINT_SIZES[LARGEST]
        return window

    yield start  # type: ignore[misc]
    close_all()


@pytest.mark.parametrize("theme", ["light", "high_contrast"])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_screen_fits_at_the_largest_font_size_in_800_by_600(largest_window, language, theme):
    window = largest_window(language, theme=theme)
    problems: list[str] = []
    shots = 0
    for shot in _scenes(window):
        shots += 1
        assert (window.width(), window.height()) == (800, 600), f"{shot}: the window grew"
        problems += [f"{shot}: {problem}" for problem in misfits(window)]
    assert shots >= 20  # every screen of the registry was shown
    assert problems == [], "\n".join(problems)


def test_history_columns_follow_a_live_font_size_change(largest_window):
    """The amounts are not elided to 「1,1…」 after the font grows while history is shown."""
    window = largest_window("ja")
    context = context_of(window)
    context.settings.set_font_size("medium")
    sign_in(context, "yamada")
    settle(window)
    context.navigator.go("history")
    settle(window)
    table = window.findChild(QTableView, "historyTable")
    assert table.model().rowCount() > 0
    assert _table_problem(table) == ""
    context.settings.set_font_size(LARGEST)
    settle(window)
    assert _table_problem(table) == ""


def test_every_screen_fits_at_the_largest_font_size_in_full_hd(largest_window):
    window = largest_window("en", (1920, 1080))
    problems = [f"{shot}: {problem}" for shot in _scenes(window) for problem in misfits(window)]
    assert problems == [], "\n".join(problems)


def test_screens_are_centred_with_a_readable_width_on_a_wide_window(largest_window):
    """On a full-HD window the content does not hug the top-left corner."""
    window = largest_window("ja", (1920, 1080))
    context = context_of(window)
    context.settings.set_font_size("medium")
    sign_in(context, "yamada")
    settle(window)
    stack = window.findChild(QWidget, "screenStack")
    for screen in ("borrow", "repay", "history", "simulator", "interest", "limit", "settings"):
        context.navigator.go(screen)
        settle(window)
        column = stack.currentWidget().findChild(QWidget, "pageColumn")
        assert column is not None, screen
        left = column.mapTo(stack, column.rect().topLeft()).x()
        right = stack.width() - (left + column.width())
        assert column.width() <= 0.7 * stack.width(), screen
        assert abs(left - right) <= 24, f"{screen}: {left} px left, {right} px right"


@pytest.mark.parametrize("size", [(800, 600), (1000, 700), (1920, 1080)])
def test_what_cannot_be_done_online_shows_every_item_whole_at_the_standard_size(
    largest_window, size
):
    """Each procedure wrapped to the list's width, none elided, the last one not cut off."""
    window = largest_window("en", size)
    context = context_of(window)
    context.settings.set_font_size("medium")
    context.navigator.go("notOnline")
    settle(window)
    items = window.findChild(QListWidget, "notOnlineList")
    assert items.isVisible() and items.count() > 5
    assert _list_problem(items) == ""
    context.settings.set_font_size(LARGEST)
    settle(window)
    assert _list_problem(items) == ""


@pytest.mark.parametrize("screen", ["dueDay", "notOnline"])
def test_the_back_link_lines_up_with_the_text_above_it(largest_window, screen):
    """The link's underlined text starts where the explanation's text starts."""
    window = largest_window("ja", (1000, 700))
    context = context_of(window)
    context.settings.set_font_size("medium")
    sign_in(context, "yamada")
    settle(window)
    context.navigator.go(screen)
    settle(window)
    link = window.findChild(QPushButton, f"{screen}BackButton")
    explain = window.findChild(QLabel, f"{screen}ExplainLabel")
    assert link.isVisible() and explain.isVisible()
    option = QStyleOptionButton()
    option.initFrom(link)
    option.text = link.text()
    contents = link.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, link)
    text_left = link.mapTo(window, contents.topLeft()).x()
    text_left += (contents.width() - link.fontMetrics().horizontalAdvance(link.text())) // 2
    explain_left = explain.mapTo(window, explain.contentsRect().topLeft()).x()
    assert abs(text_left - explain_left) <= 1, (text_left, explain_left)
