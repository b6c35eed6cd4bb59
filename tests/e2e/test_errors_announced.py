"""A screen reader hears an error the moment it appears: the field it is about describes
itself with the error sentence (and with its hint again once the error is gone), and the error
label sends an announcement (desktop_app/views/binding.py ``bind_error``)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLineEdit

from desktop_app.testing import context_of

Event = QAccessible.Event


@pytest.fixture
def heard(monkeypatch) -> list[tuple[Event, str, str]]:
    """What assistive technology is told: (event type, object name, announced text)."""
    told: list[tuple[Event, str, str]] = []

    def spy(event) -> None:
        text = event.message() if isinstance(event, QAccessibleAnnouncementEvent) else ""
        told.append((event.type(), event.object().objectName(), text))

    monkeypatch.setattr(QAccessible, "updateAccessibility", spy)
    return told


def _description(field: QLineEdit) -> str:
    return QAccessible.queryAccessibleInterface(field).text(QAccessible.Text.Description)


def test_a_refused_sign_in_describes_the_fields_and_is_announced(drive, heard):
    d = drive(language="en")
    password = d.find(QLineEdit, "passwordInput")
    hint = _description(password)
    d.sign_in_web("yamada2026", "wrong-pass1")
    error = d.visible_text("loginError")
    assert error
    assert _description(d.find(QLineEdit, "webIdInput")) == error
    assert _description(password) == error
    assert (Event.DescriptionChanged, "passwordInput", "") in heard
    assert (Event.Alert, "loginError", "") in heard
    assert (Event.Announcement, "loginError", error) in heard
    d.sign_in_web("yamada2026", "Taro2026pass")  # the error clears: the hint is back
    assert d.screen() == "homeScreen"
    assert _description(password) == hint


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_bad_amount_describes_the_amount_field_and_is_announced(drive, heard, language):
    d = drive(language=language)
    d.sign_in_web("yamada2026", "Taro2026pass")
    context_of(d.window).navigator.go("borrow")
    amount = d.find(QLineEdit, "borrowAmountInput")
    hint = _description(amount)
    assert hint  # what the field expects (the store's rules)
    heard.clear()
    d.type("borrowAmountInput", "1234")
    error = d.visible_text("borrowAmountError")
    assert error
    assert _description(amount) == error
    assert (Event.DescriptionChanged, "borrowAmountInput", "") in heard
    assert (Event.Announcement, "borrowAmountError", error) in heard
    d.type("borrowAmountInput", "10000")
    assert d.visible_text("borrowAmountError") == ""
    assert _description(amount) == hint
