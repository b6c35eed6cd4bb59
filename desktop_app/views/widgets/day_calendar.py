"""The calendar of every date input: a header of its own (``2026年11月`` in Japanese,
``November 2026`` in English), Saturdays blue, Sundays and the store's public holidays red,
in the light and the dark theme."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QSize, Qt, Slot
from PySide6.QtGui import QColor, QPalette, QShowEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import _, language
from desktop_app.viewmodels.dates import DayFacts
from desktop_app.views.binding import name

YEARS = range(1900, 2101)  # the years the header offers

# Text colours of the days: (light theme, dark theme).
SATURDAY = (QColor("#1a56c4"), QColor("#8ab4ff"))
SUNDAY = (QColor("#c62828"), QColor("#ff8a80"))


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DayCalendar(QCalendarWidget):
    """A calendar with a header of its own (``2026年11月`` in Japanese, ``November 2026`` in
    English: a year spin box and a month list between a previous and a next month button);
    Qt's own bar reads 「11月 2026」."""

    def __init__(self, facts: DayFacts | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._facts = facts
        self.setNavigationBarVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.header = QWidget()
        name(self.header, "calendarHeader")
        self.previous = QToolButton()
        name(self.previous, "calendarPreviousMonth")
        self.previous.setArrowType(Qt.ArrowType.LeftArrow)
        self.next = QToolButton()
        name(self.next, "calendarNextMonth")
        self.next.setArrowType(Qt.ArrowType.RightArrow)
        # Lists, not a spin box: a list looks the same in every theme, and typing 1985 on it
        # jumps there.
        self.year = QComboBox()
        name(self.year, "calendarYear")
        self.month = QComboBox()
        name(self.month, "calendarMonth")
        self._row = QHBoxLayout(self.header)
        self._row.setContentsMargins(4, 4, 4, 4)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(0, self.header)
        self.previous.clicked.connect(self.showPreviousMonth)
        self.next.clicked.connect(self.showNextMonth)
        self.year.currentIndexChanged.connect(self._picked)
        self.month.currentIndexChanged.connect(self._picked)
        self.currentPageChanged.connect(self._page_changed)
        self.retranslate()

    # -- the header ----------------------------------------------------------------------
    def header_text(self) -> str:
        """What the header reads: ``2026年11月`` or ``November 2026``."""
        year, month = self.yearShown(), self.monthShown()
        if language() == "ja":
            return f"{year}年{month}月"
        return f"{QLocale(QLocale.Language.English).standaloneMonthName(month)} {year}"

    def retranslate(self) -> None:
        ja = language() == "ja"
        locale = QLocale(QLocale.Language.Japanese if ja else QLocale.Language.English)
        self.setLocale(locale)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)  # as Japanese (and US) calendars do
        for widget, items in (
            (self.year, [f"{y}年" if ja else str(y) for y in YEARS]),
            (self.month, [f"{m}月" if ja else locale.standaloneMonthName(m) for m in range(1, 13)]),
        ):
            widget.blockSignals(True)
            widget.clear()
            widget.addItems(items)
            widget.blockSignals(False)
        while self._row.count():
            self._row.takeAt(0)
        self._row.addWidget(self.previous)
        self._row.addStretch(1)
        for widget in (self.year, self.month) if ja else (self.month, self.year):
            self._row.addWidget(widget)
        self._row.addStretch(1)
        self._row.addWidget(self.next)
        for button, caption in ((self.previous, _("Previous month")), (self.next, _("Next month"))):
            button.setAccessibleName(caption)
            button.setToolTip(caption)
        self.year.setAccessibleName(_("Year"))
        self.month.setAccessibleName(_("Month"))
        self._page_changed(self.yearShown(), self.monthShown())

    @Slot(int)
    def _picked(self, _value: int) -> None:
        self.setCurrentPage(YEARS[0] + self.year.currentIndex(), self.month.currentIndex() + 1)

    @Slot(int, int)
    def _page_changed(self, year: int, month: int) -> None:
        for widget, index in ((self.year, year - YEARS[0]), (self.month, month - 1)):
            widget.blockSignals(True)
            widget.setCurrentIndex(index)
            widget.blockSignals(False)
        self.header.setAccessibleName(self.header_text())
        if self.isVisible():
            self.paint_days()

    def sizeHint(self) -> QSize:
        """Qt's hint counts its own bar, not ours: the popup is sized from this."""
        base, bar = super().sizeHint(), self.header.sizeHint()
        return QSize(max(base.width(), bar.width()), base.height() + bar.height())

    def minimumSizeHint(self) -> QSize:
        base, bar = super().minimumSizeHint(), self.header.minimumSizeHint()
        return QSize(max(base.width(), bar.width()), base.height() + bar.height())

    # -- the colours of the days ---------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        self.paint_days()  # the holidays are looked up only once a calendar is shown
        super().showEvent(event)

    def _dark(self) -> bool:
        """The theme's grid is dark (the style sheet colours the view, not this palette)."""
        grid = self.findChild(QTableView)
        shown = grid if grid is not None else self
        shown.ensurePolished()
        return shown.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def paint_days(self) -> None:
        """Saturdays blue, Sundays and the public holidays of the shown page red."""
        dark = self._dark()
        saturday, sunday = QTextCharFormat(), QTextCharFormat()
        saturday.setForeground(SATURDAY[dark])
        sunday.setForeground(SUNDAY[dark])
        self.setWeekdayTextFormat(Qt.DayOfWeek.Saturday, saturday)
        self.setWeekdayTextFormat(Qt.DayOfWeek.Sunday, sunday)
        self.setDateTextFormat(QDate(), QTextCharFormat())  # forget the last page's holidays
        if self._facts is None:
            return
        first = date(self.yearShown(), self.monthShown(), 1)
        for offset in range(-7, 43):  # a page shows six weeks, from the week before the 1st
            day = first + timedelta(days=offset)
            if self._facts.is_holiday(day):
                self.setDateTextFormat(qdate(day), sunday)
