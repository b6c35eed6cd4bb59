"""Register / reset, the idle warning and the repay radios as a member meets them (issue 10,
screenshot review): after the code is sent the member types it at once and sending again is a
secondary button; every disabled 確定する says why, in a short sentence; both steps share one
caption column; the idle warning counts down live and offers ログアウトする; a radio button's
focus ring frames its text, not the whole row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QRadioButton, QWidget

from desktop_app.testing import context_of, wait_until_idle

from .conftest import click, find, focus, shown, type_keys


def screen(window) -> str:
    return find(window, QWidget, "screenStack").currentWidget().objectName()


def sign_in(qtbot, window) -> None:
    type_keys(qtbot, focus(qtbot, find(window, QLineEdit, "webIdInput")), "yamada2026")
    password = focus(qtbot, find(window, QLineEdit, "passwordInput"))
    type_keys(qtbot, password, "Taro2026pass")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    wait_until_idle(window)
    assert screen(window) == "homeScreen"


def x_of(window, name: str) -> int:
    edit = find(window, QLineEdit, name)
    return edit.mapTo(window, edit.rect().topLeft()).x()


def test_after_the_code_is_sent_the_member_types_it_and_resending_is_secondary(launch, qtbot):
    window = launch()
    click(qtbot, window, "registerWebIdLink")
    number = focus(qtbot, find(window, QLineEdit, "registerMemberNumberInput"))
    type_keys(qtbot, number, "100000006")
    email = focus(qtbot, find(window, QLineEdit, "registerEmailInput"))
    type_keys(qtbot, email, "ito@example.jp")
    send = find(window, QAbstractButton, "registerSendCodeButton")
    assert send.property("role") == "primary"
    focus(qtbot, find(window, QLineEdit, "registerMemberNumberInput"))
    click(qtbot, window, "registerSendCodeButton")
    code = find(window, QLineEdit, "registerCodeInput")
    qtbot.waitUntil(code.hasFocus)
    type_keys(qtbot, code, "1")  # typed where the focus is: the code field
    assert code.text() == "1"
    assert send.text() == "確認コードを再送信する"
    assert send.property("role") != "primary"
    assert find(window, QAbstractButton, "registerSubmitButton").property("role") == "primary"


def test_a_missing_input_is_named_alone_in_a_short_sentence(launch, qtbot):
    window = launch()
    click(qtbot, window, "registerWebIdLink")
    assert shown(window, "registerSendCodeHint") == "会員番号を入力してください。"
    number = focus(qtbot, find(window, QLineEdit, "registerMemberNumberInput"))
    type_keys(qtbot, number, "100000006")
    assert shown(window, "registerSendCodeHint") == "ご登録のメールアドレスを入力してください。"


def test_reset_says_why_confirm_is_disabled_before_the_code_is_sent(launch, qtbot):
    window = launch()
    click(qtbot, window, "forgotPasswordLink")
    assert screen(window) == "resetPasswordScreen"
    assert not find(window, QAbstractButton, "resetSubmitButton").isEnabled()
    assert "確認コード" in shown(window, "resetSubmitHint")
    click(qtbot, window, "resetBackButton")
    click(qtbot, window, "registerWebIdLink")
    assert "確認コード" in shown(window, "registerSubmitHint")


def test_both_steps_share_one_caption_column(launch, qtbot):
    window = launch()
    click(qtbot, window, "registerWebIdLink")
    first = x_of(window, "registerMemberNumberInput")
    for name in ("registerEmailInput", "registerCodeInput", "registerNewPasswordConfirmInput"):
        assert x_of(window, name) == first, name
    window.resize(1920, 1080)  # and after a live change to 最大 and back
    settings = context_of(window).settings
    for size in ("xxlarge", "medium"):
        settings.set_font_size(size)
        qtbot.wait(20)
        first = x_of(window, "registerMemberNumberInput")
        assert x_of(window, "registerNewWebIdInput") == first, size
    step1 = find(window, QLabel, "registerStep1Label")
    assert first > step1.mapTo(window, step1.rect().topLeft()).x() + 100  # side by side again
    click(qtbot, window, "registerBackButton")
    click(qtbot, window, "forgotPasswordLink")
    first = x_of(window, "resetIdInput")
    assert x_of(window, "resetCodeInput") == first
    assert x_of(window, "resetNewPasswordConfirmInput") == first


def _warning(window) -> QDialog | None:
    dialog = window.findChild(QDialog, "idleWarningDialog")
    return dialog if dialog is not None and dialog.isVisible() else None


def test_the_idle_warning_counts_down_live_and_signs_out_at_once(launch, qtbot):
    window = launch()
    sign_in(qtbot, window)
    context_of(window).idle.configure(idle_seconds=1, warning_seconds=5)
    qtbot.waitUntil(lambda: _warning(window) is not None, timeout=5000)
    dialog = _warning(window)
    assert dialog is not None
    countdown = dialog.findChild(QLabel, "idleCountdownLabel")
    assert "5秒後" in countdown.text()
    qtbot.waitUntil(lambda: "4秒後" in countdown.text(), timeout=3000)  # the label follows
    leave = dialog.findChild(QAbstractButton, "idleSignOutButton")
    assert leave.isVisible() and leave.text() == "ログアウトする"
    qtbot.mouseClick(leave, Qt.MouseButton.LeftButton)
    wait_until_idle(window)
    assert screen(window) == "loginScreen"  # at once, not when the countdown ends
    assert _warning(window) is None
    assert context_of(window).app_vm.session is None


def test_the_repay_radios_hug_their_text(launch, qtbot):
    window = launch()
    sign_in(qtbot, window)
    click(qtbot, window, "navRepay")
    amount = find(window, QLineEdit, "repayAmountInput")
    for name in ("repayKindNext", "repayKindAmount", "repayKindFull"):
        radio = find(window, QRadioButton, name)
        assert radio.width() <= radio.sizeHint().width(), name
        assert radio.width() < amount.width(), name
