"""Sign-in as DOMAIN.md §1, §7 and §8 say, through the harness and the contract's names."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractButton, QApplication, QDateEdit, QLineEdit, QListWidget

from desktop_app.testing import wait_until_idle

LOCKED_CARD = "暗証番号の誤入力が続いたため、このカードはロックされています。"
LOCKED_WEB = "パスワードの誤入力が続いたため、Web-IDはロックされています。"
SUSPENDED = "現在、会員サービスをご利用いただけません。"
DORMANT = "長期間ご利用がないため、会員サービスを休止しています。"
GENERIC_CARD = "カード番号もしくは暗証番号に誤りがあります。もう一度ご確認ください。"

MEMBERS = [
    # (who, card, pin, web id, password, expected: "home", "overdue", or the start of the
    # sentence for (Web-ID, card))
    ("山田", "4000123412341234", "1234", "yamada2026", "Taro2026pass", "home"),
    ("佐藤", "5012345678", "2580", "hanako0202", "Hanako2026", "home"),
    ("鈴木", "123456789012345", "3690", "suzuki0303", "Ichiro2026", "overdue"),
    ("田中", "4000999988887777", "4444", "tanaka0404", "Misaki2026", (LOCKED_WEB, LOCKED_CARD)),
    ("高橋", "4000222233334444", "5555", "takahashi05", "Ken2026pass", (SUSPENDED, SUSPENDED)),
    ("伊藤", "4000555566667777", "1357", None, None, "home"),
    ("渡辺", "4000777788889999", "2468", "watanabe07", "Sho2026pass", (DORMANT, DORMANT)),
]


@pytest.mark.parametrize("member", MEMBERS, ids=[m[0] for m in MEMBERS])
def test_each_demo_member_signs_in_as_the_domain_says(drive, member):
    who, card, pin, web_id, password, expected = member
    d = drive()
    for method, (ident, secret) in enumerate(((web_id, password), (card, pin))):
        if ident is None:
            continue
        if method == 0:
            d.sign_in_web(ident, secret)
        else:
            d.sign_in_card(ident, secret)
        if expected in ("home", "overdue"):
            assert d.screen() == "homeScreen", (who, method, d.visible_text("loginError"))
            banner = d.visible_text("overdueBanner")
            assert bool(banner) == (expected == "overdue")
            d.click("logoutButton")
        else:
            assert d.screen() == "loginScreen"
            assert d.visible_text("loginError").startswith(expected[method]), (who, method, ident)


def test_full_width_web_id_is_converted_with_a_notice_and_signs_in(drive, qtbot):
    d = drive()
    d.find(QLineEdit, "webIdInput").setText("ｙａｍａｄａ２０２６")
    assert d.visible_text("widthNotice") == "全角英数字を半角に変換しました。"
    d.type("passwordInput", "Taro2026pass")
    d.click("loginButton")
    assert d.screen() == "homeScreen"


def test_pasting_a_full_width_web_id_converts_it_too(drive):
    d = drive()
    QApplication.clipboard().setText("ｙａｍａｄａ２０２６")
    d.find(QLineEdit, "webIdInput").paste()
    assert d.visible_text("widthNotice") == "全角英数字を半角に変換しました。"
    d.type("passwordInput", "Taro2026pass")
    d.click("loginButton")
    assert d.screen() == "homeScreen"


def test_a_full_width_password_is_refused_before_sending_by_its_position_only(drive):
    d = drive()
    d.type("webIdInput", "yamada2026")
    d.type("passwordInput", "Taro２０２６pass")
    # The position only: a password's character is never shown, not even in an error.
    assert d.visible_text("loginError") == "5文字目に全角文字があります。半角で入力してください。"
    assert "２" not in d.visible_text("loginError")
    assert not d.find(QAbstractButton, "loginButton").isEnabled()  # nothing to send


@pytest.mark.parametrize("typed", ["4000-1234-1234-1234", "４０００ １２３４ １２３４ １２３４"])
def test_card_numbers_with_hyphens_or_full_width_sign_in(drive, typed):
    d = drive()
    d.sign_in_card(typed, "1234")
    assert d.screen() == "homeScreen"


def test_the_third_wrong_pin_locks_and_the_fourth_says_locked_even_when_right(drive):
    d = drive()
    d.sign_in_card("4000123412341234", "0000")
    assert d.visible_text("loginError") == GENERIC_CARD
    d.sign_in_card("4000123412341234", "1111")
    assert d.visible_text("loginError") == GENERIC_CARD
    d.sign_in_card("4000123412341234", "2222")
    assert d.visible_text("loginError").startswith(LOCKED_CARD)
    d.sign_in_card("4000123412341234", "1234")
    assert d.visible_text("loginError").startswith(LOCKED_CARD)
    assert d.screen() == "loginScreen"


def _code_from_inbox(d) -> str:
    d.click("demoInboxLink") if d.screen() == "loginScreen" else None
    wait_until_idle(d.window)
    items = d.find(QListWidget, "inboxList")
    assert items.count() > 0
    newest = items.item(0).text()
    match = re.search(r"\b(\d{6})\b", newest)
    assert match, newest
    return match.group(1)


def test_web_id_registration_end_to_end_through_the_demo_inbox(drive):
    d = drive()
    d.click("registerWebIdLink")
    assert d.screen() == "registerWebIdScreen"
    d.type("registerMemberNumberInput", "１０００００００６")  # full-width: converted
    d.type("registerEmailInput", "ito@example.jp")
    d.click("registerSendCodeButton")
    assert d.visible_text("registerError") == ""
    d.click("registerInboxButton")
    code = _code_from_inbox(d)
    d.click("inboxBackButton")
    assert d.screen() == "registerWebIdScreen"
    d.type("registerCodeInput", code)
    d.type("registerNewWebIdInput", "sakura0606")
    d.type("registerNewPasswordInput", "Sakura2026")
    d.type("registerNewPasswordConfirmInput", "Sakura2026")
    d.click("registerSubmitButton")
    assert d.screen() == "loginScreen"
    assert d.find(QLineEdit, "webIdInput").text() == "sakura0606"
    assert "Web-IDを登録しました" in d.visible_text("messageBanner")
    d.type("passwordInput", "Sakura2026")
    d.click("loginButton")
    assert d.screen() == "homeScreen"
    assert d.text("memberNameLabel") == "伊藤 さくら 様"


def test_password_reset_unlocks_a_locked_web_id(drive):
    d = drive()
    d.sign_in_web("tanaka0404", "Misaki2026")
    assert d.visible_text("loginError").startswith(LOCKED_WEB)
    d.click("forgotPasswordLink")
    assert d.screen() == "resetPasswordScreen"
    d.type("resetIdInput", "tanaka0404")
    birth = d.find(QDateEdit, "resetBirthDateInput")
    birth.setDate(QDate(1990, 4, 4))
    d.click("resetSendCodeButton")
    assert d.visible_text("resetError") == "", d.visible_text("resetError")
    d.click("resetInboxButton")
    code = _code_from_inbox(d)
    d.click("inboxBackButton")
    d.type("resetCodeInput", code)
    d.type("resetNewPasswordInput", "Misaki2027")
    d.type("resetNewPasswordConfirmInput", "Misaki2027")
    d.click("resetSubmitButton")
    assert d.screen() == "loginScreen"
    d.sign_in_web("tanaka0404", "Misaki2027")
    assert d.screen() == "homeScreen"


def test_a_locked_card_replaces_the_signed_out_banner_and_asks_for_no_pin(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("logoutButton")
    assert d.visible_text("messageBanner") == "ログアウトしました。ご利用ありがとうございました。"
    d.sign_in_card("4000999988887777", "4444")
    assert d.visible_text("loginError").startswith(LOCKED_CARD)
    assert d.visible_text("messageBanner") == ""  # the lock is what is said now
    assert d.find(QAbstractButton, "loginButton").isEnabled() is False  # the PIN was cleared
    assert d.visible_text("loginButtonHint") == ""  # no "enter your PIN" beside the lock
    d.type("cardNumberInput", "4000123412341234")  # another card: the lock is over
    assert d.visible_text("loginButtonHint") == "暗証番号を入力してください。"


def test_a_login_screen_deleted_right_after_showing_is_not_refocused(drive, qtbot):
    import shiboken6
    from PySide6.QtWidgets import QWidget

    d = drive()
    login = d.find(QWidget, "loginScreen")
    login.hide()
    login.show()  # queues the refocus
    shiboken6.delete(login)  # the window closes before the queued call runs
    qtbot.waitUntil(lambda: d.window.findChild(QWidget, "loginScreen") is None)
    QApplication.processEvents()  # the queued refocus would raise on a deleted view
