"""Character-width helpers shared by the input policies and money parsing, and the result
every input policy returns (``FieldResult`` with its ``Notice``s).

The result types live here, below both policy modules (``fields`` and ``fields_text``), so
that neither has to import the other's internals.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from desktop_app.domain.errors import AppError

FULLWIDTH_DIGITS = {ord("０") + i: ord("0") + i for i in range(10)}
# Full-width ASCII (U+FF01..U+FF5E) maps to U+0021..U+007E; the ideographic space to a space.
FULLWIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
FULLWIDTH_ASCII[0x3000] = 0x20
HYPHENS = "-‐‑‒–—―−－ー"
IDEOGRAPHIC_SPACE = "\u3000"


class Notice(StrEnum):
    """What a policy converted; each becomes one sentence in the member's language."""

    FULL_WIDTH_ALNUM_CONVERTED = "full_width_alnum_converted"
    FULL_WIDTH_DIGITS_CONVERTED = "full_width_digits_converted"
    SEPARATORS_REMOVED = "separators_removed"
    FULL_WIDTH_ASCII_CONVERTED = "full_width_ascii_converted"
    HALF_WIDTH_ASCII_CONVERTED = "half_width_ascii_converted"
    HALF_WIDTH_KANA_CONVERTED = "half_width_kana_converted"
    HIRAGANA_CONVERTED = "hiragana_converted"
    KANA_MADE_HALF_WIDTH = "kana_made_half_width"
    SMALL_KANA_ENLARGED = "small_kana_enlarged"
    CASE_CONVERTED = "case_converted"
    MARKS_CONVERTED = "marks_converted"
    SPACES_MADE_FULL_WIDTH = "spaces_made_full_width"
    SPACES_MADE_HALF_WIDTH = "spaces_made_half_width"
    SURROUNDING_SPACES_REMOVED = "surrounding_spaces_removed"
    EMAIL_DOMAIN_LOWERCASED = "email_domain_lowercased"
    PHONE_SEPARATORS_REMOVED = "phone_separators_removed"
    AMOUNT_NORMALISED = "amount_normalised"


_NOTICE_ORDER = {notice: index for index, notice in enumerate(Notice)}


def ordered(notices: set[Notice]) -> tuple[Notice, ...]:
    """Notices in one fixed order (the order of ``Notice``), whatever order they arose in."""
    return tuple(sorted(notices, key=_NOTICE_ORDER.__getitem__))


@dataclass(frozen=True)
class FieldResult:
    """The value to store or send, what was converted, or why it is refused.

    A refusal that blames one character carries ``position`` (1-based, in the raw text) and
    ``char`` (as typed) and no notices; a refusal of the whole value (its length or form)
    may keep the notices of what was converted before it.
    """

    value: str
    notices: tuple[Notice, ...] = ()
    error: AppError | None = None

    def __post_init__(self) -> None:
        if self.error is not None:
            self.error.detached()  # a result is kept: it must not keep the caller's frames

    @property
    def ok(self) -> bool:
        return self.error is None


Policy = Callable[[str], FieldResult]


def is_full_width(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("F", "W")


def is_ascii_digit(char: str) -> bool:
    return "0" <= char <= "9"


def is_ascii_alnum(char: str) -> bool:
    return is_ascii_digit(char) or "a" <= char <= "z" or "A" <= char <= "Z"


def is_ascii_printable(char: str) -> bool:
    """U+0021..U+007E: half-width letters, digits and symbols (not the space)."""
    return "!" <= char <= "~"


def is_space(char: str) -> bool:
    """A space of any width (half-width, ideographic, no-break …): Unicode ``Zs``."""
    return unicodedata.category(char) == "Zs"


def is_control(char: str) -> bool:
    """Control, format, private-use, unassigned and surrogate code points, line breaks."""
    category = unicodedata.category(char)
    return category[0] == "C" or category in ("Zl", "Zp")


def is_half_width_kana(char: str) -> bool:
    """The half-width katakana block, its punctuation and sound marks (U+FF61..U+FF9F)."""
    return "\uff61" <= char <= "\uff9f"


def is_hiragana(char: str) -> bool:
    """Hiragana that have a katakana twin: ぁ..ゖ and the iteration marks ゝ ゞ."""
    return "\u3041" <= char <= "\u3096" or char in "\u309d\u309e"


def hiragana_to_katakana(char: str) -> str:
    return chr(ord(char) + 0x60) if is_hiragana(char) else char


def is_katakana(char: str) -> bool:
    """Full-width katakana of a reading: ァ..ヺ, the middle dot ・, ー and ヽ ヾ."""
    return "\u30a1" <= char <= "\u30fe"


# Combining (U+3099/U+309A) and half-width (ﾞ ﾟ) sound marks that compose with the kana before.
_MARKS = {"\uff9e": "\u3099", "\uff9f": "\u309a", "\u3099": "\u3099", "\u309a": "\u309a"}


@cache
def _half_to_full_kana() -> dict[str, str]:
    import jaconv  # imported on first use: start-up does not need it

    table = {
        chr(code): str(jaconv.h2z(chr(code), kana=True, ascii=False, digit=False))
        for code in range(0xFF61, 0xFF9E)
    }
    # Standing alone, ﾞ and ﾟ become the spacing marks ゛ ゜ (jaconv keeps them half-width).
    table["\uff9e"] = "\u309b"
    table["\uff9f"] = "\u309c"
    return table


def half_width_kana_to_full(char: str) -> str:
    """One half-width katakana (or ｡｢｣､･ﾞﾟ) as its full-width form; other characters as is."""
    return _half_to_full_kana().get(char, char)


class Token(NamedTuple):
    """One character as the member sees it: a kana with its sound mark counts as one."""

    position: int  # 1-based, in the raw text
    raw: str  # as typed: one character, or a kana and its sound mark
    text: str  # one character: half-width kana made full-width, kana and mark composed


def kana_tokens(raw: str) -> Iterator[Token]:
    """Split ``raw`` into tokens; ``ｶﾞ``, ``カﾞ`` and ``か`` + U+3099 each become one token."""
    index = 0
    while index < len(raw):
        char = raw[index]
        full = half_width_kana_to_full(char)
        if index + 1 < len(raw) and raw[index + 1] in _MARKS:
            composed = unicodedata.normalize("NFC", full + _MARKS[raw[index + 1]])
            if len(composed) == 1:
                yield Token(index + 1, raw[index : index + 2], composed)
                index += 2
                continue
        yield Token(index + 1, char, full)
        index += 1


SMALL_KANA = dict(zip("ァィゥェォッャュョヮヵヶ", "アイウエオツヤユヨワカケ", strict=True))

# 全銀 (Zengin) half-width set of a bank account holder name.
ZENGIN_KANA = frozenset(chr(code) for code in range(0xFF71, 0xFF9E)) | {"\uff9e", "\uff9f"}
ZENGIN_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ()-./")


@cache
def _full_to_half_kana() -> dict[str, str]:
    import jaconv

    table: dict[str, str] = {}
    for code in range(0x30A1, 0x30FB):
        char = chr(code)
        if unicodedata.decomposition(char):
            continue  # voiced kana go through their base and mark
        half = str(jaconv.z2h(char, kana=True, ascii=False, digit=False))
        if len(half) == 1 and is_half_width_kana(half):
            table[char] = half
    return table


def katakana_to_zengin(char: str) -> str | None:
    """One full-width katakana as 全銀 half-width kana (ダ → ﾀﾞ, ッ → ﾂ), or None (ヲ, ヰ …)."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    half = _full_to_half_kana().get(SMALL_KANA.get(base, base))
    if half is None or half not in ZENGIN_KANA:
        return None
    tail = "".join("\uff9e" if mark == "\u3099" else "\uff9f" for mark in marks)
    return half + tail
