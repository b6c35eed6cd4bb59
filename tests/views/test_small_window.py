"""What a member sees without scrolling in the smallest window (800×600): the home page's
figures, notices and tiles, the history table's columns, the borrowing form's messages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QScrollArea,
    QTableView,
    QWidget,
)

from desktop_app.testing import close_all, context_of, launch_app
from tests.views.conftest import NOW
from tests.views.fit_checks import _table_problem
from tests.views.scene_walk import settle as _settle
from tests.views.scene_walk import sign_in as _sign_in


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
    names = (
        "summaryCard",
        "homeNoticesList",
        "homeBorrowTile",
        "homeRepayTile",
        "homeHistoryTile",
        "homeProceduresTile",
    )
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


def _history(window: QMainWindow) -> QTableView:
    context_of(window).navigator.go("history")
    _settle(window)
    for _round in range(3):
        QApplication.processEvents()
    table = window.findChild(QTableView, "historyTable")
    assert table.model().rowCount() > 0
    return table


@pytest.mark.parametrize("language", ["ja", "en"])
def test_history_columns_fill_the_table_without_scrolling_sideways(small_window, language):
    window = small_window(language)
    table = _history(window)
    header = table.horizontalHeader()
    widths = [header.sectionSize(column) for column in range(header.count())]
    assert sum(widths) == table.viewport().width(), widths
    assert not table.horizontalScrollBar().isVisible()
    assert _table_problem(table) == ""  # no figure elided: only the bank's name may be
    model = table.model()
    bank = model.index(0, header.count() - 1)
    assert model.data(bank, Qt.ItemDataRole.ToolTipRole) == model.data(bank)
    when = model.index(0, 0)
    assert "\n" in model.data(when)  # the time under the date
    assert model.data(when, Qt.ItemDataRole.ToolTipRole) not in ("", None)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_history_rows_are_one_line_where_the_table_has_the_room(small_window, language):
    """In full HD the date, its time and every caption stay on one line (the bank's column
    took half the table while the others wrapped); in 800×600 they go on two again."""
    window = small_window(language)
    window.resize(1920, 1080)
    table = _history(window)
    _settle(window)
    model, header = table.model(), table.horizontalHeader()
    assert "\n" not in model.data(model.index(0, 0))
    captions = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]
    assert not [caption for caption in captions if "\n" in caption]
    assert sum(header.sectionSize(c) for c in range(header.count())) == table.viewport().width()
    assert _table_problem(table) == ""
    window.resize(800, 600)
    _settle(window)
    assert "\n" in model.data(model.index(0, 0))
    assert not table.horizontalScrollBar().isVisible()


def test_history_table_is_as_tall_as_the_page_when_the_filters_fill_it(small_window):
    """At 最大 in 800×600 the filters leave less than a readable table: the table is not a
    small box with scroll bars inside the scrolling page, but as tall as its view."""
    window = small_window("ja", "xxlarge")
    table = _history(window)
    page = table.parentWidget()
    while not isinstance(page, QScrollArea):
        page = page.parentWidget()
    assert table.height() >= page.viewport().height()


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [("ja", "2026/11/04 14:05", "2026/12/25(金)"), ("en", "11/04/2026 14:05", "12/25/2026")],
)
def test_a_short_date_and_time_for_a_table(language, text, day):
    """Zero-padded, so a column's dates line up; English in its own order (not ISO)."""
    from datetime import date, datetime

    from desktop_app.i18n import format_short_date, format_short_datetime, set_language

    set_language(language)
    try:
        assert format_short_datetime(datetime(2026, 11, 4, 14, 5)) == text
        assert format_short_date(date(2026, 12, 25)) == day
    finally:
        set_language("ja")


def test_a_cut_destination_is_shown_whole_under_its_box(small_window):
    from desktop_app.viewmodels.borrow import BorrowViewModel

    window = small_window("ja", "xxlarge")
    context = context_of(window)
    context.navigator.go("borrow")
    _settle(window)
    context.view_model("borrow", BorrowViewModel)
    combo = window.findChild(QComboBox, "borrowDestinationCombo")
    whole = window.findChild(QLabel, "borrowDestinationFullText")
    assert combo.fontMetrics().horizontalAdvance(combo.currentText()) > combo.width()
    assert whole.isVisible() and whole.text() == combo.currentText()
    below = whole.mapTo(window, whole.rect().topLeft()).y()
    assert below >= combo.mapTo(window, combo.rect().bottomLeft()).y()
    context.settings.set_font_size("medium")
    _settle(window)
    for _round in range(3):
        QApplication.processEvents()
    assert not whole.isVisible()  # the box shows it whole: said once


def _open_confirmation(window: QMainWindow) -> QDialog:
    """A borrowing of 10,000円 up to its confirmation dialog."""
    from desktop_app.viewmodels.borrow import BorrowViewModel

    context = context_of(window)
    borrow = context.view_model("borrow", BorrowViewModel)
    context.navigator.go("borrow")
    _settle(window)
    borrow.set_amount_text("10,000")
    borrow.request_confirmation()
    _settle(window)
    dialog = window.findChild(QDialog, "confirmDialog")
    assert dialog is not None
    return dialog


def test_the_confirmation_is_never_wider_than_its_window(small_window):
    window = small_window("en", "xxlarge")
    dialog = _open_confirmation(window)
    assert dialog is not None and dialog.isVisible()
    dialog.adjustSize()
    for _round in range(3):
        QApplication.processEvents()
    assert dialog.width() <= window.width() - 2 * 24
    summary = window.findChild(QLabel, "confirmSummaryLabel")
    assert summary.wordWrap()
    assert summary.height() >= summary.heightForWidth(summary.width())
    dialog.reject()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_confirmation_keeps_each_line_whole_where_the_window_has_room(small_window, language):
    """「普通 ***4567」 and 「130,000円」 were split off their lines in an 800 px window that had
    room for them: the dialog is as wide as its longest line, up to the window's width."""
    window = small_window(language)
    dialog = _open_confirmation(window)
    dialog.resize(dialog.sizeHint())
    _settle(window)
    summary = window.findChild(QLabel, "confirmSummaryLabel")
    metrics = summary.fontMetrics()
    widest = max(metrics.horizontalAdvance(line) for line in summary.text().splitlines())
    assert widest <= summary.contentsRect().width()  # no line wraps
    assert dialog.width() <= window.width() - 2 * 24
    dialog.reject()


@pytest.mark.parametrize(("screen", "lit"), [("promise", "repay"), ("limit", "")])
def test_a_screen_without_its_own_entry_lights_where_it_belongs(small_window, screen, lit):
    window = small_window("ja")
    context = context_of(window)
    context.navigator.go(screen)
    _settle(window)
    checked = [entry for entry, button in window.nav_buttons.items() if button.isChecked()]
    assert checked == ([lit] if lit else [])


def test_simulator_inputs_are_as_wide_as_what_they_hold(small_window):
    from PySide6.QtWidgets import QLineEdit

    window = small_window("ja", "xxlarge")
    context_of(window).navigator.go("simulator")
    _settle(window)
    for _round in range(3):
        QApplication.processEvents()
    for name in ("simPrincipalInput", "simMonthlyInput", "simMonthsInput"):
        edit = window.findChild(QLineEdit, name)
        metrics = edit.fontMetrics()
        needed = max(metrics.horizontalAdvance(t) for t in ("121,183", edit.placeholderText()))
        assert edit.width() >= needed + 12, name


def test_tab_goes_from_the_tiles_to_the_promise_for_an_overdue_member(small_window, qtbot):
    window = small_window("ja", "medium", "suzuki")
    repay = window.findChild(QWidget, "homeRepayTile")
    repay.setFocus()
    order = []
    for _press in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order == ["homeHistoryTile", "homeProceduresTile", "homePromiseButton"]
