"""10,000 random strings per field policy (issue 13, point 2): every policy the forms use
either refuses with a sentence for the member or gives a value in its field's alphabet —
never an exception. Pure domain level, seeded: every run feeds the same strings."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

import pytest

from desktop_app.domain import fields, fields_live
from desktop_app.domain.dates import may_become_date, parse_typed_date
from desktop_app.domain.errors import AppError
from desktop_app.domain.staff import is_staff_pin
from desktop_app.viewmodels.credentials import CODE_LENGTH, code_policy
from desktop_app.viewmodels.messages import error_sentence

from .random_input import long_strings, strings

PER_POLICY = 10_000
SEED = 13
# The same 10,000 strings for every policy (made once: making them costs more than most
# policies take): 9,997 short ones and three of 100,000 characters.
SAMPLE = [*strings(SEED, PER_POLICY - 3), *long_strings(SEED)]

ZENGIN = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ()-./") | {
    chr(code) for code in range(0xFF66, 0xFFA0)
}
EMAIL = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.@")


def _digits(*lengths: int) -> Callable[[str], bool]:
    return lambda value: value.isascii() and value.isdigit() and len(value) in lengths


def _words(space: str, char_ok: Callable[[str], bool]) -> Callable[[str], bool]:
    """Words of allowed characters, one ``space`` between them, none around."""

    def ok(value: str) -> bool:
        if not value or value != value.strip(space) or space * 2 in value:
            return False
        return all(char == space or char_ok(char) for char in value)

    return ok


def _printable_full_width(char: str) -> bool:
    category = unicodedata.category(char)
    return unicodedata.east_asian_width(char) in "FW" and category[0] in "LNPS"


def _name_char(char: str) -> bool:
    return _printable_full_width(char) and unicodedata.category(char) not in ("So", "Sk")


def _address_char(char: str) -> bool:
    """No control, format, private-use, unassigned or surrogate point; nothing half-width
    that has a full-width form (ASCII, half-width kana)."""
    category = unicodedata.category(char)
    return (
        category[0] != "C"
        and category not in ("Zl", "Zp")
        and not ("!" <= char <= "~")
        and not ("\uff61" <= char <= "\uff9f")
        and not char.isspace()
    )


def _email(value: str) -> bool:
    local, at, domain = value.partition("@")
    return bool(local and at and domain) and set(value) <= EMAIL and domain == domain.lower()


def _password(value: str) -> bool:
    return (
        8 <= len(value) <= 20
        and all("!" <= c <= "~" for c in value)
        and any(c.isalpha() for c in value)
        and any(c.isdigit() for c in value)
    )


ALPHABETS: dict[str, Callable[[str], bool]] = {
    "web_id": lambda v: v.isascii() and v.isalnum() and 8 <= len(v) <= 32,
    "password": _password,
    "card_number": _digits(*fields.CARD_NUMBER_LENGTHS),
    "pin": _digits(fields.PIN_LENGTH),
    "member_number": _digits(fields.MEMBER_NUMBER_LENGTH),
    "bank_code": _digits(fields.BANK_CODE_LENGTH),
    "branch_code": _digits(fields.BRANCH_CODE_LENGTH),
    "account_number": _digits(fields.ACCOUNT_NUMBER_LENGTH),
    "amount": lambda v: re.fullmatch(r"0|[1-9][0-9]*", v, re.ASCII) is not None,
    "email": _email,
    "phone": lambda v: _digits(*fields.PHONE_LENGTHS)(v) and v.startswith("0"),
    "postal_code": _digits(fields.POSTAL_CODE_LENGTH),
    "name": _words("\u3000", _name_char),
    "name_kana": _words("\u3000", lambda c: "\u30a1" <= c <= "\u30fe"),
    "address": _words("\u3000", _address_char),
    "workplace": _words("\u3000", _address_char),
    "account_holder": lambda v: _words(" ", ZENGIN.__contains__)(v) and len(v) <= 30,
    "otp_code": _digits(CODE_LENGTH),
}
POLICIES = {**fields.POLICIES, "otp_code": code_policy}
SECRET = {"password", "pin", "otp_code"}  # a refusal never echoes the character typed


def test_every_policy_has_an_alphabet():
    assert set(POLICIES) == set(ALPHABETS)


def test_the_workplace_is_an_address():
    assert fields.workplace is fields.address  # one policy: fed once, as "address"


@pytest.mark.parametrize("policy_name", sorted(set(POLICIES) - {"workplace"}))
def test_random_strings_are_refused_with_a_sentence_or_stored_in_the_alphabet(policy_name):
    policy, in_alphabet = POLICIES[policy_name], ALPHABETS[policy_name]
    accepted = refused = 0
    for index, raw in enumerate(SAMPLE):
        result = policy(raw)
        if result.error is None:
            accepted += 1
            assert in_alphabet(result.value), (policy_name, index, raw[:80], result.value[:80])
        else:
            refused += 1
            assert isinstance(result.error, AppError)
            sentence = error_sentence(result.error)
            assert isinstance(sentence, str) and sentence.strip(), (policy_name, raw[:80])
            if policy_name in SECRET:
                assert "char" not in result.error.params, (policy_name, index)
    assert accepted + refused == PER_POLICY
    assert refused > 0
    assert accepted > 0  # the accepting path was walked too (near-valid strings)


@pytest.mark.parametrize(
    "convert",
    [fields_live.digits, fields_live.alnum, fields_live.ascii_text, fields_live.amount],
    ids=lambda f: f.__name__,
)
def test_live_conversions_never_raise_and_their_output_is_text(convert):
    for raw in SAMPLE:
        shown, notices = convert(raw)
        assert isinstance(shown, str)
        assert all(isinstance(notice, fields.Notice) for notice in notices)


def test_displays_dates_and_staff_pins_never_raise_on_random_strings():
    for raw in SAMPLE:
        for display in (fields_live.amount_display, fields_live.postal_display):
            shown = display(raw)
            assert shown is None or isinstance(shown, str)
        day = parse_typed_date(raw)
        assert day is None or isinstance(day, date)
        assert isinstance(may_become_date(raw), bool)
        if is_staff_pin(raw):
            assert raw.isascii() and raw.isdigit() and 4 <= len(raw) <= 8
        for formatted in (fields.format_phone(raw), fields.format_postal(raw)):
            assert isinstance(formatted, str)
