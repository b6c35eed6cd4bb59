"""Borrowing and repaying as a member goes through them: the confirmation with the store's
figures, the completion page with the receipt, and a fresh form on the next visit, through the
harness and the contract's names. The figures expected are the store's own, read afresh."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QWidget,
)

from desktop_app.domain import loan
from desktop_app.domain.models import HistoryQuery, LedgerEntry, RepayIntent
from desktop_app.i18n import format_date, format_yen
from desktop_app.testing import context_of, wait_until_idle

YAMADA_CARD = ("4000123412341234", "1234")


def _store(d):
    return context_of(d.window).services.store.get()


def _token(d) -> str:
    return context_of(d.window).app_vm.session.token


def _fresh_summary(d):
    return _store(d).account_summary(_token(d))


def _newest(d) -> LedgerEntry:
    return _store(d).history(_token(d), HistoryQuery(), None, 1).entries[0]


def _elsewhere(d):
    """The member signed in on another device: the client is not told what happens there."""
    store = _store(d)
    return store, store.sign_in_with_card(*YAMADA_CARD, "another-device").token


def _page(d, prefix: str) -> str:
    return d.find(QStackedWidget, f"{prefix}Pages").currentWidget().objectName()


def _radio(d, name: str) -> QRadioButton:
    return d.find(QRadioButton, name)


def _confirm_text(d) -> str:
    return d.dialog().findChild(QLabel, "confirmSummaryLabel").text()


def _signed_in(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    return d


def test_a_borrowing_ends_on_a_completion_page_with_the_stores_figures(drive):
    d = _signed_in(drive)
    d.click("navBorrow")
    assert _page(d, "borrow") == "borrowFormPage"
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    summary = d.dialog().findChild(QLabel, "confirmSummaryLabel").text()
    assert "お借入れ金額：10,000円" in summary
    assert "お借入れ後の元金残高：130,000円" in summary
    assert "お借入れ後の借入可能額：370,000円" in summary
    d.confirm_dialog()

    assert _page(d, "borrow") == "borrowCompletionPage"
    assert not d.find(QLineEdit, "borrowAmountInput").isVisible()
    assert d.visible_text("borrowCompletionTitleLabel") == "お借入れのお手続きが完了しました"
    receipt = d.visible_text("borrowResultLabel")
    fresh, entry = _fresh_summary(d), _newest(d)
    assert f"受付番号：{entry.transaction_no}" in receipt
    assert "受付日時：2026年11月24日(火) 10:00" in receipt
    assert "お借入れ金額：10,000円" in receipt
    assert f"元金残高：{format_yen(fresh.principal)}" in receipt
    assert f"借入可能額：{format_yen(fresh.available)}" in receipt
    assert f"次回返済日：{format_date(fresh.next_due_date)}" in receipt
    assert fresh.principal == 130_000

    d.click("borrowHomeButton")
    assert d.screen() == "homeScreen"


def test_borrow_again_and_coming_back_show_a_fresh_form_with_the_stores_figures(drive):
    d = _signed_in(drive)
    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    d.confirm_dialog()
    d.click("borrowAgainButton")
    assert _page(d, "borrow") == "borrowFormPage"
    assert d.visible_text("borrowResultLabel") == ""
    assert d.find(QLineEdit, "borrowAmountInput").text() == ""

    d.type("borrowAmountInput", "30000")  # typed, then left unconfirmed
    d.click("navHome")
    store, token = _elsewhere(d)  # meanwhile 20,000 yen is borrowed on another device
    store.borrow(token, 20_000, store.bank_accounts(token)[0].id, "elsewhere-1")

    d.click("navBorrow")
    wait_until_idle(d.window)
    fresh = _fresh_summary(d)
    assert fresh.available == 350_000
    assert _page(d, "borrow") == "borrowFormPage"
    assert d.visible_text("borrowResultLabel") == ""  # no old receipt
    assert d.find(QLineEdit, "borrowAmountInput").text() == ""
    assert d.visible_text("borrowAvailableLabel") == format_yen(fresh.available)
    assert d.visible_text("borrowNextDueDateLabel") == format_date(fresh.next_due_date)


def test_a_repayment_ends_on_a_completion_page_with_its_breakdown(drive):
    d = _signed_in(drive)
    d.click("navRepay")
    _radio(d, "repayKindAmount").click()
    d.type("repayAmountInput", "10000")
    d.click("repayConfirmButton")
    before = _fresh_summary(d)
    share = loan.allocate(10_000, before.late_damages, before.accrued_interest, before.principal)
    summary = _confirm_text(d)
    assert "返済方法：金額を指定して返済" in summary
    assert "返済金額：10,000円" in summary
    assert f"うち遅延損害金：{format_yen(share.to_damages)}" in summary
    assert f"うち利息：{format_yen(share.to_interest)}" in summary
    assert f"うち元金：{format_yen(share.to_principal)}" in summary
    assert f"ご返済後の元金残高：{format_yen(before.principal - share.to_principal)}" in summary
    d.confirm_dialog()

    assert _page(d, "repay") == "repayCompletionPage"
    assert d.visible_text("repayCompletionTitleLabel") == "ご返済のお手続きが完了しました"
    receipt = d.visible_text("repayResultLabel")
    entry, after = _newest(d), _fresh_summary(d)
    assert f"受付番号：{entry.transaction_no}" in receipt
    assert "受付日時：2026年11月24日(火) 10:00" in receipt
    assert f"うち遅延損害金：{format_yen(entry.to_damages)}" in receipt
    assert f"うち利息：{format_yen(entry.to_interest)}" in receipt
    assert f"うち元金：{format_yen(entry.to_principal)}" in receipt
    assert f"元金残高：{format_yen(after.principal)}" in receipt
    assert f"借入可能額：{format_yen(after.available)}" in receipt
    assert f"次回返済日：{format_date(after.next_due_date)}" in receipt
    d.click("repayHomeButton")
    assert d.screen() == "homeScreen"


def test_after_a_repayment_no_kind_is_left_armed(drive, qtbot):
    d = _signed_in(drive)
    d.click("navRepay")
    _radio(d, "repayKindNext").click()
    d.click("repayConfirmButton")
    d.confirm_dialog()
    assert "返済金額：5,000円" in d.visible_text("repayResultLabel")

    for leave in ("repayAgainButton", "navHome"):
        d.click(leave)
        if leave == "navHome":
            d.click("navRepay")
        assert _page(d, "repay") == "repayFormPage"
        assert d.visible_text("repayResultLabel") == ""
        kinds = ("repayKindNext", "repayKindAmount", "repayKindFull")
        assert not any(_radio(d, kind).isChecked() for kind in kinds)
        assert not d.find(QAbstractButton, "repayConfirmButton").isEnabled()
        assert d.visible_text("repayKindHint") == "返済方法を選択してください。"
        assert not d.find(QLineEdit, "repayAmountInput").isEnabled()
        qtbot.mouseClick(d.find(QAbstractButton, "repayConfirmButton"), Qt.MouseButton.LeftButton)
        assert d.window.findChild(QWidget, "confirmDialog") is None  # nothing to confirm


def test_a_kind_checked_by_a_script_is_chosen_as_a_click_chooses_it(drive):
    d = _signed_in(drive)
    d.click("navRepay")
    amount = d.find(QLineEdit, "repayAmountInput")
    _radio(d, "repayKindAmount").setChecked(True)
    assert amount.isEnabled()
    d.type("repayAmountInput", "12000")
    d.click("repayConfirmButton")
    summary = _confirm_text(d)
    assert "返済金額：12,000円" in summary and "5,000円" not in summary
    d.dialog().findChild(QAbstractButton, "confirmCancelButton").click()

    _radio(d, "repayKindFull").setChecked(True)
    assert not amount.isEnabled()
    d.click("repayConfirmButton")
    payoff = _fresh_summary(d).payoff_amount
    assert f"返済金額：{format_yen(payoff)}" in _confirm_text(d)


def test_the_confirmation_reads_the_figures_again_before_it_opens(drive):
    d = _signed_in(drive)
    d.click("navRepay")
    _radio(d, "repayKindAmount").click()
    d.type("repayAmountInput", "20000")
    store, token = _elsewhere(d)  # the screen's figures go stale: 10,000 yen repaid elsewhere
    store.repay(token, RepayIntent.AMOUNT, 10_000, "0009", "elsewhere-2")
    d.click("repayConfirmButton")
    fresh = _fresh_summary(d)
    share = loan.allocate(20_000, fresh.late_damages, fresh.accrued_interest, fresh.principal)
    summary = _confirm_text(d)
    assert f"ご返済後の元金残高：{format_yen(fresh.principal - share.to_principal)}" in summary
    assert d.text("payoffAmountLabel") == format_yen(fresh.payoff_amount)  # the screen too


def test_a_double_click_repays_once(drive, qtbot):
    d = _signed_in(drive)
    d.click("navRepay")
    before = _store(d).history(_token(d), HistoryQuery(), None, 1).total
    _radio(d, "repayKindAmount").click()
    d.type("repayAmountInput", "10000")
    confirm = d.find(QAbstractButton, "repayConfirmButton")
    for _press in range(2):  # a double click's two presses, the second while it reads
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
        assert not confirm.isEnabled()  # busy while the figures are read again
    wait_until_idle(d.window)
    assert len(d.window.findChildren(QWidget, "confirmDialog")) == 1
    accept = d.dialog().findChild(QAbstractButton, "confirmAcceptButton")
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    accept.click()  # a press on the closing dialog
    assert not confirm.isEnabled()  # busy while it runs
    wait_until_idle(d.window)
    assert _store(d).history(_token(d), HistoryQuery(), None, 1).total == before + 1
    assert _page(d, "repay") == "repayCompletionPage"


def test_an_overdue_member_sees_no_available_amount_and_a_passed_due_date(drive):
    d = drive()
    d.sign_in_card("123456789012345", "3690")  # 鈴木, overdue
    d.click("navBorrow")
    assert d.visible_text("borrowBlockedLabel")
    assert d.visible_text("borrowAvailableLabel") == ""
    assert not d.find(QLineEdit, "borrowAmountInput").isVisible()  # no form to fill in
    d.click("navRepay")
    fresh = _fresh_summary(d)
    assert fresh.overdue
    expected = f"{format_date(fresh.next_due_date)}（お支払期日を過ぎています）"
    assert d.visible_text("repayNextDueDateLabel") == expected
    context_of(d.window).navigator.go("promise")
    wait_until_idle(d.window)
    explanation = d.visible_text("promiseExplainLabel")
    assert "お支払期日" in explanation  # not 「次回返済日までの…」
    assert "次回返済日" not in explanation


def test_the_export_banner_does_not_outlive_a_movement_or_the_visit(drive, tmp_path):
    d = _signed_in(drive)
    history = context_of(d.window).history
    for leave in ("a movement", "a new visit"):
        d.click("navHistory")
        history.export_csv(str(tmp_path / "history.csv"))
        wait_until_idle(d.window)
        assert "件" in d.visible_text("historyExportResult")
        if leave == "a movement":
            d.click("navBorrow")
            d.type("borrowAmountInput", "10000")
            d.click("borrowConfirmButton")
            d.confirm_dialog()
        else:
            d.click("navHome")
        d.click("navHistory")
        assert d.visible_text("historyExportResult") == ""


def test_the_completion_page_and_the_hint_follow_a_live_language_switch(drive):
    d = _signed_in(drive)
    settings = context_of(d.window).settings
    d.click("navRepay")
    assert d.visible_text("repayKindHint") == "返済方法を選択してください。"
    settings.set_language("en")  # switched while the form shows
    assert d.visible_text("repayKindHint") == "Please choose how to repay."
    _radio(d, "repayKindNext").click()
    d.click("repayConfirmButton")
    d.confirm_dialog()
    settings.set_language("ja")  # switched while the completion page shows
    receipt = d.visible_text("repayResultLabel")
    assert "返済方法：次回返済額を返済" in receipt and "返済金額：5,000円" in receipt
    assert "Receipt" not in receipt and "¥" not in receipt


def test_no_confirmation_opens_over_a_screen_the_member_went_to_meanwhile(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    d.find(QAbstractButton, "borrowConfirmButton").click()  # the figures are being read…
    d.click("navHome")  # …and the member goes to the top page
    assert d.screen() == "homeScreen"
    assert d.window.findChild(QDialog, "confirmDialog") is None
