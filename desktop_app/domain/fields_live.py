"""What a field converts while the member types (DOMAIN.md §7).

Only character-for-character conversions that keep the text's length run while typing
(full-width digits and letters to half-width), so the cursor stays where it was and the
field shows the converted text the moment its notice appears. Conversions that change the
length (separators removed, 「3万」 → 30,000) wait until the member leaves the field.

A secret (password, PIN, confirmation code shown as dots) is never converted: its policy
refuses what it cannot take instead.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.domain import fields
from desktop_app.domain.text import FULLWIDTH_ASCII, FULLWIDTH_DIGITS, Notice, is_ascii_alnum

LiveConversion = Callable[[str], tuple[str, tuple[Notice, ...]]]
"""Raw text → (the text to show now, what was converted in it)."""

_AMOUNT_MARKS = {ord("，"): ord(","), ord("．"): ord(".")}


def digits(raw: str) -> tuple[str, tuple[Notice, ...]]:
    """Full-width digits become half-width (card, member number, codes, phone …)."""
    converted = raw.translate(FULLWIDTH_DIGITS)
    return converted, (Notice.FULL_WIDTH_DIGITS_CONVERTED,) if converted != raw else ()


def alnum(raw: str) -> tuple[str, tuple[Notice, ...]]:
    """Full-width letters and digits become half-width (Web-ID); other characters stay."""
    kept: list[str] = []
    letters = False
    for char in raw:
        half = char.translate(FULLWIDTH_ASCII)
        if half != char and is_ascii_alnum(half):
            letters = letters or not half.isdigit()
            kept.append(half)
        else:
            kept.append(char)
    converted = "".join(kept)
    if converted == raw:
        return raw, ()
    notice = Notice.FULL_WIDTH_ALNUM_CONVERTED if letters else Notice.FULL_WIDTH_DIGITS_CONVERTED
    return converted, (notice,)


def ascii_text(raw: str) -> tuple[str, tuple[Notice, ...]]:
    """Full-width ASCII (＠ ． letters, digits) becomes half-width (email); spaces stay."""
    kept = [char if char == "\u3000" else char.translate(FULLWIDTH_ASCII) for char in raw]
    converted = "".join(kept)
    return converted, (Notice.FULL_WIDTH_ASCII_CONVERTED,) if converted != raw else ()


def amount(raw: str) -> tuple[str, tuple[Notice, ...]]:
    """Full-width digits, commas and points become half-width; 万 and 円 wait for the commit."""
    converted = raw.translate(FULLWIDTH_DIGITS).translate(_AMOUNT_MARKS)
    return converted, (Notice.FULL_WIDTH_DIGITS_CONVERTED,) if converted != raw else ()


def amount_display(raw: str) -> str | None:
    """The amount as the field shows it once left: ``10,000``; None when it is not one."""
    result = fields.amount(raw)
    return f"{int(result.value):,}" if result.error is None else None


def postal_display(raw: str) -> str | None:
    """The postal code as the field shows it once left: ``100-0001`` (sent as 7 digits);
    None when it is not one."""
    result = fields.postal_code(raw)
    value = result.value
    return f"{value[:3]}-{value[3:]}" if result.error is None else None


def same_amount(text: str, before: str) -> bool:
    """Whether two texts of an amount field ask for the same amount: 「10000」 shown as
    「10,000」 once the field is left is the request the member confirmed, not a new one."""
    if text == before:
        return True
    now, then = fields.amount(text), fields.amount(before)
    return now.error is None and then.error is None and now.value == then.value
