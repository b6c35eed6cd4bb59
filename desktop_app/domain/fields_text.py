"""Input policies for text fields (DOMAIN.md §7): names, kana, address, account holder, email.

Lenient input, strict storage, as in ``fields``: each policy takes raw text and returns a
``FieldResult``. Spaces of any width around the text are dropped; a run of spaces between
words becomes the field's one space. A character that cannot be converted is refused with its
1-based position in the raw text and the character as typed (a kana and its sound mark count
as one, at the kana's position).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.text import (
    FULLWIDTH_ASCII,
    HYPHENS,
    IDEOGRAPHIC_SPACE,
    SMALL_KANA,
    ZENGIN_ASCII,
    FieldResult,
    Notice,
    Token,
    hiragana_to_katakana,
    is_ascii_printable,
    is_control,
    is_full_width,
    is_half_width_kana,
    is_hiragana,
    is_katakana,
    is_space,
    kana_tokens,
    katakana_to_zengin,
    ordered,
)

ACCOUNT_HOLDER_MAX_LENGTH = 30

_Converted = tuple[str, set[Notice]]
_Convert = Callable[[Token], _Converted | ErrorCode]


def _words(raw: str, convert: _Convert, space: str, space_notice: Notice) -> FieldResult:
    """Convert ``raw`` token by token; runs of spaces between words become ``space``."""
    parts: list[str] = []
    notices: set[Notice] = set()
    gap = ""
    for token in kana_tokens(raw):
        if is_space(token.text):
            gap += token.raw
            continue
        converted = convert(token)
        if isinstance(converted, ErrorCode):
            error = AppError(converted, position=token.position, char=token.raw[0])
            return FieldResult("".join(parts), (), error)
        if gap and parts:
            parts.append(space)
            if gap != space:
                notices.add(space_notice)
        gap = ""
        text, found = converted
        parts.append(text)
        notices |= found
    value = "".join(parts)
    if not value:
        return FieldResult("", (), AppError(ErrorCode.REQUIRED))
    return FieldResult(value, ordered(notices))


def _half_width_kana_notice(token: Token) -> set[Notice]:
    if any(is_half_width_kana(char) for char in token.raw):
        return {Notice.HALF_WIDTH_KANA_CONVERTED}
    return set()


# --- name (kanji) -------------------------------------------------------------------------


def _is_name_char(char: str) -> bool:
    """Full-width letters, digits, punctuation and signs; not emoji nor loose sound marks."""
    category = unicodedata.category(char)
    return is_full_width(char) and category[0] in "LNPS" and category not in ("So", "Sk")


def _name_char(token: Token) -> _Converted | ErrorCode:
    if _is_name_char(token.text):
        return token.text, _half_width_kana_notice(token)
    if is_ascii_printable(token.text):
        return ErrorCode.HALF_WIDTH_CHAR
    return ErrorCode.INVALID_CHAR


def name(raw: str) -> FieldResult:
    """Name (kanji): full-width; half-width katakana convert; half-width letters refused."""
    return _words(raw, _name_char, IDEOGRAPHIC_SPACE, Notice.SPACES_MADE_FULL_WIDTH)


# --- name kana (フリガナ) -------------------------------------------------------------------


def _kana_char(token: Token) -> _Converted | ErrorCode:
    char = token.text
    notices = _half_width_kana_notice(token)
    if is_hiragana(char):
        char = hiragana_to_katakana(char)
        notices.add(Notice.HIRAGANA_CONVERTED)
    if is_katakana(char):
        return char, notices
    return ErrorCode.INVALID_CHAR if is_control(char) else ErrorCode.NOT_KATAKANA


def name_kana(raw: str) -> FieldResult:
    """Name kana: full-width katakana, one full-width space between names.

    Hiragana and half-width katakana convert; kanji, latin and anything else are refused.
    """
    return _words(raw, _kana_char, IDEOGRAPHIC_SPACE, Notice.SPACES_MADE_FULL_WIDTH)


# --- address, workplace ---------------------------------------------------------------------


def _address_char(token: Token) -> _Converted | ErrorCode:
    char = token.text
    if is_control(char):
        return ErrorCode.INVALID_CHAR
    notices = _half_width_kana_notice(token)
    if is_ascii_printable(char):
        char = chr(ord(char) + 0xFEE0)
        notices.add(Notice.HALF_WIDTH_ASCII_CONVERTED)
    return char, notices


def address(raw: str) -> FieldResult:
    """Address: full-width text; half-width katakana, letters, digits and signs convert.

    Control characters are refused; so are format, private-use and unassigned code points.
    """
    return _words(raw, _address_char, IDEOGRAPHIC_SPACE, Notice.SPACES_MADE_FULL_WIDTH)


workplace = address

# --- bank account holder (口座名義) -----------------------------------------------------------

_SMALL = frozenset(SMALL_KANA) | frozenset("ぁぃぅぇぉっゃゅょゎゕゖｧｨｩｪｫｬｭｮｯ")
_MARK_TO_ZENGIN = {"\u3099": "ﾞ", "\u309b": "ﾞ", "\u309a": "ﾟ", "\u309c": "ﾟ"}


def _to_zengin(char: str) -> str | None:
    """One composed character as 全銀 half-width characters, or None."""
    if char in HYPHENS:
        return "-"
    if char == "・":
        return "."
    if "！" <= char <= "～":
        char = chr(ord(char) - 0xFEE0)
    if "a" <= char <= "z":
        char = char.upper()
    if char in ZENGIN_ASCII:
        return char
    char = hiragana_to_katakana(char)
    if "ァ" <= char <= "ヺ":
        return katakana_to_zengin(char)
    return _MARK_TO_ZENGIN.get(char)


def _holder_notices(raw: str) -> set[Notice]:
    notices: set[Notice] = set()
    for char in raw:
        if is_hiragana(char) or "ァ" <= char <= "ヺ" or char in _MARK_TO_ZENGIN:
            notices.add(Notice.KANA_MADE_HALF_WIDTH)
        if char in _SMALL:
            notices.add(Notice.SMALL_KANA_ENLARGED)
        if "a" <= char <= "z" or "ａ" <= char <= "ｚ":
            notices.add(Notice.CASE_CONVERTED)
        if "！" <= char <= "～":
            notices.add(Notice.FULL_WIDTH_ASCII_CONVERTED)
        elif char in HYPHENS[1:] or char in "・･ｰ":
            notices.add(Notice.MARKS_CONVERTED)
    return notices


def _holder_char(token: Token) -> _Converted | ErrorCode:
    converted = _to_zengin(token.text)
    if converted is None:
        return ErrorCode.INVALID_CHAR
    return converted, _holder_notices(token.raw)


def account_holder(raw: str) -> FieldResult:
    """Bank account holder: 全銀 half-width kana, A–Z, 0–9, space and ( ) - . /, at most 30.

    Kana of any width and hiragana become half-width katakana (ダ → ﾀﾞ, two characters), small
    kana large (ｯ → ﾂ), letters upper-case, ー → -, ・ → ., spaces one half-width space.
    """
    result = _words(raw, _holder_char, " ", Notice.SPACES_MADE_HALF_WIDTH)
    if result.ok and len(result.value) > ACCOUNT_HOLDER_MAX_LENGTH:
        error = AppError(ErrorCode.ACCOUNT_HOLDER_LENGTH, max=ACCOUNT_HOLDER_MAX_LENGTH)
        return FieldResult(result.value, result.notices, error)
    return result


# --- email -----------------------------------------------------------------------------------

_EMAIL_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.@"
)


def email(raw: str) -> FieldResult:
    """Email: an ASCII address (email-validator, no deliverability check).

    Full-width ASCII (＠ ． …) and surrounding spaces convert; the domain is stored in lower
    case; other characters and invalid addresses are refused.
    """
    converted = raw.translate(FULLWIDTH_ASCII)
    start = len(converted) - len(converted.lstrip())
    end = len(converted.rstrip())
    if start >= end:
        return FieldResult("", (), AppError(ErrorCode.REQUIRED))
    notices: set[Notice] = set()
    if (start, end) != (0, len(raw)):
        notices.add(Notice.SURROUNDING_SPACES_REMOVED)
    for index in range(start, end):
        char, typed = converted[index], raw[index]
        if char not in _EMAIL_CHARS:
            code = (
                ErrorCode.FULL_WIDTH_CHAR
                if not char.isascii() and is_full_width(typed)
                else ErrorCode.INVALID_CHAR
            )
            error = AppError(code, position=index + 1, char=typed)
            return FieldResult(converted[start:index], (), error)
        if char != typed:
            notices.add(Notice.FULL_WIDTH_ASCII_CONVERTED)
    typed_address = converted[start:end]
    # Imported on first use: the validator and its IDNA tables are not needed at start-up.
    from email_validator import EmailNotValidError, validate_email

    try:
        checked = validate_email(
            typed_address,
            check_deliverability=False,
            allow_smtputf8=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
        )
    except EmailNotValidError:
        return FieldResult(typed_address, ordered(notices), AppError(ErrorCode.EMAIL_INVALID))
    value = str(checked.ascii_email)
    if value != typed_address:
        notices.add(Notice.EMAIL_DOMAIN_LOWERCASED)
    return FieldResult(value, ordered(notices))
