"""The rules as a member meets them over time: interest, due dates, overdue, maintenance and
arrival, through the harness, relaunching the client on the same store with a later --now."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QRadioButton

from desktop_app.testing import close_all


def _relaunch(drive, now: str):
    close_all()
    return drive(now=now)


def test_a_later_now_shows_interest_due_dates_and_overdue_state(drive):
    d = drive(now="2026-11-24T10:00:00+09:00")
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.text("nextDueDateLabel") == "2026年11月25日(水)"
    assert d.text("nextPaymentLabel") == "5,000円"
    assert d.visible_text("overdueBanner") == ""
    d.click("navRepay")
    # 120,000 borrowed on 11-04: 20 days at 18.0 % = 1,183 yen of interest.
    assert d.text("payoffAmountLabel") == "121,183円"

    d = _relaunch(drive, "2026-11-27T10:00:00+09:00")
    d.sign_in_web("yamada2026", "Taro2026pass")
    # Nothing paid by 11-25: overdue; 21 days of interest, then 2 days of late damages at 20 %.
    assert "2026年11月25日(水)のご返済が確認できておりません" in d.visible_text("overdueBanner")
    d.click("navRepay")
    assert d.text("payoffAmountLabel") == f"{120_000 + 1_242 + 131:,}円"
    d.click("navBorrow")
    assert d.visible_text("borrowBlockedLabel").startswith("ご返済が確認できていないため")


def test_interest_free_period_and_its_end(drive):
    d = drive(now="2026-11-10T10:00:00+09:00")
    d.sign_in_web("hanako0202", "Hanako2026")
    d.click("navBorrow")
    d.type("borrowAmountInput", "100000")
    d.click("borrowConfirmButton")
    d.confirm_dialog()
    d.click("navHome")
    assert d.text("interestFreeLabel") == (
        "無利息期間中です。2026年12月10日(木)まで利息はかかりません（残り30日）。"
    )
    assert d.text("nextPaymentLabel") == "4,000円"
    assert d.text("nextDueDateLabel") == "2026年12月15日(火)"

    d = _relaunch(drive, "2026-12-14T10:00:00+09:00")  # 34 days later
    d.sign_in_web("hanako0202", "Hanako2026")
    assert d.visible_text("interestFreeLabel") == ""
    d.click("navRepay")
    assert d.text("payoffAmountLabel") == "100,197円"  # 4 charged days at 18.0 %
    d.find(QRadioButton, "repayKindFull").click()
    d.click("repayConfirmButton")
    d.confirm_dialog()
    d.click("navHome")
    assert d.text("balanceLabel") == "0円"


def test_sign_in_during_weekly_maintenance_says_when_it_resumes(drive):
    d = drive(now="2026-11-30T00:30:00+09:00")  # a Monday
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "loginScreen"
    assert (
        d.visible_text("loginError")
        == "メンテナンス中です。11月30日(月) 7:00 以降にご利用ください。"
    )


def test_arrival_estimate_on_a_weekday(drive):
    d = drive(now="2026-11-24T10:00:00+09:00")
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")
    assert d.visible_text("transferEstimateLabel") == "着金予定：お手続き完了後、10秒程度"


def test_arrival_and_repayment_hours_on_a_sunday_night(drive):
    d = drive(now="2026-11-22T23:20:00+09:00")  # Sunday night, a fresh store
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")
    # 三井住友銀行 stops from Sunday 21:00 to Monday 7:00.
    assert d.visible_text("transferEstimateLabel") == "着金予定：11月23日(月) 7:00頃"
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    assert "着金予定：11月23日(月) 7:00頃" in d.text("confirmSummaryLabel")
    d.dialog().findChild(QAbstractButton, "confirmCancelButton").click()
    d.click("navRepay")
    d.find(QRadioButton, "repayKindAmount").click()
    d.type("repayAmountInput", "10000")
    d.click("repayConfirmButton")
    d.confirm_dialog()
    # Internet repayment stops Sunday 23:00, then everything until Monday 7:00.
    assert (
        d.visible_text("repayError")
        == "メンテナンス中です。11月23日(月) 7:00 以降にご利用ください。"
    )
