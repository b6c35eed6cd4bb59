"""A field's notice says only what its text shows converted; a secret is never converted."""

from __future__ import annotations

from desktop_app.domain import fields, fields_live
from desktop_app.viewmodels.field import FieldViewModel

from .conftest import services_for

CONVERTED = "全角数字を半角に変換しました。"
SEPARATORS = "ハイフンと空白を取り除きました。"


def test_full_width_digits_are_converted_in_the_text_with_their_notice(runner, clock):
    field = FieldViewModel(
        services_for(runner, None, clock), fields.member_number, live=fields_live.digits
    )
    field.set_text("１２")
    assert (field.text, field.notice) == ("12", CONVERTED)
    field.set_text("12-0000001")  # the hyphen stays until the member leaves: no notice yet
    assert (field.text, field.notice) == ("12-0000001", CONVERTED)
    field.commit()
    assert (field.text, field.notice) == ("120000001", f"{CONVERTED}{SEPARATORS}")
    field.set_text("")
    assert field.notice == ""  # nothing left of what was converted


def test_an_amount_reads_grouped_once_left(runner, clock):
    field = FieldViewModel.amount(services_for(runner, None, clock))
    field.set_text("１0000")
    assert field.text == "10000"
    field.commit()
    assert (field.text, field.value, field.notice) == ("10,000", "10000", CONVERTED)


def test_a_secret_is_never_converted_and_its_error_names_no_character(runner, clock):
    field = FieldViewModel(
        services_for(runner, None, clock), fields.password, live=fields_live.alnum, secret=True
    )
    field.set_text("Taroｐａｓｓ")
    field.commit()
    assert field.text == "Taroｐａｓｓ"
    assert field.notice == ""
    assert field.field_error == "5文字目に全角文字があります。半角で入力してください。"
