"""The address form's live feedback: a postal code in any width fills the town from Japan
Post's data (looked up in the runner), an unknown code is said under the field, a code with
several towns asks for a choice, and 番地 is made full-width with its notice."""

from __future__ import annotations

import pytest

from desktop_app.viewmodels.address import AddressViewModel
from tests.viewmodels.conftest import services_of


@pytest.fixture
def address(make_app, sql_store):
    app = make_app(sql_store)
    return AddressViewModel(services_of(app), app)


def test_a_full_width_postal_code_fills_the_town(address, wait_idle):
    address.postal.set_text("〒１００－０００１")
    assert address.postal.text == "〒100－0001"  # digits convert as typed
    wait_idle()
    assert address.town_address == "東京都千代田区千代田"
    assert address.town_choices == []  # one town: no choice to make
    address.postal.commit()
    assert address.postal.text == "100-0001"  # shown as it is written
    assert address.postal.value == "1000001"  # sent as 7 digits
    # The hyphen is shown: its removal is not said.
    assert address.postal.notice == "全角数字を半角に変換しました。"
    assert address.submit_hint == "番地・建物名を入力してください。"


def test_an_unknown_code_is_said_under_the_field(address, wait_idle):
    address.postal.set_text("9999999")
    wait_idle()
    assert address.postal.field_error == (
        "この郵便番号に該当する住所が見つかりません。郵便番号をご確認ください。"
    )
    assert address.town_address == "" and not address.can_submit
    address.postal.set_text("100000")  # being corrected: no scolding while typing
    assert address.postal.field_error == ""


def test_several_towns_are_offered_as_a_choice(address, wait_idle):
    address.postal.set_text("068-0546")
    wait_idle()
    assert address.town_choices == ["北海道夕張市南部青葉町", "北海道夕張市南部菊水町"]
    assert address.town_index == -1 and address.town_address == ""
    address.line2.set_text("1-1")
    assert address.submit_hint == "町域を一覧からお選びください。"
    address.choose_town(1)
    assert address.town_address == "北海道夕張市南部菊水町"
    assert address.submit_hint == ""


def test_the_street_number_becomes_full_width_with_its_notice(address, wait_idle):
    address.postal.set_text("1000001")
    wait_idle()
    address.line2.set_text("1-1 ｺｰﾎﾟ101")
    address.line2.commit()
    assert address.line2.text == "１－１　コーポ１０１"
    assert "全角に変換しました" in address.line2.notice
    assert "。 " not in address.line2.notice  # Japanese sentences follow with no space
    assert address.new_address() == "〒100-0001 東京都千代田区千代田１－１　コーポ１０１"
    assert address.duty == (
        "お引越しなどでご住所が変わったときは、会員規約により14日以内にお届けいただく"
        "ことになっています。"
    )
