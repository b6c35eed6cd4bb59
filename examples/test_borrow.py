"""Example 2: borrow 10,000 yen, confirm it, read the receipt and the home page's new figures.

山田 starts with a credit limit of 500,000円, a balance of 120,000円, so 380,000円 available.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget


def test_borrow_ten_thousand_yen(start, ui):
    u = ui(start())
    u.sign_in()
    assert u.text("balanceLabel") == "120,000円"
    assert u.text("availableLabel") == "380,000円"

    # The navigation entries are buttons named nav…; the home page's tile works too.
    u.click("navBorrow")
    assert u.screen() == "borrowScreen"
    u.type("borrowAmountInput", "10000")  # "1万" and full-width digits are read alike
    # The registered bank account comes first, then the prepaid card.
    assert u.find(QComboBox, "borrowDestinationCombo").currentIndex() == 0

    # borrowConfirmButton reads the figures from the store again, then opens confirmDialog;
    # click() has waited for that, so the dialog is open now.
    u.click("borrowConfirmButton")
    assert u.dialog().isVisible()
    assert "10,000円" in u.text("confirmSummaryLabel")  # what is about to happen

    u.confirm()  # 確定する: the money moves (once, whatever happens to the reply)

    # The receipt sits on the completion page, one 見出し：値 line per figure.
    assert u.find(QWidget, "borrowCompletionPage").isVisible()
    receipt = u.text("borrowResultLabel")
    assert "10,000円" in receipt

    u.click("navHome")  # the home page reads the new figures
    assert u.text("balanceLabel") == "130,000円"
    assert u.text("availableLabel") == "370,000円"


def test_an_amount_under_the_minimum_is_refused_before_confirming(start, ui):
    u = ui(start())
    u.sign_in()
    u.click("navBorrow")
    u.type("borrowAmountInput", "500")
    u.find(QLineEdit, "borrowAmountInput").editingFinished.emit()  # as leaving the field does
    assert u.text("borrowAmountError") != ""  # the minimum and the step, in words
