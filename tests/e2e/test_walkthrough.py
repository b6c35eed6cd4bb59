"""Issue 2's walkthrough, through the harness and the contract's object names only."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QRadioButton, QTableView

from desktop_app.paths import user_log_dir
from desktop_app.testing import wait_until_idle

GENERIC_WEB = "入力されたWeb-IDもしくはパスワードに誤りがあります。もう一度ご確認ください。"


def _ledger_count(store_url: str) -> int:
    with sqlite3.connect(store_url.removeprefix("sqlite:///")) as db:
        return db.execute("select count(*) from ledger").fetchone()[0]


def _borrow(d, amount: str) -> None:
    d.click("navBorrow")
    d.type("borrowAmountInput", amount)
    d.click("borrowConfirmButton")
    d.confirm_dialog()


def _repay_amount(d, amount: str) -> None:
    d.click("navRepay")
    d.find(QRadioButton, "repayKindAmount").click()
    d.type("repayAmountInput", amount)
    d.click("repayConfirmButton")
    d.confirm_dialog()


def test_sign_in_borrow_repay_history_sign_out_by_web_id(drive, store_url):
    d = drive()
    assert d.screen() == "loginScreen"
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "homeScreen"
    assert d.text("memberNameLabel") == "山田 太郎 様"
    assert d.text("memberNumberLabel") == "100000001"
    assert d.text("balanceLabel") == "120,000円"
    assert d.text("creditLimitLabel") == "500,000円"
    assert d.text("availableLabel") == "380,000円"
    assert d.text("nextDueDateLabel") == "2026年11月25日(水)"
    assert d.text("nextPaymentLabel") == "5,000円"

    _borrow(d, "10,000")
    assert "10,000円" in d.text("borrowResultLabel")
    d.click("navHome")
    assert d.text("balanceLabel") == "130,000円"
    assert d.text("availableLabel") == "370,000円"

    _repay_amount(d, "10000")
    result = d.text("repayResultLabel")
    assert "返済金額：10,000円" in result

    d.click("navHistory")
    table = d.find(QTableView, "historyTable")
    model = table.model()
    kinds = [model.index(row, 1).data() for row in range(model.rowCount())]
    amounts = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert kinds[:2] == ["返済", "借入"]
    assert amounts[:2] == ["10,000円", "10,000円"]

    d.click("logoutButton")
    assert d.screen() == "loginScreen"
    inputs = [
        d.find(QLineEdit, name).text()
        for name in (
            "webIdInput",
            "passwordInput",
            "cardNumberInput",
            "pinInput",
            "borrowAmountInput",
            "repayAmountInput",
        )
    ]
    assert inputs == [""] * 6
    assert d.text("balanceLabel") == ""
    assert d.find(QTableView, "historyTable").model().rowCount() == 0
    assert d.find(QComboBox, "borrowDestinationCombo").count() == 0
    assert not d.find(QLineEdit, "webIdInput").isHidden()


def test_the_same_by_card(drive):
    d = drive()
    d.sign_in_card("4000123412341234", "1234")
    assert d.text("memberNameLabel") == "山田 太郎 様"
    _borrow(d, "1万")
    d.click("navHome")
    assert d.text("balanceLabel") == "130,000円"
    _repay_amount(d, "10000")
    d.click("navHistory")
    assert d.find(QTableView, "historyTable").model().rowCount() >= 2
    d.click("logoutButton")
    assert d.find(QLineEdit, "cardNumberInput").text() == ""
    assert d.find(QLineEdit, "pinInput").text() == ""


def test_wrong_password_shows_the_generic_sentence(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Wrong2026pass")
    assert d.screen() == "loginScreen"
    assert d.visible_text("loginError") == GENERIC_WEB
    assert d.find(QLineEdit, "passwordInput").text() == ""  # the secret is not kept
    d.sign_in_web("nobody2026", "Wrong2026pass")
    assert d.visible_text("loginError") == GENERIC_WEB  # an unknown ID reads the same


def test_double_click_on_confirm_moves_money_once(drive, store_url, qtbot):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    before = _ledger_count(store_url)
    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    accept = d.dialog().findChild(QAbstractButton, "confirmAcceptButton")
    qtbot.mouseDClick(accept, Qt.MouseButton.LeftButton)
    accept.click()  # even a press on the closing dialog must not borrow again
    assert not d.find(QAbstractButton, "borrowConfirmButton").isEnabled()  # busy
    wait_until_idle(d.window)
    assert _ledger_count(store_url) == before + 1
    d.click("navHome")
    assert d.text("balanceLabel") == "130,000円"


def test_launching_again_on_the_same_store(drive, store_url):
    first = drive()
    first.sign_in_web("yamada2026", "Taro2026pass")
    _borrow(first, "10000")
    second = drive()
    second.sign_in_web("yamada2026", "Taro2026pass")
    assert second.text("balanceLabel") == "130,000円"
    assert _ledger_count(store_url) >= 2


def test_english_interface(drive):
    d = drive(language="en")
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.text("balanceLabel") == "¥120,000"
    assert d.text("nextDueDateLabel") == "Wed, Nov 25, 2026"


def test_live_language_switch(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navSettings")
    combo = d.find(QComboBox, "languageCombo")
    combo.setCurrentIndex(combo.findData("en"))
    # The navigation shows its entry's text in a label (it wraps when the window is narrow).
    assert d.text("navBorrowText") == "Borrow"
    assert d.find(QAbstractButton, "navBorrow").accessibleName() == "Borrow"
    assert d.text("balanceLabel") == "¥120,000"
    combo.setCurrentIndex(combo.findData("ja"))
    assert d.text("navBorrowText") == "借入"


def test_logs_never_hold_secrets(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Wrong2026pass")
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("logoutButton")
    d.sign_in_card("4000123412341234", "1234")
    log_text = "".join(path.read_text(encoding="utf-8") for path in user_log_dir().glob("*.log*"))
    assert "sign_in_web refused: signin_failed_web" in log_text  # the log is written
    for secret in ("Taro2026pass", "Wrong2026pass", "4000123412341234"):
        assert secret not in log_text
