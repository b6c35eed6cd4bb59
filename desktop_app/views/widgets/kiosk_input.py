"""Which on-screen input a field takes at a branch kiosk, declared where the field is made.

A view marks its field once (``kiosk_input(edit, DIGITS)``); the kiosk's input panel reads the
mark of the focused widget and shows the numeric keypad (``DIGITS``, ``PIN``) or the half-width
keyboard (``TEXT``, ``SECRET``). Outside kiosk mode the mark is read by nobody."""

from __future__ import annotations

from typing import Final, TypeVar

from PySide6.QtWidgets import QWidget

PROPERTY: Final = "kioskInput"
DIGITS: Final = "digits"  # card and member numbers, amounts, codes, postal codes, phones
PIN: Final = "pin"  # digits whose keys may be shuffled (shoulder surfing)
TEXT: Final = "text"  # Web-ID, email: the half-width keyboard
SECRET: Final = "secret"  # passwords: the keyboard, and nothing of them shown anywhere
KINDS: Final = (DIGITS, PIN, TEXT, SECRET)
KEYPAD_KINDS: Final = (DIGITS, PIN)
KEYBOARD_KINDS: Final = (TEXT, SECRET)

W = TypeVar("W", bound=QWidget)


def kiosk_input(widget: W, kind: str) -> W:
    """Mark ``widget`` as typed on the kiosk's keypad or keyboard (one of ``KINDS``)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kiosk input kind {kind!r}")
    widget.setProperty(PROPERTY, kind)
    return widget


def kiosk_input_of(widget: QWidget | None) -> str:
    """The kind ``widget`` was marked with, or ``""``."""
    if widget is None:
        return ""
    kind = widget.property(PROPERTY)
    return kind if isinstance(kind, str) else ""
