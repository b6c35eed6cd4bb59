"""The one date input of the client: a QDateEdit whose calendar opens where a member
expects (today for a period, 1980 for a birth date), that takes dates as they are typed
(``19850412``, ``1985/4/12``, ``1985-04-12``, full-width digits, ``1985年4月12日``), and
whose calendar reads like a Japanese one: ``2026年11月`` in its header, Saturdays blue,
Sundays and public holidays red (the store's calendar, the one business days use).

An optional input keeps the minimum date as its "not entered" value (``specialValueText``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QObject, QSize, Qt, Slot
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QPalette,
    QShowEvent,
    QTextCharFormat,
    QValidator,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import may_become_date, parse_typed_date
from desktop_app.i18n import _, date_format, language
from desktop_app.viewmodels.dates import DayFacts
from desktop_app.views.binding import name

YEARS = range(1900, 2101)  # the years the header offers

# Text colours of the days: (light theme, dark theme).
SATURDAY = (QColor("#1a56c4"), QColor("#8ab4ff"))
SUNDAY = (QColor("#c62828"), QColor("#ff8a80"))


# Keys that edit typed text as in a line edit.
_EDITING_KEYS = frozenset(
    {
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
    }
)


def _qdate(day: date) -> QDate:
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
                self.setDateTextFormat(_qdate(day), sunday)


class DateInput(QDateEdit):
    """``object_name`` names it; ``start`` is the page its calendar opens at while no date
    is entered (``optional``: the minimum date, shown as ``unset_text``)."""

    def __init__(
        self,
        object_name: str,
        facts: DayFacts | None = None,
        *,
        start: Callable[[], date] | None = None,
        optional: bool = False,
        minimum: date = date(1900, 1, 1),
        unset_text: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        name(self, object_name)
        self._start = start or (facts.today if facts is not None else date.today)
        self._optional = optional
        self._unset_text = unset_text
        self.setCalendarPopup(True)
        self.popup_calendar = DayCalendar(facts)
        self.setCalendarWidget(self.popup_calendar)
        self.setMinimumDate(_qdate(minimum))
        if optional:
            self.setDate(self.minimumDate())
        self.popup_calendar.installEventFilter(self)
        self.retranslate()

    # -- the value -----------------------------------------------------------------------
    def is_unset(self) -> bool:
        return self._optional and self.date() == self.minimumDate()

    def value(self) -> date | None:
        return None if self.is_unset() else self.date().toPython()  # type: ignore[return-value]

    def set_value(self, day: date | None) -> None:
        """Show ``day`` (None: not entered) without telling anyone (no dateChanged)."""
        self.blockSignals(True)
        self.setDate(_qdate(day) if day is not None else self.minimumDate())
        self.blockSignals(False)

    # -- where the calendar opens ----------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.popup_calendar and event.type() == QEvent.Type.Show and self.is_unset():
            start = self._start()
            self.popup_calendar.setCurrentPage(start.year, start.month)
        return super().eventFilter(watched, event)

    def stepBy(self, steps: int) -> None:
        """An arrow key on "not entered" starts at ``start``, not a day after the minimum."""
        if self.is_unset():
            self.setDate(_qdate(self._start()))
            return
        super().stepBy(steps)

    # -- dates as typed ------------------------------------------------------------------
    def _shown(self, day: QDate) -> str:
        return self.textFromDateTime(QDateTime(day.startOfDay()))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """A date typed as the member writes it is taken when they leave the field (or
        press Enter); until then it is "intermediate", so nothing is reformatted under
        their fingers."""
        day = parse_typed_date(text)
        if day is not None and text == self._shown(_qdate(day)):
            return QValidator.State.Acceptable, text, pos
        if text and (day is not None or may_become_date(text)):
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._take_typed()
        super().focusOutEvent(event)

    def _typing(self) -> bool:
        """The field holds text the member is typing (not the value as shown)."""
        text = self.lineEdit().text()
        return text not in (self._shown(self.date()), self.specialValueText())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Typed characters go into the text as into any line edit (Qt's own editing, section
        by section, would drop 「/」 and 「年」); Tab or Enter takes the date typed."""
        key, typed = event.key(), event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if plain and typed and typed.isprintable() and may_become_date(typed):
            if self._typing():
                self.lineEdit().insert(typed)
            else:
                self.lineEdit().setText(typed)  # a fresh date replaces the one shown
            event.accept()
            return
        if self._typing():
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self._take_typed()
                # Leave the field (QDateTimeEdit's own Tab would go to the next section).
                QWidget.focusNextPrevChild(self, key == Qt.Key.Key_Tab)
                event.accept()
                return
            if key in _EDITING_KEYS:
                self.lineEdit().event(event)
                return
            self._take_typed()
        super().keyPressEvent(event)

    def _take_typed(self) -> None:
        """A typed date becomes the value, shown in the display format."""
        text = self.lineEdit().text()
        typed = parse_typed_date(text)
        if typed is None or text == self._shown(self.date()):
            return
        day = _qdate(typed)
        if not self.minimumDate() <= day <= self.maximumDate():
            return  # out of range: Qt puts the last value back
        if day == self.date():
            self.lineEdit().setText(self._shown(day))
        else:
            self.setDate(day)

    def retranslate(self) -> None:
        ja = language() == "ja"
        self.setLocale(QLocale(QLocale.Language.Japanese if ja else QLocale.Language.English))
        self.setDisplayFormat(date_format())
        if self._optional and self._unset_text is not None:
            self.setSpecialValueText(self._unset_text())
        self.popup_calendar.retranslate()
