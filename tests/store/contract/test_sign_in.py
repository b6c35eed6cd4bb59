"""Sign-in outcomes of the demo members (DOMAIN.md §1, §8), lockouts, new-device alerts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..conftest import (
    DEVICE,
    ITO,
    NOW,
    SATO,
    SUZUKI,
    TAKAHASHI,
    TANAKA,
    WATANABE,
    YAMADA,
)

CARD_OUTCOMES = [
    ("yamada", YAMADA, None),
    ("sato", SATO, None),
    ("suzuki", SUZUKI, None),
    ("tanaka", TANAKA, ErrorCode.CARD_LOCKED),
    ("takahashi", TAKAHASHI, ErrorCode.ACCOUNT_SUSPENDED),
    ("ito", ITO, None),
    ("watanabe", WATANABE, ErrorCode.ACCOUNT_DORMANT),
]
WEB_OUTCOMES = [
    ("yamada", YAMADA, None),
    ("sato", SATO, None),
    ("suzuki", SUZUKI, None),
    ("tanaka", TANAKA, ErrorCode.WEB_ID_LOCKED),
    ("takahashi", TAKAHASHI, ErrorCode.ACCOUNT_SUSPENDED),
    ("watanabe", WATANABE, ErrorCode.ACCOUNT_DORMANT),
]
NAMES = {
    "yamada": "山田 太郎",
    "sato": "佐藤 花子",
    "suzuki": "鈴木 一郎",
    "ito": "伊藤 さくら",
}


def _code(call: Callable[[], Any]) -> ErrorCode:
    with pytest.raises(AppError) as caught:
        call()
    return caught.value.code


@pytest.mark.parametrize(
    ("who", "member", "refusal"), CARD_OUTCOMES, ids=[c[0] for c in CARD_OUTCOMES]
)
def test_card_sign_in_of_every_demo_member(
    store: Store, who: str, member: tuple[Any, ...], refusal: ErrorCode | None
) -> None:
    card, pin = member[0], member[1]
    if refusal is None:
        session = store.sign_in_with_card(card, pin, DEVICE)
        assert session.member_name == NAMES[who]
        assert len(session.member_number) == 9
        assert len(session.token) >= 32
    else:
        assert _code(lambda: store.sign_in_with_card(card, pin, DEVICE)) is refusal


@pytest.mark.parametrize(
    ("who", "member", "refusal"), WEB_OUTCOMES, ids=[c[0] for c in WEB_OUTCOMES]
)
def test_web_id_sign_in_of_every_demo_member(
    store: Store, who: str, member: tuple[Any, ...], refusal: ErrorCode | None
) -> None:
    web_id, password = member[2], member[3]
    if refusal is None:
        session = store.sign_in_with_web_id(web_id, password, DEVICE)
        assert session.member_name == NAMES[who]
    else:
        assert _code(lambda: store.sign_in_with_web_id(web_id, password, DEVICE)) is refusal


def test_ito_has_no_web_id(store: Store) -> None:
    code = _code(lambda: store.sign_in_with_web_id("ito00606", "Sakura2026", DEVICE))
    assert code is ErrorCode.SIGNIN_FAILED_WEB


def test_wrong_password_and_unknown_web_id_get_the_same_code(store: Store) -> None:
    wrong = _code(lambda: store.sign_in_with_web_id("yamada2026", "Wrong2026pass", DEVICE))
    unknown = _code(lambda: store.sign_in_with_web_id("nobody2026", "Taro2026pass", DEVICE))
    case = _code(lambda: store.sign_in_with_web_id("Yamada2026", "Taro2026pass", DEVICE))
    assert wrong is unknown is case is ErrorCode.SIGNIN_FAILED_WEB


def test_wrong_pin_and_unknown_card_get_the_same_code(store: Store) -> None:
    wrong = _code(lambda: store.sign_in_with_card(YAMADA[0], "9753", DEVICE))
    unknown = _code(lambda: store.sign_in_with_card("4999888877776666", "1234", DEVICE))
    assert wrong is unknown is ErrorCode.SIGNIN_FAILED_CARD


def test_suspended_and_dormant_are_revealed_only_after_right_credentials(store: Store) -> None:
    for member in (TAKAHASHI, WATANABE):
        assert _code(lambda m=member: store.sign_in_with_card(m[0], "9753", DEVICE)) is (
            ErrorCode.SIGNIN_FAILED_CARD
        )
        assert _code(lambda m=member: store.sign_in_with_web_id(m[2], "Wrong2026x", DEVICE)) is (
            ErrorCode.SIGNIN_FAILED_WEB
        )


def test_locked_member_is_told_so_even_with_wrong_credentials(store: Store) -> None:
    assert _code(lambda: store.sign_in_with_card(TANAKA[0], "9753", DEVICE)) is (
        ErrorCode.CARD_LOCKED
    )
    assert _code(lambda: store.sign_in_with_web_id(TANAKA[2], "Wrong2026x", DEVICE)) is (
        ErrorCode.WEB_ID_LOCKED
    )


def test_third_wrong_pin_locks_the_card(store: Store) -> None:
    card, pin = YAMADA[0], YAMADA[1]
    assert _code(lambda: store.sign_in_with_card(card, "9753", DEVICE)) is (
        ErrorCode.SIGNIN_FAILED_CARD
    )
    assert _code(lambda: store.sign_in_with_card(card, "8642", DEVICE)) is (
        ErrorCode.SIGNIN_FAILED_CARD
    )
    assert _code(lambda: store.sign_in_with_card(card, "9753", DEVICE)) is ErrorCode.CARD_LOCKED
    assert _code(lambda: store.sign_in_with_card(card, pin, DEVICE)) is ErrorCode.CARD_LOCKED
    # The Web-ID is a different credential and still works.
    assert store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE).member_number == "100000001"


def test_wrong_pins_count_per_tokyo_calendar_day(store: Store, demo: DemoOperations) -> None:
    card, pin = YAMADA[0], YAMADA[1]
    for wrong in ("9753", "8642"):
        assert _code(lambda w=wrong: store.sign_in_with_card(card, w, DEVICE)) is (
            ErrorCode.SIGNIN_FAILED_CARD
        )
    demo.advance_clock(timedelta(days=1))
    assert _code(lambda: store.sign_in_with_card(card, "9753", DEVICE)) is (
        ErrorCode.SIGNIN_FAILED_CARD
    )
    assert store.sign_in_with_card(card, pin, DEVICE).member_name == "山田 太郎"


def test_fifth_wrong_password_locks_the_web_id(store: Store) -> None:
    web_id, password = SATO[2], SATO[3]
    for attempt in range(1, 5):
        assert _code(
            lambda a=attempt: store.sign_in_with_web_id(web_id, f"Wrong{a}pass", DEVICE)
        ) is (ErrorCode.SIGNIN_FAILED_WEB)
    assert _code(lambda: store.sign_in_with_web_id(web_id, "Wrong5pass", DEVICE)) is (
        ErrorCode.WEB_ID_LOCKED
    )
    assert _code(lambda: store.sign_in_with_web_id(web_id, password, DEVICE)) is (
        ErrorCode.WEB_ID_LOCKED
    )
    # The card still works.
    assert store.sign_in_with_card(SATO[0], SATO[1], DEVICE).member_name == "佐藤 花子"


def test_a_right_password_resets_the_count(store: Store) -> None:
    web_id, password = SATO[2], SATO[3]
    for _ in range(4):
        with pytest.raises(AppError):
            store.sign_in_with_web_id(web_id, "Wrong2026x", DEVICE)
    store.sign_in_with_web_id(web_id, password, DEVICE)
    for _ in range(4):
        with pytest.raises(AppError) as caught:
            store.sign_in_with_web_id(web_id, "Wrong2026x", DEVICE)
        assert caught.value.code is ErrorCode.SIGNIN_FAILED_WEB


def test_previous_sign_in_is_reported(store: Store, demo: DemoOperations) -> None:
    first = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    assert first.previous_sign_in_at is not None
    assert first.previous_sign_in_at < NOW
    assert first.previous_sign_in_at.utcoffset() == timedelta(hours=9)
    demo.advance_clock(timedelta(hours=2))
    second = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)
    assert second.previous_sign_in_at == NOW
    assert store.account_summary(second.token).last_sign_in_at == NOW
    assert store.sign_in_with_card(SATO[0], SATO[1], DEVICE).previous_sign_in_at is None


def test_a_new_device_sends_one_alert(store: Store, demo: DemoOperations) -> None:
    store.sign_in_with_card(YAMADA[0], YAMADA[1], "laptop")
    store.sign_in_with_card(YAMADA[0], YAMADA[1], "laptop")
    store.sign_in_with_card(YAMADA[0], YAMADA[1], "desktop")
    alerts = demo.sent_messages()
    assert len(alerts) == 2
    assert all(m.channel == "email" and "山田 太郎" in m.body for m in alerts)
    assert {m.subject for m in alerts} == {"新しい端末からのログインがありました"}
