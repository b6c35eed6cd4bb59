"""Parts that rearrange themselves by the width they get: the navigation's entries (wrapped
between words), a caption and its value (side by side or one under the other), the home
page's tiles (a row, two a row, one a row), and the home page's hero figure following a live
font size change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QTableView,
    QWidget,
)

from desktop_app.testing import context_of, wait_until_idle
from desktop_app.views.widgets.breakable import BreakableLabel
from desktop_app.views.widgets.nav_button import NavButton, lines, segments
from desktop_app.views.widgets.reflow import Pairs, Tiles

from .conftest import find


def _settle(window: QMainWindow) -> None:
    wait_until_idle(window)
    for _round in range(3):
        QApplication.processEvents()


def _sign_in(window: QMainWindow) -> None:
    from desktop_app.viewmodels.login import LoginMethod

    login = context_of(window).login
    login.set_method(LoginMethod.WEB_ID)
    login.set_web_id_text("yamada2026")
    login.set_password_text("Taro2026pass")
    login.sign_in()
    _settle(window)


def test_a_navigation_entry_breaks_between_words_and_between_kanji_and_katakana(qapp):
    assert segments("返済シミュレーション") == ["返済", "シミュレーション"]
    assert segments("Repayment simulation") == ["Repayment ", "simulation"]
    assert segments("ご利用履歴") == ["ご利用履歴"]
    metrics = QFontMetrics(qapp.font())
    narrow = metrics.horizontalAdvance("シミュレーション")
    assert lines("返済シミュレーション", narrow, metrics) == ["返済", "シミュレーション"]
    wide = metrics.horizontalAdvance("返済シミュレーション")
    assert lines("返済シミュレーション", wide, metrics) == ["返済シミュレーション"]


def test_the_navigation_wraps_its_long_entry_at_the_largest_size_in_800_by_600(launch, qtbot):
    """At 最大 in 800×600 the navigation no longer takes ~380 px for one entry: the entry
    wraps onto two lines and the screens get the width; in a wide window it stays one line."""
    window = launch(language="en")
    context_of(window).settings.set_font_size("xxlarge")
    window.resize(800, 600)
    _sign_in(window)
    entry = find(window, NavButton, "navSimulator")
    text = find(window, QLabel, "navSimulatorText")
    assert text.text() == "Repayment\nsimulation"
    assert entry.accessibleName() == "Repayment simulation"
    nav = find(window, QWidget, "navBar")
    assert nav.width() < 0.35 * window.width()
    home = find(window, NavButton, "navHome")
    assert find(window, QLabel, "navHomeText").text() == "Home"
    assert find(window, QLabel, "navInterestText").text() == "Interest inquiry"  # does not wrap
    # A click on the text is a click on the entry.
    qtbot.mouseClick(text, Qt.MouseButton.LeftButton)
    _settle(window)
    assert context_of(window).navigator.screen == "simulator"
    assert entry.isChecked() and not home.isChecked()
    assert text.property("lit") is True
    window.resize(1920, 1080)
    _settle(window)
    assert text.text() == "Repayment simulation"


def test_captions_and_values_go_one_under_the_other_when_narrow(qtbot):
    captions = [QLabel("Principal balance"), QLabel("Next due date")]
    values = [QLabel("¥120,000"), QLabel("Wed, Nov 25, 2026")]
    host = QWidget()  # a child: a window would keep the minimum of its layout
    qtbot.addWidget(host)
    pairs = Pairs(list(zip(captions, values, strict=True)), parent=host)
    host.resize(1000, 400)
    host.show()
    pairs.resize(pairs.wide_width() + 10, 200)
    qtbot.waitUntil(pairs.is_wide)
    assert values[0].x() > captions[0].x() + captions[0].width() - 1
    assert pairs.minimumSizeHint().width() < pairs.wide_width()
    pairs.resize(pairs.minimumSizeHint().width(), 300)
    qtbot.waitUntil(lambda: not pairs.is_wide())
    QApplication.processEvents()
    assert values[0].y() >= captions[0].y() + captions[0].height()
    assert values[1].x() == captions[1].x()


def test_tiles_go_two_a_row_then_one_a_row(qtbot):
    buttons = [QPushButton(text) for text in ("Borrow", "Repay", "History", "Account services")]
    host = QWidget()
    qtbot.addWidget(host)
    tiles = Tiles(buttons, parent=host)
    host.resize(1000, 400)
    host.show()
    widest = max(button.sizeHint().width() for button in buttons)
    for width, per_row in ((4 * widest + 40, 4), (2 * widest + 20, 2), (widest + 5, 1)):
        tiles.resize(width, 300)
        qtbot.waitUntil(lambda per_row=per_row: tiles.per_row() == per_row)
    assert tiles.minimumSizeHint().width() <= widest


def test_the_hero_figure_follows_a_live_font_size_change(launch):
    """It stayed at the size of the font size the client started with."""
    window = launch()
    _sign_in(window)
    figure = find(window, QLabel, "availableLabel")
    balance = find(window, QLabel, "balanceLabel")
    for size in ("xxlarge", "small", "large"):
        context_of(window).settings.set_font_size(size)
        _settle(window)
        assert figure.font().pointSizeF() >= 2 * balance.font().pointSizeF(), size


def test_repayment_kinds_have_short_texts_and_full_accessible_names(launch):
    window = launch()
    _sign_in(window)
    context_of(window).navigator.go("repay")
    _settle(window)
    texts = {
        "repayKindNext": ("次回返済額", "次回返済額を返済"),
        "repayKindAmount": ("金額を指定", "金額を指定して返済"),
        "repayKindFull": ("全額返済", "全額返済"),
    }
    for name, (text, accessible) in texts.items():
        radio = find(window, QRadioButton, name)
        assert (radio.text(), radio.accessibleName()) == (text, accessible)


def test_a_long_folder_name_may_break_after_an_underscore(qtbot):
    label = BreakableLabel()
    qtbot.addWidget(label)
    label.setText("sqlite:////tmp/test_every_screen_fits/members.db")
    assert label.text() == "sqlite:////tmp/test_every_screen_fits/members.db"
    assert "test_\u200bevery_\u200bscreen" in QLabel.text(label)


def test_wrapped_history_filters_keep_their_height_and_the_screen_scrolls(launch):
    """At 最大 in 800×600 each caption goes above its input: the inputs were squashed to a
    line (the row was as tall as one caption and input side by side) and the export button
    lay over the count."""
    window = launch()
    context_of(window).settings.set_font_size("xxlarge")
    window.resize(800, 600)
    _sign_in(window)
    context_of(window).navigator.go("history")
    _settle(window)
    for name in ("historyFromDate", "historyToDate", "historyKindCombo"):
        field = find(window, QWidget, name)
        assert field.height() >= field.sizeHint().height(), name
        assert field.parentWidget().rect().contains(field.geometry()), f"{name} is cut off"
    export = find(window, QPushButton, "exportCsvButton")
    count = find(window, QLabel, "historyCountLabel")
    export_bottom = export.mapTo(window, export.rect().bottomLeft()).y()
    assert export_bottom < count.mapTo(window, count.rect().topLeft()).y()
    # The screen scrolls rather than squeeze the table to a few rows.
    assert find(window, QTableView, "historyTable").height() >= 240


def test_a_form_puts_its_sentences_under_their_captions_when_narrow(launch):
    """利息照会 at 最大 in 800×600: the figures were a column of three characters beside
    their captions; now under them, and beside them again in a wide window."""
    window = launch()
    context_of(window).settings.set_font_size("xxlarge")
    window.resize(800, 600)
    _sign_in(window)
    context_of(window).navigator.go("interest")
    _settle(window)
    figure = find(window, QLabel, "interestToDueDateLabel")
    form = figure.parentWidget()
    caption = next(
        label
        for label in form.findChildren(QLabel)
        if label.text() == "次回返済日までの利息" and label.isVisible()
    )
    assert figure.x() == caption.x()
    assert figure.y() >= caption.y() + caption.height()
    context_of(window).settings.set_font_size("medium")
    window.resize(1920, 1080)
    _settle(window)
    assert figure.x() > caption.x() + caption.width()
