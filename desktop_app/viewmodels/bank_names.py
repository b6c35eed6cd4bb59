"""Bank names in the interface language: the Japanese name the store keeps in Japanese, the
domain table's English name in English (``三井住友銀行`` / ``SMBC``), in every combo, receipt,
confirmation and history line alike."""

from __future__ import annotations

from desktop_app.domain.banks import Bank, known_bank
from desktop_app.i18n import _, language


def bank_name(stored: str, code: str | None = None, lang: str | None = None) -> str:
    """The name of the bank of ``code`` (or registered as ``stored``) to show in ``lang``
    (the interface language by default); a bank the table does not know keeps the name it
    was registered with."""
    bank = known_bank(code, stored)
    return stored if bank is None else table_name(bank, lang)


def table_name(bank: Bank, lang: str | None = None) -> str:
    return bank.name_en if (lang or language()) == "en" else bank.name


def branch_name(stored: str, code: str) -> str:
    """A branch by its registered (Japanese) name; in English by its code (``Branch 001``),
    as branches have no English names of their own."""
    if language() == "en" and code:
        return _("Branch {code}").format(code=code)
    return stored
