"""The login screen has its own language switch: a member who chose English switches back
(or the other way) before signing in, live, and the choice is remembered like the settings
screen's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox

from desktop_app.testing import close_all, context_of


def test_the_login_screen_switches_language_live_and_remembers_it(drive, qtbot):
    d = drive(language="ja")
    assert d.find(QAbstractButton, "loginButton").text() == "ログイン"
    switch = d.find(QComboBox, "loginLanguageCombo")
    assert switch.isVisible()
    assert [switch.itemText(index) for index in range(switch.count())] == ["日本語", "English"]
    switch.setFocus()
    qtbot.keyClick(switch, Qt.Key.Key_Down)  # the member picks English with the keyboard
    assert d.find(QAbstractButton, "loginButton").text() == "Sign in"
    assert switch.currentText() == "English"
    assert switch.accessibleName() == "Language"
    settings = d.find(QComboBox, "languageCombo")
    assert settings.currentData() == "en"  # the settings screen shows the same choice
    close_all()  # the next start (no --lang) opens in the language chosen here
    again = drive(language=None)
    assert again.find(QAbstractButton, "loginButton").text() == "Sign in"
    assert again.find(QComboBox, "loginLanguageCombo").currentText() == "English"
    context_of(again.window).settings.set_language("ja")


def test_the_login_switch_follows_a_switch_made_elsewhere(drive):
    d = drive(language="en")
    switch = d.find(QComboBox, "loginLanguageCombo")
    assert switch.currentText() == "English"
    context_of(d.window).settings.set_language("ja")
    assert switch.currentText() == "日本語"
    assert switch.accessibleName() == "表示言語"


def test_the_login_switch_comes_after_the_sign_in_form_in_the_tab_chain(drive, qtbot):
    d = drive(language="ja")
    d.window.activateWindow()
    switch = d.find(QComboBox, "loginLanguageCombo")
    assert not switch.hasFocus()  # the first field, not the switch, is where a member starts
    last_link = d.find(QAbstractButton, "loginSettingsLink")
    last_link.setFocus()
    qtbot.waitUntil(last_link.hasFocus)
    assert last_link.nextInFocusChain() is switch
    qtbot.keyClick(last_link, Qt.Key.Key_Tab)
    qtbot.waitUntil(switch.hasFocus)
