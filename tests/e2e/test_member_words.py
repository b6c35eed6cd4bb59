"""The words a member reads on the real screens (issue 10, reviewers' notes on the tour): one
bank name on the confirmation and the receipt, the amount owed where borrowing is blocked and
where a payment date is promised, and English that reads as English."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QRadioButton, QTableView

from desktop_app.i18n import format_yen
from desktop_app.testing import context_of, wait_until_idle

SUZUKI_CARD = ("123456789012345", "3690")  # overdue: due 11-19 unpaid
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def _summary(d):
    context = context_of(d.window)
    return context.services.store.get().account_summary(context.app_vm.session.token)


def _go(d, screen: str) -> None:
    context_of(d.window).navigator.go(screen)
    wait_until_idle(d.window)


@pytest.mark.parametrize(("language", "bank"), [("ja", "三井住友銀行"), ("en", "SMBC")])
def test_the_bank_reads_the_same_on_the_confirmation_and_the_receipt(drive, language, bank):
    d = drive(language=language)
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navRepay")
    d.find(QRadioButton, "repayKindNext").click()
    assert d.find(QComboBox, "repayBankCombo").currentText() == bank
    d.click("repayConfirmButton")
    caption = "金融機関：" if language == "ja" else "Bank: "
    summary = d.dialog().findChild(QLabel, "confirmSummaryLabel").text()
    assert f"\n{caption}{bank}\n" in summary
    d.confirm_dialog()
    assert f"\n{caption}{bank}\n" in d.visible_text("repayResultLabel")


def test_an_overdue_member_is_told_what_to_repay_where_borrowing_is_blocked(drive):
    d = drive()
    d.sign_in_card(*SUZUKI_CARD)
    summary = _summary(d)
    owed, damages = format_yen(summary.next_payment), format_yen(summary.late_damages)
    assert summary.late_damages > 0
    d.click("navBorrow")
    assert d.visible_text("borrowBlockedLabel") == (
        "ご返済が確認できていないため、お借入れはご利用いただけません。"
        f"ご請求額{owed}（遅延損害金{damages}を含みます）をご返済ください。"
    )
    d.click("navHome")  # the same figures as the home page's overdue notice
    assert owed in d.visible_text("overdueBanner") and damages in d.visible_text("overdueBanner")
    context_of(d.window).settings.set_language("en")
    d.click("navBorrow")
    assert d.visible_text("borrowBlockedLabel") == (
        "Your repayment has not been received, so borrowing is unavailable. Please repay the "
        f"amount due, {format_yen(summary.next_payment)} (late charges of "
        f"{format_yen(summary.late_damages)} included)."
    )


def test_the_promise_page_shows_the_amount_owed_and_says_the_last_date_once(drive):
    d = drive()
    d.sign_in_card(*SUZUKI_CARD)
    summary = _summary(d)
    _go(d, "promise")
    assert d.visible_text("promiseAmountDueLabel") == (
        f"{format_yen(summary.next_payment)}（遅延損害金{format_yen(summary.late_damages)}を含みます）"
    )
    assert "2026年12月3日(木)までの日付をお選びいただけます" in d.visible_text(
        "promiseExplainLabel"
    )
    assert d.visible_text("promiseResultLabel") == ""  # no second 「…までの日付を選択できます。」
    d.click("promiseSubmitButton")
    assert "お約束を承りました" in d.visible_text("promiseResultLabel")
    assert d.visible_text("promiseAmountDueLabel")  # still owed after the promise


def test_the_english_screens_use_plain_english_terms(drive):
    d = drive(language="en")
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.text("navInterestText").replace("\n", " ") == "Interest inquiry"
    assert d.find(QAbstractButton, "homeProceduresTile").text() == "Account services"
    assert d.text("homeFooterRegistrationLabel").startswith("Registered money lender: ")
    d.click("navHistory")
    history = d.find(QTableView, "historyTable").model()
    header = history.headerData(5, Qt.Orientation.Horizontal)
    assert header.replace("\n", " ") == "Balance after"  # two lines, to fit the column
    d.click("navSettings")
    assert d.find(QComboBox, "idleTimeoutCombo").accessibleName() == "Automatic sign-out after"
    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    assert d.dialog().windowTitle() == "Confirm your loan"
    d.confirm_dialog()
    assert d.visible_text("borrowCompletionTitleLabel") == "Your loan request has been accepted"
    assert d.find(QAbstractButton, "borrowHomeButton").text() == "Back to Home"


@pytest.mark.parametrize(("language", "caption"), [("ja", "元金残高"), ("en", "Principal balance")])
def test_the_simulators_balance_column_is_the_principal_balance(drive, language, caption):
    d = drive(language=language)
    d.sign_in_web("yamada2026", "Taro2026pass")
    _go(d, "simulator")
    model = d.find(QTableView, "simScheduleTable").model()
    headers = [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]
    assert headers[-1] == caption
    assert "残高" not in headers[:-1]


def test_the_income_certificate_is_named_in_english(drive):
    d = drive(language="en")
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("homeLimitButton")
    d.type("incomeInput", "6000000")
    d.type("otherDebtInput", "500000")
    d.type("requestedLimitInput", "800000")
    notice = d.visible_text("incomeCertificateNotice")
    assert "(a withholding tax statement or a tax return)" in notice
    assert not CJK.search(notice)
