"""The kiosk's idle wipe (issue 12, done when): a visitor who walks away from a borrowing's
confirmation leaves nothing behind, no money moves, and the store's session is revoked."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.testing import context_of, wait_until_idle
from tests.e2e.traces import stored_sessions, visible_traces

WEB_ID, PASSWORD = "yamada2026", "Taro2026pass"


def _go_idle(d) -> None:
    """Nobody touches the screen: the warning comes, counts down, and the wipe follows."""
    d.qtbot.waitUntil(
        lambda: (
            (dialog := d.window.findChild(QDialog, "idleWarningDialog")) is not None
            and dialog.isVisible()
        ),
        timeout=10_000,
    )
    d.qtbot.waitUntil(lambda: d.screen() == "loginScreen", timeout=10_000)
    wait_until_idle(d.window)


def test_walking_away_from_a_borrowing_leaves_nothing_and_moves_no_money(drive, store_url):
    d = drive(kiosk=True, idle_seconds=1, warning_seconds=1)
    context = context_of(d.window)
    context.idle.configure(60, 1)  # no warning while the member is still borrowing
    d.sign_in_web(WEB_ID, PASSWORD)
    assert d.screen() == "homeScreen"
    token = context.app_vm.token
    store = context.store.get()
    principal = store.account_summary(token).principal
    d.click("navBorrow")
    d.type("borrowAmountInput", "30000")
    d.click("borrowConfirmButton")
    assert d.dialog().isVisible()  # the confirmation is left open
    QApplication.clipboard().setText("100000001")
    assert visible_traces(d.window), "the member's figures were on screen"

    context.idle.configure(1, 1)  # …and the visitor walks away
    _go_idle(d)

    assert visible_traces(d.window) == []
    assert QApplication.clipboard().text() == ""
    with pytest.raises(AppError) as ended:
        store.account_summary(token)
    assert ended.value.code is ErrorCode.SESSION_EXPIRED
    assert stored_sessions(store_url, token) == 0
    again = store.sign_in_with_web_id(WEB_ID, PASSWORD, "test-device")
    assert store.account_summary(again.token).principal == principal  # no money moved


def test_a_half_filled_login_screen_is_wiped_after_the_idle_period(drive):
    """No one signed in, but a visitor typed a Web-ID and chose English, then went: the idle
    period after their last input wipes it, without a warning (no session to keep)."""
    d = drive(kiosk=True, idle_seconds=1, warning_seconds=1)
    context = context_of(d.window)
    web_id = d.find(QLineEdit, "webIdInput")
    web_id.setFocus()
    d.qtbot.keyClicks(web_id, "yamada")  # real keys: the kiosk notices the visitor
    context.settings.set_language("en")
    assert web_id.text() == "yamada"

    d.qtbot.waitUntil(lambda: web_id.text() == "", timeout=10_000)

    assert context.settings.language == "ja"
    assert visible_traces(d.window) == []
    assert d.window.findChild(QDialog, "idleWarningDialog") is None


def test_an_untouched_login_screen_is_left_alone(drive):
    """Without a visitor's input there is nothing to wipe (and no demo store to reset)."""
    d = drive(kiosk=True, idle_seconds=1, warning_seconds=1)
    wiped = []
    context_of(d.window).wiped.connect(lambda: wiped.append(True))
    d.qtbot.wait(1500)
    assert wiped == []


def test_a_pc_keeps_what_was_typed_on_the_login_screen(drive):
    d = drive(idle_seconds=1, warning_seconds=1)
    web_id = d.find(QLineEdit, "webIdInput")
    d.qtbot.keyClicks(web_id, "yamada")
    d.qtbot.wait(1500)
    assert web_id.text() == "yamada"


def test_the_demo_reset_puts_a_borrowing_back_after_the_wipe(drive, store_url):
    d = drive(kiosk=True, kiosk_demo_reset=True)
    context = context_of(d.window)
    d.sign_in_web(WEB_ID, PASSWORD)
    store = context.store.get()
    principal = store.account_summary(context.app_vm.token).principal
    d.click("navBorrow")
    d.type("borrowAmountInput", "30000")
    d.click("borrowConfirmButton")
    d.confirm_dialog()
    assert store.account_summary(context.app_vm.token).principal == principal + 30_000

    d.click("logoutButton")  # the wipe, then the reset in a worker
    wait_until_idle(d.window)

    assert stored_sessions(store_url) == 0
    again = store.sign_in_with_web_id(WEB_ID, PASSWORD, "test-device")
    assert store.account_summary(again.token).principal == principal
