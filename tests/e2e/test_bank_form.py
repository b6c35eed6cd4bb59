"""口座の変更 (``bankForm``) through the harness and the contract's names, as yamada2026: the
bank and branch searched as the member types, the holder's 全銀 form previewed live, Enter
on the form, and the change confirmed with the one-time code from the sent messages."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QListWidget, QWidget

from desktop_app.testing import context_of, sent_messages, wait_until_idle
from tests.views.conftest import type_keys


def _open_bank_form(d):
    d.sign_in_web("yamada2026", "Taro2026pass")
    context_of(d.window).navigator.go("bank")
    wait_until_idle(d.window)
    assert d.screen() == "bankForm"


def _lines(results: QListWidget) -> list[str]:
    return [results.item(row).text() for row in range(results.count())]


def _fill(d, qtbot):
    banks = d.find(QListWidget, "bankResultList")
    search = d.find(QLineEdit, "bankSearchInput")
    search.setFocus()
    type_keys(qtbot, search, "みずほ")
    wait_until_idle(d.window)
    assert _lines(banks)[0] == "みずほ銀行（0001）"
    branch = d.find(QLineEdit, "branchSearchInput")
    assert not branch.isEnabled()  # no bank chosen yet
    banks.setCurrentRow(0)
    wait_until_idle(d.window)
    assert branch.isEnabled()
    branches = d.find(QListWidget, "branchResultList")
    assert branches.count() > 1  # every branch of the bank, before anything is typed
    branch.setText("東京営業部")
    wait_until_idle(d.window)
    assert _lines(branches) == ["東京営業部（001）"]
    branches.setCurrentRow(0)
    d.type("accountNumberInput", "１２３４５６７")
    assert d.find(QLineEdit, "accountNumberInput").text() == "1234567"
    d.type("accountHolderInput", "やまだ　たろう")


def test_the_bank_and_branch_are_found_as_the_member_types_and_the_holder_previewed(drive, qtbot):
    d = drive()
    _open_bank_form(d)
    submit = d.find(QWidget, "bankSubmitButton")
    assert not submit.isEnabled()
    assert d.visible_text("bankSubmitHint")  # says what is missing
    _fill(d, qtbot)
    assert d.visible_text("accountHolderPreviewLabel") == "ﾔﾏﾀﾞ ﾀﾛｳ"
    assert d.find(QLineEdit, "accountHolderInput").text() == "やまだ　たろう"  # as typed
    assert submit.isEnabled()
    assert d.visible_text("bankSubmitHint") == ""
    combo = d.find(QComboBox, "accountTypeCombo")
    assert [combo.itemData(i) for i in range(combo.count())] == ["ordinary", "current"]
    assert combo.itemText(0) == "普通"


def test_a_holder_that_cannot_be_converted_is_refused_as_typed(drive):
    d = drive()
    _open_bank_form(d)
    d.type("accountHolderInput", "山田")
    assert d.visible_text("accountHolderPreviewLabel") == ""
    assert "山" in d.visible_text("accountHolderError")
    d.type("accountHolderInput", "ヤマダ" * 11)  # 33 characters: more than 全銀 allows
    assert "30" in d.visible_text("accountHolderError")


def test_a_late_answer_to_an_older_search_is_not_shown(drive, qtbot):
    d = drive()
    _open_bank_form(d)
    search = d.find(QLineEdit, "bankSearchInput")
    search.setText("み")
    search.setText("みずほ")
    search.setText("ゆうちょ")
    wait_until_idle(d.window)
    assert _lines(d.find(QListWidget, "bankResultList"))[0] == "ゆうちょ銀行（9900）"


def test_enter_in_the_searches_takes_the_first_line_and_moves_on(drive, qtbot):
    d = drive()
    _open_bank_form(d)
    search = d.find(QLineEdit, "bankSearchInput")
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    type_keys(qtbot, search, "0001")
    wait_until_idle(d.window)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    wait_until_idle(d.window)
    assert d.visible_text("bankChosenLabel") == "みずほ銀行（0001）"
    branch = d.find(QLineEdit, "branchSearchInput")
    qtbot.waitUntil(branch.hasFocus)
    type_keys(qtbot, branch, "001")
    wait_until_idle(d.window)
    qtbot.keyClick(branch, Qt.Key.Key_Return)
    assert d.visible_text("branchChosenLabel") == "東京営業部（001）"
    assert d.find(QLineEdit, "accountNumberInput").hasFocus()
    assert isinstance(d.find(QLabel, "bankChosenLabel"), QLabel)


def _code_sent(d) -> str:
    newest = sent_messages(d.window)[0]
    match = re.search(r"(?<!\d)(\d{4})(?!\d)", newest.body)
    assert match is not None, newest.body
    return match.group(1)


def change_bank_to_mizuho(d) -> list[str]:
    """From the profile screen, register みずほ銀行 東京営業部 普通 1234567 ﾔﾏﾀﾞ ﾀﾛｳ as the
    member does (Enter on the form, 確定, the code from the sent messages, Enter); returns
    the confirmation's lines."""
    qtbot = d.qtbot
    d.click("navProfile")
    d.click("changeBankButton")
    assert d.screen() == "bankForm"
    _fill(d, qtbot)
    holder = d.find(QLineEdit, "accountHolderInput")
    holder.setFocus()
    qtbot.waitUntil(holder.hasFocus)
    qtbot.keyClick(holder, Qt.Key.Key_Return)  # Enter submits the form
    wait_until_idle(d.window)
    summary = d.dialog().findChild(QLabel, "confirmSummaryLabel").text().splitlines()
    d.confirm_dialog()
    dialog = d.window.findChild(QDialog, "otpDialog")
    assert dialog is not None and dialog.isVisible()
    code_field = dialog.findChild(QLineEdit, "otpCodeInput")
    qtbot.waitUntil(code_field.hasFocus)
    qtbot.keyClicks(code_field, _code_sent(d))
    qtbot.keyClick(code_field, Qt.Key.Key_Return)
    wait_until_idle(d.window)
    return summary


def test_the_new_account_becomes_the_borrowing_destination_after_the_one_time_code(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")  # the registered account, before the change
    destinations = d.find(QComboBox, "borrowDestinationCombo")
    assert destinations.itemText(0).startswith("三井住友銀行")
    assert change_bank_to_mizuho(d) == [
        "変更前：三井住友銀行 本店営業部 普通 ***4567",  # what it replaces, masked
        "金融機関：みずほ銀行（0001）",
        "支店：東京営業部（001）",
        "口座種別：普通",
        "口座番号：1234567",
        "口座名義：ﾔﾏﾀﾞ ﾀﾛｳ",
    ]
    assert d.screen() == "profileScreen"
    assert "みずほ銀行" in d.text("profileBankLabel")
    assert d.visible_text("profileNoticeLabel").startswith("口座を変更しました。")
    d.click("navBorrow")
    assert destinations.currentText() == "みずほ銀行 東京営業部 普通 ***4567"
    assert all("三井住友" not in destinations.itemText(i) for i in range(destinations.count()))
