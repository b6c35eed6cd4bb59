"""Date inputs that start where a member expects (issue 10, point 5): the history period at
today by the client's clock, a birth date in 1980 and as typed; calendars with Japanese
headers, Saturdays blue, Sundays and public holidays red."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDateEdit, QLabel

from .conftest import click, find, open_popup, type_keys
from .test_inputs import sign_in

# A popup on the offscreen platform: Qt says it cannot raise it nor grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


def test_the_history_calendar_opens_at_today_not_at_the_unset_date(launch, qtbot):
    window = launch()
    sign_in(qtbot, window)
    click(qtbot, window, "navHistory")
    for name in ("historyFromDate", "historyToDate"):
        edit = find(window, QDateEdit, name)
        assert edit.text() == "指定なし"  # still no limit: opening the calendar sets none
        open_popup(qtbot, edit)
        calendar = edit.calendarWidget()
        assert (calendar.yearShown(), calendar.monthShown()) == (2026, 11)  # the clock's today
        assert calendar.header_text() == "2026年11月"
        qtbot.keyClick(calendar, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda c=calendar: not c.isVisible())
        assert edit.text() == "指定なし"


def test_the_birth_date_calendar_opens_in_1980(launch, qtbot):
    window = launch()
    click(qtbot, window, "forgotPasswordLink")
    birth = find(window, QDateEdit, "resetBirthDateInput")
    open_popup(qtbot, birth)
    assert (birth.calendarWidget().yearShown(), birth.calendarWidget().monthShown()) == (1980, 1)
    qtbot.keyClick(birth.calendarWidget(), Qt.Key.Key_Escape)
    birth.setFocus()
    qtbot.keyClick(birth, Qt.Key.Key_Up)  # an arrow key starts in 1980, not in 1900 or 1901
    assert birth.date().year() == 1980


@pytest.mark.parametrize(
    "typed", ["19850412", "1985/4/12", "1985-04-12", "１９８５／４／１２", "1985年4月12日"]
)
def test_typed_birth_dates_are_taken(launch, qtbot, typed):
    window = launch()
    click(qtbot, window, "forgotPasswordLink")
    birth = find(window, QDateEdit, "resetBirthDateInput")
    birth.setFocus()
    type_keys(qtbot, birth, typed)
    qtbot.keyClick(birth, Qt.Key.Key_Tab)
    assert birth.date() == QDate(1985, 4, 12)
    assert birth.text() == "1985年4月12日(金)"
    assert not birth.hasFocus()
    # The form has its date: the send button no longer waits for one.
    assert "生年月日" not in find(window, QLabel, "resetSendCodeHint").text()


def test_headers_read_japanese_in_ja(launch, qtbot):
    window = launch()
    click(qtbot, window, "forgotPasswordLink")
    calendar = find(window, QDateEdit, "resetBirthDateInput").calendarWidget()
    calendar.setCurrentPage(2026, 11)
    assert calendar.header_text() == "2026年11月"
    assert calendar.year.currentText() == "2026年"
    assert calendar.month.currentText() == "11月"
    row = calendar.header.layout()
    assert row.indexOf(calendar.year) < row.indexOf(calendar.month)  # the year first


def test_headers_read_english_in_en(launch, qtbot):
    window = launch(language="en")
    click(qtbot, window, "forgotPasswordLink")
    calendar = find(window, QDateEdit, "resetBirthDateInput").calendarWidget()
    calendar.setCurrentPage(2026, 11)
    assert calendar.header_text() == "November 2026"
    assert calendar.month.currentText() == "November"
    assert calendar.year.currentText() == "2026"
    row = calendar.header.layout()
    assert row.indexOf(calendar.month) < row.indexOf(calendar.year)


def blue(color: QColor) -> bool:
    return color.blue() > max(color.red(), color.green()) + 40


def red(color: QColor) -> bool:
    return color.red() > max(color.green(), color.blue()) + 80


def test_saturdays_blue_sundays_and_holidays_red(launch, qtbot):
    window = launch()
    sign_in(qtbot, window)
    click(qtbot, window, "navHistory")
    edit = find(window, QDateEdit, "historyFromDate")
    open_popup(qtbot, edit)
    calendar = edit.calendarWidget()

    def colour(day: QDate) -> QColor:
        return calendar.dateTextFormat(day).foreground().color()

    assert blue(calendar.weekdayTextFormat(Qt.DayOfWeek.Saturday).foreground().color())
    assert red(calendar.weekdayTextFormat(Qt.DayOfWeek.Sunday).foreground().color())
    # 勤労感謝の日 (Monday 23 November 2026) is red; the Tuesday after it is not.
    assert red(colour(QDate(2026, 11, 23)))
    assert not red(colour(QDate(2026, 11, 24)))
    # A page turned to shows its own holidays: 元日 and 成人の日 (11 January 2027).
    calendar.showNextMonth()
    calendar.showNextMonth()
    assert calendar.header_text() == "2027年1月"
    for day in (date(2027, 1, 1), date(2027, 1, 11)):
        assert red(colour(QDate(day)))
    assert not red(colour(QDate(2026, 11, 23)))  # the last page's holidays are gone


def test_the_day_colours_stay_readable_in_the_dark_theme(launch, qtbot):
    from PySide6.QtWidgets import QApplication

    from desktop_app.views.appearance import apply_appearance

    window = launch()
    apply_appearance(QApplication.instance(), "dark", "medium")
    try:
        click(qtbot, window, "forgotPasswordLink")
        birth = find(window, QDateEdit, "resetBirthDateInput")
        open_popup(qtbot, birth)
        calendar = birth.calendarWidget()
        saturday = calendar.weekdayTextFormat(Qt.DayOfWeek.Saturday).foreground().color()
        sunday = calendar.weekdayTextFormat(Qt.DayOfWeek.Sunday).foreground().color()
        # Light tints on the dark grid: blue and red still, never dark blue on black.
        assert blue(saturday) and saturday.lightness() > 150
        assert red(sunday) and sunday.lightness() > 150
    finally:
        apply_appearance(QApplication.instance(), "light", "medium")


def test_a_calendar_is_built_when_it_first_opens_and_is_ours(launch, qtbot):
    """Four calendars of ~50 widgets each were built at start and re-styled on every live
    font or theme change; now each is built the first time it opens (or a script asks for
    it), and it is the client's own (Japanese header, coloured days), never Qt's plain one."""
    from PySide6.QtWidgets import QApplication, QCalendarWidget

    from desktop_app.views.widgets.day_calendar import DayCalendar

    window = launch()
    sign_in(qtbot, window)
    click(qtbot, window, "navHistory")
    assert not [w for w in QApplication.allWidgets() if isinstance(w, QCalendarWidget)]
    since = find(window, QDateEdit, "historyFromDate")
    open_popup(qtbot, since)  # a click on the arrow
    calendars = [w for w in QApplication.allWidgets() if isinstance(w, QCalendarWidget)]
    assert len(calendars) == 1 and isinstance(calendars[0], DayCalendar)
    qtbot.keyClick(calendars[0], Qt.Key.Key_Escape)
    assert find(window, QDateEdit, "historyToDate").calendarWidget() is not calendars[0]
    assert isinstance(find(window, QDateEdit, "historyToDate").calendarWidget(), DayCalendar)


def test_every_day_of_the_calendar_fits_its_cell(launch, qtbot):
    """A table's cell padding (amounts keep clear of the grid lines) left a calendar cell no
    room for 「10」…「31」: on a real display only 1–9 were drawn."""
    from PySide6.QtWidgets import QTableView

    window = launch()
    sign_in(qtbot, window)
    click(qtbot, window, "navHistory")
    since = find(window, QDateEdit, "historyFromDate")
    open_popup(qtbot, since)
    grid = since.calendarWidget().findChild(QTableView)
    for column in range(grid.model().columnCount()):
        assert grid.sizeHintForColumn(column) <= grid.columnWidth(column), column
