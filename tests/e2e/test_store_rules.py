"""A store with rules of its own: every screen shows and enforces the store's rules, which the
client learns from ``service_terms()`` alone (issue 8, point 1)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QRadioButton, QTableView

from desktop_app.domain.rules import LoanRules, Rules, TransferRules

STRICT = Rules(
    loan=LoanRules(
        borrow_unit=10_000,
        borrow_minimum=50_000,
        repay_minimum=5_000,
        late_rate=Decimal("0.146"),
        due_days=(10, 20),
        interest_free_days=14,
        promise_days_after_due=7,
    ),
    transfer=TransferRules(instant_seconds=30),
)


@pytest.fixture
def strict(drive):
    return lambda: drive(rules=STRICT)


def test_borrowing_by_the_stores_unit_and_minimum(strict):
    d = strict()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")
    assert d.find(QLineEdit, "borrowAmountInput").placeholderText() == "10,000円単位、50,000円以上"
    d.type("borrowAmountInput", "1000")  # the default rules' minimum: not this store's
    assert "50,000円" in d.visible_text("borrowAmountError")
    assert not _enabled(d, "borrowConfirmButton")
    d.type("borrowAmountInput", "55000")
    assert "10,000円" in d.visible_text("borrowAmountError")
    assert not _enabled(d, "borrowConfirmButton")
    d.type("borrowAmountInput", "60000")
    assert d.visible_text("borrowAmountError") == ""
    assert d.visible_text("transferEstimateLabel") == "着金予定：お手続き完了後、30秒程度"
    d.click("borrowConfirmButton")
    d.confirm_dialog()
    assert "60,000円" in d.text("borrowResultLabel")


def test_repaying_by_the_stores_minimum(strict):
    d = strict()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navRepay")
    d.find(QRadioButton, "repayKindAmount").click()
    assert d.find(QLineEdit, "repayAmountInput").placeholderText() == "5,000円以上"
    d.type("repayAmountInput", "3000")
    assert "5,000円" in d.visible_text("repayAmountError")
    assert not _enabled(d, "repayConfirmButton")


def test_interest_and_promise_screens_show_the_stores_late_rate_and_window(strict):
    d = strict()
    d.sign_in_card("123456789012345", "3690")  # 鈴木, overdue 5 days
    d.click("navInterest")
    assert "14.6%" in d.visible_text("interestExplanationLabel")
    # 5 days of late damages on 250,000 at 14.6 % (not 20 %): 500 yen.
    assert "500円" in d.visible_text("interestToDateLabel")
    d.click("navHome")
    d.click("homePromiseButton")
    assert "7日後" in d.visible_text("promiseExplainLabel")


def test_the_simulator_pays_on_the_stores_due_days_and_the_free_days_are_its_own(strict):
    d = strict()
    d.sign_in_web("hanako0202", "Hanako2026")  # 佐藤: never borrowed, interest-free eligible
    d.click("navSimulator")
    d.type("simPrincipalInput", "100000")
    d.type("simMonthlyInput", "10000")
    d.qtbot.waitUntil(lambda: d.find(QTableView, "simScheduleTable").model().rowCount() > 3)
    model = d.find(QTableView, "simScheduleTable").model()
    days = {
        int(re.search(r"/(\d+)\(", model.index(row, 1).data()).group(1))  # 2026/12/25(金)
        for row in range(model.rowCount())
    }
    assert days <= {20, 21, 22, 23}, days  # the 20th, or the business day after it
    d.click("navBorrow")
    d.type("borrowAmountInput", "50000")
    d.click("borrowConfirmButton")
    d.dialog()
    assert "14日間" in d.text("confirmSummaryLabel")  # the store's interest-free days


def _enabled(d, name: str) -> bool:
    return d.find(QAbstractButton, name).isEnabled()
