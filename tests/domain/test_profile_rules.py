"""The rules of changing registered details that need no store (DOMAIN.md §5): the next due
date after a change of due day, the due day automatic debit allows, the masks of 変更履歴."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.profile import (
    Address,
    auto_debit_due_day,
    first_on_day_after,
    mask_address,
    mask_email,
    mask_tail,
    next_due_after_change,
)
from desktop_app.domain.rules import MONTH_END, ProfileRules

RULES = ProfileRules()
D = date

# (new day, today, current due, minimum paid, last payment) → new due date
CASES = [
    # the first date on the new day after today
    (5, D(2026, 11, 24), D(2026, 11, 25), False, D(2026, 11, 4), D(2026, 12, 5)),
    (25, D(2026, 11, 24), D(2026, 12, 5), False, D(2026, 11, 5), D(2026, 11, 25)),
    (MONTH_END, D(2026, 11, 24), D(2026, 11, 25), False, D(2026, 10, 27), D(2026, 11, 30)),
    (15, D(2026, 11, 24), D(2026, 11, 25), False, D(2026, 11, 10), D(2026, 12, 15)),  # day 35
    # today itself is not "after today"
    (25, D(2026, 11, 25), D(2026, 12, 5), False, D(2026, 11, 25), D(2026, 12, 25)),
    # this cycle's minimum paid: the first such date after the current next due date
    (5, D(2026, 12, 20), D(2026, 12, 25), True, D(2026, 12, 20), D(2027, 1, 5)),
    (MONTH_END, D(2026, 12, 20), D(2026, 12, 25), True, D(2026, 12, 20), D(2026, 12, 31)),
    # February's last day
    (MONTH_END, D(2027, 2, 1), D(2027, 2, 5), False, D(2027, 2, 1), D(2027, 2, 28)),
    # no payment on record: no 35-day limit to apply
    (15, D(2026, 11, 24), D(2026, 11, 25), False, None, D(2026, 12, 15)),
]


@pytest.mark.parametrize(("day", "today", "due", "paid", "last", "expected"), CASES)
def test_next_due_after_change(day, today, due, paid, last, expected) -> None:
    assert next_due_after_change(day, today, due, paid, last, RULES) == expected


def test_more_than_35_days_after_the_last_payment_is_refused_with_the_latest_day() -> None:
    # paid on 10-27; the 15th after 11-24 is 12-15, 49 days later
    with pytest.raises(AppError) as raised:
        next_due_after_change(15, D(2026, 11, 24), D(2026, 11, 25), True, D(2026, 10, 27), RULES)
    assert raised.value == AppError(ErrorCode.DUE_DAY_TOO_LATE, latest=D(2026, 12, 1))


def test_the_limit_comes_from_the_rules() -> None:
    loose = ProfileRules(due_day_max_days_after_payment=60)
    new = next_due_after_change(15, D(2026, 11, 24), D(2026, 11, 25), True, D(2026, 10, 27), loose)
    assert new == D(2026, 12, 15)


def test_nothing_owed_has_no_due_date() -> None:
    assert next_due_after_change(5, D(2026, 11, 24), None, False, None, RULES) is None


@settings(max_examples=300, deadline=None)
@given(
    day=st.sampled_from((5, 15, 25, MONTH_END)),
    today=st.dates(D(2024, 1, 1), D(2030, 12, 31)),
    due_offset=st.integers(-20, 40),
    paid=st.booleans(),
    last_offset=st.one_of(st.none(), st.integers(-60, 0)),
)
def test_any_change_lands_on_the_new_day_after_today_or_is_refused(
    day, today, due_offset, paid, last_offset
) -> None:
    due = today + timedelta(days=due_offset)
    last = None if last_offset is None else today + timedelta(days=last_offset)
    try:
        new = next_due_after_change(day, today, due, paid, last, RULES)
    except AppError as error:
        assert error.code is ErrorCode.DUE_DAY_TOO_LATE
        assert last is not None and error.params["latest"] == last + timedelta(days=35)
        return
    assert new is not None and new > today
    assert new.day == day or (day == MONTH_END and (new + timedelta(days=1)).day == 1)
    assert new <= first_on_day_after(day, max(today, due) if paid else today)
    if paid:
        assert new > due
    if last is not None:
        assert new <= last + timedelta(days=35)


@pytest.mark.parametrize(
    ("bank", "wanted", "allowed"),
    [("0009", 25, 25), ("0033", MONTH_END, MONTH_END), ("0001", 25, 5), ("0005", 15, 5)],
)
def test_automatic_debit_keeps_any_day_only_at_smbc_and_paypay(bank, wanted, allowed) -> None:
    assert auto_debit_due_day(bank, wanted, RULES) == allowed


@pytest.mark.parametrize(
    ("masked", "expected"),
    [
        (mask_email("taro.yamada@example.jp"), "t***@example.jp"),
        (mask_tail("09012345678"), "*******5678"),
        (mask_tail("1234567"), "***4567"),
        (mask_tail("123"), "***"),
        (
            mask_address(Address("1000001", "東京都千代田区千代田", "１－１")),
            "〒100-0001 東京都千代田区千代田＊＊＊",
        ),
    ],
)
def test_masks(masked: str, expected: str) -> None:
    assert masked == expected


@settings(max_examples=200, deadline=None)
@given(local=st.from_regex(r"[a-z0-9._]{2,20}", fullmatch=True), secret=st.text(min_size=5))
def test_a_mask_keeps_only_what_it_means_to_show(local: str, secret: str) -> None:
    """An email keeps the first letter of its name and the domain; a number its last four;
    an address its postal code and town, never the 番地・建物名."""
    assert mask_email(f"{local}@example.jp") == f"{local[0]}***@example.jp"
    masked = mask_tail(secret)
    assert masked[:-4] == "*" * (len(secret) - 4) and masked[-4:] == secret[-4:]
    shown = mask_address(Address("1000001", "東京都千代田区千代田", secret))
    assert shown == "〒100-0001 東京都千代田区千代田＊＊＊"
