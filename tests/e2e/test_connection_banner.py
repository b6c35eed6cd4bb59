"""The connection banner, driven as a member would: typing, pressing Enter, clicking. The
store is the real SQLite store behind a ``Line`` that can go down or lose a reply after the
store committed (as a member server's reply is lost on the way back)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QRadioButton

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryQuery, LedgerKind
from desktop_app.testing import context_of, wait_until_idle

BANNER = "サーバーに接続できません。通信環境をご確認のうえ、もう一度お試しください。"
UNKNOWN = "お手続きが完了したかを確認できませんでした"
SESSION_ENDED = (
    "一定時間操作がなかったか、別の場所でログアウトされたため、ログアウトしました。"
    "もう一度ログインしてください。"
)


@pytest.fixture
def lines(monkeypatch, store_line):
    """Every store the client opens comes behind a ``Line``; the list holds them in order."""
    import desktop_app.store as stores

    opened = []
    real = stores.open_store

    def open_behind_a_line(*args, **kwargs):
        line = store_line(real(*args, **kwargs))
        opened.append(line)
        return line

    monkeypatch.setattr(stores, "open_store", open_behind_a_line)
    return opened


def _type(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, text)


def _movements(d, line, kind: LedgerKind) -> list:
    token = context_of(d.window).app_vm.session.token
    page = line._store.history(token, HistoryQuery(), None, 100)
    return [entry for entry in page.entries if entry.kind is kind]


def test_signing_in_while_the_server_is_down_keeps_what_was_typed(drive, lines, qtbot):
    d = drive()
    line = lines[0]
    line.down = True
    web_id = d.find(QLineEdit, "webIdInput")
    password = d.find(QLineEdit, "passwordInput")
    _type(qtbot, web_id, "yamada2026")
    _type(qtbot, password, "Taro2026pass")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    wait_until_idle(d.window)

    assert d.screen() == "loginScreen"
    assert d.visible_text("connectionBanner") == BANNER
    retry = d.find(QAbstractButton, "connectionRetryButton")
    assert retry.isVisible() and retry.isEnabled() and retry.text() == "再試行"
    assert (web_id.text(), password.text()) == ("yamada2026", "Taro2026pass")

    line.down = False
    d.click("connectionRetryButton")
    assert d.screen() == "homeScreen"
    assert d.visible_text("connectionBanner") == ""
    assert d.visible_text("memberNameLabel").startswith("山田")


def test_the_retry_button_is_disabled_while_the_retry_runs(drive, lines, qtbot):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    line = lines[0]
    line.down = True
    d.click("navInterest")  # the interest screen asks the store each time it shows
    assert d.visible_text("connectionBanner") == BANNER
    line.down, line.gate = False, threading.Event()
    retry = d.find(QAbstractButton, "connectionRetryButton")
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    assert not retry.isEnabled()  # one retry at a time, and the window still answers
    qtbot.mouseClick(d.find(QAbstractButton, "navHome"), Qt.MouseButton.LeftButton)
    assert d.screen() == "homeScreen"
    line.gate.set()
    wait_until_idle(d.window)
    assert d.visible_text("connectionBanner") == ""
    assert [name for name, _args in line.calls].count("interest_inquiry") == 2


def test_a_borrowing_whose_reply_was_lost_shows_one_receipt_after_retry(drive, lines, qtbot):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    line = lines[0]
    d.click("navBorrow")
    before = _movements(d, line, LedgerKind.BORROW)
    amount = d.find(QLineEdit, "borrowAmountInput")
    _type(qtbot, amount, "10000")
    line.lose_reply["borrow"] = AppError(ErrorCode.STORE_UNAVAILABLE)
    d.click("borrowConfirmButton")
    d.confirm_dialog()

    assert d.visible_text("connectionBanner") == BANNER
    assert UNKNOWN in d.visible_text("borrowError")
    assert d.visible_text("borrowResultLabel") == ""
    assert amount.text() == "10,000"  # as confirmed (grouped once left)
    assert len(_movements(d, line, LedgerKind.BORROW)) == len(before) + 1  # it went through

    d.click("connectionRetryButton")
    receipt = d.visible_text("borrowResultLabel")
    assert "10,000円" in receipt and "受付番号" in receipt
    assert d.visible_text("borrowError") == "" and d.visible_text("connectionBanner") == ""
    assert len(_movements(d, line, LedgerKind.BORROW)) == len(before) + 1  # exactly once
    first, again = (args[3] for name, args in line.calls if name == "borrow")
    assert first == again


def test_a_repayment_whose_reply_was_lost_is_confirmed_again_unchanged(drive, lines, qtbot):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    line = lines[0]
    d.click("navRepay")
    before = _movements(d, line, LedgerKind.REPAY)
    d.find(QRadioButton, "repayKindAmount").click()
    _type(qtbot, d.find(QLineEdit, "repayAmountInput"), "5000")
    line.lose_reply["repay"] = AppError(ErrorCode.STORE_UNAVAILABLE)
    d.click("repayConfirmButton")
    d.confirm_dialog()
    assert UNKNOWN in d.visible_text("repayError")
    assert d.find(QLineEdit, "repayAmountInput").text() == "5,000"

    d.click("repayConfirmButton")  # the member tries again, changing nothing
    d.confirm_dialog()
    assert "5,000円" in d.visible_text("repayResultLabel")
    assert d.visible_text("repayError") == "" and d.visible_text("connectionBanner") == ""
    assert len(_movements(d, line, LedgerKind.REPAY)) == len(before) + 1
    first, again = (args[4] for name, args in line.calls if name == "repay")
    assert first == again


def test_a_session_ended_on_the_server_goes_back_to_the_sign_in(drive, lines, qtbot):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    line = lines[0]
    line._store.sign_out(context_of(d.window).app_vm.session.token)  # ended elsewhere
    d.click("homeLimitButton")
    _type(qtbot, d.find(QLineEdit, "incomeInput"), "6000000")
    _type(qtbot, d.find(QLineEdit, "otherDebtInput"), "0")
    _type(qtbot, d.find(QLineEdit, "requestedLimitInput"), "1000000")
    d.click("limitIncreaseSubmitButton")
    assert d.screen() == "loginScreen"
    assert d.visible_text("messageBanner") == SESSION_ENDED
    assert d.visible_text("connectionBanner") == ""
