"""Every row of DOMAIN.md §7, case by case: what each field stores, converts and refuses."""

from __future__ import annotations

import pytest

from desktop_app.domain import fields
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import Notice

N = Notice
FW, IW = ErrorCode.FULL_WIDTH_CHAR, ErrorCode.INVALID_CHAR
SP = "\u3000"  # ideographic (full-width) space

# (policy, raw, stored value, notices)
ACCEPTED: list[tuple[str, str, str, tuple[Notice, ...]]] = [
    # Web-ID
    ("web_id", "yamada2026", "yamada2026", ()),
    ("web_id", "ｙａｍａｄａ２０２６", "yamada2026", (N.FULL_WIDTH_ALNUM_CONVERTED,)),
    ("web_id", " Yamada2026 ", "Yamada2026", ()),
    # password: taken exactly as typed
    ("password", "Taro2026pass", "Taro2026pass", ()),
    ("password", "a1!#$%&'()*+,-./:;<=", "a1!#$%&'()*+,-./:;<=", ()),
    ("password", "Ab1>?@[\\]^_`{|}~", "Ab1>?@[\\]^_`{|}~", ()),
    # card number
    ("card_number", "4000123412341234", "4000123412341234", ()),
    ("card_number", "4000-1234-1234-1234", "4000123412341234", (N.SEPARATORS_REMOVED,)),
    (
        "card_number",
        "４０００ １２３４ １２３４ １２３４",
        "4000123412341234",
        (N.FULL_WIDTH_DIGITS_CONVERTED, N.SEPARATORS_REMOVED),
    ),
    ("card_number", "4000‐1234－1234ー1234", "4000123412341234", (N.SEPARATORS_REMOVED,)),
    ("card_number", "4000―1234―1234―1234", "4000123412341234", (N.SEPARATORS_REMOVED,)),
    ("card_number", "5012345678", "5012345678", ()),
    ("card_number", "123456789012345", "123456789012345", ()),
    # fixed-length numbers
    ("pin", "1234", "1234", ()),  # a secret: never converted (refused below)
    ("member_number", "100-000-001", "100000001", (N.SEPARATORS_REMOVED,)),
    ("bank_code", "０００９", "0009", (N.FULL_WIDTH_DIGITS_CONVERTED,)),
    ("branch_code", "001", "001", ()),
    ("account_number", "123 4567", "1234567", (N.SEPARATORS_REMOVED,)),
    (
        "account_number",
        "１２３－４５６７",
        "1234567",
        (N.FULL_WIDTH_DIGITS_CONVERTED, N.SEPARATORS_REMOVED),
    ),
    # amount
    ("amount", "30000", "30000", ()),
    ("amount", "３００００", "30000", (N.FULL_WIDTH_DIGITS_CONVERTED,)),
    ("amount", "３０，０００", "30000", (N.FULL_WIDTH_DIGITS_CONVERTED, N.AMOUNT_NORMALISED)),
    ("amount", "30,000円", "30000", (N.AMOUNT_NORMALISED,)),
    ("amount", "3万", "30000", (N.AMOUNT_NORMALISED,)),
    ("amount", "1.5万", "15000", (N.AMOUNT_NORMALISED,)),
    ("amount", " 1000 ", "1000", ()),
    # email
    ("email", "ito@example.jp", "ito@example.jp", ()),
    ("email", "ｉｔｏ＠ｅｘａｍｐｌｅ．ｊｐ", "ito@example.jp", (N.FULL_WIDTH_ASCII_CONVERTED,)),
    ("email", " ito@example.jp　", "ito@example.jp", (N.SURROUNDING_SPACES_REMOVED,)),
    (
        "email",
        "Taro.Yamada+loan@Example.JP",
        "Taro.Yamada+loan@example.jp",
        (N.EMAIL_DOMAIN_LOWERCASED,),
    ),
    # phone
    ("phone", "09012345678", "09012345678", ()),
    ("phone", "090-1234-5678", "09012345678", (N.PHONE_SEPARATORS_REMOVED,)),
    (
        "phone",
        "０３（１２３４）５６７８",
        "0312345678",
        (N.FULL_WIDTH_DIGITS_CONVERTED, N.PHONE_SEPARATORS_REMOVED),
    ),
    ("phone", "(03) 1234 5678", "0312345678", (N.PHONE_SEPARATORS_REMOVED,)),
    ("phone", "0120-000-000", "0120000000", (N.PHONE_SEPARATORS_REMOVED,)),
    # postal code
    ("postal_code", "1000001", "1000001", ()),
    ("postal_code", "100-0001", "1000001", (N.SEPARATORS_REMOVED,)),
    ("postal_code", "〒100-0001", "1000001", (N.SEPARATORS_REMOVED,)),
    (
        "postal_code",
        "〒１００－０００１",
        "1000001",
        (N.FULL_WIDTH_DIGITS_CONVERTED, N.SEPARATORS_REMOVED),
    ),
    ("postal_code", " 〒1000001", "1000001", ()),
    # name (kanji)
    ("name", f"山田{SP}太郎", f"山田{SP}太郎", ()),
    ("name", "山田 太郎", f"山田{SP}太郎", (N.SPACES_MADE_FULL_WIDTH,)),
    ("name", f" 山田 {SP} 太郎 ", f"山田{SP}太郎", (N.SPACES_MADE_FULL_WIDTH,)),
    ("name", "山田太郎", "山田太郎", ()),
    ("name", "佐々木　ﾐﾂﾞｷ", f"佐々木{SP}ミヅキ", (N.HALF_WIDTH_KANA_CONVERTED,)),
    ("name", "ジョン＝スミス", "ジョン＝スミス", ()),
    ("name", "ＡＢＣ", "ＡＢＣ", ()),
    # name kana
    ("name_kana", f"ヤマダ{SP}タロウ", f"ヤマダ{SP}タロウ", ()),
    ("name_kana", f"やまだ{SP}たろう", f"ヤマダ{SP}タロウ", (N.HIRAGANA_CONVERTED,)),
    (
        "name_kana",
        "ﾔﾏﾀﾞ ﾀﾛｳ",
        f"ヤマダ{SP}タロウ",
        (N.HALF_WIDTH_KANA_CONVERTED, N.SPACES_MADE_FULL_WIDTH),
    ),
    ("name_kana", f"サトウ  {SP}ハナコ", f"サトウ{SP}ハナコ", (N.SPACES_MADE_FULL_WIDTH,)),
    ("name_kana", "ヴァイオレット・エヴァーガーデン", "ヴァイオレット・エヴァーガーデン", ()),
    ("name_kana", "ゔぁいおれっと", "ヴァイオレット", (N.HIRAGANA_CONVERTED,)),
    ("name_kana", "ﾊﾟｰｸ", "パーク", (N.HALF_WIDTH_KANA_CONVERTED,)),
    # address, workplace
    ("address", "東京都千代田区丸の内１－１－１", "東京都千代田区丸の内１－１－１", ()),
    (
        "address",
        "千代田区1-2-3 ｺﾊｸﾋﾞﾙ 5F",
        f"千代田区１－２－３{SP}コハクビル{SP}５Ｆ",
        (N.HALF_WIDTH_ASCII_CONVERTED, N.HALF_WIDTH_KANA_CONVERTED, N.SPACES_MADE_FULL_WIDTH),
    ),
    (
        "address",
        "髙橋ビル #201",
        f"髙橋ビル{SP}＃２０１",
        (N.HALF_WIDTH_ASCII_CONVERTED, N.SPACES_MADE_FULL_WIDTH),
    ),
    (
        "workplace",
        "株式会社コハク ABC",
        f"株式会社コハク{SP}ＡＢＣ",
        (N.HALF_WIDTH_ASCII_CONVERTED, N.SPACES_MADE_FULL_WIDTH),
    ),
    # bank account holder (口座名義)
    ("account_holder", "ﾔﾏﾀﾞ ﾀﾛｳ", "ﾔﾏﾀﾞ ﾀﾛｳ", ()),
    ("account_holder", "やまだ たろう", "ﾔﾏﾀﾞ ﾀﾛｳ", (N.KANA_MADE_HALF_WIDTH,)),
    (
        "account_holder",
        f"ヤマダ{SP}タロウ",
        "ﾔﾏﾀﾞ ﾀﾛｳ",
        (N.KANA_MADE_HALF_WIDTH, N.SPACES_MADE_HALF_WIDTH),
    ),
    ("account_holder", f"ｻﾄｳ{SP}ﾊﾅｺ", "ｻﾄｳ ﾊﾅｺ", (N.SPACES_MADE_HALF_WIDTH,)),
    ("account_holder", "ｷｯﾄ", "ｷﾂﾄ", (N.SMALL_KANA_ENLARGED,)),
    ("account_holder", "ショウ", "ｼﾖｳ", (N.KANA_MADE_HALF_WIDTH, N.SMALL_KANA_ENLARGED)),
    ("account_holder", "ヶ", "ｹ", (N.KANA_MADE_HALF_WIDTH, N.SMALL_KANA_ENLARGED)),
    ("account_holder", "abc", "ABC", (N.CASE_CONVERTED,)),
    ("account_holder", "ａｂｃ", "ABC", (N.FULL_WIDTH_ASCII_CONVERTED, N.CASE_CONVERTED)),
    (
        "account_holder",
        "ヴィーナス",
        "ｳﾞｲ-ﾅｽ",
        (N.KANA_MADE_HALF_WIDTH, N.SMALL_KANA_ENLARGED, N.MARKS_CONVERTED),
    ),
    ("account_holder", "ｼﾞｮﾝ・ｽﾐｽ", "ｼﾞﾖﾝ.ｽﾐｽ", (N.SMALL_KANA_ENLARGED, N.MARKS_CONVERTED)),
    (
        "account_holder",
        "カ）コハク",
        "ｶ)ｺﾊｸ",
        (N.FULL_WIDTH_ASCII_CONVERTED, N.KANA_MADE_HALF_WIDTH),
    ),
    ("account_holder", "ﾊﾟﾙ(ｶ) A-1./2", "ﾊﾟﾙ(ｶ) A-1./2", ()),
    ("account_holder", "ｱ" * 30, "ｱ" * 30, ()),
    ("account_holder", "ﾀﾞ" * 15, "ﾀﾞ" * 15, ()),
]

# (policy, raw, error)
REFUSED: list[tuple[str, str, AppError]] = [
    ("web_id", "", AppError(ErrorCode.REQUIRED)),
    ("web_id", "yamada-2026", AppError(IW, position=7, char="-")),
    ("web_id", "  yamada-2026", AppError(IW, position=9, char="-")),
    ("web_id", "山田2026abcd", AppError(FW, position=1, char="山")),
    ("web_id", "short", AppError(ErrorCode.LENGTH, min=8, max=32)),
    # A secret's refusal names the position, never the character.
    ("password", "Taro２０２６pass", AppError(FW, position=5)),
    ("password", "Taro 2026pass", AppError(IW, position=5)),
    ("password", " Taro2026pass", AppError(IW, position=1)),
    ("password", "Tarö2026pass", AppError(IW, position=4)),
    ("password", "onlyletters", AppError(ErrorCode.PASSWORD_NEEDS_LETTER_AND_DIGIT)),
    ("password", "Ab1", AppError(ErrorCode.LENGTH, min=8, max=20)),
    ("card_number", "4000a", AppError(IW, position=5, char="a")),
    ("card_number", "4000-1234-1234", AppError(ErrorCode.CARD_NUMBER_LENGTH)),
    ("pin", "12３Ａ", AppError(FW, position=3)),
    ("pin", "１２３４", AppError(FW, position=1)),
    ("pin", " 1234", AppError(IW, position=1)),
    ("pin", "12-34", AppError(IW, position=3)),
    ("pin", "123", AppError(ErrorCode.DIGITS_LENGTH, length=4)),
    ("member_number", "10000000", AppError(ErrorCode.DIGITS_LENGTH, length=9)),
    ("bank_code", "00O9", AppError(IW, position=3, char="O")),
    ("branch_code", "0011", AppError(ErrorCode.DIGITS_LENGTH, length=3)),
    ("account_number", "123456", AppError(ErrorCode.DIGITS_LENGTH, length=7)),
    ("account_number", "", AppError(ErrorCode.REQUIRED)),
    ("amount", "-1000", AppError(ErrorCode.AMOUNT_SIGN)),
    ("amount", "0", AppError(ErrorCode.AMOUNT_ZERO)),
    ("amount", "1000.5", AppError(ErrorCode.AMOUNT_FRACTION)),
    ("amount", "abc", AppError(ErrorCode.AMOUNT_INVALID)),
    ("amount", "", AppError(ErrorCode.REQUIRED)),
    ("amount", "0" * 5000 + "1", AppError(ErrorCode.AMOUNT_TOO_LARGE)),
    ("email", "", AppError(ErrorCode.REQUIRED)),
    ("email", "ito@例え.jp", AppError(FW, position=5, char="例")),
    ("email", "itö@example.jp", AppError(IW, position=3, char="ö")),
    ("email", "ito yamada@example.jp", AppError(IW, position=4, char=" ")),
    ("email", "ito（1）@example.jp", AppError(IW, position=4, char="（")),
    ("email", "ito@example", AppError(ErrorCode.EMAIL_INVALID)),
    ("email", "ito@@example.jp", AppError(ErrorCode.EMAIL_INVALID)),
    ("email", ".ito@example.jp", AppError(ErrorCode.EMAIL_INVALID)),
    ("phone", "090-1234-567a", AppError(IW, position=13, char="a")),
    ("phone", "+81 90 1234 5678", AppError(IW, position=1, char="+")),
    ("phone", "9012345678", AppError(ErrorCode.PHONE_INVALID)),
    ("phone", "090123456789", AppError(ErrorCode.PHONE_INVALID)),
    ("phone", "031234567", AppError(ErrorCode.PHONE_INVALID)),
    ("postal_code", "100-001", AppError(ErrorCode.POSTAL_INVALID)),
    ("postal_code", "100-0001〒", AppError(FW, position=9, char="〒")),
    ("postal_code", "〒", AppError(ErrorCode.REQUIRED)),
    ("name", "Yamada Taro", AppError(ErrorCode.HALF_WIDTH_CHAR, position=1, char="Y")),
    ("name", "山田2世", AppError(ErrorCode.HALF_WIDTH_CHAR, position=3, char="2")),
    ("name", "山田😀", AppError(IW, position=3, char="😀")),
    ("name", "山田\t太郎", AppError(IW, position=3, char="\t")),
    ("name", f" {SP} ", AppError(ErrorCode.REQUIRED)),
    ("name_kana", "山田 タロウ", AppError(ErrorCode.NOT_KATAKANA, position=1, char="山")),
    ("name_kana", "ヤマダ taro", AppError(ErrorCode.NOT_KATAKANA, position=5, char="t")),
    ("name_kana", "ヤマダ ＴＡＲＯ", AppError(ErrorCode.NOT_KATAKANA, position=5, char="Ｔ")),
    ("name_kana", "ヤマダ\x00", AppError(IW, position=4, char="\x00")),
    ("address", "千代田区\n丸の内", AppError(IW, position=5, char="\n")),
    ("address", "千代田区\u200b丸の内", AppError(IW, position=5, char="\u200b")),
    ("address", "", AppError(ErrorCode.REQUIRED)),
    ("workplace", "コハク\x7f", AppError(IW, position=4, char="\x7f")),
    ("account_holder", "山田 太郎", AppError(IW, position=1, char="山")),
    ("account_holder", "ｶｦﾙ", AppError(IW, position=2, char="ｦ")),
    ("account_holder", "ヰ", AppError(IW, position=1, char="ヰ")),
    ("account_holder", "ﾔﾏﾀﾞ,ﾀﾛｳ", AppError(IW, position=5, char=",")),
    ("account_holder", "ｱ" * 31, AppError(ErrorCode.ACCOUNT_HOLDER_LENGTH, max=30)),
    # voiced kana count as two: 16 of ダ are 32 characters
    ("account_holder", "ダ" * 16, AppError(ErrorCode.ACCOUNT_HOLDER_LENGTH, max=30)),
    ("account_holder", "", AppError(ErrorCode.REQUIRED)),
]


def _case_id(case: tuple[object, ...]) -> str:
    return f"{case[0]}:{case[1]!r}"[:60]


@pytest.mark.parametrize("case", ACCEPTED, ids=_case_id)
def test_accepted(case: tuple[str, str, str, tuple[Notice, ...]]) -> None:
    policy, raw, value, notices = case
    result = fields.POLICIES[policy](raw)
    assert (result.value, result.notices, result.error) == (value, notices, None)


@pytest.mark.parametrize("case", REFUSED, ids=_case_id)
def test_refused(case: tuple[str, str, AppError]) -> None:
    policy, raw, error = case
    result = fields.POLICIES[policy](raw)
    assert result.error == error
    assert not result.ok
    if "position" in error.params:
        assert result.notices == ()


def test_every_row_of_the_table_has_cases() -> None:
    covered = {case[0] for case in ACCEPTED} & {case[0] for case in REFUSED}
    assert covered == set(fields.POLICIES)


def test_the_registry_names_every_policy_and_the_module_exposes_them() -> None:
    assert set(fields.POLICIES) == {
        "web_id",
        "password",
        "card_number",
        "pin",
        "member_number",
        "bank_code",
        "branch_code",
        "account_number",
        "amount",
        "email",
        "phone",
        "postal_code",
        "name",
        "name_kana",
        "address",
        "workplace",
        "account_holder",
    }
    for key, policy in fields.POLICIES.items():
        assert getattr(fields, key) is policy


def test_password_is_never_transformed() -> None:
    for raw in ("Taro２０２６pass", " Taro2026pass ", "ｔａｒｏ2026pass", "Taro2026pass\n"):
        result = fields.password(raw)
        assert result.value == raw
        assert result.notices == ()
        assert not result.ok


def test_existing_notice_values_are_unchanged() -> None:
    assert Notice.FULL_WIDTH_ALNUM_CONVERTED.value == "full_width_alnum_converted"
    assert Notice.FULL_WIDTH_DIGITS_CONVERTED.value == "full_width_digits_converted"
    assert Notice.SEPARATORS_REMOVED.value == "separators_removed"


@pytest.mark.parametrize(
    ("digits", "shown"),
    [
        ("09012345678", "090-1234-5678"),
        ("08012345678", "080-1234-5678"),
        ("05012345678", "050-1234-5678"),
        ("0312345678", "03-1234-5678"),
        ("0612345678", "06-1234-5678"),
        ("0451234567", "045-123-4567"),
        ("0120000000", "0120-000-000"),
        ("12345", "12345"),
        ("", ""),
        ("０９０１２３４５６７８", "０９０１２３４５６７８"),
    ],
)
def test_format_phone(digits: str, shown: str) -> None:
    assert fields.format_phone(digits) == shown


@pytest.mark.parametrize(
    ("digits", "shown"),
    [("1000001", "〒100-0001"), ("0600000", "〒060-0000"), ("100001", "100001"), ("", "")],
)
def test_format_postal(digits: str, shown: str) -> None:
    assert fields.format_postal(digits) == shown


def test_formatted_values_read_back() -> None:
    assert fields.phone(fields.format_phone("09012345678")).value == "09012345678"
    assert fields.postal_code(fields.format_postal("1000001")).value == "1000001"
