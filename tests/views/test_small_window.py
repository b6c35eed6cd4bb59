"""What a member sees without scrolling in the smallest window (800×600): the home page's
figures, notices and tiles, the history table's columns, the borrowing form's messages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QScrollArea, QWidget

from desktop_app.testing import close_all, context_of, launch_app, wait_until_idle
from tests.views.conftest import NOW
from tests.views.test_fit import _settle, _sign_in


@pytest.fixture
def small_window(qapp, tmp_path) -> Iterator:
    def start(language: str, font: str = "medium", member: str = "yamada") -> QMainWindow:
        window = launch_app(
            store_url=f"sqlite:///{tmp_path / 'members.db'}", now=NOW, language=language
        )
        context_of(window).settings.set_font_size(font)
        window.resize(800, 600)
        _settle(window)
        _sign_in(context_of(window), member)
        _settle(window)
        return window

    yield start
    close_all()


def _shown_whole(widget: QWidget, scroll: QScrollArea) -> bool:
    """Whether ``widget`` lies wholly inside the scroll area's viewport as it is scrolled."""
    viewport = scroll.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return widget.isVisible() and viewport.rect().contains(
        widget.rect().translated(top_left), proper=False
    )


@pytest.mark.parametrize("language", ["ja", "en"])
def test_home_shows_figures_notices_and_tiles_without_scrolling(small_window, language):
    window = small_window(language)
    home = window.findChild(QWidget, "homeScreen")
    scroll = home.findChild(QScrollArea, "homeScroll")
    assert scroll.verticalScrollBar().value() == 0
    card = home.card
    assert card.side.is_wide(), "the figures beside the hero figure"
    facts = [fact.mapTo(card, fact.rect().topLeft()).y() for fact in card._facts]
    assert len(set(facts)) == 1, "利用限度額, 会員番号 and 貸付利率 side by side"
    names = ("summaryCard", "homeNoticesList", "homeBorrowTile", "homeRepayTile",
             "homeHistoryTile", "homeProceduresTile")
    hidden = [n for n in names if not _shown_whole(home.findChild(QWidget, n), scroll)]
    assert hidden == []


@pytest.mark.parametrize(("language", "font"), [("en", "medium"), ("ja", "xxlarge")])
def test_home_of_an_overdue_member_opens_at_its_top(small_window, language, font):
    window = small_window(language, font, "suzuki")
    for _round in range(3):
        QApplication.processEvents()
    home = window.findChild(QWidget, "homeScreen")
    scroll = home.findChild(QScrollArea, "homeScroll")
    assert scroll.verticalScrollBar().value() == 0
    if font == "medium":
        assert _shown_whole(home.findChild(QWidget, "homeRepayTile"), scroll)
