"""Keyboard use outside dialogs (a dialog's own default button does this inside one): Enter
presses the focused button and submits the form a field belongs to; Tab always moves on.

Qt gives a window without a default button neither: Enter on a focused QPushButton or in a
line edit is ignored and travels up to the window, where ``enter_pressed`` handles it; a date
input keeps Tab for its sections (forever, while it shows its "any date" text) and a table for
its cells, where ``free_tab`` lets Tab leave them.
"""

from __future__ import annotations

from PySide6.QtCore import SIGNAL, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_plain_enter(event: QKeyEvent) -> bool:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in ENTER_KEYS and modifiers == Qt.KeyboardModifier.NoModifier


def _screen_of(widget: QWidget, stack: QWidget) -> QWidget | None:
    """The page of ``stack`` (the screens) that holds ``widget``."""
    current: QWidget | None = widget
    while current is not None and current.parentWidget() is not stack:
        current = current.parentWidget()
    return current


def submit_button(field: QWidget, stack: QWidget) -> QPushButton | None:
    """The form's submit button for ``field``: the first shown primary button after the field
    in the Tab order, on the same screen (step 1 of a form submits step 1, not step 2)."""
    screen = _screen_of(field, stack)
    if screen is None:
        return None
    candidate = field.nextInFocusChain()
    while candidate is not field and candidate is not None:
        if (
            isinstance(candidate, QPushButton)
            and candidate.property("role") == "primary"
            and candidate.isVisible()
            and screen.isAncestorOf(candidate)
        ):
            return candidate
        candidate = candidate.nextInFocusChain()
        if candidate is screen.window():
            break  # the chain wrapped round: nothing after the field
    return None


def _field(focus: QWidget) -> QWidget | None:
    """The form field ``focus`` is (a date input's inner line edit stands for the input)."""
    parent = focus.parentWidget()
    if isinstance(focus, QLineEdit) and isinstance(parent, QAbstractSpinBox | QComboBox):
        return parent
    if isinstance(focus, QLineEdit):
        # A field that already does something on Enter (signs in, checks an address) is left
        # to do it, once.
        return None if focus.receivers(SIGNAL("returnPressed()")) > 0 else focus
    if isinstance(focus, QAbstractSpinBox | QComboBox | QAbstractButton):
        return focus
    return None


def enter_pressed(focus: QWidget | None, stack: QWidget) -> bool:
    """Handle an Enter nobody took: press the focused button, or the submit button of the
    focused field's form when it is enabled. Returns whether Enter did something."""
    if focus is None or not focus.isEnabled():
        return False
    if isinstance(focus, QPushButton):
        focus.click()
        return True
    field = _field(focus)
    if field is None:
        return False
    button = submit_button(field, stack)
    if button is None or not button.isEnabled():
        return False
    button.click()
    return True


class _TabLeaves(QObject):
    """Tab and Shift+Tab leave the watched widget instead of moving inside it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            assert isinstance(event, QKeyEvent)
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if modifiers == Qt.KeyboardModifier.NoModifier and event.key() in (
                Qt.Key.Key_Tab,
                Qt.Key.Key_Backtab,
            ):
                forward = event.key() == Qt.Key.Key_Tab and not (
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                _move_focus(watched, forward)
                return True
        return False


def _move_focus(widget: QWidget, forward: bool) -> None:
    """Focus the next (or previous) widget that takes Tab focus, outside ``widget``."""
    step = QWidget.nextInFocusChain if forward else QWidget.previousInFocusChain
    candidate = step(widget)
    while candidate is not None and candidate is not widget:
        if (
            not widget.isAncestorOf(candidate)
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusProxy() is None
        ):
            candidate.setFocus(
                Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            )
            return
        candidate = step(candidate)


def free_tab(screen: QWidget) -> None:
    """Let Tab leave every table and date input of ``screen`` (arrow keys still move inside)."""
    leaves = screen.findChild(_TabLeaves, "tabLeaves") or _TabLeaves(screen)
    leaves.setObjectName("tabLeaves")
    for view in screen.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
    for edit in screen.findChildren(QDateTimeEdit):
        edit.installEventFilter(leaves)


def focus_first_control(page: QWidget) -> bool:
    """Give the focus to the first control of ``page`` a member can use, in Tab order (the
    screen just opened from the navigation: the keyboard lands in its form, not in the menu).
    A control with the property ``firstFocus`` (the home page's main action) comes first when
    it can take the focus. Returns whether one took it."""
    for wanted in page.findChildren(QWidget):
        if wanted.property("firstFocus") and _takes_tab(wanted):
            _focus_and_reveal(wanted)
            return True
    current: QWidget | None = page.nextInFocusChain()
    while current is not None and current is not page and page.isAncestorOf(current):
        if _takes_tab(current):
            _focus_and_reveal(current)
            return True
        current = current.nextInFocusChain()
    return False


def _focus_and_reveal(widget: QWidget) -> None:
    """Focus ``widget`` and scroll the screen to it from its top (its title in sight when
    the control is near it): a screen left scrolled down would otherwise come back with its
    focused control out of sight."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.verticalScrollBar().setValue(0)
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def _takes_tab(widget: QWidget) -> bool:
    tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    return tab and widget.isVisible() and widget.isEnabled()
