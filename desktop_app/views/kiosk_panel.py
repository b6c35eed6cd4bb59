"""``kioskInputPanel``: the kiosk's on-screen input, under the screens, following the focus.

It shows ``kioskKeypad`` while a field marked for digits or a PIN has the focus,
``kioskKeyboard`` while a Web-ID, email or password field has it, and nothing otherwise
(marks: widgets/kiosk_input.py). It never takes the focus. A modal dialog (the one-time code,
the staff PIN) blocks the window under it, so while one of its fields has the focus the panel
moves into that dialog, and comes back when the dialog closes.

While a mouse button or finger is down the panel waits: a panel that disappeared between a
button's press and its release would move the button from under the finger, and the click
would be lost."""

from __future__ import annotations

import random

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from desktop_app.i18n import _, hub
from desktop_app.views.appearance import adopt
from desktop_app.views.kiosk_keyboard import KioskKeyboard
from desktop_app.views.kiosk_keypad import KioskKeypad
from desktop_app.views.main_window import MainWindow
from desktop_app.views.widgets.kiosk_input import KEYBOARD_KINDS, KEYPAD_KINDS, PIN, kiosk_input_of
from desktop_app.views.widgets.kiosk_keys import key_style

SHUFFLE_PIN_KEY = "kiosk_shuffle_pin"  # a preference: "false" keeps the PIN's digits in place
# Set apart from the screen above it, in the theme's own colours.
PANEL_STYLE = (
    "#kioskInputPanel { border-top: 1px solid palette(mid); background: palette(alternate-base); }"
)
_RELEASES = (
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
)
_HOST_GONE = (QEvent.Type.Hide, QEvent.Type.DeferredDelete)


def served_field(widget: QWidget | None) -> QWidget | None:
    """The marked field ``widget`` (the focus widget) belongs to: itself, or the widget it
    is the focus proxy of (a date input's line edit)."""
    if widget is None:
        return None
    if kiosk_input_of(widget):
        return widget
    parent = widget.parentWidget()
    if parent is not None and parent.focusProxy() is widget and kiosk_input_of(parent):
        return parent
    return None


def served_kind(field: QWidget | None) -> str:
    """The on-screen input ``field`` takes now: its mark, unless it cannot be typed in."""
    if field is None or not field.isEnabled():
        return ""
    if isinstance(field, (QLineEdit, QAbstractSpinBox)) and field.isReadOnly():
        return ""
    return kiosk_input_of(field)


class KioskInputPanel(QWidget):
    """Built in kiosk mode only, as ``home``'s last row (``home.add_input_panel``).

    ``shuffle_pin``: the keypad's digits change places each time a PIN field takes the
    focus (``keypad.shuffle_pin`` may be changed later); ``rng`` (tests) draws the places."""

    def __init__(
        self,
        home: MainWindow,
        *,
        shuffle_pin: bool = True,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("kioskInputPanel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.keypad = KioskKeypad(shuffle_pin, rng)
        self.keyboard = KioskKeyboard()
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addStretch(1)
        row.addWidget(self.keypad)
        row.addWidget(self.keyboard)
        row.addStretch(1)
        self.keypad.hide()
        self.keyboard.hide()
        self.hide()
        self._home = home
        self._home_layout: QBoxLayout = home.add_input_panel(self)
        self._host: QWidget | None = None  # the dialog the panel sits in, if any
        self._waiting = False  # for a button or finger to come up
        self._field: QWidget | None = None
        self._kind = ""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        hub().language_changed.connect(self._retranslate)
        self._retranslate()
        self._fit_style()

    @property
    def kind(self) -> str:
        """What the panel shows for: a mark of widgets/kiosk_input.py, or ``""``."""
        return self._kind

    @property
    def field(self) -> QWidget | None:
        """The field the panel types into now (``None`` while it shows nothing)."""
        return self._field

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is None:  # the window lost the focus (another window of the system)
            return
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._wait_for_release()
            return
        self.follow_focus()

    def _wait_for_release(self) -> None:
        if not self._waiting:
            self._waiting = True
            QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    @Slot()
    def follow_focus(self) -> None:
        """Show what the focused field takes (the focus moved, or a button came up)."""
        field = served_field(QApplication.focusWidget())
        kind = served_kind(field)
        if kind and field is not None and not self._sit_in(field.window()):
            kind = ""
        changed = field is not self._field
        self._field = field if kind else None
        self._kind = kind
        if kind in KEYPAD_KINDS and changed:
            self.keypad.arrange(pin=kind == PIN)
        if kind in KEYBOARD_KINDS and changed:
            self.keyboard.reset()
        self.keypad.setVisible(kind in KEYPAD_KINDS)
        self.keyboard.setVisible(kind in KEYBOARD_KINDS)
        self.setVisible(bool(kind))
        if kind:
            QTimer.singleShot(0, self, self._reveal_field)

    def _sit_in(self, window: QWidget) -> bool:
        """Move into ``window`` (the main window, or a dialog over it); ``False`` when it has
        no place for the panel."""
        if window is self._home:
            self._go_home()
            return True
        if window is self._host:
            return True
        layout = window.layout()
        if not isinstance(layout, QBoxLayout):
            return False
        self._leave_host()
        layout.addWidget(self)
        self._host = window
        window.installEventFilter(self)
        return True

    def _leave_host(self) -> None:
        if self._host is not None and shiboken6.isValid(self._host):
            self._host.removeEventFilter(self)
        self._host = None

    def _go_home(self) -> None:
        if self._host is None:
            return
        self._leave_host()
        self.hide()
        self._home_layout.addWidget(self)

    @Slot()
    def _reveal_field(self) -> None:
        """The panel took room from the screen: scroll the field back into sight."""
        field = self._field
        if field is None or not shiboken6.isValid(field):
            return
        parent = field.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                # With room under it too: the field's notice or error, and what follows.
                below = max(8, parent.viewport().height() // 3)
                parent.ensureWidgetVisible(field, 8, below)
                return
            parent = parent.parentWidget()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:  # 標準 → 大 …: larger digits
            self._fit_style()
        return super().event(event)

    def _fit_style(self) -> None:
        sheet = f"{PANEL_STYLE}\n{key_style(QApplication.font().pointSizeF())}"
        adopt(self, sheet)  # the theme's sheet too where the look is scoped to the roots

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._host and kind in _HOST_GONE:
            self._go_home()  # before the dialog and its children are gone
        elif self._waiting and kind in _RELEASES:
            self._waiting = False
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            QTimer.singleShot(0, self, self.follow_focus)  # once the click has been delivered
        return False

    @Slot()
    def _retranslate(self, _language: str = "") -> None:
        self.setAccessibleName(_("On-screen input"))
