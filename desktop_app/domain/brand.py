"""The brand the client shows: its name, the legal display every 貸金業者 page carries (company,
貸金業登録番号, 日本貸金業協会 member number), the support line and the FAQ.

The defaults are the fictional demo brand; a deployment overrides any of them with a JSON file
of the same keys (read by ``desktop_app.host.load_brand``; ``brand_from_mapping`` checks it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Brand:
    name_ja: str = "こはくローン"
    name_en: str = "Kohaku Loan"
    company_ja: str = "こはくファイナンス株式会社"
    company_en: str = "Kohaku Finance Co., Ltd."
    registration_ja: str = "関東財務局長(1)第99999号"  # 貸金業登録番号 (fictional)
    registration_en: str = "Director-General of the Kanto Local Finance Bureau (1) No. 99999"
    association_number: str = "009999"  # 日本貸金業協会 会員番号 (fictional)
    support_phone: str = "0120-000-000"
    support_opens: str = "9:00"
    support_closes: str = "21:00"
    faq_url: str = "https://www.example.jp/kohaku/faq/"
    logo: str = ""  # an SVG or PNG file for the brand mark; "" for the bundled one

    @property
    def support_hours(self) -> str:
        """The hours as Japanese text writes a range (emails, which are Japanese only)."""
        return f"{self.support_opens}～{self.support_closes}"

    def name(self, language: str) -> str:
        return self.name_ja if language == "ja" else self.name_en

    def company(self, language: str) -> str:
        return self.company_ja if language == "ja" else self.company_en

    def registration(self, language: str) -> str:
        return self.registration_ja if language == "ja" else self.registration_en


DEFAULT_BRAND = Brand()
BRAND_KEYS = frozenset(field.name for field in fields(Brand))


def brand_from_mapping(values: Mapping[str, object], base: Brand = DEFAULT_BRAND) -> Brand:
    """``base`` with the values given (a JSON object's); unknown keys and values that are not
    text are refused with a ``ValueError`` naming them."""
    unknown = sorted(set(values) - BRAND_KEYS)
    if unknown:
        raise ValueError(f"unknown brand settings: {', '.join(unknown)}")
    not_text = sorted(key for key, value in values.items() if not isinstance(value, str))
    if not_text:
        raise ValueError(f"brand settings that are not text: {', '.join(not_text)}")
    return replace(base, **{key: str(value) for key, value in values.items()})
