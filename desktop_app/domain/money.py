"""Money: ``int`` yen, parsed leniently from what members type, never a float."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.text import FULLWIDTH_DIGITS

MAX_AMOUNT_DIGITS = 10  # 9,999,999,999 yen: far above any credit limit, far below overflow

_PUNCT = {ord("，"): ",", ord("．"): ".", ord("　"): " ", ord("＋"): "+", ord("－"): "-"}
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+", re.ASCII)
_PLAIN = re.compile(r"\d+", re.ASCII)
_MAN = re.compile(r"(\d+)(\.\d+)?", re.ASCII)


def parse_amount(text: str) -> int:
    """Parse an amount in yen: ``30000``, ``３０，０００``, ``30,000円``, ``3万``, ``1.5万円``.

    Raises ``AppError`` with ``REQUIRED``, ``AMOUNT_SIGN``, ``AMOUNT_FRACTION``,
    ``AMOUNT_ZERO``, ``AMOUNT_TOO_LARGE`` or ``AMOUNT_INVALID``.
    """
    value = text.translate(FULLWIDTH_DIGITS).translate(_PUNCT).strip().replace(" ", "")
    if not value:
        raise AppError(ErrorCode.REQUIRED)
    if value[0] in "+-":
        raise AppError(ErrorCode.AMOUNT_SIGN)
    if value.endswith("円"):
        value = value[:-1]
    if value.startswith("¥") or value.startswith("￥"):
        value = value[1:]
    if value.endswith("万"):
        yen = _parse_man(value[:-1])
    elif _PLAIN.fullmatch(value) or _GROUPED.fullmatch(value):
        digits = value.replace(",", "")
        if len(digits.lstrip("0")) > MAX_AMOUNT_DIGITS:
            raise AppError(ErrorCode.AMOUNT_TOO_LARGE)
        yen = int(digits.lstrip("0") or "0")  # no 4,300-digit int() limit on long zeros
    elif re.fullmatch(r"[0-9,]*\.[0-9]*", value):
        raise AppError(ErrorCode.AMOUNT_FRACTION)
    else:
        raise AppError(ErrorCode.AMOUNT_INVALID)
    if yen == 0:
        raise AppError(ErrorCode.AMOUNT_ZERO)
    if len(str(yen)) > MAX_AMOUNT_DIGITS:
        raise AppError(ErrorCode.AMOUNT_TOO_LARGE)
    return yen


def _parse_man(number: str) -> int:
    if not _MAN.fullmatch(number) or len(number) > MAX_AMOUNT_DIGITS:
        raise AppError(ErrorCode.AMOUNT_INVALID)
    try:
        yen = Decimal(number) * 10_000
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only decimals
        raise AppError(ErrorCode.AMOUNT_INVALID) from exc
    if yen != yen.to_integral_value():
        raise AppError(ErrorCode.AMOUNT_FRACTION)
    return int(yen)


def group_digits(yen: int) -> str:
    """``120000`` → ``120,000`` (the sign is kept)."""
    return f"{yen:,}"
