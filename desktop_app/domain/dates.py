"""Dates as members type them: ``19850412``, ``1985/4/12``, ``1985-04-12``, ``1985.4.12``,
``1985年4月12日``, in half- or full-width digits, with spaces around."""

from __future__ import annotations

import re
from datetime import date

from desktop_app.domain.text import FULLWIDTH_ASCII

_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SEPARATED = re.compile(r"(\d{4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?(\(.*\))?")
_TYPING = re.compile(r"[\d/\-.年月日\s]*")
# The long dash, katakana ー and the full-width slash read as separators too.
_MARKS = {ord(c): ord("-") for c in "‐‑‒–—―−ー"}


def _half_width(text: str) -> str:
    return text.translate(FULLWIDTH_ASCII).translate(_MARKS).strip()


def parse_typed_date(text: str) -> date | None:
    """The date ``text`` names, or None when it names none (or an impossible one)."""
    typed = _half_width(text)
    match = _COMPACT.fullmatch(typed) or _SEPARATED.fullmatch(typed)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:  # 1985/2/30
        return None


def may_become_date(text: str) -> bool:
    """``text`` could still be typed on into a date (digits and date separators only)."""
    return _TYPING.fullmatch(_half_width(text)) is not None
