"""Amount parsing and the input-width policies of the sign-in fields (DOMAIN.md §7)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import fields
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.money import group_digits, parse_amount

POLICIES = {
    "web_id": fields.web_id,
    "password": fields.password,
    "card_number": fields.card_number,
    "pin": fields.pin,
    "member_number": fields.member_number,
}


@pytest.mark.parametrize(
    ("text", "yen"),
    [
        ("30000", 30_000),
        ("３０，０００", 30_000),
        ("30,000円", 30_000),
        ("3万", 30_000),
        ("1.5万", 15_000),
        ("１．５万円", 15_000),
        (" 1,000 ", 1_000),
    ],
)
def test_amounts_that_parse(text: str, yen: int) -> None:
    assert parse_amount(text) == yen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("-1", ErrorCode.AMOUNT_SIGN),
        ("0", ErrorCode.AMOUNT_ZERO),
        ("1.5", ErrorCode.AMOUNT_FRACTION),
        ("abc", ErrorCode.AMOUNT_INVALID),
        ("", ErrorCode.REQUIRED),
        ("1.00005万", ErrorCode.AMOUNT_FRACTION),
        ("99999999999", ErrorCode.AMOUNT_TOO_LARGE),
    ],
)
def test_amounts_that_are_refused(text: str, code: ErrorCode) -> None:
    with pytest.raises(AppError) as caught:
        parse_amount(text)
    assert caught.value.code is code


def test_group_digits() -> None:
    assert group_digits(120_000) == "120,000"


def test_web_id_converts_full_width_with_a_notice() -> None:
    result = fields.web_id("ｙａｍａｄａ２０２６")
    assert result.ok
    assert result.value == "yamada2026"
    assert result.notices == (fields.Notice.FULL_WIDTH_ALNUM_CONVERTED,)
    plain = fields.web_id("yamada2026")
    assert (plain.value, plain.notices, plain.ok) == ("yamada2026", (), True)


def test_web_id_refusals() -> None:
    assert fields.web_id("yamada-2026").error == AppError(
        ErrorCode.INVALID_CHAR, position=7, char="-"
    )
    assert fields.web_id("山田2026abcd").error == AppError(
        ErrorCode.FULL_WIDTH_CHAR, position=1, char="山"
    )
    assert fields.web_id("short").error == AppError(ErrorCode.LENGTH, min=8, max=32)


def test_password_is_never_converted() -> None:
    result = fields.password("Taro２０２６pass")
    assert not result.ok
    assert result.error == AppError(ErrorCode.FULL_WIDTH_CHAR, position=5)  # never the char
    assert result.value == "Taro２０２６pass"
    assert fields.password("Taro2026pass").ok
    assert fields.password("Taro 2026pass").error == AppError(ErrorCode.INVALID_CHAR, position=5)
    assert fields.password("onlyletters").error == AppError(
        ErrorCode.PASSWORD_NEEDS_LETTER_AND_DIGIT
    )


@pytest.mark.parametrize("text", ["4000-1234-1234-1234", "４０００ １２３４ １２３４ １２３４"])
def test_card_number_accepts_separators_and_full_width(text: str) -> None:
    result = fields.card_number(text)
    assert result.ok
    assert result.value == "4000123412341234"
    assert fields.Notice.SEPARATORS_REMOVED in result.notices


def test_card_number_refusals() -> None:
    assert fields.card_number("4000-1234-1234").error == AppError(ErrorCode.CARD_NUMBER_LENGTH)
    assert fields.card_number("4000a").error == AppError(
        ErrorCode.INVALID_CHAR, position=5, char="a"
    )
    assert fields.card_number("5012345678").ok
    assert fields.card_number("123456789012345").ok


def test_fixed_length_digits() -> None:
    assert fields.pin("1234").value == "1234"
    assert fields.pin("１２３４").error == AppError(ErrorCode.FULL_WIDTH_CHAR, position=1)
    assert fields.pin("123").error == AppError(ErrorCode.DIGITS_LENGTH, length=4)
    assert fields.member_number("100-000-001").value == "100000001"


@pytest.mark.parametrize("name", sorted(POLICIES))
@given(text=st.text(max_size=60))
def test_every_policy_takes_any_text(name: str, text: str) -> None:
    result = POLICIES[name](text)
    assert isinstance(result, fields.FieldResult)
    assert isinstance(result.value, str)
    if result.error is not None:
        assert isinstance(result.error.code, ErrorCode)
        assert result.notices == () or result.error.code in (
            ErrorCode.LENGTH,
            ErrorCode.CARD_NUMBER_LENGTH,
            ErrorCode.DIGITS_LENGTH,
        )


@pytest.mark.parametrize("name", sorted(POLICIES))
@given(
    text=st.text(
        alphabet=st.sampled_from("0123456789０１２３４５６７８９aZｚＡ -－ー　!#"), max_size=40
    )
)
def test_normalisation_is_idempotent(name: str, text: str) -> None:
    policy = POLICIES[name]
    first = policy(text)
    if first.ok:
        again = policy(first.value)
        assert again.ok
        assert again.value == first.value
        assert again.notices == ()


@given(text=st.text(max_size=40))
def test_parse_amount_raises_only_app_errors(text: str) -> None:
    try:
        yen = parse_amount(text)
    except AppError as error:
        assert isinstance(error.code, ErrorCode)
    else:
        assert isinstance(yen, int)
        assert yen > 0


@given(yen=st.integers(min_value=1, max_value=9_999_999_999))
def test_grouped_amounts_parse_back(yen: int) -> None:
    assert parse_amount(group_digits(yen)) == yen
    assert parse_amount(f"{group_digits(yen)}円") == yen
