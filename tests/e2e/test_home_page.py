"""The home page a member reads in two seconds (issue 10, point 1), on the real demo store:
the hero figure, what an overdue member owes and by when, the notices for the right members,
figures that are never older than the last movement, the tiles, and the brand's footer."""

from __future__ import annotations

import json
import uuid

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from desktop_app.domain.models import RepayIntent
from desktop_app.testing import context_of, wait_until_idle

YAMADA = ("yamada2026", "Taro2026pass")  # due 11-25, the day after the clock's 11-24
SATO = ("hanako0202", "Hanako2026")  # never borrowed, interest-free eligible
SUZUKI_CARD = ("123456789012345", "3690")  # overdue: due 11-19 unpaid
SECURITY = "当社から確認コードやパスワードをお尋ねすることはありません。"


def _home(d) -> QWidget:
    return d.find(QWidget, "homeScreen")


def _visible_labels(d) -> list[QLabel]:
    return [label for label in _home(d).findChildren(QLabel) if label.isVisible() and label.text()]


def _visible(d, name: str) -> bool:
    return d.find(QWidget, name).isVisible()


@pytest.mark.parametrize("size", ["small", "medium", "large"])
def test_the_available_amount_is_the_largest_text_on_home(drive, size):
    d = drive()
    context_of(d.window).settings.set_font_size(size)  # a live change, as the settings do
    d.sign_in_web(*YAMADA)
    QApplication.processEvents()
    hero = d.find(QLabel, "availableLabel")
    assert hero.isVisible() and hero.text() == "380,000円"
    hero_size = hero.font().pointSizeF()
    others = [label for label in _visible_labels(d) if label is not hero]
    assert len(others) > 10
    for label in others:
        assert label.font().pointSizeF() < hero_size, (label.objectName(), label.text())
    assert d.text("memberNumberLabel") == "100000001"
    assert d.text("creditLimitLabel") == "500,000円"


def test_an_overdue_member_sees_what_they_owe_and_by_when_not_what_they_may_borrow(drive):
    d = drive()
    d.sign_in_card(*SUZUKI_CARD)
    assert d.screen() == "homeScreen"
    assert not _visible(d, "availableLabel")
    assert not _visible(d, "homeLimitButton")
    assert not d.find(QAbstractButton, "homeBorrowTile").isEnabled()
    assert _visible(d, "homeAmountDueLabel")
    assert d.text("homeAmountDueLabel") == "10,000円"
    assert "遅延損害金684円" in d.visible_text("homeLateDamagesLabel")
    assert d.text("homeDueDateCaption") == "お支払期日"
    assert d.text("nextDueDateLabel") == "2026年11月19日(木)"
    banner = d.visible_text("overdueBanner")
    assert "2026年11月19日(木)" in banner and "遅延損害金684円を含むご請求額10,000円" in banner
    shown = " ".join(label.text() for label in _visible_labels(d))
    for word in ("借入可能額", "次回返済日", "増額"):
        assert word not in shown
    hero = d.find(QLabel, "homeAmountDueLabel")
    for label in _visible_labels(d):
        if label is not hero:
            assert label.font().pointSizeF() < hero.font().pointSizeF(), label.objectName()


def test_the_promise_page_speaks_of_the_due_date_that_passed(drive):
    d = drive()
    d.sign_in_card(*SUZUKI_CARD)
    d.click("homePromiseButton")
    assert d.screen() == "promiseScreen"
    explanation = d.visible_text("promiseExplainLabel")
    assert explanation.startswith("2026年11月19日(木)のご返済が確認できておりません。")
    assert "次回返済日" not in explanation
    d.click("promiseSubmitButton")
    assert "次回返済日" not in d.visible_text("promiseResultLabel")


def test_a_member_due_tomorrow_is_told_so_and_the_security_notice_is_always_there(drive):
    d = drive()
    d.sign_in_web(*YAMADA)
    notice = d.visible_text("homeDueSoonNotice")
    assert "2026年11月25日(水)" in notice and "あと1日" in notice and "5,000円" in notice
    assert d.visible_text("overdueBanner") == ""
    assert d.visible_text("interestFreeLabel") == ""
    assert d.visible_text("homeSecurityNotice") == SECURITY
    d.click("logoutButton")
    d.sign_in_card(*SUZUKI_CARD)
    assert d.visible_text("homeDueSoonNotice") == ""
    assert d.visible_text("overdueBanner")
    assert d.visible_text("homeSecurityNotice") == SECURITY


def test_interest_free_days_are_counted_down_on_home(drive):
    d = drive()
    d.sign_in_web(*SATO)
    assert "初回のお借入れは、お借入れの翌日から30日間" in d.visible_text("interestFreeLabel")
    assert d.visible_text("homeDueSoonNotice") == ""  # nothing to repay
    d.click("homeBorrowTile")
    assert d.screen() == "borrowScreen"
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    d.confirm_dialog()
    d.click("navHome")
    assert d.visible_text("interestFreeLabel") == (
        "無利息期間中です。2026年12月24日(木)まで利息はかかりません（残り30日）。"
    )
    assert d.text("balanceLabel") == "10,000円"
    assert d.text("availableLabel") == "290,000円"


def test_home_asks_the_store_again_each_time_it_is_shown(drive):
    """A repayment the page did not make (at a bank, on another device) shows on the next
    visit: no figure older than the last movement."""
    d = drive()
    d.sign_in_web(*YAMADA)
    assert d.text("balanceLabel") == "120,000円"
    context = context_of(d.window)
    store, token = context.store, context.app_vm.session.token
    receipts: list[object] = []
    context.runner.submit(
        "repay_elsewhere",
        lambda: store.get().repay(token, RepayIntent.AMOUNT, 20_000, "0009", uuid.uuid4().hex),
        receipts.append,
        receipts.append,
    )
    wait_until_idle(d.window)
    assert len(receipts) == 1
    d.click("homeHistoryTile")
    assert d.screen() == "historyScreen"
    d.click("navHome")
    # 20 days at 18.0 % on 120,000 is 1,183 of interest; the rest repaid the principal.
    assert d.text("balanceLabel") == f"{120_000 - (20_000 - 1_183):,}円"
    assert d.visible_text("homeDueSoonNotice") == ""  # this cycle's minimum is paid


def test_after_a_borrowing_home_shows_the_new_figures(drive):
    d = drive()
    d.sign_in_web(*YAMADA)
    d.click("homeBorrowTile")
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    d.confirm_dialog()
    d.click("navHome")
    assert d.text("availableLabel") == "370,000円"
    assert d.text("balanceLabel") == "130,000円"


def test_the_tiles_go_where_the_navigation_goes(drive):
    d = drive()
    d.sign_in_web(*YAMADA)
    for tile, screen in (
        ("homeBorrowTile", "borrowScreen"),
        ("homeRepayTile", "repayScreen"),
        ("homeHistoryTile", "historyScreen"),
    ):
        d.click(tile)
        assert d.screen() == screen
        d.click("navHome")
    assert not _visible(d, "homeProceduresPanel")
    for link, screen in (
        ("homeSimulatorLink", "simulatorScreen"),
        ("homeInterestLink", "interestScreen"),
        ("homeSettingsLink", "settingsScreen"),
    ):
        if not _visible(d, "homeProceduresPanel"):
            d.click("homeProceduresTile")
        assert _visible(d, link)
        d.click(link)
        assert d.screen() == screen
        d.click("navHome")
    d.click("logoutButton")
    d.sign_in_card(*SUZUKI_CARD)  # the next member finds the procedures folded
    assert not _visible(d, "homeProceduresPanel")


def test_the_footer_shows_the_configured_brand(drive, tmp_path, monkeypatch):
    brand = {
        "company_ja": "あおばクレジット株式会社",
        "registration_ja": "近畿財務局長(2)第01234号",
        "association_number": "004321",
        "support_phone": "0120-111-222",
        "support_opens": "8:30",
        "support_closes": "20:00",
        "faq_url": "https://aoba.example.jp/faq/",
    }
    path = tmp_path / "brand.json"
    path.write_text(json.dumps(brand, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("MEMBER_CLIENT_BRAND", str(path))
    d = drive()
    assert d.visible_text("loginFooterCompanyLabel") == "あおばクレジット株式会社"
    assert d.visible_text("loginFooterAssociationLabel") == "日本貸金業協会会員 第004321号"
    d.sign_in_card("4000999988887777", "4444")  # 田中: locked; the sentence names the line
    assert "0120-111-222（受付時間 8:30～20:00、年中無休）" in d.visible_text("loginError")
    d.sign_in_web(*YAMADA)
    assert d.visible_text("homeFooterCompanyLabel") == "あおばクレジット株式会社"
    registration = d.visible_text("homeFooterRegistrationLabel")
    assert registration == "貸金業登録番号：近畿財務局長(2)第01234号"
    assert d.visible_text("homeFooterAssociationLabel") == "日本貸金業協会会員 第004321号"
    assert "0120-111-222（受付時間 8:30～20:00、年中無休）" in d.visible_text(
        "homeFooterContactLabel"
    )
    faq = d.find(QAbstractButton, "homeFooterFaqLink")
    assert faq.isVisible() and faq.text() == "よくあるご質問"
    assert faq.toolTip() == "https://aoba.example.jp/faq/"


def test_the_footer_of_the_demo_brand_follows_a_live_switch_to_english(drive):
    d = drive()
    d.sign_in_web(*YAMADA)
    assert d.visible_text("homeFooterCompanyLabel") == "こはくファイナンス株式会社"
    context_of(d.window).settings.set_language("en")
    assert d.visible_text("homeFooterCompanyLabel") == "Kohaku Finance Co., Ltd."
    contact = d.visible_text("homeFooterContactLabel")
    assert contact == "Kohaku Loan support: 0120-000-000 (9:00–21:00, every day)"
    assert d.visible_text("homeSecurityNotice") == (
        "We will never ask you for a confirmation code or a password."
    )
    d.click("logoutButton")
    assert d.visible_text("loginFooterCompanyLabel") == "Kohaku Finance Co., Ltd."
    assert d.find(QAbstractButton, "loginFooterFaqLink").text() == "Frequently asked questions"
