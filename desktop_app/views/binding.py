"""The one binding helper: view-model properties to widgets and back, without echoes.

Writing to a widget blocks its signals, so a value the view-model published never comes
back to it as "input". Every binding is a small QObject child of the widget, so it lives and
dies with it and its slots run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, Qt, SignalInstance, Slot
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QWidget,
)


class _Binding(QObject):
    def __init__(self, widget: QWidget, write: Callable[[Any], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._write = write

    @Slot(object)
    def push(self, value: Any) -> None:
        blocker = QSignalBlocker(self._widget)
        try:
            self._write(value)
        finally:
            blocker.unblock()


def _attach(
    widget: QWidget, signal: SignalInstance, initial: Any, write: Callable[[Any], None]
) -> _Binding:
    binding = _Binding(widget, write)
    binding.push(initial)
    signal.connect(binding.push)
    return binding


def bind_line_edit(
    edit: QLineEdit, signal: SignalInstance, initial: str, setter: Callable[[str], None]
) -> None:
    """Two-way: the view-model's text into the field, the member's edits into the setter.

    A text of the same length (converted as typed: full-width digits made half-width) keeps
    the cursor where it was, so typing goes on where the member is."""

    def write(text: str) -> None:
        old = edit.text()
        if old != text:
            cursor = edit.cursorPosition()
            edit.setText(text)
            if len(old) == len(text):
                edit.setCursorPosition(cursor)

    _attach(edit, signal, initial, write)
    edit.textChanged.connect(setter)


def bind_label(
    label: QLabel, signal: SignalInstance, initial: str, hide_empty: bool = True
) -> None:
    """One-way text; the label hides itself when there is nothing to say."""

    def write(text: str) -> None:
        label.setText(text)
        if hide_empty:
            label.setVisible(bool(text))

    _attach(label, signal, initial, write)


_HINT = "accessibleHint"  # what a field expects, said again once its error is gone
_ERROR = "accessibleError"


def describe(field: QWidget, hint: str) -> None:
    """What ``field`` expects (「1,000円単位」), as its accessible description; an error shown
    for it (``bind_error``) takes its place until the error clears."""
    field.setProperty(_HINT, hint)
    if not field.property(_ERROR):
        _set_description(field, hint)


def bind_error(label: QLabel, signal: SignalInstance, initial: str, *fields: QWidget) -> None:
    """An error label, shown while there is an error. Screen readers hear it: the label sends
    an assertive announcement, and each of ``fields`` (the inputs it is about) takes the error
    sentence as its accessible description until the error clears (then its hint again)."""
    shown = [initial]

    def write(text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
        for field in fields:
            field.setProperty(_ERROR, text)
            _set_description(field, text or str(field.property(_HINT) or ""))
        if text and text != shown[0]:
            _announce(label, text)
        shown[0] = text

    _attach(label, signal, initial, write)


def _set_description(widget: QWidget, text: str) -> None:
    if widget.accessibleDescription() != text:
        widget.setAccessibleDescription(text)
        send_accessible(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))


def _announce(label: QLabel, text: str) -> None:
    send_accessible(QAccessibleEvent(label, QAccessible.Event.Alert))
    event = QAccessibleAnnouncementEvent(label, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    send_accessible(event)


def send_accessible(event: QAccessibleEvent) -> None:
    """Tell assistive technology (the one place the client does; tests watch it)."""
    QAccessible.updateAccessibility(event)


def retranslate_tab_scrollers(tabs: QTabWidget) -> None:
    """Qt names a tab bar's scroll arrows once, in the language of the day: name them again."""
    for object_name, text in (
        ("ScrollLeftButton", "Scroll Left"),
        ("ScrollRightButton", "Scroll Right"),
    ):
        for button in tabs.findChildren(QToolButton, object_name):
            button.setAccessibleName(QCoreApplication.translate("QTabBar", text))


def bind_enabled(
    widget: QWidget, signal: SignalInstance, initial: bool, invert: bool = False
) -> None:
    """Enable ``widget`` while the value is true (or false, with ``invert``). A focused
    command disabled while it runs gets the focus back when it is enabled again, unless the
    member has moved on meanwhile (Qt hands the focus to the next control, which may be
    ログアウト: Enter or Space there would sign the member out)."""
    _attach(widget, signal, initial, lambda value: _set_enabled(widget, bool(value) != invert))


_PARKED = "_focus_parked_on"


def _set_enabled(widget: QWidget, enabled: bool) -> None:
    had_focus = widget.hasFocus()
    widget.setEnabled(enabled)
    if not enabled:
        if had_focus:
            setattr(widget, _PARKED, QApplication.focusWidget())
        return
    if hasattr(widget, _PARKED):
        parked_on = getattr(widget, _PARKED)
        delattr(widget, _PARKED)
        if QApplication.focusWidget() in (parked_on, None) and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)


def bind_visible(
    widget: QWidget, signal: SignalInstance, initial: bool, invert: bool = False
) -> None:
    """Show ``widget`` while the value is true (or false, with ``invert``)."""
    _attach(widget, signal, initial, lambda value: widget.setVisible(bool(value) != invert))


def bind_checked(button: QAbstractButton, signal: SignalInstance, initial: bool) -> None:
    _attach(button, signal, initial, lambda value: button.setChecked(bool(value)))


def bind_combo_index(
    combo: QComboBox, signal: SignalInstance, initial: int, setter: Callable[[int], None]
) -> None:
    _attach(combo, signal, initial, lambda value: combo.setCurrentIndex(int(value)))
    combo.currentIndexChanged.connect(setter)


def bind_combo_items(combo: QComboBox, signal: SignalInstance, initial: list[str]) -> None:
    def write(items: list[str]) -> None:
        combo.clear()
        combo.addItems(list(items))

    _attach(combo, signal, initial, write)


def name(widget: QWidget, object_name: str, accessible: str = "") -> None:
    """Set the object name testers use and the accessible name screen readers announce."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible or object_name)


def make_label(object_name: str, role: str = "", wrap: bool = False) -> QLabel:
    """A named label; ``role`` picks its style (error, notice, success, figure, heading …)."""
    label = QLabel()
    name(label, object_name)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label


def make_button(object_name: str, primary: bool = False) -> QPushButton:
    button = QPushButton()
    name(button, object_name)
    if primary:
        button.setProperty("role", "primary")
    return button


def hug_text(button: QAbstractButton) -> None:
    """A radio button or check box as wide as its text, not its row: its focus ring then
    frames the text, and does not look like the selection of the whole row."""
    policy = button.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Maximum)
    button.setSizePolicy(policy)


INPUT_MAX_LENGTH = 512
"""No field takes more (an email 254, a server's address a few dozen): a paste of 100,000
characters is cut here, before a policy spends the GUI thread on it (a 100,000-character
address took ~0.7 s)."""


def make_line_edit(object_name: str) -> QLineEdit:
    edit = QLineEdit()
    name(edit, object_name)
    edit.setMaxLength(INPUT_MAX_LENGTH)
    return edit


def make_combo(object_name: str) -> QComboBox:
    combo = QComboBox()
    name(combo, object_name)
    return combo
