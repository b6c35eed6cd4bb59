"""Properties of every field policy over arbitrary Unicode (DOMAIN.md §7).

For any text: a ``FieldResult`` comes back (never an exception); a refusal that blames a
character points at that character in the raw text; an accepted value is in the field's
alphabet, and feeding it back gives the same value with no notice and no error.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
from email_validator import validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import fields
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult, Notice

SP = "\u3000"

# Every category but surrogates (which no str from a text field can hold).
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=("Cs",)), max_size=40)

# What members actually type, in every width, plus a few troublemakers.
TYPED = (
    "0123456789０１２３４５６７８９abcxyzABCXYZａｂｘＡＢＸ"
    "あいうかがぱっゃゝゔゐ"
    "アイウカガパッャヴヲヰヵーヽ・"
    "ｱｲｳｶﾊｯｬｦｰﾞﾟ･｡｢"
    "山田太郎佐々木髙〇"
    " " + SP + "\u00a0"
    "-‐－ー―()（）.．/@＠_+＋,，〒円万¥"
    "\t\n\x00\u200b\u3099😀éΩ"
)
TYPED_TEXT = st.text(st.sampled_from(TYPED), max_size=30)


@st.composite
def widened(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """``base`` with some of its ASCII made full-width and some spaces added around it."""
    text = draw(base)
    flags = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    wide = "".join(
        chr(ord(c) + 0xFEE0) if flag and "!" <= c <= "~" else c
        for c, flag in zip(text, flags, strict=True)
    )
    pad = st.sampled_from(["", " ", SP])
    return draw(pad) + wide + draw(pad)


def _regex(pattern: str) -> st.SearchStrategy[str]:
    return widened(st.from_regex(pattern, fullmatch=True))


SECRETS = {"password", "pin"}

LIKELY: dict[str, st.SearchStrategy[str]] = {
    "web_id": _regex(r"[A-Za-z0-9]{8,32}"),
    "password": st.from_regex(r"[!-~]{8,20}", fullmatch=True),
    "card_number": _regex(r"[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{0,4}"),
    "pin": _regex(r"[0-9]{4}"),
    "member_number": _regex(r"[0-9]{3}-?[0-9]{3}-?[0-9]{3}"),
    "bank_code": _regex(r"[0-9]{4}"),
    "branch_code": _regex(r"[0-9]{3}"),
    "account_number": _regex(r"[0-9]{7}"),
    "amount": _regex(r"[0-9]{1,3}(,[0-9]{3}){0,2}円?|[0-9]{1,3}(\.[0-9]{1,2})?万円?"),
    "email": widened(st.emails()),
    "phone": _regex(r"0[0-9]{1,3}[-(]?[0-9]{2,4}[-)]?[0-9]{4}"),
    "postal_code": _regex(r"〒?[0-9]{3}-?[0-9]{4}"),
    "name": st.text(st.sampled_from("山田太郎佐々木ﾔﾏﾀﾞｶﾞﾊﾟ 　ａＺ－"), max_size=20),
    "name_kana": st.text(st.sampled_from("やまだゃっゔヤマダャッヴｱｯﾀﾞﾟｰ 　ー・"), max_size=20),
    "address": TYPED_TEXT,
    "workplace": TYPED_TEXT,
    "account_holder": st.text(
        st.sampled_from("やまだっゃヤマダャッヴｱｯﾀﾞﾟabcAB12 　()（）-ー・./"), max_size=40
    ),
}

_DIGITS = re.compile(r"[0-9]+")
_HOLDER_WORD = "[ｱ-ﾝﾞﾟA-Z0-9()./-]+"


def _full_width_words(value: str, char_ok: Callable[[str], bool]) -> bool:
    words = value.split(SP)
    return all(words) and all(char_ok(c) for word in words for c in word)


def _is_full_width_text(char: str) -> bool:
    category = unicodedata.category(char)
    return (
        not char.isascii()
        and not "\uff61" <= char <= "\uff9f"
        and category[0] != "C"
        and category not in ("Zs", "Zl", "Zp")
    )


def _is_name_char(char: str) -> bool:
    return _is_full_width_text(char) and unicodedata.east_asian_width(char) in ("F", "W")


def _email_ok(value: str) -> bool:
    checked = validate_email(value, check_deliverability=False, allow_smtputf8=False)
    return value.isascii() and value == value.strip() and checked.ascii_email == value


ALPHABETS: dict[str, Callable[[str], bool]] = {
    "web_id": lambda v: re.fullmatch(r"[A-Za-z0-9]{8,32}", v) is not None,
    "password": lambda v: re.fullmatch(r"[!-~]{8,20}", v) is not None,
    "card_number": lambda v: bool(_DIGITS.fullmatch(v)) and len(v) in (10, 15, 16),
    "pin": lambda v: re.fullmatch(r"[0-9]{4}", v) is not None,
    "member_number": lambda v: re.fullmatch(r"[0-9]{9}", v) is not None,
    "bank_code": lambda v: re.fullmatch(r"[0-9]{4}", v) is not None,
    "branch_code": lambda v: re.fullmatch(r"[0-9]{3}", v) is not None,
    "account_number": lambda v: re.fullmatch(r"[0-9]{7}", v) is not None,
    "amount": lambda v: re.fullmatch(r"[1-9][0-9]*", v) is not None,
    "email": _email_ok,
    "phone": lambda v: re.fullmatch(r"0[0-9]{9,10}", v) is not None,
    "postal_code": lambda v: re.fullmatch(r"[0-9]{7}", v) is not None,
    "name": lambda v: _full_width_words(v, _is_name_char),
    "name_kana": lambda v: re.fullmatch(r"[ァ-ヾ]+(\u3000[ァ-ヾ]+)*", v) is not None,
    "address": lambda v: _full_width_words(v, _is_full_width_text),
    "workplace": lambda v: _full_width_words(v, _is_full_width_text),
    "account_holder": lambda v: (
        len(v) <= 30 and re.fullmatch(f"{_HOLDER_WORD}( {_HOLDER_WORD})*", v) is not None
    ),
}


def test_every_policy_has_an_alphabet_and_a_strategy() -> None:
    assert set(ALPHABETS) == set(fields.POLICIES) == set(LIKELY)


def _check(name: str, raw: str) -> None:
    policy = fields.POLICIES[name]
    result = policy(raw)
    assert isinstance(result, FieldResult)
    assert isinstance(result.value, str)
    assert all(isinstance(n, Notice) for n in result.notices)
    assert len(set(result.notices)) == len(result.notices)
    assert list(result.notices) == sorted(result.notices, key=list(Notice).index)
    if name == "password":
        assert result.value == raw
    if result.error is not None:
        assert isinstance(result.error, AppError)
        assert isinstance(result.error.code, ErrorCode)
        params = result.error.params
        if "position" in params:
            assert 1 <= params["position"] <= len(raw)
            if name in SECRETS:  # a secret's character is never echoed
                assert "char" not in params
            else:
                assert raw[params["position"] - 1] == params["char"]
            assert result.notices == ()
        return
    assert ALPHABETS[name](result.value), result.value
    again = policy(result.value)
    assert (again.value, again.notices, again.error) == (result.value, (), None)


NAMES = sorted(fields.POLICIES)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=200, deadline=None)
@given(raw=ANY_TEXT)
def test_any_unicode(name: str, raw: str) -> None:
    _check(name, raw)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_typical_input(name: str, data: st.DataObject) -> None:
    raw = data.draw(st.one_of(LIKELY[name], TYPED_TEXT), label="raw")
    _check(name, raw)
