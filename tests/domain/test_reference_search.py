"""How a typed bank or branch search is compared with the 全銀 data: any width, hiragana or
katakana, small or large kana, long-vowel marks, spaces."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.reference import Town, search_key


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("みずほ", "ミズホ"),
        ("ﾐｽﾞﾎ", "ミズホ"),
        ("ミズホ", "ミズホ"),
        ("とうきょう", "トウキヨウ"),  # the 全銀 kana writes small kana large
        ("ＰａｙＰａｙ", "paypay"),
        ("PayPay", "paypay"),
        ("０００１", "0001"),
        ("三菱ＵＦＪ", "三菱ufj"),
        ("ゆー", "ユ-"),
        ("ﾕ-", "ユ-"),
        ("東京 営業部", "東京営業部"),
        ("　", ""),
    ],
)
def test_search_key(typed: str, key: str) -> None:
    assert search_key(typed) == key


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_search_key_is_idempotent_and_never_fails(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key
    assert not any(char.isspace() for char in key)


def test_a_town_reads_as_one_line() -> None:
    assert Town("1000001", "東京都", "千代田区", "千代田").address == "東京都千代田区千代田"
