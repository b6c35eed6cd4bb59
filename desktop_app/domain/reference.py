"""Reference data the member's inputs are checked against: the towns of a postal code (Japan
Post's data) and the banks and branches of the 全銀 data, as plain data, and the one way a
typed search is compared with them (any width, hiragana or katakana, small kana or large)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from desktop_app.domain.text import SMALL_KANA, hiragana_to_katakana


@dataclass(frozen=True)
class Town:
    """One town (町域) of a postal code; ``town`` may be empty (the code covers the city)."""

    postal_code: str
    prefecture: str
    city: str
    town: str

    @property
    def address(self) -> str:
        """都道府県・市区町村・町域 as one line: 東京都千代田区千代田."""
        return self.prefecture + self.city + self.town


@dataclass(frozen=True)
class BankEntry:
    code: str  # 4 digits
    name: str  # as a member names it: みずほ銀行, PayPay銀行, 北海道信金
    kana: str  # full-width katakana, large kana (as the 全銀 data writes it)


@dataclass(frozen=True)
class BranchEntry:
    bank_code: str
    code: str  # 3 digits
    name: str  # 東京営業部
    kana: str


_LARGE = str.maketrans(SMALL_KANA)


def search_key(text: str) -> str:
    """``text`` folded for matching: NFKC (widths), lower case, hiragana as katakana, small
    kana as large, long-vowel marks and hyphens as one mark, no spaces."""
    folded = unicodedata.normalize("NFKC", text).lower()
    folded = "".join(hiragana_to_katakana(char) for char in folded)
    folded = folded.translate(_LARGE)
    folded = folded.replace("ー", "-").replace("－", "-").replace("‐", "-")
    folded = "".join(char for char in folded if not char.isspace())
    # Lower case and kana changes can leave a sequence NFKC composes: compose until stable.
    while (again := unicodedata.normalize("NFKC", folded).lower()) != folded:
        folded = again
    return folded
