"""The one date input of the client: a QDateEdit whose calendar opens where a member
expects (today for a period, 1980 for a birth date), that takes dates as they are typed
(``19850412``, ``1985/4/12``, ``1985-04-12``, full-width digits, ``1985年4月12日``), and
whose calendar reads like a Japanese one: ``2026年11月`` in its header, Saturdays blue,
Sundays and public holidays red (the store's calendar, the one business days use).

An optional input keeps the minimum date as its "not entered" value (``specialValueText``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QValidator,
)
from PySide6.QtWidgets import (
    QDateEdit,
    QWidget,
)

from desktop_app.domain.dates import may_become_date, parse_typed_date
from desktop_app.i18n import date_format, language
from desktop_app.viewmodels.dates import DayFacts
from desktop_app.views.binding import name
from desktop_app.views.widgets.day_calendar import DayCalendar, qdate

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


class DateInput(QDateEdit):
    """``object_name`` names it; ``start`` is the page its calendar opens at while no date
    is entered (``optional``: the minimum date, shown as ``unset_text``)."""

    def __init__(
        self,
        object_name: str,
        facts: DayFacts,
        *,
        start: Callable[[], date] | None = None,
        optional: bool = False,
        minimum: date = date(1900, 1, 1),
        unset_text: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        name(self, object_name)
        self._start = start or facts.today  # the injected clock's today, never the computer's
        self._optional = optional
        self._unset_text = unset_text
        self.setCalendarPopup(True)
        self._facts = facts
        # Built the first time it can open (a click, a key, a script asking for it): some 50
        # widgets each, which every live font or theme change would re-style meanwhile.
        self._calendar: DayCalendar | None = None
        self.setMinimumDate(qdate(minimum))
        if optional:
            self.setDate(self.minimumDate())
        self.retranslate()

    # -- the calendar, built when first needed ---------------------------------------------
    @property
    def popup_calendar(self) -> DayCalendar:
        if self._calendar is None:
            calendar = DayCalendar(self._facts)
            self._calendar = calendar
            self.setCalendarWidget(calendar)
            calendar.installEventFilter(self)
            calendar.retranslate()
        return self._calendar

    def calendarWidget(self) -> DayCalendar:
        return self.popup_calendar

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.popup_calendar  # noqa: B018 (before Qt opens its own on the arrow)
        super().mousePressEvent(event)

    # -- the value -----------------------------------------------------------------------
    def is_unset(self) -> bool:
        return self._optional and self.date() == self.minimumDate()

    def value(self) -> date | None:
        return None if self.is_unset() else self.date().toPython()  # type: ignore[return-value]

    def set_value(self, day: date | None) -> None:
        """Show ``day`` (None: not entered) without telling anyone (no dateChanged)."""
        self.blockSignals(True)
        self.setDate(qdate(day) if day is not None else self.minimumDate())
        self.blockSignals(False)

    # -- where the calendar opens ----------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._calendar and event.type() == QEvent.Type.Show and self.is_unset():
            start = self._start()
            self.popup_calendar.setCurrentPage(start.year, start.month)
        return super().eventFilter(watched, event)

    def stepBy(self, steps: int) -> None:
        """An arrow key on "not entered" starts at ``start``, not a day after the minimum."""
        if self.is_unset():
            self.setDate(qdate(self._start()))
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
        if day is not None and text == self._shown(qdate(day)):
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
        if event.key() in (Qt.Key.Key_F4, Qt.Key.Key_Down):
            self.popup_calendar  # noqa: B018 (were Qt to open one on a key: ours, not its own)
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
        day = qdate(typed)
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
        if self._calendar is not None:
            self._calendar.retranslate()
