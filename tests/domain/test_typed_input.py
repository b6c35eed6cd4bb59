"""Dates as typed, and what fields convert while the member types (DOMAIN.md §7)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain import fields_live
from desktop_app.domain.dates import may_become_date, parse_typed_date
from desktop_app.domain.text import Notice


@pytest.mark.parametrize(
    "typed",
    [
        "19850412",
        "1985/4/12",
        "1985-04-12",
        "1985.4.12",
        " 1985/04/12 ",
        "１９８５０４１２",
        "１９８５／４／１２",
        "1985年4月12日",
        "１９８５年４月１２日",
        "1985年4月12日(金)",
    ],
)
def test_typed_dates(typed: str) -> None:
    assert parse_typed_date(typed) == date(1985, 4, 12)


@pytest.mark.parametrize("typed", ["1985/2/30", "198504", "1985/13/1", "85/4/12", "abc", ""])
def test_not_dates(typed: str) -> None:
    assert parse_typed_date(typed) is None


def test_what_may_still_become_a_date() -> None:
    assert may_become_date("1985/") and may_become_date("１９８５年")
    assert not may_become_date("1985a")


def test_conversions_while_typing_keep_the_length() -> None:
    assert fields_live.digits("１2３") == ("123", (Notice.FULL_WIDTH_DIGITS_CONVERTED,))
    assert fields_live.digits("123") == ("123", ())
    assert fields_live.alnum("ｙａｍａｄａ2026") == (
        "yamada2026",
        (Notice.FULL_WIDTH_ALNUM_CONVERTED,),
    )
    assert fields_live.alnum("１２３－") == ("123－", (Notice.FULL_WIDTH_DIGITS_CONVERTED,))
    assert fields_live.amount("１０，０００") == ("10,000", (Notice.FULL_WIDTH_DIGITS_CONVERTED,))
    assert fields_live.amount("3万") == ("3万", ())  # 万 waits for the member to leave
    assert fields_live.ascii_text("ito＠example．jp")[0] == "ito@example.jp"


def test_amounts_are_shown_grouped() -> None:
    assert fields_live.amount_display("１0000") == "10,000"
    assert fields_live.amount_display("3万") == "30,000"
    assert fields_live.amount_display("1.5万円") == "15,000"
    assert fields_live.amount_display("abc") is None
    assert fields_live.amount_display("0") is None
