"""Consistent terms in the compiled catalogs (issue 10, point 9): 返済シミュレーション
everywhere, お借入れ (never お借入), ranges written 9:00～21:00 with the full-width tilde,
「ロックされています」 on a later sign-in attempt after a lockout."""

from __future__ import annotations

import re

import pytest
from babel.messages.mofile import read_mo

from desktop_app import i18n
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.paths import catalogs_dir
from desktop_app.viewmodels.messages import error_sentence

# (what is forbidden, why): each pattern is searched in every Japanese sentence.
FORBIDDEN_JA = (
    (r"シミュレーター|シミュレータ(?!ー)|返済試算", "返済シミュレーション is the one name"),
    (r"お借入(?!れ)", "お借入れ, never お借入"),
    (r"〜|~", "a range is written with ～ (full-width tilde)"),
    (r"\d:\d\d\s*[-–—－ー]\s*\d", "a range of hours is written 9:00～21:00"),
    (r"ロックしました", "a later attempt is told the Web-ID or card ロックされています"),
)


def _strings(language: str) -> dict[str, str]:
    with (catalogs_dir() / language / "LC_MESSAGES" / "messages.mo").open("rb") as handle:
        return {
            message.id: message.string
            for message in read_mo(handle)
            if message.id and isinstance(message.id, str) and isinstance(message.string, str)
        }


@pytest.mark.parametrize(
    ("pattern", "why"), FORBIDDEN_JA, ids=["simulation", "okariire", "tilde", "hours", "locked"]
)
def test_no_japanese_sentence_uses_a_forbidden_variant(pattern, why):
    offending = [text for text in _strings("ja").values() if re.search(pattern, text)]
    assert offending == [], why


def test_the_simulation_has_one_name_in_each_language():
    ja, en = _strings("ja"), _strings("en")
    assert ja["Simulator"] == ja["Repayment simulation"] == "返済シミュレーション"
    assert [text for text in en.values() if re.search(r"(?i)\bsimulator\b", text)] == []


@pytest.fixture
def japanese():
    i18n.set_language("ja")
    yield
    i18n.set_language("ja")


@pytest.mark.parametrize("code", [ErrorCode.CARD_LOCKED, ErrorCode.WEB_ID_LOCKED])
def test_a_locked_card_or_web_id_is_said_to_be_locked_with_the_hours_as_a_range(code, japanese):
    sentence = error_sentence(AppError(code))
    assert "はロックされています。" in sentence
    assert "（受付時間 9:00～21:00、年中無休）" in sentence


def test_english_writes_the_hours_with_an_en_dash_and_no_japanese():
    i18n.set_language("en")
    try:
        sentence = error_sentence(AppError(ErrorCode.CARD_LOCKED))
    finally:
        i18n.set_language("ja")
    assert "(9:00–21:00, every day)" in sentence
    assert not re.search(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]", sentence)


# The English catalog (issue 10, point 7: no Japanese in the English UI). Japanese characters
# are allowed in an English sentence only where the sentence is about the character itself: a
# member types it or sees it converted (ﾞ ﾟ ｯ ｬ of a half-width account name, ー and ・ of an
# address, 万 of an amount typed as 3万). Names of people, banks and branches come from the
# store and are data, not catalog text; the language combo's 日本語 is no msgid either (the
# combo names each language in itself, viewmodels/settings.py LANGUAGE_NAMES).
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
QUOTED_CHARACTERS = set("ﾞﾟｯｬー・万")


def test_no_english_sentence_has_japanese_except_a_character_it_is_about():
    offending = {
        msgid: text
        for msgid, text in _strings("en").items()
        if set(CJK.findall(text)) - QUOTED_CHARACTERS
    }
    assert offending == {}


@pytest.mark.parametrize(
    "wording",
    [
        r"(?i)late damages",  # the English term is late charges
        r"(?i)\bprocedures\b",  # the home tile is Account services
        r"Interest info\b",  # the screen is Interest inquiry, in the navigation too
        r"(?i)repayment date",  # the date is the (next) due date
        r"(?i)top page",  # Back to Home
        r"(?i)(were|was) made (half|full|upper|lower|katakana|a single|“)",  # converted to
        r"(?i)distinguish capital",  # case-sensitive
        r"(?i)the borrowing\b",  # your loan
    ],
)
def test_english_uses_one_plain_term_for_each_thing(wording):
    assert [text for text in _strings("en").values() if re.search(wording, text)] == []


def test_english_names_what_the_reviewers_read_as_a_member_would():
    en = _strings("en")
    assert (
        "(a withholding tax statement or a tax return)"
        in en[next(key for key in en if key.startswith("For this amount we need a certificate"))]
    )
    assert en["Caps Lock is on. Passwords distinguish capital and small letters."] == (
        "Caps Lock is on. Passwords are case-sensitive."
    )
    assert en["Registered money lender: {number}"] == "Registered money lender: {number}"
    assert en["Automatic sign-out after"] == "Automatic sign-out after"
    assert en["Balance after"] == "Balance after"
    assert en["Interest inquiry"] == "Interest inquiry"
