"""Banks the demo knows: internet-repayment banks and 24-hour transfer banks (DOMAIN.md §3, §5),
with their English names: the one table the client shows bank names from, in each language
(the store keeps the Japanese name a bank account was registered with)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.models import PREPAID_BANK_CODE


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
# Every bank (and the prepaid card) a destination or a history line may name, by bank code.
KNOWN_BANKS: tuple[Bank, ...] = (
    *INTERNET_REPAYMENT_BANKS,
    Bank("9900", "ゆうちょ銀行", "Japan Post Bank"),
    Bank(PREPAID_BANK_CODE, "こはくプリペイドカード", "Kohaku Prepaid Card"),
)
_BY_CODE = {bank.code: bank for bank in KNOWN_BANKS}
_BY_NAME = {bank.name: bank for bank in KNOWN_BANKS}


def repayment_bank(code: str) -> Bank | None:
    return next((bank for bank in INTERNET_REPAYMENT_BANKS if bank.code == code), None)


def known_bank(code: str | None = None, name: str | None = None) -> Bank | None:
    """The bank of ``code``, else the bank registered under the Japanese ``name`` (a history
    line keeps only the name); None for a bank the table does not know."""
    if code is not None and code in _BY_CODE:
        return _BY_CODE[code]
    return _BY_NAME.get(name) if name is not None else None
