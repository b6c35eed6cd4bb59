"""The kiosk's staff exit: ``staffExitButton`` → ``staffPinDialog``. The right staff PIN
signs any member out, wipes and closes the client; 3 wrong PINs lock the exit for 5 minutes
(by the client's clock, across a restart); without a configured PIN the dialog says so."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QLineEdit

from desktop_app.kiosk_file import KioskFile, kiosk_file_path
from desktop_app.testing import advance_clock, context_of
from tests.e2e.traces import stored_sessions
from tests.views.fit_checks import misfits

PIN = "2468"


def _open_dialog(d) -> QDialog:
    d.click("staffExitButton")
    dialog = d.window.findChild(QDialog, "staffPinDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def _enter(d, pin: str) -> bool:
    """Type ``pin`` and press Enter; whether the client closed."""
    runner, closed = context_of(d.window).runner, []
    d.window.closing.connect(lambda: closed.append(True))
    field = d.find(QLineEdit, "staffPinInput")
    field.setFocus()
    d.qtbot.keyClicks(field, pin)
    d.qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter submits
    d.qtbot.waitUntil(lambda: bool(closed) or runner.is_idle())
    return bool(closed)


def test_only_a_kiosk_has_a_staff_exit(drive):
    pc = drive()
    assert pc.window.findChild(QAbstractButton, "staffExitButton") is None
    kiosk = drive(kiosk=True)
    button = kiosk.find(QAbstractButton, "staffExitButton")
    assert button.isVisible()
    assert button.accessibleName() == "係員用の終了"


def test_without_a_staff_pin_the_kiosk_cannot_be_left(drive):
    d = drive(kiosk=True)
    _open_dialog(d)
    assert "--set-staff-pin" in d.visible_text("staffPinError")
    assert not d.find(QLineEdit, "staffPinInput").isEnabled()
    assert not d.find(QAbstractButton, "staffPinSubmitButton").isEnabled()
    assert d.window.isVisible()


def test_the_pin_is_asked_without_echo_and_digits_only(drive):
    KioskFile().set_pin(PIN)
    d = drive(kiosk=True)
    _open_dialog(d)
    field = d.find(QLineEdit, "staffPinInput")
    assert field.echoMode() is QLineEdit.EchoMode.Password
    field.setFocus()
    d.qtbot.keyClicks(field, "12ab3")
    assert field.text() == "123"
    field.insert("４")  # full-width: not a digit the PIN may hold
    assert field.text() == "123"
    assert not d.find(QAbstractButton, "staffPinSubmitButton").isEnabled()  # 4 digits at least


def test_three_wrong_pins_lock_the_exit_for_five_minutes_across_a_restart(drive):
    KioskFile().set_pin(PIN)
    d = drive(kiosk=True)
    _open_dialog(d)
    _enter(d, "1111")
    assert "残り2回" in d.visible_text("staffPinError")
    assert d.find(QLineEdit, "staffPinInput").text() == ""  # the PIN does not stay typed
    _enter(d, "2222")
    assert "残り1回" in d.visible_text("staffPinError")
    _enter(d, "3333")
    assert "10:05までロック" in d.visible_text("staffPinError")
    assert not _enter(d, PIN)  # even the right PIN: locked
    d.window.close()

    again = drive(kiosk=True)  # a restart: the lock is in the kiosk file
    _open_dialog(again)
    assert "ロック" in again.visible_text("staffPinError")
    assert not again.find(QAbstractButton, "staffPinSubmitButton").isEnabled()
    again.window.findChild(QDialog, "staffPinDialog").reject()

    advance_clock(again.window, minutes=6)  # (the restart began at --now again)
    _open_dialog(again)
    assert again.visible_text("staffPinError") == ""
    assert _enter(again, PIN)  # left kiosk mode: the client closed


def test_the_right_pin_signs_the_member_out_and_closes(drive, caplog, store_url):
    caplog.set_level(logging.DEBUG)
    KioskFile().set_pin(PIN)
    d = drive(kiosk=True)
    context = context_of(d.window)
    d.sign_in_web("yamada2026", "Taro2026pass")
    token = context.app_vm.token
    assert stored_sessions(store_url, token) == 1
    _open_dialog(d)
    assert _enter(d, PIN)
    assert stored_sessions(store_url, token) == 0  # ended in the store before closing
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "kiosk mode left by staff" in logged
    assert PIN not in logged
    assert PIN not in kiosk_file_path().read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_staff_dialog_shows_every_sentence_whole_at_the_largest_size(drive, language):
    """At 最大 in 800×600 the dialog grows with its sentences: none is squeezed under the next
    widget (it was, when the sentence of a kiosk without a PIN arrived)."""
    d = drive(kiosk=True, language=language)
    context_of(d.window).settings.set_font_size("xxlarge")
    d.window.resize(800, 600)
    dialog = _open_dialog(d)
    d.qtbot.wait(50)  # the refit after the sentence arrived
    assert d.visible_text("staffPinError")
    assert misfits(d.window) == []
    assert dialog.width() <= 800
