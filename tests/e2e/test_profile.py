"""Issue 11's registered details through the harness and the contract's names, as 山田
(yamada2026): the address from a full-width postal code, a phone change by the keyboard, an
email change with the one-time code from the outbox, a locked change after 5 wrong codes, a
Web-ID change that ends the other sessions, and what cannot be done online."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QListWidget, QTableView

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import Session
from desktop_app.host import ENTRY, SERVICE
from desktop_app.store.sql import SqlStore
from desktop_app.testing import sent_messages, wait_until_idle


def _profile(d) -> None:
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navProfile")
    assert d.screen() == "profileScreen"


def _history_row(d, row: int = 0) -> list[str]:
    model = d.find(QTableView, "changeHistoryTable").model()
    return [model.index(row, column).data() for column in range(model.columnCount())]


def _otp(d) -> QDialog:
    dialog = d.window.findChild(QDialog, "otpDialog")
    assert dialog is not None and dialog.isVisible(), "no one-time code dialog is open"
    return dialog


def _code_sent(d) -> str:
    newest = sent_messages(d.window)[0]
    match = re.search(r"(?<!\d)(\d{4})(?!\d)", newest.body)
    assert match is not None, newest.body
    return match.group(1)


def _type_and_enter(d, field: QLineEdit, text: str) -> None:
    """Once ``field`` has the keyboard: type ``text`` and press Enter, as the member does."""
    d.qtbot.waitUntil(field.hasFocus)
    d.qtbot.keyClicks(field, text)
    d.qtbot.keyClick(field, Qt.Key.Key_Return)
    wait_until_idle(d.window)


def _type_code(d, code: str) -> None:
    # The dialog opens with the keyboard in the code field.
    _type_and_enter(d, _otp(d).findChild(QLineEdit, "otpCodeInput"), code)


def _escape_dialog(d, name: str, widget=None) -> None:
    """Esc in the open dialog ``name`` (or in ``widget`` in it): it closes, nothing changes."""
    d.qtbot.keyClick(widget if widget is not None else d.dialog(), Qt.Key.Key_Escape)
    d.qtbot.waitUntil(lambda: d.window.findChild(QDialog, name) is None)


@pytest.fixture
def profile(drive):
    """山田 signed in, on the profile screen."""
    d = drive()
    _profile(d)
    return d


def test_a_full_width_postal_code_fills_the_town_and_the_new_address_is_registered(profile):
    d = profile
    d.click("changeAddressButton")
    assert d.screen() == "addressForm"
    assert d.visible_text("addressCurrentLabel").startswith("現在のご住所：〒160-0022 ")
    d.type("postalCodeInput", "１００－０００１")
    wait_until_idle(d.window)
    assert d.find(QLineEdit, "addressInput").text() == "東京都千代田区千代田"
    assert d.find(QLineEdit, "addressInput").isReadOnly()
    assert "14日以内" in d.visible_text("addressDutyLabel")
    d.type("addressLine2Input", "１－１")
    d.click("addressSubmitButton")
    summary = d.dialog().findChild(QLabel, "confirmSummaryLabel").text()
    assert summary == "新しいご住所：〒100-0001 東京都千代田区千代田１－１"
    d.confirm_dialog()
    assert d.screen() == "profileScreen"
    assert d.text("profileAddressLabel") == "〒100-0001 東京都千代田区千代田１－１"
    assert d.visible_text("profileNoticeLabel") == "ご住所を変更しました。"
    when, item, before, after, device = _history_row(d)
    assert (item, device) == ("ご住所", "この端末")
    assert after.startswith("〒100-0001 東京都千代田区千代田") and "１－１" not in after
    assert before.startswith("〒160-0022")  # the old address, its 番地 masked
    assert when == "2026/11/24 10:00"


def test_an_unknown_postal_code_is_said_under_the_field(profile):
    d = profile
    d.click("changeAddressButton")
    d.type("postalCodeInput", "〒999-9999")
    wait_until_idle(d.window)
    assert d.visible_text("postalCodeError") == (
        "この郵便番号に該当する住所が見つかりません。郵便番号をご確認ください。"
    )
    assert not d.find(QAbstractButton, "addressSubmitButton").isEnabled()


def test_a_phone_change_by_the_keyboard(profile):
    d = profile
    assert d.visible_text("changeHistoryEmptyLabel") == "変更履歴はありません。"
    d.click("changePhoneButton")
    assert d.visible_text("phoneCurrentLabel") == "現在の電話番号：090-1234-5678"
    field = d.find(QLineEdit, "phoneInput")
    assert field.placeholderText() == "例：090-0000-0000"  # nobody's own number
    d.qtbot.waitUntil(field.hasFocus)  # the keyboard lands in the form
    d.qtbot.keyClicks(field, "080-9876-5432")
    d.qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter sends the form
    wait_until_idle(d.window)
    assert d.dialog().findChild(QLabel, "confirmSummaryLabel").text() == (
        "新しい電話番号：080-9876-5432"
    )
    accept = d.dialog().findChild(QAbstractButton, "confirmAcceptButton")
    d.qtbot.waitUntil(accept.hasFocus)  # 確定 has the keyboard: Enter confirms
    d.qtbot.keyClick(accept, Qt.Key.Key_Return)
    wait_until_idle(d.window)
    assert d.screen() == "profileScreen"
    assert d.text("profilePhoneLabel") == "080-9876-5432"
    assert _history_row(d)[1] == "電話番号"
    assert d.visible_text("changeHistoryEmptyLabel") == ""
    d.click("changePhoneButton")  # the form says what is registered now
    assert d.visible_text("phoneCurrentLabel") == "現在の電話番号：080-9876-5432"


def test_an_email_change_with_the_code_from_the_outbox(profile):
    d = profile
    d.click("changeEmailButton")
    assert d.visible_text("emailCurrentLabel").startswith("現在のメールアドレス：")
    assert "@" in d.visible_text("emailCurrentLabel")
    d.type("emailChangeInput", "ｔａｒｏ．ｎｅｗ＠ｅｘａｍｐｌｅ．ｊｐ")
    assert d.find(QLineEdit, "emailChangeInput").text() == "taro.new@example.jp"
    d.click("emailSubmitButton")
    dialog = _otp(d)
    info = dialog.findChild(QLabel, "otpInfoLabel").text()
    assert info.startswith("ご登録の携帯電話番号（") and "5678" in info
    assert "1234" not in info  # the number is masked
    resend = dialog.findChild(QAbstractButton, "otpResendButton")
    assert not resend.isEnabled() and "秒" in resend.text()
    _type_code(d, _code_sent(d))
    assert d.window.findChild(QDialog, "otpDialog") is None
    assert d.screen() == "profileScreen"
    assert d.text("profileEmailLabel") == "taro.new@example.jp"
    assert "メールアドレスを変更しました" in d.visible_text("profileNoticeLabel")
    assert any(m.channel == "email" for m in sent_messages(d.window)[:2])  # the old address


def test_five_wrong_codes_lock_the_change_and_say_so(profile):
    d = profile
    d.click("changeEmailButton")
    d.type("emailChangeInput", "taro.new@example.jp")
    d.click("emailSubmitButton")
    right = _code_sent(d)
    wrong = "0000" if right != "0000" else "1111"
    error = _otp(d).findChild(QLabel, "otpError")
    _type_code(d, wrong)
    assert error.text() == "確認コードが正しくありません。あと4回入力できます。"
    for _ in range(4):
        _type_code(d, wrong)
    assert error.isVisible() and error.text() == (
        "確認コードの入力誤りが規定の回数を超えたため、11月24日(火) 10:10まで"
        "このお手続きはできません。"
    )
    submit = _otp(d).findChild(QAbstractButton, "otpSubmitButton")
    _otp(d).findChild(QLineEdit, "otpCodeInput").setText(right)
    assert not submit.isEnabled()  # even the right code cannot be used now
    _escape_dialog(d, "otpDialog", _otp(d).findChild(QLineEdit, "otpCodeInput"))
    assert d.screen() == "emailForm"
    d.click("emailSubmitButton")  # asking again while it is locked: said in the dialog
    assert "11月24日(火) 10:10まで" in _otp(d).findChild(QLabel, "otpError").text()
    assert d.text("profileEmailLabel") == "yamada@example.jp"


@contextmanager
def _other_device(store_url: str) -> Iterator[tuple[SqlStore, Session]]:
    """山田 signed in on another device as well (the same store, opened on its own)."""
    clock = FixedClock(datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO))
    other = SqlStore(store_url, clock, hash_profile="fast")
    try:
        yield other, other.sign_in_with_web_id("yamada2026", "Taro2026pass", "other-device")
    finally:
        other.close()


def _assert_signed_out(other: SqlStore, token: str) -> None:
    """The other device's session was ended."""
    with pytest.raises(AppError) as refused:
        other.account_summary(token)
    assert refused.value.code is ErrorCode.SESSION_EXPIRED


def test_a_web_id_change_ends_the_other_sessions_and_the_remembered_id(
    drive, store_url, memory_keyring
):
    d = drive()
    with _other_device(store_url) as (other, elsewhere):
        d.find(QAbstractButton, "rememberWebIdCheck").setChecked(True)
        _profile(d)
        d.click("changeWebIdButton")
        d.type("newWebIdInput", "ｔａｒｏ２０２６ｎｅｗ")
        d.type("webIdCurrentPasswordInput", "Taro2026pass")
        d.click("webIdSubmitButton")
        _type_code(d, _code_sent(d))
        assert d.screen() == "profileScreen"
        assert d.text("profileWebIdLabel") == "taro2026new"
        assert "ほかの端末からはすべてログアウトしました" in d.visible_text("profileNoticeLabel")
        _assert_signed_out(other, elsewhere.token)
        assert memory_keyring == {(SERVICE, ENTRY): "taro2026new"}
        d.click("logoutButton")
        d.sign_in_web("taro2026new", "Taro2026pass")
        assert d.screen() == "homeScreen"


def test_a_locked_card_is_shown_what_cannot_be_done_online(drive):
    d = drive()
    d.sign_in_card("4000999988887777", "4444")  # 田中: the card is locked
    assert "ロック" in d.visible_text("loginError")
    link = d.find(QAbstractButton, "notOnlineLinkLogin")
    assert link.isVisible()
    d.click("notOnlineLinkLogin")
    assert d.screen() == "notOnlineScreen"
    items = d.find(QListWidget, "notOnlineList")
    texts = [items.item(row).text() for row in range(items.count())]
    titles = [text.splitlines()[0] for text in texts]
    assert titles == [
        "暗証番号の再設定",
        "カードの再発行",
        "氏名の変更",
        "金利の引き下げのご相談",
        "Web-IDの削除",
        "ご契約の解約",
        "完済証明書の発行",
    ]
    assert all("お手続き方法：" in t and "ご用意いただくもの：" in t for t in texts)
    assert any("ご用意いただくもの：ありません。" in t for t in texts)
    assert d.text("notOnlineExplainLabel").startswith(
        "次のお手続きは、会員サービスでは承っておりません。"
    )
    assert all("不要です" not in t for t in texts)
    assert "0120-000-000" in d.visible_text("notOnlineSupportLabel")
    assert "9:00" in d.visible_text("notOnlineSupportLabel")
    d.click("notOnlineBackButton")
    assert d.screen() == "loginScreen"
    assert link.isVisible()  # still beside the error it explains
    d.type("pinInput", "1")
    assert not link.isVisible()  # typing again: the refusal and its link are gone


def test_the_profile_links_to_what_cannot_be_done_online(profile):
    d = profile
    d.click("notOnlineLink")
    assert d.screen() == "notOnlineScreen"
    d.click("notOnlineBackButton")
    assert d.screen() == "profileScreen"


def _enter_in(d, name: str, text: str) -> None:
    field = d.find(QLineEdit, name)
    field.setFocus()
    _type_and_enter(d, field, text)


def test_enter_sends_each_form_and_escape_gives_the_code_up(profile):
    d = profile
    d.click("changeWorkplaceButton")
    assert d.visible_text("workplaceCurrentLabel").startswith("現在の勤務先：")
    assert d.find(QLineEdit, "workplacePhoneInput").placeholderText() == "例：03-0000-0000"
    d.type("workplaceNameInput", "ｺﾊｸ商事")
    _enter_in(d, "workplacePhoneInput", "0312345678")
    summary = d.dialog().findChild(QLabel, "confirmSummaryLabel").text()
    assert summary == "勤務先：コハク商事\n勤務先の電話番号：03-1234-5678"
    _escape_dialog(d, "confirmDialog")  # not confirmed: nothing changes
    assert d.screen() == "workplaceForm"
    d.click("workplaceBackButton")
    d.click("changeAddressButton")
    d.type("postalCodeInput", "1000001")
    wait_until_idle(d.window)
    _enter_in(d, "addressLine2Input", "1-1")
    assert (
        "〒100-0001 東京都千代田区千代田１－１"
        in d.dialog().findChild(QLabel, "confirmSummaryLabel").text()
    )
    _escape_dialog(d, "confirmDialog")
    d.click("addressBackButton")
    d.click("changePasswordButton")
    d.type("currentPasswordInput", "Taro2026pass")
    d.type("newPasswordInput", "Taro2027pass")
    _enter_in(d, "newPasswordConfirmInput", "Taro2027pass")
    code = _otp(d).findChild(QLineEdit, "otpCodeInput")
    d.qtbot.waitUntil(code.hasFocus)
    _escape_dialog(d, "otpDialog", code)
    assert d.screen() == "passwordChangeForm"
    assert d.find(QAbstractButton, "passwordChangeSubmitButton").isEnabled()  # may ask again


def test_a_password_change_signs_out_the_other_devices(drive, store_url):
    d = drive()
    with _other_device(store_url) as (other, elsewhere):
        _profile(d)
        d.click("changePasswordButton")
        d.type("currentPasswordInput", "Taro2026pass")
        d.type("newPasswordInput", "Taro2027pass")
        d.type("newPasswordConfirmInput", "Taro2027pasz")
        assert not d.find(QAbstractButton, "passwordChangeSubmitButton").isEnabled()
        assert "同じパスワード" in d.visible_text("passwordChangeSubmitHint")
        d.type("newPasswordConfirmInput", "Taro2027pass")
        d.click("passwordChangeSubmitButton")
        _type_code(d, _code_sent(d))
        assert d.screen() == "profileScreen"
        assert "ほかの端末からはすべてログアウトしました" in d.visible_text("profileNoticeLabel")
        _assert_signed_out(other, elsewhere.token)
        d.click("logoutButton")
        d.sign_in_web("yamada2026", "Taro2027pass")
        assert d.screen() == "homeScreen"


def test_a_wrong_current_password_is_said_on_the_form(profile):
    d = profile
    d.click("changeWebIdButton")
    d.type("newWebIdInput", "taro2026new")
    d.type("webIdCurrentPasswordInput", "Wrong2026pass")
    d.click("webIdSubmitButton")
    _type_code(d, _code_sent(d))
    assert d.window.findChild(QDialog, "otpDialog") is None  # the code was not the problem
    assert d.visible_text("webIdError") == "現在のパスワードが正しくありません。ご確認ください。"
    assert d.find(QLineEdit, "newWebIdInput").text() == "taro2026new"  # kept, to correct
    assert d.find(QLineEdit, "webIdCurrentPasswordInput").text() == ""  # the secret is not


def test_caps_lock_is_warned_of_while_a_password_is_typed(profile):
    d = profile
    d.click("changePasswordButton")
    field = d.find(QLineEdit, "currentPasswordInput")
    field.setFocus()
    d.qtbot.waitUntil(field.hasFocus)
    d.qtbot.keyClicks(field, "TARO")  # capitals without Shift: Caps Lock is on
    assert "Caps Lock" in d.visible_text("passwordChangeCapsLockHint")
    d.find(QLineEdit, "newPasswordInput").setFocus()
    d.qtbot.keyClick(d.find(QLineEdit, "newPasswordInput"), Qt.Key.Key_CapsLock)
    assert d.visible_text("passwordChangeCapsLockHint") == ""
