"""Character-width helpers shared by the input policies and money parsing."""

from __future__ import annotations

import unicodedata

FULLWIDTH_DIGITS = {ord("０") + i: ord("0") + i for i in range(10)}
# Full-width ASCII (U+FF01..U+FF5E) maps to U+0021..U+007E; the ideographic space to a space.
FULLWIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
FULLWIDTH_ASCII[0x3000] = 0x20
HYPHENS = "-‐‑‒–—―−－ー"


def is_full_width(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("F", "W")


def is_ascii_digit(char: str) -> bool:
    return "0" <= char <= "9"


def is_ascii_alnum(char: str) -> bool:
    return is_ascii_digit(char) or "a" <= char <= "z" or "A" <= char <= "Z"
