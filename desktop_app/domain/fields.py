"""Input policies of every member field (DOMAIN.md §7): lenient input, strict storage.

Each policy takes raw text and returns a ``FieldResult``: the value to store or send, the
notices of what it converted, or the error with the position (1-based, in the raw text) and
character that offends. No policy ever transforms a password.

This module holds the IDs, secrets and numbers; ``fields_text`` the names, kana, address,
account holder and email. Both are reachable from here (``fields.name(...)``), and
``POLICIES`` names every one.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields_text import (
    ACCOUNT_HOLDER_MAX_LENGTH,
    account_holder,
    address,
    email,
    name,
    name_kana,
    workplace,
)
from desktop_app.domain.money import parse_amount
from desktop_app.domain.text import (
    FULLWIDTH_ASCII,
    FULLWIDTH_DIGITS,
    HYPHENS,
    FieldResult,
    Notice,
    Policy,
    is_ascii_alnum,
    is_ascii_digit,
    is_full_width,
    ordered,
)

__all__ = [
    "ACCOUNT_HOLDER_MAX_LENGTH",
    "POLICIES",
    "FieldResult",
    "Notice",
    "Policy",
    "account_holder",
    "account_number",
    "address",
    "amount",
    "bank_code",
    "branch_code",
    "card_number",
    "digits_policy",
    "email",
    "format_phone",
    "format_postal",
    "member_number",
    "name",
    "name_kana",
    "password",
    "phone",
    "pin",
    "postal_code",
    "web_id",
    "workplace",
]

WEB_ID_LENGTH = (8, 32)
PASSWORD_LENGTH = (8, 20)
CARD_NUMBER_LENGTHS = (10, 15, 16)
PIN_LENGTH = 4
MEMBER_NUMBER_LENGTH = 9
BANK_CODE_LENGTH = 4
BRANCH_CODE_LENGTH = 3
ACCOUNT_NUMBER_LENGTH = 7
PHONE_LENGTHS = (10, 11)
POSTAL_CODE_LENGTH = 7
# Far beyond any amount a member types; keeps int() clear of Python's digit-count limit.
AMOUNT_INPUT_LIMIT = 100


def _offending(raw: str, allowed: Callable[[str], bool], secret: bool = False) -> AppError | None:
    """The first character of ``raw`` that ``allowed`` rejects, as an error naming it (its
    position only, when ``raw`` is a secret)."""
    for index, char in enumerate(raw, start=1):
        if not allowed(char):
            code = ErrorCode.FULL_WIDTH_CHAR if is_full_width(char) else ErrorCode.INVALID_CHAR
            return _char_error(code, index, char, secret)
    return None


def _char_error(code: ErrorCode, position: int, char: str, secret: bool) -> AppError:
    """A refusal of one character; a secret's names its position only (never echoed)."""
    if secret:
        return AppError(code, position=position)
    return AppError(code, position=position, char=char)


def web_id(raw: str) -> FieldResult:
    """Web-ID: 8–32 half-width letters and digits; full-width letters and digits convert."""
    typed = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    converted = typed.translate(FULLWIDTH_ASCII)
    notices: tuple[Notice, ...] = ()
    if converted != typed:
        notices = (Notice.FULL_WIDTH_ALNUM_CONVERTED,)
    if not converted:
        return FieldResult("", (), AppError(ErrorCode.REQUIRED))
    # Point at the raw character: the member sees what they typed.
    for index, (char, raw_char) in enumerate(zip(converted, typed, strict=True), start=1):
        if not is_ascii_alnum(char):
            code = ErrorCode.FULL_WIDTH_CHAR if is_full_width(raw_char) else ErrorCode.INVALID_CHAR
            error = AppError(code, position=lead + index, char=raw_char)
            return FieldResult(converted, (), error)
    low, high = WEB_ID_LENGTH
    if not low <= len(converted) <= high:
        return FieldResult(converted, notices, AppError(ErrorCode.LENGTH, min=low, max=high))
    return FieldResult(converted, notices)


def _password_char(char: str) -> bool:
    return "!" <= char <= "~"


def password(raw: str) -> FieldResult:
    """Password: 8–20 half-width printable ASCII, a letter and a digit. Never converted."""
    if raw == "":
        return FieldResult("", (), AppError(ErrorCode.REQUIRED))
    error = _offending(raw, _password_char, secret=True)
    if error is not None:
        return FieldResult(raw, (), error)
    low, high = PASSWORD_LENGTH
    if not low <= len(raw) <= high:
        return FieldResult(raw, (), AppError(ErrorCode.LENGTH, min=low, max=high))
    if not (any(c.isalpha() for c in raw) and any(c.isdigit() for c in raw)):
        return FieldResult(raw, (), AppError(ErrorCode.PASSWORD_NEEDS_LETTER_AND_DIGIT))
    return FieldResult(raw)


def _is_separator(char: str) -> bool:
    return char.isspace() or char in HYPHENS


def _is_phone_separator(char: str) -> bool:
    return _is_separator(char) or char in "()（）"


def _digits(
    raw: str,
    separator: Callable[[str], bool] = _is_separator,
    separator_notice: Notice = Notice.SEPARATORS_REMOVED,
    secret: bool = False,
) -> tuple[str, tuple[Notice, ...], AppError | None]:
    """Strip separators, convert full-width digits; the first other character is an error
    (naming its position only, when ``raw`` is a secret)."""
    notices: list[Notice] = []
    kept: list[str] = []
    for index, char in enumerate(raw, start=1):
        if separator(char):
            if separator_notice not in notices and kept:
                notices.append(separator_notice)
            continue
        half = char.translate(FULLWIDTH_DIGITS)
        if not is_ascii_digit(half):
            code = ErrorCode.FULL_WIDTH_CHAR if is_full_width(char) else ErrorCode.INVALID_CHAR
            return "".join(kept), (), _char_error(code, index, char, secret)
        if half != char and Notice.FULL_WIDTH_DIGITS_CONVERTED not in notices:
            notices.insert(0, Notice.FULL_WIDTH_DIGITS_CONVERTED)
        kept.append(half)
    value = "".join(kept)
    # Separators only between digits are worth a notice; leading or trailing ones are noise.
    if value and raw.strip() == value:
        notices = [n for n in notices if n is not separator_notice]
    return value, tuple(notices), None


def card_number(raw: str) -> FieldResult:
    """Card number: 10, 15 or 16 digits; full-width digits, spaces and hyphens convert."""
    value, notices, error = _digits(raw)
    if error is not None:
        return FieldResult(value, (), error)
    if not value:
        return FieldResult("", (), AppError(ErrorCode.REQUIRED))
    if len(value) not in CARD_NUMBER_LENGTHS:
        return FieldResult(value, notices, AppError(ErrorCode.CARD_NUMBER_LENGTH))
    return FieldResult(value, notices)


def digits_policy(length: int, secret: bool = False) -> Policy:
    """A fixed-length number (member number, bank code, a confirmation code …); a
    ``secret`` one's errors name the position of a wrong character, never the character."""

    def policy(raw: str) -> FieldResult:
        value, notices, error = _digits(raw, secret=secret)
        if error is not None:
            return FieldResult(value, (), error)
        if not value:
            return FieldResult("", (), AppError(ErrorCode.REQUIRED))
        if len(value) != length:
            return FieldResult(value, notices, AppError(ErrorCode.DIGITS_LENGTH, length=length))
        return FieldResult(value, notices)

    return policy


def pin(raw: str) -> FieldResult:
    """PIN: 4 half-width digits, typed where no one sees them, so never converted: a
    full-width digit, a space or a hyphen is refused by its position (never shown)."""
    if raw == "":
        return FieldResult("", (), AppError(ErrorCode.REQUIRED))
    error = _offending(raw, is_ascii_digit, secret=True)
    if error is not None:
        return FieldResult(raw, (), error)
    if len(raw) != PIN_LENGTH:
        return FieldResult(raw, (), AppError(ErrorCode.DIGITS_LENGTH, length=PIN_LENGTH))
    return FieldResult(raw)


member_number = digits_policy(MEMBER_NUMBER_LENGTH)
bank_code = digits_policy(BANK_CODE_LENGTH)
branch_code = digits_policy(BRANCH_CODE_LENGTH)
account_number = digits_policy(ACCOUNT_NUMBER_LENGTH)


def amount(raw: str) -> FieldResult:
    """Amount: ``parse_amount`` as a policy; the value is whole yen in plain digits."""
    if len(raw) > AMOUNT_INPUT_LIMIT:
        return FieldResult("", (), AppError(ErrorCode.AMOUNT_TOO_LARGE))
    try:
        yen = parse_amount(raw)
    except AppError as error:
        return FieldResult("", (), error)
    value = str(yen)
    half = raw.translate(FULLWIDTH_DIGITS)
    notices: set[Notice] = set()
    if half != raw:
        notices.add(Notice.FULL_WIDTH_DIGITS_CONVERTED)
    if half.strip() != value:
        notices.add(Notice.AMOUNT_NORMALISED)
    return FieldResult(value, ordered(notices))


def phone(raw: str) -> FieldResult:
    """Phone: 10–11 digits from 0; full-width digits, hyphens, parentheses, spaces convert."""
    value, notices, error = _digits(raw, _is_phone_separator, Notice.PHONE_SEPARATORS_REMOVED)
    if error is not None:
        return FieldResult(value, (), error)
    if not value:
        return FieldResult("", (), AppError(ErrorCode.REQUIRED))
    if len(value) not in PHONE_LENGTHS or not value.startswith("0"):
        return FieldResult(value, notices, AppError(ErrorCode.PHONE_INVALID))
    return FieldResult(value, notices)


# Area codes of two digits (Tokyo, Osaka) and 10-digit service numbers shown 4-3-3.
_TWO_DIGIT_AREAS = ("03", "06")
_FOUR_DIGIT_SERVICES = ("0120", "0570", "0800", "0990")


def format_phone(digits: str) -> str:
    """``09012345678`` → ``090-1234-5678``; 03/06 as 2-4-4, 0120 as 4-3-3, others 3-3-4.

    Anything but a stored phone number (10–11 ASCII digits from 0) comes back unchanged.
    """
    stored = len(digits) in PHONE_LENGTHS and all(is_ascii_digit(c) for c in digits)
    if not stored or not digits.startswith("0"):
        return digits
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if digits.startswith(_TWO_DIGIT_AREAS):
        return f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"
    if digits.startswith(_FOUR_DIGIT_SERVICES):
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"


def postal_code(raw: str) -> FieldResult:
    """Postal code: 7 digits; full-width digits, a leading 〒, hyphens and spaces convert."""
    lead = len(raw) - len(raw.lstrip())
    # The mark becomes a space (same length, so positions still point into the raw text).
    typed = raw[:lead] + " " + raw[lead + 1 :] if raw[lead : lead + 1] == "〒" else raw
    value, notices, error = _digits(typed)
    if error is not None:
        return FieldResult(value, (), error)
    if not value:
        return FieldResult("", (), AppError(ErrorCode.REQUIRED))
    if len(value) != POSTAL_CODE_LENGTH:
        return FieldResult(value, notices, AppError(ErrorCode.POSTAL_INVALID))
    return FieldResult(value, notices)


def format_postal(digits: str) -> str:
    """``1000001`` → ``〒100-0001``; anything but 7 ASCII digits comes back unchanged."""
    if len(digits) != POSTAL_CODE_LENGTH or not all(is_ascii_digit(c) for c in digits):
        return digits
    return f"〒{digits[:3]}-{digits[3:]}"


POLICIES: dict[str, Policy] = {
    "web_id": web_id,
    "password": password,
    "card_number": card_number,
    "pin": pin,
    "member_number": member_number,
    "bank_code": bank_code,
    "branch_code": branch_code,
    "account_number": account_number,
    "amount": amount,
    "email": email,
    "phone": phone,
    "postal_code": postal_code,
    "name": name,
    "name_kana": name_kana,
    "address": address,
    "workplace": workplace,
    "account_holder": account_holder,
}
