"""Input policies for the sign-in fields (DOMAIN.md §7): lenient input, strict storage.

Each policy takes raw text and returns a ``FieldResult``: the value to store or send, the
notices of what it converted, or the error with the position and character that offends.
No policy ever transforms a password.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.text import (
    FULLWIDTH_ASCII,
    FULLWIDTH_DIGITS,
    HYPHENS,
    is_ascii_alnum,
    is_ascii_digit,
    is_full_width,
)

WEB_ID_LENGTH = (8, 32)
PASSWORD_LENGTH = (8, 20)
CARD_NUMBER_LENGTHS = (10, 15, 16)
PIN_LENGTH = 4
MEMBER_NUMBER_LENGTH = 9


class Notice(StrEnum):
    FULL_WIDTH_ALNUM_CONVERTED = "full_width_alnum_converted"
    FULL_WIDTH_DIGITS_CONVERTED = "full_width_digits_converted"
    SEPARATORS_REMOVED = "separators_removed"


@dataclass(frozen=True)
class FieldResult:
    value: str
    notices: tuple[Notice, ...] = ()
    error: AppError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


Policy = Callable[[str], FieldResult]


def _offending(raw: str, allowed: Callable[[str], bool]) -> AppError | None:
    """The first character of ``raw`` that ``allowed`` rejects, as an error naming it."""
    for index, char in enumerate(raw, start=1):
        if not allowed(char):
            code = ErrorCode.FULL_WIDTH_CHAR if is_full_width(char) else ErrorCode.INVALID_CHAR
            return AppError(code, position=index, char=char)
    return None


def web_id(raw: str) -> FieldResult:
    """Web-ID: 8–32 half-width letters and digits; full-width letters and digits convert."""
    converted = raw.strip().translate(FULLWIDTH_ASCII)
    notices: tuple[Notice, ...] = ()
    if converted != raw.strip():
        notices = (Notice.FULL_WIDTH_ALNUM_CONVERTED,)
    if not converted:
        return FieldResult("", (), AppError(ErrorCode.REQUIRED))
    # Point at the raw character: the member sees what they typed.
    for index, (char, raw_char) in enumerate(zip(converted, raw.strip(), strict=True), start=1):
        if not is_ascii_alnum(char):
            code = ErrorCode.FULL_WIDTH_CHAR if is_full_width(raw_char) else ErrorCode.INVALID_CHAR
            return FieldResult(converted, (), AppError(code, position=index, char=raw_char))
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
    error = _offending(raw, _password_char)
    if error is not None:
        return FieldResult(raw, (), error)
    low, high = PASSWORD_LENGTH
    if not low <= len(raw) <= high:
        return FieldResult(raw, (), AppError(ErrorCode.LENGTH, min=low, max=high))
    if not (any(c.isalpha() for c in raw) and any(c.isdigit() for c in raw)):
        return FieldResult(raw, (), AppError(ErrorCode.PASSWORD_NEEDS_LETTER_AND_DIGIT))
    return FieldResult(raw)


def _digits(raw: str) -> tuple[str, tuple[Notice, ...], AppError | None]:
    """Strip separators, convert full-width digits; the first other character is an error."""
    notices: list[Notice] = []
    kept: list[str] = []
    for index, char in enumerate(raw, start=1):
        if char.isspace() or char in HYPHENS:
            if Notice.SEPARATORS_REMOVED not in notices and kept:
                notices.append(Notice.SEPARATORS_REMOVED)
            continue
        half = char.translate(FULLWIDTH_DIGITS)
        if not is_ascii_digit(half):
            code = ErrorCode.FULL_WIDTH_CHAR if is_full_width(char) else ErrorCode.INVALID_CHAR
            return "".join(kept), (), AppError(code, position=index, char=char)
        if half != char and Notice.FULL_WIDTH_DIGITS_CONVERTED not in notices:
            notices.insert(0, Notice.FULL_WIDTH_DIGITS_CONVERTED)
        kept.append(half)
    value = "".join(kept)
    # Separators only between digits are worth a notice; leading or trailing ones are noise.
    if value and raw.strip() == value:
        notices = [n for n in notices if n is not Notice.SEPARATORS_REMOVED]
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


def digits_policy(length: int) -> Policy:
    """A fixed-length number (PIN, member number, bank code …)."""

    def policy(raw: str) -> FieldResult:
        value, notices, error = _digits(raw)
        if error is not None:
            return FieldResult(value, (), error)
        if not value:
            return FieldResult("", (), AppError(ErrorCode.REQUIRED))
        if len(value) != length:
            return FieldResult(value, notices, AppError(ErrorCode.DIGITS_LENGTH, length=length))
        return FieldResult(value, notices)

    return policy


pin = digits_policy(PIN_LENGTH)
member_number = digits_policy(MEMBER_NUMBER_LENGTH)
