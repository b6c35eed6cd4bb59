"""返済日の変更, 口座振替, 返済日お知らせメール and Web明細 through the harness and the contract's
names: what a change leads to is shown before it is confirmed, Enter submits each form, and
home (and the history, for an automatic debit) follow."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QComboBox, QLabel, QTableView, QWidget
from sqlalchemy import create_engine, text

from desktop_app.testing import advance_clock, context_of, sent_messages, wait_until_idle
from tests.e2e.test_bank_form import change_bank_to_mizuho


def _form(d, button: str, screen: str) -> None:
    d.click("navProfile")
    d.click(button)
    assert d.screen() == screen
    # The same way back as on every form of the registered details.
    prefix = screen.removesuffix("Form")
    back = d.find(QAbstractButton, f"{prefix}BackButton")
    assert back.isVisible() and back.text() == "登録内容の確認・変更に戻る"


def _choose(d, combo_name: str, value: int) -> QComboBox:
    combo = d.find(QComboBox, combo_name)
    combo.setCurrentIndex(combo.findData(value))
    wait_until_idle(d.window)
    return combo


def _enter(d, widget: QWidget) -> None:
    """Enter on the widget that has the keyboard, as the member presses it."""
    widget.setFocus()
    d.qtbot.waitUntil(widget.hasFocus)
    d.qtbot.keyClick(widget, Qt.Key.Key_Return)
    wait_until_idle(d.window)


def _summary(d) -> list[str]:
    return d.dialog().findChild(QLabel, "confirmSummaryLabel").text().splitlines()


def test_the_due_day_form_shows_the_next_due_date_before_confirming(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")  # due day 25th, next due date 11-25
    _form(d, "changeDueDayButton", "dueDayForm")
    combo = d.find(QComboBox, "dueDayCombo")
    assert [combo.itemData(i) for i in range(combo.count())] == [5, 15, 25, 31]
    assert combo.itemText(3) == "毎月末日"
    assert combo.currentData() == 25  # what is registered
    submit = d.find(QWidget, "dueDaySubmitButton")
    assert not submit.isEnabled()  # nothing to change yet
    _choose(d, "dueDayCombo", 15)
    error = d.visible_text("dueDayError")  # too long after the last payment: refused
    assert "次回返済日が" in error and "2026年" in error and "までになる返済日" in error
    assert d.visible_text("dueDayEffectLabel") == ""
    assert not submit.isEnabled()
    _choose(d, "dueDayCombo", 31)
    assert d.visible_text("dueDayEffectLabel") == "変更後の次回返済日は2026年11月30日(月)です。"
    assert d.visible_text("dueDayError") == ""
    _choose(d, "dueDayCombo", 5)
    assert d.visible_text("dueDayEffectLabel") == "変更後の次回返済日は2026年12月7日(月)です。"
    _enter(d, combo)  # Enter submits the form
    assert _summary(d) == ["変更後の返済日：毎月5日", "次回返済日：2026年12月7日(月)"]
    d.confirm_dialog()
    assert d.screen() == "profileScreen"
    assert d.visible_text("profileNoticeLabel").startswith("返済日を変更しました。")
    d.click("navHome")
    assert "2026年12月7日(月)" in d.text("nextDueDateLabel")


def test_automatic_debit_from_mizuho_fixes_the_due_day_to_the_5th_before_confirming(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    change_bank_to_mizuho(d)
    _form(d, "autoDebitButton", "autoDebitForm")
    check = d.find(QCheckBox, "autoDebitCheck")
    assert not check.isChecked()
    assert "みずほ銀行" in d.text("autoDebitAccountLabel")
    check.click()
    wait_until_idle(d.window)
    # The fixed day is said once, then the next due date alone.
    assert d.visible_text("autoDebitNotice") == (
        "みずほ銀行の口座からの口座振替では、返済日は毎月5日に固定されます。"
        "次回返済日は2026年12月7日(月)になります。"
    )
    combo = d.find(QComboBox, "autoDebitDueDayCombo")
    assert combo.currentData() == 5 and not combo.isEnabled()
    _enter(d, check)
    assert _summary(d)[2:] == ["返済日：毎月5日", "次回返済日：2026年12月7日(月)"]
    d.confirm_dialog()
    assert d.screen() == "profileScreen"
    d.click("navHome")
    assert "2026年12月7日(月)" in d.text("nextDueDateLabel")
    _form(d, "changeDueDayButton", "dueDayForm")  # the bank fixes it: another day is refused
    _choose(d, "dueDayCombo", 15)
    assert "毎月5日" in d.visible_text("dueDayError")
    assert "先に口座振替を停止してください" in d.visible_text("dueDayError")
    assert not d.find(QWidget, "dueDaySubmitButton").isEnabled()

    # On the due date the minimum payment is debited: a ledger row of its own kind.
    advance_clock(d.window, days=14)  # 12-08 10:00, after the due date's business day
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navHistory")
    d.find(QComboBox, "historyKindCombo").setCurrentIndex(4)  # 口座振替
    wait_until_idle(d.window)
    model = d.find(QTableView, "historyTable").model()
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "口座振替"
    assert model.index(0, 3).data() != "—"  # what went to interest is shown, as for a repayment
    d.find(QComboBox, "historyKindCombo").setCurrentIndex(2)  # 返済: debits are repayments
    wait_until_idle(d.window)
    assert model.index(0, 1).data() == "口座振替"


def test_an_automatic_debit_is_in_the_csv_export(drive, tmp_path):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")  # 三井住友: any due day may be kept
    _form(d, "autoDebitButton", "autoDebitForm")
    d.find(QCheckBox, "autoDebitCheck").click()
    wait_until_idle(d.window)
    assert "返済日をお選びいただけます" in d.visible_text("autoDebitNotice")
    assert d.find(QComboBox, "autoDebitDueDayCombo").isEnabled()
    d.click("autoDebitSubmitButton")
    d.confirm_dialog()
    advance_clock(d.window, days=2)  # past 11-25
    d.sign_in_web("yamada2026", "Taro2026pass")
    history = context_of(d.window).history
    target = tmp_path / "history.csv"
    history.export_csv(str(target))
    wait_until_idle(d.window)
    with target.open(encoding="utf-8-sig") as handle:
        kinds = [row[1] for row in csv.reader(handle)]
    assert "口座振替" in kinds


def test_a_reminder_3_days_before_at_9_is_sent_when_the_clock_reaches_that_hour(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    _form(d, "changeDueDayButton", "dueDayForm")  # the next due date 12-07: a reminder ahead
    _choose(d, "dueDayCombo", 5)
    d.click("dueDaySubmitButton")
    d.confirm_dialog()
    _form(d, "reminderButton", "reminderForm")
    d.find(QCheckBox, "reminderEnabledCheck").click()
    days = _choose(d, "reminderDaysCombo", 3)
    assert days.currentText() == "返済日の3日前"
    hour = _choose(d, "reminderHourCombo", 9)
    assert hour.currentText() == "9:00"
    assert "返済日の3日前の9:00に" in d.visible_text("reminderNotice")
    _enter(d, hour)  # no confirmation: saved at once
    assert d.screen() == "profileScreen"
    subject = "【こはくローン】ご返済日のお知らせ"
    assert all(message.subject != subject for message in sent_messages(d.window))
    advance_clock(d.window, days=9, hours=22, minutes=59)  # 12-04 8:59
    assert all(message.subject != subject for message in sent_messages(d.window))
    advance_clock(d.window, minutes=1)  # 12-04 9:00
    reminder = sent_messages(d.window)[0]
    assert reminder.subject == subject
    assert reminder.channel == "email" and reminder.recipient == "y***@example.jp"


def test_without_an_email_the_reminder_form_points_to_the_email_change(drive, store_url):
    d = drive()
    engine = create_engine(store_url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE members SET email = NULL WHERE member_number = '100000001'")
        )
    engine.dispose()
    d.sign_in_web("yamada2026", "Taro2026pass")
    _form(d, "reminderButton", "reminderForm")
    d.find(QCheckBox, "reminderEnabledCheck").click()
    assert "メールアドレスが登録されていません" in d.visible_text("reminderNotice")
    assert not d.find(QWidget, "reminderSubmitButton").isEnabled()
    d.click("reminderEmailButton")
    assert d.screen() == "emailForm"


def test_stopping_web_statements_before_the_first_borrowing_says_what_is_lost(drive):
    d = drive()
    d.sign_in_web("hanako0202", "Hanako2026")  # never borrowed; email and web statements on
    assert "30日間" in d.visible_text("interestFreeLabel")
    _form(d, "webStatementsButton", "webStatementsForm")
    check = d.find(QCheckBox, "webStatementsCheck")
    assert check.isChecked()
    check.click()
    notice = (
        "初めてのお借入れ前にWeb明細の利用を停止されると、30日間無利息の対象外となりますので"
        "ご注意ください。"
    )
    assert d.visible_text("webStatementsWarning") == notice  # a warning, not a notice
    assert d.find(QWidget, "webStatementsWarning").property("role") == "error"
    assert d.visible_text("webStatementsNotice") == ""
    _enter(d, check)
    assert _summary(d) == ["Web明細：停止する", notice]
    d.confirm_dialog()
    assert d.screen() == "profileScreen"
    d.click("navHome")
    assert d.visible_text("interestFreeLabel") == ""


def test_web_statements_make_no_difference_after_the_first_borrowing(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")  # first borrowing 2 years ago
    _form(d, "webStatementsButton", "webStatementsForm")
    d.find(QCheckBox, "webStatementsCheck").click()
    assert "お借入れがお済みのため" in d.visible_text("webStatementsNotice")
