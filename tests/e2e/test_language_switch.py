"""A live switch of language leaves nothing of the other language on any screen: English
formats (¥373,817, Wed, Nov 25, 2026) and English bank names (SMBC, not 三井住友銀行) in the
English UI; 円 and Japanese bank names again after switching back."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractListModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.testing import context_of, wait_until_idle

JAPANESE = re.compile(r"[円\u3040-\u30ff\u3400-\u9fff]")
ENGLISH_BANK = re.compile(
    r"SMBC|MUFG|Mizuho|Rakuten|PayPay Bank|Japan Post|Kohaku Prepaid|\bOrdinary\b|\bBranch\b"
)
# What stays as it is: the member's name, each language's own name in the language switch,
# the demo inbox's messages, shown as the service sent them (in Japanese), and the registered
# address and workplace (and their masked history), which are the member's own words.
KEPT = {
    "memberNameLabel",
    "headerMemberLabel",
    "languageCombo",
    "loginLanguageCombo",
    "inboxList",
    "profileAddressLabel",
    "profileWorkplaceLabel",
    "addressCurrentLabel",  # 「Current address: 〒160-0022 東京都新宿区…」 on the address form
    "workplaceCurrentLabel",
    "changeHistoryTable",
}


def _texts(widget: QWidget) -> list[str]:
    texts: list[str] = []
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts += [widget.text(), widget.placeholderText()]
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(index) for index in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        root = widget.rootIndex()
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
        for row in range(min(model.rowCount(root), 30)):
            for column in range(columns):
                texts.append(str(model.index(row, column, root).data() or ""))
    return [text for text in texts if text]


def _every_screen(window, pattern: re.Pattern[str]) -> list[tuple[str, str, str]]:
    """Show each screen in turn; the visible texts on it that match ``pattern``."""
    context = context_of(window)
    found = []
    for name in context._specs:
        context.navigator.go(name)
        wait_until_idle(window)
        for widget in window.findChildren(QWidget):
            if widget.isVisible() and widget.objectName() not in KEPT:
                found += [
                    (name, widget.objectName(), text)
                    for text in _texts(widget)
                    if pattern.search(text)
                ]
    return found


def _switch(driver, language: str) -> None:
    context_of(driver.window).settings.set_language(language)
    wait_until_idle(driver.window)


def test_switching_to_english_leaves_no_japanese_on_any_screen(drive):
    driver = drive(language="ja")
    driver.sign_in_web("yamada2026", "Taro2026pass")
    _switch(driver, "en")
    assert _every_screen(driver.window, JAPANESE) == []
    context_of(driver.window).navigator.go("borrow")
    assert driver.text("borrowAvailableLabel").startswith("¥")
    destination = driver.find(QComboBox, "borrowDestinationCombo")
    assert destination.itemText(0) == "SMBC Branch 001 Ordinary ***4567"


def test_switching_back_to_japanese_leaves_no_yen_sign_or_english_bank_name(drive):
    driver = drive(language="en")
    driver.sign_in_web("yamada2026", "Taro2026pass")
    _every_screen(driver.window, JAPANESE)  # every screen built and filled in English first
    _switch(driver, "ja")
    assert _every_screen(driver.window, re.compile("¥|" + ENGLISH_BANK.pattern)) == []
    context_of(driver.window).navigator.go("borrow")
    assert driver.text("borrowAvailableLabel").endswith("円")


def test_a_live_switch_keeps_the_chosen_destination(drive):
    driver = drive(language="ja")
    driver.sign_in_web("yamada2026", "Taro2026pass")
    driver.click("navBorrow")
    destination = driver.find(QComboBox, "borrowDestinationCombo")
    destination.setCurrentIndex(1)
    _switch(driver, "en")
    assert destination.currentIndex() == 1
    assert destination.currentText() == "Kohaku Prepaid Card ***8301"


def test_the_repay_confirmation_names_the_bank_in_english(drive):
    driver = drive(language="ja")
    driver.sign_in_web("yamada2026", "Taro2026pass")
    _switch(driver, "en")
    driver.click("navRepay")
    driver.find(QAbstractButton, "repayKindAmount").click()
    driver.type("repayAmountInput", "10000")
    driver.click("repayConfirmButton")
    summary = driver.dialog().findChild(QLabel, "confirmSummaryLabel").text()
    assert "SMBC" in summary
    assert JAPANESE.search(summary) is None
    driver.dialog().reject()


def test_an_english_csv_names_the_banks_in_english(drive, tmp_path):
    driver = drive(language="ja")
    driver.sign_in_web("yamada2026", "Taro2026pass")
    _switch(driver, "en")
    driver.click("navHistory")
    target = tmp_path / "history_20261124.csv"
    context_of(driver.window).history.export_csv(str(target))
    wait_until_idle(driver.window)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(",")[-1] == "Bank"
    assert {line.split(",")[-1] for line in lines[1:]} == {"SMBC"}
