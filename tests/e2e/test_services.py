"""Issue 5's walkthroughs: borrowing, repaying, promising, applying, and a long history."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLabel,
    QRadioButton,
    QTableView,
)

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.bulk import insert_ledger_rows
from desktop_app.testing import context_of, wait_until_idle


def _borrow(d, amount: str, destination: int = 0) -> None:
    d.click("navBorrow")
    d.find(QComboBox, "borrowDestinationCombo").setCurrentIndex(destination)
    wait_until_idle(d.window)
    d.type("borrowAmountInput", amount)
    d.click("borrowConfirmButton")
    d.confirm_dialog()


def test_next_payment_follows_the_minimum_payment_table(drive):
    d = drive()
    d.sign_in_web("hanako0202", "Hanako2026")
    d.click("navBorrow")
    d.type("borrowAmountInput", "100000")
    d.click("borrowConfirmButton")
    summary = d.dialog().findChild(QLabel, "confirmSummaryLabel").text()
    assert "着金予定：お手続き完了後、10秒程度" in summary
    assert "初回のお借入れのため" in summary  # 佐藤 is eligible for 30 interest-free days
    d.confirm_dialog()
    d.click("navHome")
    assert d.text("nextPaymentLabel") == "4,000円"
    d.click("logoutButton")
    d.sign_in_web("yamada2026", "Taro2026pass")
    _borrow(d, "280000")
    d.click("navHome")
    assert d.text("balanceLabel") == "400,000円"
    assert d.text("nextPaymentLabel") == "11,000円"


def test_prepaid_card_charge_and_history_kind_filter(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")
    combo = d.find(QComboBox, "borrowDestinationCombo")
    prepaid = next(i for i in range(combo.count()) if "プリペイド" in combo.itemText(i))
    combo.setCurrentIndex(prepaid)
    wait_until_idle(d.window)
    assert "即時" in d.visible_text("transferEstimateLabel")
    _borrow(d, "5000", prepaid)
    d.click("navHistory")
    d.find(QComboBox, "historyKindCombo").setCurrentIndex(3)  # prepaid charges
    wait_until_idle(d.window)
    model = d.find(QTableView, "historyTable").model()
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "プリペイドカードへのチャージ"


def test_overdue_member_promises_a_date_and_pays_damages_in_full(drive):
    d = drive()
    d.sign_in_card("123456789012345", "3690")  # 鈴木, overdue
    assert d.visible_text("overdueBanner")
    d.click("homePromiseButton")
    assert d.screen() == "promiseScreen"
    day = d.find(QDateEdit, "promiseDateInput")
    day.setDate(day.maximumDate())  # the due date + 14 days, the latest allowed
    d.click("promiseSubmitButton")
    assert "ご返済いただくお約束を承りました" in d.visible_text("promiseResultLabel")
    d.click("navHome")
    assert d.visible_text("promisedDateLabel").startswith("お約束の返済日：")
    d.click("navRepay")
    d.find(QRadioButton, "repayKindFull").click()
    d.click("repayConfirmButton")
    d.confirm_dialog()
    result = d.text("repayResultLabel")
    assert "うち遅延損害金：684円" in result  # 5 days at 20 % on 250,000
    d.click("navHome")
    assert d.text("balanceLabel") == "0円"
    assert d.visible_text("overdueBanner") == ""


def test_limit_increase_application(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("homeLimitButton")
    assert d.screen() == "limitIncreaseScreen"
    d.type("incomeInput", "600万")
    d.type("otherDebtInput", "50万")
    d.type("requestedLimitInput", "160万")
    assert d.visible_text("limitIncreaseError") == (
        "総量規制により、お申込みいただける利用限度額は最大1,500,000円です。"
    )
    d.type("requestedLimitInput", "80万")
    assert d.visible_text("limitIncreaseError") == ""
    assert "収入証明書類" in d.visible_text("incomeCertificateNotice")
    d.click("limitIncreaseSubmitButton")
    assert "800,000円への増額のお申込みを受け付けました" in d.visible_text(
        "limitIncreaseResultLabel"
    )
    d.click("navHome")
    assert "審査中" in d.visible_text("limitApplicationLabel")


def test_a_long_history_loads_lazily_and_its_export_can_be_cancelled(
    drive, store_url, tmp_path, qtbot
):
    clock = FixedClock(datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO))
    store = SqlStore(store_url, clock, hash_profile="fast")
    insert_ledger_rows(store, "100000001", 100_000, clock.now() - timedelta(hours=1))
    store.close()
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    table = d.find(QTableView, "historyTable")
    d.find(QAbstractButton, "navHistory").click()
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=5000)
    for _ in range(5):  # scroll to the end a few times: pages load lazily
        rows = table.model().rowCount()
        table.scrollToBottom()
        qtbot.waitUntil(lambda rows=rows: table.model().rowCount() > rows, timeout=5000)
    assert table.model().rowCount() < 100_000  # never all at once
    history = context_of(d.window).history
    target = tmp_path / "history.csv"
    history.export_csv(str(target))
    qtbot.waitUntil(lambda: history.export_progress > 0, timeout=10_000)
    history.cancel_export()
    wait_until_idle(d.window)
    assert not target.exists()
    assert history.export_result == "CSVの保存を中止しました。ファイルは作成されていません。"
