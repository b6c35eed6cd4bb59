"""Random strings of every kind a member (or a paste) can put in a field, from a seeded
generator so every run sees the same ones: every width (ASCII, full-width digits and letters,
half-width kana, full-width kana, kanji), emoji and ZWJ sequences, combining marks, NUL and
control characters, lone surrogates, RTL marks, odd spaces and hyphens, and now and then a
100,000-character string. Near-valid strings (digits with separators, an email, a date)
are mixed in so the accepting paths are walked too."""

from __future__ import annotations

import random
from collections.abc import Iterator

LONG = 100_000


def _span(first: int, last: int) -> str:
    return "".join(chr(code) for code in range(first, last + 1))


CLASSES: dict[str, str] = {
    "ascii": _span(0x20, 0x7E),
    "digits": "0123456789",
    "full_digits": _span(0xFF10, 0xFF19),
    "full_ascii": _span(0xFF01, 0xFF5E),
    "half_kana": _span(0xFF61, 0xFF9F),
    "hiragana": _span(0x3041, 0x3096) + "ゝゞ",
    "katakana": _span(0x30A1, 0x30FE),
    "kanji": "山田太郎花子東京都千代田区丸の内一丁目株式会社様髙﨑",
    "cjk_ext": "𠮷𩸽𪚲",  # outside the BMP
    "emoji": "😀🎉💴🏦🇯🇵👍🏽❤️",
    "zwj": "\u200d",
    "combining": _span(0x0300, 0x036F) + "\u3099\u309a\u309b\u309c",
    "controls": _span(0x00, 0x1F) + _span(0x7F, 0x9F),
    "surrogates": "\ud800\udbff\udc00\udfff",
    "bidi": "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c",
    "spaces": " \u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\t\n\r\u2028\u2029",
    "hyphens": "-‐‑‒–—―−－ー~～",
    "money": "¥￥円万千,，.．",
    "marks": "〒@＠.．()（）/／・_",
    "private": "\ue000\uf8ff\U000f0000",
    "unassigned": "\u0378\u0cf4\U0002fffe",
}
ZWJ_SEQUENCES = ("👨\u200d👩\u200d👧\u200d👦", "🏳️\u200d🌈", "👩🏽\u200d💻")
_WEIGHTS = {name: 1 for name in CLASSES} | {"ascii": 4, "digits": 4, "full_digits": 2}


def _near_valid(rng: random.Random) -> str:
    """Something close to what a field accepts: digits of a plausible length with the
    separators members type, an email, a date, kana words, an amount."""
    digits = "".join(rng.choice("0123456789") for _ in range(rng.choice((3, 4, 6, 7, 9, 10, 11))))
    choices = (
        digits,
        digits.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"}),
        "-".join((digits[:3], digits[3:])),
        f"0{digits[:10]}",
        f"〒{digits[:3]}-{digits[3:7]}",
        f"{rng.randint(1, 500)}万円",
        f"{rng.randint(1, 9_999_999):,}",
        f"user{digits}@example.jp",
        f"Abc{digits}xyz",
        f"{rng.randint(1900, 2100)}/{rng.randint(1, 13)}/{rng.randint(1, 32)}",
        "ヤマダ　タロウ",
        "ﾔﾏﾀﾞ ﾀﾛｳ",
        "やまだ たろう",
        "東京都千代田区丸の内１－１",
    )
    return rng.choice(choices)


def random_string(rng: random.Random, long_every: int = 0) -> str:
    """One random string; one in ``long_every`` (if given) is 100,000 characters long."""
    if long_every and rng.randrange(long_every) == 0:
        alphabet = CLASSES[rng.choice(list(CLASSES))] + CLASSES["digits"]
        return "".join(rng.choices(alphabet, k=LONG))
    if rng.random() < 0.3:
        text = _near_valid(rng)
        if rng.random() < 0.5:  # one odd character in it
            where = rng.randrange(len(text) + 1)
            odd = rng.choice(CLASSES[rng.choice(list(CLASSES))])
            text = text[:where] + odd + text[where:]
        return text
    names = rng.choices(list(_WEIGHTS), weights=list(_WEIGHTS.values()), k=rng.randint(1, 3))
    alphabet = "".join(CLASSES[name] for name in names)
    parts = [rng.choice(alphabet) for _ in range(rng.choice((0, 1, 3, 4, 7, 9, 12, 20, 40)))]
    if rng.random() < 0.05:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(ZWJ_SEQUENCES))
    return "".join(parts)


def long_strings(seed: int) -> list[str]:
    """Three 100,000-character strings: kana of every width with kanji and marks; emoji,
    ZWJ and combining marks; digits among controls, NUL, bidi marks and surrogates."""
    rng = random.Random(seed)
    mixes = (
        CLASSES["hiragana"] + CLASSES["katakana"] + CLASSES["half_kana"] + CLASSES["kanji"],
        CLASSES["emoji"] + CLASSES["zwj"] + CLASSES["combining"] + CLASSES["full_ascii"],
        CLASSES["digits"] + CLASSES["controls"] + CLASSES["bidi"] + CLASSES["surrogates"],
    )
    return ["".join(rng.choices(mix, k=LONG)) for mix in mixes]


def strings(seed: int, count: int, long_every: int = 0) -> Iterator[str]:
    """``count`` random strings, the same ones for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        yield random_string(rng, long_every)
