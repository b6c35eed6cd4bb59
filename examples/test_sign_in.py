"""Example 1: sign in with a Web-ID and with a card, the way a member does.

Run it:  QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest examples/test_sign_in.py -v
The demo members are in docs/ui-automation.md ("Getting started"); 山田 太郎 is the one here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTabWidget, QWidget

from desktop_app.testing import wait_until_idle


def test_sign_in_with_a_web_id(start, qtbot):
    # launch_app (through the `start` fixture) returns the shown main window; every screen
    # is already built, so every object name can be found at once.
    window = start()
    stack = window.findChild(QWidget, "screenStack")
    assert stack.currentWidget().objectName() == "loginScreen"

    # Tab 0 is the Web-ID, tab 1 the card. Type as a member would (real keystrokes) ...
    window.findChild(QTabWidget, "loginMethodTabs").setCurrentIndex(0)
    qtbot.keyClicks(window.findChild(QLineEdit, "webIdInput"), "yamada2026")
    # ... or fill a field with setText(): it counts as typing, exactly.
    window.findChild(QLineEdit, "passwordInput").setText("Taro2026pass")

    login = window.findChild(QPushButton, "loginButton")
    assert login.isEnabled()  # enabled only while both inputs are valid
    qtbot.mouseClick(login, Qt.MouseButton.LeftButton)
    # Signing in runs in the background (the store hashes the password): wait for it.
    wait_until_idle(window)

    assert stack.currentWidget().objectName() == "homeScreen"
    assert window.findChild(QLabel, "memberNameLabel").text() == "山田 太郎 様"


def test_sign_in_with_a_card_and_pin(start, ui):
    u = ui(start())  # the conftest's helpers: find, type, click, text, screen …
    u.find(QTabWidget, "loginMethodTabs").setCurrentIndex(1)
    u.type("cardNumberInput", "4000123412341234")
    u.type("pinInput", "1234")
    u.click("loginButton")  # click() waits for the store itself
    assert u.screen() == "homeScreen"
    assert u.text("memberNumberLabel") != ""


def test_a_wrong_password_is_refused_on_the_sign_in_screen(start, ui):
    u = ui(start())
    u.sign_in("yamada2026", "Wrong2026pass")
    assert u.screen() == "loginScreen"
    assert u.text("loginError") != ""  # the reason, in the interface language
    # What the member typed stays, so they can correct it.
    assert u.find(QLineEdit, "webIdInput").text() == "yamada2026"


def test_the_same_steps_in_english(start, ui):
    u = ui(start(language="en"))  # or switch live with loginLanguageCombo
    u.sign_in()
    assert u.text("memberNameLabel") == "山田 太郎"  # the name as registered, without 様
    assert u.text("availableLabel") == "¥380,000"  # English amounts: ¥ before the figure
