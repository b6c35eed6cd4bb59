"""The kiosk's on-screen keypad and keyboard through the harness, on a real SQLite store, with
real clicks on the keys (``qtbot.mouseClick``): a visitor who signs in with the card and PIN
by touch only, amounts typed on the keypad and grouped as typed ones are, the keys that never
take the focus, the PIN's shuffled keys, the keyboard's Shift, the one-time code dialog, and
neither widget outside kiosk mode."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.kiosk_file import KioskFile
from desktop_app.testing import context_of, sent_messages, wait_until_idle
from desktop_app.views.kiosk_keyboard import KioskKeyboard
from desktop_app.views.kiosk_keypad import PLACES, STANDARD, KioskKeypad
from desktop_app.views.kiosk_panel import KioskInputPanel

CARD, PIN = "4000123412341234", "1234"  # 山田 (DOMAIN.md §8)
LEFT = Qt.MouseButton.LeftButton
TELEPHONE = dict(zip(STANDARD, PLACES, strict=True))


def _panel(d) -> KioskInputPanel:
    panel = d.window.findChild(KioskInputPanel, "kioskInputPanel")
    assert panel is not None
    return panel


def _touch(d, widget: QWidget) -> None:
    """A finger on a field: it takes the focus, the panel follows once the finger is up."""
    d.qtbot.mouseClick(widget, LEFT)
    d.qtbot.waitUntil(widget.hasFocus)
    d.qtbot.waitUntil(lambda: _panel(d).field is widget)


def _key(d, name: str) -> QPushButton:
    key = d.window.findChild(QPushButton, name)
    assert key is not None, name
    return key


def _tap(d, *names: str) -> None:
    for name in names:
        key = _key(d, name)
        assert key.isVisible(), f"{name} is not shown"
        d.qtbot.mouseClick(key, LEFT)


def _tap_digits(d, digits: str) -> None:
    _tap(d, *(f"keypadKey{digit}" for digit in digits))


def _tap_text(d, text: str) -> None:
    """Type ``text`` on the on-screen keyboard, pressing Shift where a character needs it."""
    keyboard = _panel(d).keyboard
    for char in text:
        key, shifted = keyboard.key_for(char)
        if shifted != keyboard.shifted:
            _tap(d, "keyboardShift")
        d.qtbot.mouseClick(key, LEFT)


def _card_tab(d) -> QLineEdit:
    d.find(QWidget, "loginMethodTabs").setCurrentIndex(1)
    card = d.find(QLineEdit, "cardNumberInput")
    _touch(d, card)
    return card


def test_the_card_number_and_pin_entered_only_with_keypad_keys_sign_in(drive):
    d = drive(kiosk=True)
    card = _card_tab(d)
    assert _panel(d).kind == "digits" and d.find(KioskKeypad, "kioskKeypad").isVisible()
    _tap_digits(d, CARD)
    assert card.text() == CARD and card.hasFocus()
    pin = d.find(QLineEdit, "pinInput")
    _touch(d, pin)
    assert _panel(d).kind == "pin"
    _tap_digits(d, PIN)  # by the digit's name, wherever its key sits now
    assert pin.text() == PIN and pin.hasFocus()
    d.click("loginButton")
    assert d.screen() == "homeScreen"
    assert d.text("memberNameLabel").startswith("山田")
    d.qtbot.waitUntil(lambda: not _panel(d).isVisible())  # no field: nothing shown


def test_the_keypad_types_an_amount_that_is_grouped_as_a_typed_one(drive):
    d = drive(kiosk=True)
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")
    amount = d.find(QLineEdit, "borrowAmountInput")
    _touch(d, amount)
    assert _panel(d).kind == "digits"
    _tap_digits(d, "30000")
    assert amount.text() == "30000" and amount.hasFocus()
    assert not d.find(QLabel, "borrowAmountError").isVisible()
    assert d.find(QAbstractButton, "borrowConfirmButton").isEnabled()
    combo = d.find(QWidget, "borrowDestinationCombo")
    combo.setFocus(Qt.FocusReason.TabFocusReason)  # the member moves on
    d.qtbot.waitUntil(lambda: amount.text() == "30,000")  # grouped once left, as typed
    assert _panel(d).kind == "" and not _panel(d).isVisible()


def test_backspace_and_clear_edit_the_focused_field(drive):
    d = drive(kiosk=True)
    card = _card_tab(d)
    _tap_digits(d, "4000")
    _tap(d, "keypadBackspace")
    assert card.text() == "400"
    card.setCursorPosition(1)  # the member put the cursor after the 4
    _tap(d, "keypadBackspace")
    assert card.text() == "00"
    _tap(d, "keypadClear")
    assert card.text() == ""
    _tap_digits(d, "12")
    assert card.text() == "12"


def test_no_key_takes_the_focus(drive):
    d = drive(kiosk=True)
    panel = _panel(d)
    keys = panel.findChildren(QPushButton)
    assert len(keys) >= 13 + 47 + 3
    assert all(key.focusPolicy() == Qt.FocusPolicy.NoFocus for key in keys)
    card = _card_tab(d)
    for name in ("keypadKey5", "keypadClear", "keypadBackspace", "keypadKey1"):
        _tap(d, name)
        assert QApplication.focusWidget() is card
    d.qtbot.mouseClick(panel, LEFT, pos=QPoint(2, 2))  # beside the keys
    assert QApplication.focusWidget() is card and card.text() == "1"


def test_the_pin_keys_change_places_but_keep_their_digits(drive):
    d = drive(kiosk=True)
    keypad = d.find(KioskKeypad, "kioskKeypad")
    card = _card_tab(d)
    assert keypad.positions() == TELEPHONE  # a card number: the telephone layout
    pin = d.find(QLineEdit, "pinInput")
    layouts = []
    for _visit in range(3):  # reshuffled every time the PIN field takes the focus
        _touch(d, pin)
        layouts.append(keypad.positions())
        assert sorted(layouts[-1].values()) == sorted(PLACES)  # every place, once
        _tap(d, "keypadKey7")
        assert pin.text().endswith("7")
        _touch(d, card)
        assert keypad.positions() == TELEPHONE
    assert all(layout != TELEPHONE for layout in layouts)
    assert layouts[0] != layouts[1] != layouts[2]
    keypad.shuffle_pin = False  # the kiosk's preference (kiosk_shuffle_pin=false)
    _touch(d, pin)
    assert keypad.positions() == TELEPHONE


def test_the_keyboard_types_the_web_id_and_password_with_shift(drive):
    d = drive(kiosk=True)
    web_id = d.find(QLineEdit, "webIdInput")
    _touch(d, web_id)
    assert _panel(d).kind == "text"
    keyboard = d.find(KioskKeyboard, "kioskKeyboard")
    assert keyboard.isVisible() and not d.find(KioskKeypad, "kioskKeypad").isVisible()
    _tap(d, "keyboardKeyY", "keyboardShift", "keyboardKeyA", "keyboardKey2")
    assert web_id.text() == "yA@"  # Shift: the capital and the upper symbol
    assert _key(d, "keyboardKeyA").text() == "A" and _key(d, "keyboardKey2").text() == "@"
    _tap(d, "keyboardShift", "keyboardKeyA", "keyboardKey2")
    assert web_id.text() == "yA@a2"
    _tap(d, "keyboardBackspace", "keyboardBackspace", "keyboardBackspace", "keyboardBackspace")
    _tap(d, "keyboardBackspace")
    assert web_id.text() == ""
    _tap_text(d, "yamada2026")
    password = d.find(QLineEdit, "passwordInput")
    _touch(d, password)
    assert _panel(d).kind == "secret" and not keyboard.shifted  # a new field: lower case
    _tap_text(d, "Taro2026pass")
    assert password.text() == "Taro2026pass"
    # Shift held for the capital, as on a hardware keyboard: no Caps Lock warning.
    assert not d.find(QLabel, "capsLockHint").isVisible()
    assert d.visible_text("loginError") == ""
    _tap(d, "keyboardEnter")  # Enter signs in, as the hardware key does
    wait_until_idle(d.window)
    assert d.screen() == "homeScreen"


def test_the_keypad_moves_into_the_code_dialog_and_back(drive):
    d = drive(kiosk=True)
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navProfile")
    d.click("changeEmailButton")
    email = d.find(QLineEdit, "emailChangeInput")
    _touch(d, email)
    assert _panel(d).kind == "text"
    _tap_text(d, "taro.new@example.jp")
    d.click("emailSubmitButton")
    dialog = d.window.findChild(QDialog, "otpDialog")
    assert dialog is not None and dialog.isVisible()
    code_field = dialog.findChild(QLineEdit, "otpCodeInput")
    d.qtbot.waitUntil(code_field.hasFocus)
    d.qtbot.waitUntil(lambda: _panel(d).window() is dialog and _panel(d).kind == "digits")
    newest = sent_messages(d.window)[0].body
    code = re.search(r"(?<!\d)\d{4}(?!\d)", newest).group()  # type: ignore[union-attr]
    _tap_digits(d, code)
    assert code_field.text() == code
    _tap(d, "keypadEnter")
    wait_until_idle(d.window)
    d.qtbot.waitUntil(lambda: d.window.findChild(QDialog, "otpDialog") is None)
    assert d.screen() == "profileScreen"
    assert d.text("profileEmailLabel") == "taro.new@example.jp"
    assert _panel(d).window() is d.window  # back under the screens, in one piece
    d.click("logoutButton")
    d.qtbot.waitUntil(lambda: d.find(QLineEdit, "webIdInput").hasFocus())
    d.qtbot.waitUntil(lambda: _panel(d).kind == "text")


def test_a_birth_date_is_typed_on_the_keypad(drive):
    d = drive(kiosk=True)
    d.click("forgotPasswordLink")
    d.qtbot.waitUntil(d.find(QLineEdit, "resetIdInput").hasFocus)  # the screen's first field
    QApplication.processEvents()  # the window's own focus on the new screen, once laid out
    assert _panel(d).kind == "text"
    birth = d.find(QDateEdit, "resetBirthDateInput")
    _touch(d, birth)
    assert _panel(d).kind == "digits"
    _tap_digits(d, "19850412")
    _tap(d, "keypadEnter")  # taken on Enter, as typed
    d.qtbot.waitUntil(lambda: birth.date() == QDate(1985, 4, 12))
    assert birth.hasFocus()


def test_neither_widget_exists_outside_kiosk_mode(drive):
    d = drive()
    for name in ("kioskInputPanel", "kioskKeypad", "kioskKeyboard", "keypadKey0"):
        assert d.window.findChild(QWidget, name) is None
    assert context_of(d.window).kiosk_input is None


def _names(panel: KioskInputPanel) -> dict[str, str]:
    return {key.objectName(): key.accessibleName() for key in panel.findChildren(QPushButton)}


def test_every_key_has_an_accessible_name_in_both_languages(drive):
    d = drive(kiosk=True)
    panel = _panel(d)
    japanese = _names(panel)
    assert all(japanese.values()), [key for key, name in japanese.items() if not name]
    assert japanese["keypadBackspace"] == "1文字削除"
    assert japanese["keyboardShift"] == "シフト"
    assert japanese["keyboardKeyMinus"] == "ハイフン"
    assert japanese["keypadKey7"] == "7"
    context_of(d.window).settings.set_language("en")
    english = _names(panel)
    assert all(english.values())
    assert english["keypadBackspace"] == "Delete one character"
    assert english["keyboardShift"] == "Shift"
    assert english["keyboardKeyMinus"] == "Hyphen"
    words = [
        name for name in japanese if not re.fullmatch(r"keyboardKey[A-Z0-9]|keypadKey\d", name)
    ]
    assert all(japanese[name] != english[name] for name in words)  # translated, not left over
    for shifted in (False, True):
        if panel.keyboard.shifted != shifted:
            panel.keyboard.shift.click()
        names = [key.accessibleName() for key in panel.keyboard.keys.values()]
        assert len(set(names)) == len(names)  # no two keys sound alike
    assert _key(d, "keyboardKeyA").accessibleName() == "Capital A"


def test_staff_type_their_pin_on_the_shuffled_keypad(drive):
    """Staff at the counter have no keyboard either: the staff PIN takes the keypad, its
    digits shuffled as for a member's PIN, and the right PIN closes the kiosk."""
    KioskFile().set_pin("2468")
    d = drive(kiosk=True)
    closed: list[bool] = []
    d.window.closing.connect(lambda: closed.append(True))
    d.click("staffExitButton")
    dialog = d.window.findChild(QDialog, "staffPinDialog")
    field = dialog.findChild(QLineEdit, "staffPinInput")
    _touch(d, field)
    assert _panel(d).kind == "pin"
    assert _panel(d).window() is dialog
    _tap_digits(d, "2468")
    assert field.text() == "2468"
    _tap(d, "keypadEnter")
    d.qtbot.waitUntil(lambda: bool(closed))
