"""Banks the demo knows: internet-repayment banks and 24-hour transfer banks (DOMAIN.md §3, §5)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bank:
    code: str
    name: str
    name_en: str


INTERNET_REPAYMENT_BANKS: tuple[Bank, ...] = (
    Bank("0009", "三井住友銀行", "SMBC"),
    Bank("0005", "三菱UFJ銀行", "MUFG Bank"),
    Bank("0033", "PayPay銀行", "PayPay Bank"),
    Bank("0001", "みずほ銀行", "Mizuho Bank"),
    Bank("0036", "楽天銀行", "Rakuten Bank"),
)


def repayment_bank(code: str) -> Bank | None:
    return next((bank for bank in INTERNET_REPAYMENT_BANKS if bank.code == code), None)
