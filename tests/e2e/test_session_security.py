"""Sign-in comforts and safeguards: remembered Web-ID, Caps Lock, the idle timeout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QDialog, QLabel, QLineEdit

from desktop_app.host import ENTRY, SERVICE
from desktop_app.testing import close_all, context_of, wait_until_idle


def test_remember_my_web_id_uses_the_keychain_and_never_the_password(drive, memory_keyring):
    d = drive()
    check = d.find(QCheckBox, "rememberWebIdCheck")
    assert check.isEnabled() and not check.isChecked()
    check.setChecked(True)
    d.sign_in_web("yamada2026", "Taro2026pass")
    wait_until_idle(d.window)
    assert memory_keyring == {(SERVICE, ENTRY): "yamada2026"}
    d.click("logoutButton")
    close_all()

    d = drive()  # the next start fills the Web-ID in
    assert d.find(QLineEdit, "webIdInput").text() == "yamada2026"
    assert d.find(QCheckBox, "rememberWebIdCheck").isChecked()
    d.find(QCheckBox, "rememberWebIdCheck").setChecked(False)
    d.sign_in_web("yamada2026", "Taro2026pass")
    wait_until_idle(d.window)
    assert memory_keyring == {}
    assert "Taro2026pass" not in str(memory_keyring)


def test_without_a_working_keychain_the_box_is_disabled_and_says_why(drive):
    d = drive()  # tests run with keyring's "fail" backend unless they install one
    check = d.find(QCheckBox, "rememberWebIdCheck")
    assert not check.isEnabled()
    assert "キーチェーン" in check.toolTip()
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "homeScreen"


def test_caps_lock_hint_from_key_presses(drive, qtbot):
    d = drive()
    password = d.find(QLineEdit, "passwordInput")
    hint = d.find(QLabel, "capsLockHint")
    password.setFocus()
    qtbot.keyClicks(password, "T")  # a capital without Shift: Caps Lock is on
    assert hint.isVisible() and "Caps Lock" in hint.text()
    qtbot.keyClick(
        password,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClicks(password, "a")  # a small letter without Shift: off again
    assert not hint.isVisible()


def test_idle_timeout_warns_counts_down_and_signs_out(drive, qtbot):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    idle = context_of(d.window).idle
    idle.configure(idle_seconds=1, warning_seconds=2)

    def warning_dialog():
        dialog = d.window.findChild(QDialog, "idleWarningDialog")
        return dialog if dialog is not None and dialog.isVisible() else None

    qtbot.waitUntil(lambda: warning_dialog() is not None, timeout=5000)
    countdown = warning_dialog().findChild(QLabel, "idleCountdownLabel").text()
    assert "2秒後" in countdown or "2 seconds" in countdown
    warning_dialog().findChild(QAbstractButton, "idleStayButton").click()
    assert warning_dialog() is None
    assert d.screen() == "homeScreen"

    qtbot.waitUntil(lambda: warning_dialog() is not None, timeout=5000)
    qtbot.waitUntil(lambda: d.screen() == "loginScreen", timeout=5000)
    assert warning_dialog() is None
    assert "一定時間操作がなかったため" in d.visible_text("messageBanner")
    assert d.find(QLineEdit, "passwordInput").text() == ""
