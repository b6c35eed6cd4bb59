"""``kioskKeyboard``: the kiosk's on-screen half-width keyboard (Web-ID, password, email).

A US layout, so every half-width printable character a password may hold has a key:
letters ``keyboardKeyA`` … ``keyboardKeyZ``, digits ``keyboardKey0`` … ``keyboardKey9``,
symbols by the character they type without Shift (``keyboardKeyMinus`` types ``-``, with
Shift ``_``), and ``keyboardShift`` (checkable: upper case and the upper symbols until pressed
again), ``keyboardBackspace``, ``keyboardEnter``. There is no space key: no field it serves
takes a space. Keys press hardware keys on the focused field (widgets/kiosk_keys.py); the
keyboard shows nothing of what was typed (no preview of a key, ever)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from desktop_app.i18n import N_, _, hub
from desktop_app.views.widgets.kiosk_keys import (
    KeyButton,
    send_backspace,
    send_char,
    send_enter,
    touch_size,
)

# (without Shift, with Shift, the key's name after "keyboardKey"), row by row.
_LETTERS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
ROWS: tuple[tuple[tuple[str, str, str], ...], ...] = (
    (
        ("`", "~", "Grave"),
        *((d, s, d) for d, s in zip("1234567890", "!@#$%^&*()", strict=True)),
        ("-", "_", "Minus"),
        ("=", "+", "Equal"),
    ),
    (
        *((c, c.upper(), c.upper()) for c in _LETTERS[0]),
        ("[", "{", "BracketLeft"),
        ("]", "}", "BracketRight"),
        ("\\", "|", "Backslash"),
    ),
    (
        *((c, c.upper(), c.upper()) for c in _LETTERS[1]),
        (";", ":", "Semicolon"),
        ("'", '"', "Apostrophe"),
    ),
    (
        *((c, c.upper(), c.upper()) for c in _LETTERS[2]),
        (",", "<", "Comma"),
        (".", ">", "Period"),
        ("/", "?", "Slash"),
    ),
)

# What a screen reader says for a symbol (a bare "^" is read as nothing, or as anything).
SYMBOL_NAMES = {
    "`": N_("Grave accent"),
    "~": N_("Tilde"),
    "!": N_("Exclamation mark"),
    "@": N_("At sign"),
    "#": N_("Number sign"),
    "$": N_("Dollar sign"),
    "%": N_("Percent sign"),
    "^": N_("Caret"),
    "&": N_("Ampersand"),
    "*": N_("Asterisk"),
    "(": N_("Left parenthesis"),
    ")": N_("Right parenthesis"),
    "-": N_("Hyphen"),
    "_": N_("Underscore"),
    "=": N_("Equals sign"),
    "+": N_("Plus sign"),
    "[": N_("Left square bracket"),
    "]": N_("Right square bracket"),
    "{": N_("Left curly bracket"),
    "}": N_("Right curly bracket"),
    "\\": N_("Backslash"),
    "|": N_("Vertical bar"),
    ";": N_("Semicolon"),
    ":": N_("Colon"),
    "'": N_("Apostrophe"),
    '"': N_("Quotation mark"),
    ",": N_("Comma"),
    ".": N_("Full stop"),
    "<": N_("Less-than sign"),
    ">": N_("Greater-than sign"),
    "/": N_("Slash"),
    "?": N_("Question mark"),
}


def spoken(char: str) -> str:
    """A key's accessible name in the interface language."""
    if char in SYMBOL_NAMES:
        return _(SYMBOL_NAMES[char])
    if char.isupper():
        return _("Capital {letter}").format(letter=char)
    return char


class KioskKeyboard(QWidget):
    """The keys, in four rows; ``shifted`` says whether Shift is down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskKeyboard")
        self.keys: dict[str, KeyButton] = {}  # by the name after "keyboardKey"
        self._chars: dict[KeyButton, tuple[str, str]] = {}
        self.shift = KeyButton("keyboardShift")
        self.shift.setCheckable(True)
        self.shift.toggled.connect(self._show_case)
        self.backspace = KeyButton("keyboardBackspace")
        self.backspace.setAutoRepeat(True)
        self.backspace.clicked.connect(self._backspace_clicked)
        self.enter = KeyButton("keyboardEnter")
        self.enter.setProperty("role", "primary")
        self.enter.clicked.connect(self._enter_clicked)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        for index, row in enumerate(ROWS):
            line = QHBoxLayout()
            line.setSpacing(4)
            line.addStretch(1)
            if index == 3:
                line.addWidget(self.shift, 2)
            for plain, shifted, key_name in row:
                key = KeyButton(f"keyboardKey{key_name}")
                key.setMaximumWidth(2 * touch_size())
                key.clicked.connect(self._char_clicked)
                self.keys[key_name] = key
                self._chars[key] = (plain, shifted)
                line.addWidget(key, 2)
            if index == 0:
                line.addWidget(self.backspace, 3)
            if index == 2:
                line.addWidget(self.enter, 3)
            line.addStretch(1)
            column.addLayout(line)
        for wide in (self.shift, self.backspace, self.enter):
            wide.setMaximumWidth(4 * touch_size())
        hub().language_changed.connect(self._retranslate)
        self._retranslate()

    @property
    def shifted(self) -> bool:
        return self.shift.isChecked()

    def reset(self) -> None:
        """Shift up again (a field newly focused starts in lower case)."""
        self.shift.setChecked(False)

    def key_for(self, char: str) -> tuple[KeyButton, bool]:
        """The key that types ``char`` and whether Shift must be down (testers, demos)."""
        for key, (plain, shifted) in self._chars.items():
            if char in (plain, shifted):
                return key, char == shifted and char != plain
        raise KeyError(char)

    @Slot()
    def _char_clicked(self) -> None:
        key = self.sender()
        if isinstance(key, KeyButton):
            plain, shifted = self._chars[key]
            send_char(shifted if self.shifted else plain)

    @Slot()
    def _backspace_clicked(self) -> None:
        send_backspace()

    @Slot()
    def _enter_clicked(self) -> None:
        send_enter()

    @Slot(bool)
    def _show_case(self, _shifted: bool = False) -> None:
        for key, (plain, shifted) in self._chars.items():
            char = shifted if self.shifted else plain
            key.set_names(char.replace("&", "&&"), spoken(char))  # "&" marks a mnemonic

    @Slot()
    def _retranslate(self, _language: str = "") -> None:
        self.setAccessibleName(_("On-screen keyboard"))
        self.shift.set_names(_("Shift"), _("Shift"))
        self.backspace.set_names(_("Delete"), _("Delete one character"))
        self.enter.set_names(_("Enter"), _("Enter key"))
        self._show_case()
