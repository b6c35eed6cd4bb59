"""The fictional brand and its support line (configurable; DOMAIN.md defaults)."""

from __future__ import annotations

from typing import NamedTuple


class Brand(NamedTuple):
    name_ja: str = "こはくローン"
    name_en: str = "Kohaku Loan"
    support_phone: str = "0120-000-000"
    support_hours: str = "9:00–21:00"


DEFAULT_BRAND = Brand()
