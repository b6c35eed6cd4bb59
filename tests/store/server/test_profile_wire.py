"""The registered details' calls on the wire: ``HttpStore`` → the member server's routes →
a scripted store (``in_process``), and back. Every argument arrives with its type (a
``NewBankAccount``, a ``Reminder``, a ``CodedChange``, ``None``), every answer comes back
equal to what the store returned, every refusal as the ``AppError`` it raised, its
parameters typed. The store's own behaviour is the contract suite's, over a real server.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from desktop_app.domain.errors import PARAMS, AppError, ErrorCode, Yen
from desktop_app.domain.models import AccountSummary, BankAccount, CodeChannel
from desktop_app.domain.profile import (
    Address,
    ChangeItem,
    CodedChange,
    CodeSent,
    DueDayEffect,
    MemberProfile,
    NewBankAccount,
    ProfileChange,
    Reminder,
    Workplace,
)
from desktop_app.store.remote.client import HttpStore
from desktop_app.store.remote.wire import RETRY_AFTER_HEADER, Paths, status_of

from ..conftest import NOW
from .in_process import PROFILE_CALLS, TOKEN, Wire, in_process, signed_headers

ACCOUNT = BankAccount(
    7, "0001", "みずほ銀行", "001", "東京営業部", "ordinary", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ"
)
FULL = MemberProfile(
    member_number="100000001",
    name="山田 太郎",
    name_kana="ヤマダ タロウ",
    address=Address("1000001", "東京都千代田区千代田", "１－１　こはくハイツ１０１"),
    phone="09012345678",
    email="taro@example.jp",
    workplace=Workplace("株式会社こはく", "0312345678"),
    bank_account=ACCOUNT,
    due_day=31,
    next_due_date=date(2026, 12, 31),
    auto_debit=True,
    reminder=Reminder(enabled=True, days_before=3, hour=9),
    web_statements=True,
    web_id="yamada2026",
)
BARE = MemberProfile(
    member_number="100000006",
    name="伊藤 さくら",
    name_kana="イトウ サクラ",
    address=None,
    phone=None,
    email=None,
    workplace=None,
    bank_account=None,
    due_day=15,
    next_due_date=None,
    auto_debit=False,
    reminder=Reminder(enabled=False, days_before=1, hour=0),
    web_statements=False,
    web_id=None,
)
HISTORY = tuple(
    ProfileChange(
        NOW - timedelta(days=n, seconds=1), item, f"＊＊＊{n}", f"after {n}", "PC", n % 2 == 0
    )
    for n, item in enumerate(ChangeItem)
)
SUMMARY = AccountSummary(
    as_of=NOW,
    member_number="100000001",
    name="山田 太郎",
    name_kana="ヤマダ タロウ",
    credit_limit=500_000,
    principal=120_000,
    annual_rate=Decimal("18.0"),
    accrued_interest=1_183,
    late_damages=0,
    minimum_payment=5_000,
    paid_this_cycle=0,
    next_due_date=date(2026, 12, 7),
    overdue=False,
    interest_free_until=None,
    last_sign_in_at=NOW - timedelta(days=1),
)
NEW_ACCOUNT = NewBankAccount("0001", "001", "ordinary", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ")
SECRETS = ("Taro2026pass", "Taro2027pass", "4821")

# Every call of the protocol: its arguments after the token, and what the store answers.
CASES: list[tuple[str, tuple[Any, ...], object]] = [
    ("profile", (), FULL),
    ("profile", (), BARE),
    ("change_history", (20,), HISTORY),
    ("change_history", (0,), ()),
    ("change_history", (-1,), ()),  # the store's to judge, as on a local store
    ("change_address", ("1000001", "東京都千代田区千代田", "１－１"), FULL),
    ("change_phone", ("09012345678",), FULL),
    ("change_workplace", ("株式会社こはく", "0312345678"), FULL),
    *(
        ("request_change_code", (change,), CodeSent(channel, "***-****-5678", NOW, NOW))
        for change, channel in zip(CodedChange, [*CodeChannel, *CodeChannel], strict=True)
    ),
    ("change_email", ("taro@example.jp", "4821"), FULL),
    ("change_bank_account", (NEW_ACCOUNT, "4821"), FULL),
    ("change_web_id", ("taro2027", "Taro2026pass", "4821"), FULL),
    ("change_password", ("Taro2026pass", "Taro2027pass", "4821"), None),
    ("due_day_effect", (5, None), DueDayEffect(5, date(2027, 1, 5))),
    ("due_day_effect", (15, True), DueDayEffect(5, date(2027, 1, 5))),
    ("due_day_effect", (25, False), DueDayEffect(25, None)),
    ("change_due_day", (31,), SUMMARY),
    ("set_auto_debit", (True, 5), SUMMARY),
    ("set_auto_debit", (False, 25), SUMMARY),
    ("set_reminder", (Reminder(enabled=True, days_before=7, hour=23),), FULL),
    ("set_web_statements", (False,), BARE),
]


@pytest.fixture
def wire() -> Iterator[Wire]:
    with in_process() as opened:
        yield opened


def test_every_call_of_the_protocol_is_a_case() -> None:
    assert {name for name, _, _ in CASES} == set(PROFILE_CALLS)
    assert set(dir(HttpStore)) >= set(PROFILE_CALLS)


@pytest.mark.parametrize(("name", "args", "answer"), CASES, ids=[c[0] for c in CASES])
def test_a_call_arrives_typed_and_its_answer_comes_back_equal(
    wire: Wire, name: str, args: tuple[Any, ...], answer: object
) -> None:
    wire.scripted.answer = answer
    got = getattr(wire.store, name)(TOKEN, *args)
    assert got == answer
    assert type(got) is type(answer)
    [(called, arrived)] = wire.scripted.calls
    assert (called, arrived) == (name, args)
    assert [type(a) for a in arrived] == [type(a) for a in args]  # a CodedChange, not a str
    for request in wire.sent.requests:  # passwords and codes in the body, never the address
        assert not [s for s in SECRETS if s in str(request.url)], request.url


def _sample(declared: Any) -> object:
    kinds = getattr(declared, "__args__", (declared,))
    kind = kinds[0]
    samples: dict[Any, object] = {
        int: 3,
        Yen: Yen(12_000),
        str: "Ａ",
        date: date(2026, 12, 29),
        datetime: NOW + timedelta(minutes=9, seconds=30),
        Decimal: Decimal("17.8"),
    }
    return samples[kind]


def _every_code() -> list[AppError]:
    return [
        AppError(code, **{name: _sample(kind) for name, kind in PARAMS.get(code, {}).items()})
        for code in ErrorCode
    ]


@pytest.mark.parametrize("error", _every_code(), ids=lambda e: e.code.value)
def test_every_refusal_comes_back_as_the_error_it_was_with_its_typed_params(
    wire: Wire, error: AppError
) -> None:
    wire.scripted.refusal = error
    with pytest.raises(AppError) as refused:
        wire.store.change_email(TOKEN, "taro@example.jp", "4821")
    assert refused.value == error
    assert [type(v) for v in refused.value.params.values()] == [
        type(v) for v in error.params.values()
    ]
    assert wire.sent.requests[-1].url.path == Paths.EMAIL
    assert len(wire.scripted.calls) == 1  # a change is never sent twice, even a 503


NEW_CODES = {
    ErrorCode.POSTAL_UNKNOWN: 422,
    ErrorCode.UNKNOWN_BRANCH: 404,
    ErrorCode.DUE_DAY_INVALID: 422,
    ErrorCode.DUE_DAY_TOO_LATE: 422,
    ErrorCode.DUE_DAY_FIXED: 409,
    ErrorCode.REMINDER_INVALID: 422,
    ErrorCode.AUTO_DEBIT_NO_ACCOUNT: 409,
    ErrorCode.PASSWORD_WRONG: 422,
    ErrorCode.NOTHING_CHANGED: 409,
    ErrorCode.CHANGE_LOCKED: 429,
    ErrorCode.CODE_NOT_REQUESTED: 409,
}


def test_the_status_of_each_new_code() -> None:
    assert {code: status_of(code) for code in NEW_CODES} == NEW_CODES


def test_a_locked_change_says_when_to_try_again(wire: Wire) -> None:
    resume_at = NOW + timedelta(minutes=9, seconds=30)
    wire.scripted.refusal = AppError(ErrorCode.CHANGE_LOCKED, resume_at=resume_at)
    answer = wire.http.post(
        Paths.EMAIL, json={"email": "taro@example.jp", "code": "0000"}, headers=signed_headers()
    )
    assert answer.status_code == 429
    assert answer.json() == {
        "code": "change_locked",
        "params": {"resume_at": resume_at.isoformat()},
    }
    assert answer.headers[RETRY_AFTER_HEADER] == "570"


# One well-formed request of every profile endpoint, as the server's own tests send them.
