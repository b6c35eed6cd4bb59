"""Input feedback that matches the field (issue 10, point 3), typed with real key presses:
a converted value is shown converted the moment the notice says so, amounts read 10,000 once
left, a secret's character is never echoed, and a command waits, disabled and saying why,
until its input is valid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDateEdit, QLabel, QLineEdit, QTabWidget

from desktop_app.testing import wait_until_idle

from .conftest import click, find, shown, type_keys

CONVERTED = "全角数字を半角に変換しました。"


def field(window, name: str) -> QLineEdit:
    edit = find(window, QLineEdit, name)
    edit.setFocus()
    return edit


def sign_in(qtbot, window) -> None:
    type_keys(qtbot, field(window, "webIdInput"), "yamada2026")
    type_keys(qtbot, field(window, "passwordInput"), "Taro2026pass")
    click(qtbot, window, "loginButton")
    assert window.findChild(QAbstractButton, "navHome").isVisible()


# -- a converted value is shown converted ------------------------------------------------


def test_register_code_digits_are_half_width_while_the_notice_shows(launch, qtbot):
    window = launch()
    click(qtbot, window, "registerWebIdLink")
    number = field(window, "registerMemberNumberInput")
    type_keys(qtbot, number, "１２")
    assert shown(window, "registerMemberNumberNotice") == CONVERTED
    assert number.text() == "12"  # never 「１２」 under the notice
    # Typing goes on where the cursor is: the conversion does not throw it to the end.
    qtbot.keyClick(number, Qt.Key.Key_Left)
    type_keys(qtbot, number, "３")
    assert (number.text(), number.cursorPosition()) == ("132", 2)


def test_the_login_card_number_is_half_width_while_the_notice_shows(launch, qtbot):
    window = launch()
    find(window, QTabWidget, "loginMethodTabs").setCurrentIndex(1)
    card = field(window, "cardNumberInput")
    type_keys(qtbot, card, "４０００１２３４")
    assert shown(window, "widthNotice") == CONVERTED
    assert card.text() == "40001234"


def test_a_notice_of_removed_hyphens_waits_until_they_are_removed(launch, qtbot):
    window = launch()
    click(qtbot, window, "registerWebIdLink")
    number = field(window, "registerMemberNumberInput")
    type_keys(qtbot, number, "100-000-001")
    assert shown(window, "registerMemberNumberNotice") == ""  # the hyphens are still there
    qtbot.keyClick(number, Qt.Key.Key_Tab)
    assert number.text() == "100000001"
    assert shown(window, "registerMemberNumberNotice") == "ハイフンと空白を取り除きました。"


# -- amounts read 10,000 once left -------------------------------------------------------


def test_the_borrow_amount_reads_10000_after_tab(launch, qtbot):
    window = launch()
    sign_in(qtbot, window)
    click(qtbot, window, "navBorrow")
    amount = field(window, "borrowAmountInput")
    type_keys(qtbot, amount, "１0000")
    assert amount.text() == "10000"
    qtbot.keyClick(amount, Qt.Key.Key_Tab)
    assert amount.text() == "10,000"
    assert not amount.hasFocus()
    assert find(window, QAbstractButton, "borrowConfirmButton").isEnabled()


def test_the_limit_and_simulator_amounts_are_grouped_when_left(launch, qtbot):
    window = launch()
    sign_in(qtbot, window)
    click(qtbot, window, "homeLimitButton")
    income = field(window, "incomeInput")
    type_keys(qtbot, income, "６００万")
    qtbot.keyClick(income, Qt.Key.Key_Tab)
    assert income.text() == "6,000,000"
    click(qtbot, window, "navSimulator")
    principal = field(window, "simPrincipalInput")
    principal.selectAll()
    type_keys(qtbot, principal, "３0000")
    qtbot.keyClick(principal, Qt.Key.Key_Tab)
    assert principal.text() == "30,000"


# -- a secret is never echoed -------------------------------------------------------------


def test_the_password_error_gives_the_position_never_the_character(launch, qtbot):
    window = launch()
    type_keys(qtbot, field(window, "webIdInput"), "yamada2026")
    type_keys(qtbot, field(window, "passwordInput"), "Taroｘ")
    error = shown(window, "loginError")
    assert error == "5文字目に全角文字があります。半角で入力してください。"
    assert "ｘ" not in error


def test_the_pin_is_refused_by_position_not_converted(launch, qtbot):
    window = launch()
    find(window, QTabWidget, "loginMethodTabs").setCurrentIndex(1)
    type_keys(qtbot, field(window, "cardNumberInput"), "4000123412341234")
    pin = field(window, "pinInput")
    type_keys(qtbot, pin, "12３")
    assert pin.text() == "12３"  # a secret is never changed behind the member's back
    assert shown(window, "loginError") == "3文字目に全角文字があります。半角で入力してください。"
    assert not find(window, QAbstractButton, "loginButton").isEnabled()


def test_the_reset_password_error_gives_the_position_only(launch, qtbot):
    window = launch(language="en")
    click(qtbot, window, "forgotPasswordLink")
    type_keys(qtbot, field(window, "resetIdInput"), "yamada2026")
    birth = find(window, QDateEdit, "resetBirthDateInput")
    birth.setFocus()
    type_keys(qtbot, birth, "19850412")
    qtbot.keyClick(birth, Qt.Key.Key_Tab)
    click(qtbot, window, "resetSendCodeButton")  # the second step opens, whoever it is
    type_keys(qtbot, field(window, "resetNewPasswordInput"), "Taro２")
    error = shown(window, "resetNewPasswordError")
    assert error == "Character 5 is full-width. Please use half-width characters."
    assert "２" not in error


# -- a command waits, disabled and saying why --------------------------------------------


def test_sign_in_is_disabled_with_the_reason_until_the_inputs_are_valid(launch, qtbot):
    window = launch()
    button = find(window, QAbstractButton, "loginButton")
    assert not button.isEnabled()
    assert shown(window, "loginButtonHint") == "Web-IDとパスワードを入力してください。"
    type_keys(qtbot, field(window, "webIdInput"), "yamada2026")
    password = field(window, "passwordInput")
    type_keys(qtbot, password, "Taro")
    assert not button.isEnabled()
    assert shown(window, "loginButtonHint") == "パスワード：8～20文字で入力してください。"
    qtbot.keyClick(password, Qt.Key.Key_Return)  # Enter on a wrong input sends nothing
    wait_until_idle(window)
    assert find(window, QLabel, "loginButtonHint").isVisible()
    type_keys(qtbot, password, "2026pass")
    assert button.isEnabled()
    assert shown(window, "loginButtonHint") == ""


def test_the_register_buttons_wait_for_valid_details_and_say_why(launch, qtbot):
    window = launch()
    click(qtbot, window, "registerWebIdLink")
    send = find(window, QAbstractButton, "registerSendCodeButton")
    assert not send.isEnabled()
    assert "会員番号" in shown(window, "registerSendCodeHint")
    type_keys(qtbot, field(window, "registerMemberNumberInput"), "1000")
    type_keys(qtbot, field(window, "registerEmailInput"), "taro@example.jp")
    assert not send.isEnabled()
    assert shown(window, "registerSendCodeHint") == "会員番号：9桁の数字を入力してください。"
    type_keys(qtbot, field(window, "registerMemberNumberInput"), "00001")
    assert send.isEnabled()
    assert shown(window, "registerSendCodeHint") == ""
