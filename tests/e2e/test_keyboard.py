"""The client with the keyboard only, with real key presses: where the focus starts, Enter on
buttons and in every form, the confirmation dialog's Enter and Esc, and Tab through the
navigation, the history dates and the table."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QTableView,
    QWidget,
)

from desktop_app.testing import context_of, wait_until_idle

RETURN = Qt.Key.Key_Return


def _focus(d, kind, name: str) -> QWidget:
    widget = d.find(kind, name)
    widget.setFocus()
    d.qtbot.waitUntil(widget.hasFocus)
    return widget


def _press(d, widget: QWidget, key: Qt.Key = RETURN) -> None:
    d.qtbot.keyClick(widget, key)
    wait_until_idle(d.window)


def _scroller(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        assert parent is not None
        parent = parent.parentWidget()
    return parent


def _open_dialog(d) -> QDialog | None:
    dialog = d.window.findChild(QDialog, "confirmDialog")
    return dialog if dialog is not None and dialog.isVisible() else None


def test_the_id_field_has_the_focus_at_start_and_after_signing_out(drive):
    d = drive()
    web_id = d.find(QLineEdit, "webIdInput")
    d.qtbot.waitUntil(web_id.hasFocus)
    d.sign_in_card("4000123412341234", "1234")  # the card tab: the PIN field last had focus
    assert d.screen() == "homeScreen"
    _press(d, _focus(d, QAbstractButton, "logoutButton"))  # signing out by keyboard
    assert d.screen() == "loginScreen"
    tabs = d.find(QWidget, "loginMethodTabs")
    first = "cardNumberInput" if tabs.currentIndex() == 1 else "webIdInput"
    d.qtbot.waitUntil(d.find(QLineEdit, first).hasFocus)
    assert QApplication.focusWidget() is not d.find(QLineEdit, "pinInput")


def test_enter_on_a_focused_button_presses_it(drive):
    d = drive()
    _press(d, _focus(d, QAbstractButton, "registerWebIdLink"))
    assert d.screen() == "registerWebIdScreen"
    _press(d, _focus(d, QAbstractButton, "registerBackButton"))
    assert d.screen() == "loginScreen"
    d.sign_in_web("yamada2026", "Taro2026pass")
    _press(d, _focus(d, QAbstractButton, "navHistory"))
    assert d.screen() == "historyScreen"
    assert d.find(QAbstractButton, "navHistory").isChecked()


def test_every_navigation_entry_is_in_the_tab_order(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    names = [spec for spec in ("navHome", "navBorrow", "navRepay", "navHistory")]
    current = _focus(d, QAbstractButton, names[0])
    for following in names[1:]:
        d.qtbot.keyClick(current, Qt.Key.Key_Tab)
        current = d.find(QAbstractButton, following)
        assert current.hasFocus(), f"Tab did not reach {following}"


def test_enter_in_the_password_signs_in(drive):
    d = drive()
    d.type("webIdInput", "yamada2026")
    d.type("passwordInput", "Taro2026pass")
    _press(d, _focus(d, QLineEdit, "passwordInput"))
    assert d.screen() == "homeScreen"


def test_enter_submits_each_step_of_the_registration(drive):
    d = drive()
    d.click("registerWebIdLink")
    d.type("registerMemberNumberInput", "100000006")
    d.type("registerEmailInput", "ito@example.jp")
    _press(d, _focus(d, QLineEdit, "registerEmailInput"))
    code_field = d.find(QLineEdit, "registerCodeInput")
    assert code_field.isEnabled()  # step 1 went: a code was sent
    assert d.visible_text("registerInfo")
    d.type("registerCodeInput", "000000")
    d.type("registerNewWebIdInput", "itoweb2026")
    d.type("registerNewPasswordInput", "Ito2026pass")
    d.type("registerNewPasswordConfirmInput", "Ito2026pass")
    _press(d, _focus(d, QLineEdit, "registerNewPasswordConfirmInput"))
    assert d.visible_text("registerError")  # step 2 was submitted: the code is wrong


def test_enter_submits_the_reset_form(drive):
    d = drive()
    d.click("forgotPasswordLink")
    d.type("resetIdInput", "tanaka0404")
    context = context_of(d.window)
    from desktop_app.viewmodels.credentials import ResetViewModel

    context.view_model("reset", ResetViewModel).set_birth_date(date(1990, 4, 4))
    _press(d, _focus(d, QComboBox, "resetChannelCombo"))
    assert d.find(QLineEdit, "resetCodeInput").isEnabled()


def test_enter_in_the_last_field_of_the_borrowing_and_the_repayment_opens_the_confirmation(
    drive,
):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    _press(d, _focus(d, QComboBox, "borrowDestinationCombo"))
    dialog = _open_dialog(d)
    assert dialog is not None
    _press(d, dialog.findChild(QAbstractButton, "confirmCancelButton"), Qt.Key.Key_Escape)
    assert _open_dialog(d) is None
    # The keyboard comes back to the window, on the control the dialog was opened from.
    d.qtbot.waitUntil(d.find(QComboBox, "borrowDestinationCombo").hasFocus)
    d.click("navRepay")
    kind = _focus(d, QRadioButton, "repayKindNext")
    _press(d, kind, Qt.Key.Key_Space)  # a fresh form: the member chooses the kind first
    assert kind.isChecked()
    _press(d, kind)
    assert _open_dialog(d) is not None


def test_enter_in_the_confirmation_confirms_and_esc_cancels(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    dialog = _open_dialog(d)
    assert dialog is not None
    d.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    wait_until_idle(d.window)
    assert _open_dialog(d) is None
    assert not d.visible_text("borrowResultLabel")  # cancelled: nothing was borrowed
    d.click("borrowConfirmButton")
    dialog = _open_dialog(d)
    assert dialog is not None
    accept = dialog.findChild(QAbstractButton, "confirmAcceptButton")
    d.qtbot.waitUntil(accept.hasFocus)  # Enter goes to 確定, not to キャンセル
    d.qtbot.keyClick(QApplication.focusWidget(), RETURN)
    wait_until_idle(d.window)
    d.qtbot.waitUntil(lambda: bool(d.visible_text("borrowResultLabel")))
    assert "10,000円" in d.text("borrowResultLabel")


def test_enter_submits_the_limit_increase(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    context_of(d.window).navigator.go("limit")
    d.type("incomeInput", "600万")
    d.type("otherDebtInput", "0")
    d.type("requestedLimitInput", "80万")
    _press(d, _focus(d, QLineEdit, "requestedLimitInput"))
    d.qtbot.waitUntil(lambda: bool(d.visible_text("limitIncreaseResultLabel")))


def test_enter_submits_the_promised_date(drive):
    d = drive()
    d.sign_in_card("123456789012345", "3690")  # 鈴木, overdue
    context_of(d.window).navigator.go("promise")
    wait_until_idle(d.window)
    before = d.visible_text("promiseResultLabel")  # which dates may be chosen
    _press(d, _focus(d, QDateEdit, "promiseDateInput"))
    d.qtbot.waitUntil(lambda: d.visible_text("promiseResultLabel") not in ("", before))


def test_tab_leaves_the_history_dates_and_the_table(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navHistory")
    from_date = _focus(d, QDateEdit, "historyFromDate")
    d.qtbot.keyClick(from_date, Qt.Key.Key_Tab)
    assert d.find(QDateEdit, "historyToDate").hasFocus()
    d.qtbot.keyClick(d.find(QDateEdit, "historyToDate"), Qt.Key.Key_Backtab)
    assert from_date.hasFocus()
    table = _focus(d, QTableView, "historyTable")
    assert table.model().rowCount() > 1
    d.qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()


def test_a_screen_opened_from_the_navigation_takes_the_keyboard_into_its_form(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    nav = _focus(d, QAbstractButton, "navBorrow")
    _press(d, nav)
    assert d.screen() == "borrowScreen"
    amount = d.find(QLineEdit, "borrowAmountInput")
    d.qtbot.waitUntil(amount.hasFocus)  # not left in the menu, seven Tabs away
    d.qtbot.keyClicks(amount, "10000")
    assert amount.text() == "10000"


def test_a_command_that_ran_gives_the_focus_back_not_to_the_sign_out_button(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navInterest")
    update = _focus(d, QAbstractButton, "interestRefreshButton")
    _press(d, update, Qt.Key.Key_Space)  # disabled while it runs: Qt moves the focus on
    d.qtbot.waitUntil(update.isEnabled)
    d.qtbot.waitUntil(update.hasFocus)
    assert not d.find(QAbstractButton, "logoutButton").hasFocus()
    _press(d, update, Qt.Key.Key_Space)  # and again: still signed in, on the same screen
    assert d.screen() == "interestScreen"


def test_the_home_page_after_signing_in_has_the_focus_on_its_main_action(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.qtbot.waitUntil(d.find(QAbstractButton, "homeBorrowTile").hasFocus)
    d.click("logoutButton")
    d.sign_in_web("suzuki0303", "Ichiro2026")  # overdue: borrowing is blocked
    d.qtbot.waitUntil(d.find(QAbstractButton, "homeRepayTile").hasFocus)


def test_a_held_enter_never_confirms_the_dialog_it_opened(drive):
    """Enter held down in the amount field opens the confirmation, and its repeats must not
    confirm what the member has not read; a fresh press does."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    _press(d, _focus(d, QLineEdit, "borrowAmountInput"))
    dialog = _open_dialog(d)
    assert dialog is not None
    accept = dialog.findChild(QAbstractButton, "confirmAcceptButton")
    d.qtbot.waitUntil(accept.hasFocus)
    for _repeat in range(3):
        held = QKeyEvent(QEvent.Type.KeyPress, RETURN, Qt.KeyboardModifier.NoModifier, "\r", True)
        QApplication.sendEvent(accept, held)
    wait_until_idle(d.window)
    assert _open_dialog(d) is dialog  # still open: nothing borrowed
    assert not d.visible_text("borrowResultLabel")
    d.qtbot.keyClick(accept, RETURN)  # a fresh press confirms
    wait_until_idle(d.window)
    d.qtbot.waitUntil(lambda: "10,000円" in d.visible_text("borrowResultLabel"))


def test_the_profile_screen_takes_the_keyboard_to_its_first_change_button_in_sight(drive):
    """Its buttons are disabled while the details load: the keyboard must not stay on the
    link below them, and a screen left scrolled down comes back with its focus in sight."""
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    _press(d, _focus(d, QAbstractButton, "navProfile"))
    first = d.find(QAbstractButton, "changeAddressButton")
    d.qtbot.waitUntil(first.hasFocus)
    area = _scroller(first)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())  # down to 変更履歴
    d.qtbot.waitUntil(lambda: first.visibleRegion().isEmpty())
    _press(d, _focus(d, QAbstractButton, "navHome"))
    _press(d, _focus(d, QAbstractButton, "navProfile"))
    d.qtbot.waitUntil(first.hasFocus)
    d.qtbot.waitUntil(lambda: not first.visibleRegion().isEmpty())


def test_esc_in_the_idle_warning_keeps_the_member_signed_in(drive):
    """Each dialog cancels with Esc: the confirmation (above), the one-time code
    (tests/views/test_otp_dialog.py) and the idle warning."""
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    context_of(d.window).idle.warn_now()
    dialog = d.window.findChild(QDialog, "idleWarningDialog")
    d.qtbot.waitUntil(dialog.isVisible)
    d.qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    d.qtbot.waitUntil(lambda: d.window.findChild(QDialog, "idleWarningDialog") is None)
    assert d.screen() == "homeScreen"
    assert context_of(d.window).app_vm.session is not None
