"""Password reset by a 6-digit code (DOMAIN.md §1), service hours, and the outbox.

The code is read the way a member would: from the newest message the service sent (the demo
host's ``sent_messages``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..conftest import DEVICE, SATO, TANAKA, YAMADA
from ..helpers import (
    CODE_SUBJECT,
    ITO_EMAIL,
    ITO_NUMBER,
    NEW_PASSWORD,
    NEW_WEB_ID,
    TANAKA_BORN,
    TANAKA_NUMBER,
    code_in,
    latest_code,
    other_than,
    refusal,
    request_ito_code,
)
from .conftest import HostFactory

# ----------------------------------------------------------------- password reset


@pytest.mark.parametrize(
    ("identifier", "channel", "recipient"),
    [
        (TANAKA[2], CodeChannel.EMAIL, "t***@example.jp"),
        (TANAKA_NUMBER, CodeChannel.SMS, "090-****-8901"),
    ],
    ids=["web_id-email", "member_number-sms"],
)
def test_tanaka_resets_her_password_and_the_lock_is_gone(
    store: Store, demo: DemoOperations, identifier: str, channel: CodeChannel, recipient: str
) -> None:
    assert refusal(lambda: store.sign_in_with_web_id(TANAKA[2], TANAKA[3], DEVICE)).code is (
        ErrorCode.WEB_ID_LOCKED
    )
    store.request_password_reset(identifier, TANAKA_BORN, channel)
    message = demo.sent_messages()[0]
    assert (message.channel, message.recipient) == (channel, recipient)
    assert "パスワード再設定" in message.body
    assert "10分" in message.body
    assert "お心当たりのない場合" in message.body
    code = code_in(message)

    store.reset_password(identifier, code, "Misaki2027new")

    session = store.sign_in_with_web_id(TANAKA[2], "Misaki2027new", DEVICE)
    assert session.member_number == TANAKA_NUMBER
    assert refusal(lambda: store.sign_in_with_web_id(TANAKA[2], TANAKA[3], DEVICE)).code is (
        ErrorCode.SIGNIN_FAILED_WEB
    )
    notices = [m for m in demo.sent_messages() if "パスワードを再設定しました" in m.subject]
    assert len(notices) == 1
    assert notices[0].channel is CodeChannel.EMAIL
    # A used code is dead.
    error = refusal(lambda: store.reset_password(identifier, code, "Misaki2028new"))
    assert error == AppError(ErrorCode.CODE_EXPIRED)


@pytest.mark.parametrize(
    ("identifier", "born"),
    [
        (TANAKA[2], date(1990, 4, 5)),  # wrong birth date
        (TANAKA_NUMBER, date(1991, 4, 4)),
        ("Tanaka0404", TANAKA_BORN),  # Web-IDs are case-sensitive
        ("nobody2026", TANAKA_BORN),
        (ITO_NUMBER, date(1998, 6, 6)),  # the right member, but no Web-ID to reset
        ("!!", TANAKA_BORN),
    ],
)
def test_a_reset_needs_a_web_id_and_the_birth_date(
    store: Store, demo: DemoOperations, identifier: str, born: date
) -> None:
    error = refusal(lambda: store.request_password_reset(identifier, born, CodeChannel.EMAIL))
    assert error == AppError(ErrorCode.DETAILS_MISMATCH)
    assert demo.sent_messages() == ()


def test_reset_with_an_unknown_identifier_is_a_mismatch(store: Store, demo: DemoOperations) -> None:
    error = refusal(lambda: store.reset_password("nobody2026", "123456", "Misaki2027new"))
    assert error == AppError(ErrorCode.DETAILS_MISMATCH)


def test_reset_wrong_codes_and_the_policy(store: Store, demo: DemoOperations) -> None:
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.EMAIL)
    code = latest_code(demo)
    error = refusal(lambda: store.reset_password(TANAKA[2], code, "Misaki２０２７"))
    assert error == AppError(ErrorCode.FULL_WIDTH_CHAR, position=7)
    error = refusal(lambda: store.reset_password(TANAKA[2], other_than(code), "Misaki2027new"))
    assert error == AppError(ErrorCode.CODE_WRONG, remaining=4)
    # Full-width digits and a space in the code are forgiven.
    typed = code[:3] + " " + code[3:].translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    store.reset_password(TANAKA_NUMBER, typed, "Misaki2027new")
    assert store.sign_in_with_web_id(TANAKA[2], "Misaki2027new", DEVICE)


def test_a_reset_signs_out_the_sessions_opened_with_the_old_password(
    store: Store, demo: DemoOperations
) -> None:
    session = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)
    by_card = store.sign_in_with_card(YAMADA[0], YAMADA[1], "yamadas-phone")
    other_member = store.sign_in_with_card(SATO[0], SATO[1], DEVICE)
    store.account_summary(by_card.token)  # in use just now
    store.request_password_reset(YAMADA[2], date(1985, 4, 12), CodeChannel.EMAIL)
    store.reset_password(YAMADA[2], latest_code(demo), "Taro2027pass")
    for token in (session.token, by_card.token):  # every session of the member, every device
        error = refusal(lambda token=token: store.account_summary(token))  # type: ignore[misc]
        assert error.code is ErrorCode.SESSION_EXPIRED
        error = refusal(lambda token=token: store.borrow(token, 1_000, 1, "after"))  # type: ignore[misc]
        assert error.code is ErrorCode.SESSION_EXPIRED
    assert store.account_summary(other_member.token).member_number == "100000002"
    assert store.sign_in_with_web_id(YAMADA[2], "Taro2027pass", DEVICE).member_number == (
        "100000001"
    )


def test_a_registration_code_does_not_reset_a_password(store: Store, demo: DemoOperations) -> None:
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.EMAIL)
    reset_code = latest_code(demo)
    # 伊藤's registration code is a different purpose and member: it cannot reset 田中.
    ito_code = request_ito_code(store, demo)
    if ito_code != reset_code:
        error = refusal(lambda: store.reset_password(TANAKA[2], ito_code, "Misaki2027new"))
        assert error == AppError(ErrorCode.CODE_WRONG, remaining=4)
    store.reset_password(TANAKA[2], reset_code, "Misaki2027new")


# ----------------------------------------------------------------- service hours and secrets


def test_everything_is_refused_during_maintenance(member_store: HostFactory) -> None:
    host = member_store(now=datetime(2026, 11, 30, 0, 30, tzinfo=TOKYO))  # a Monday
    store, demo = host.store, host.demo
    resume = datetime(2026, 11, 30, 7, 0, tzinfo=TOKYO)
    actions: list[Callable[[], Any]] = [
        lambda: store.request_registration_code(ITO_NUMBER, ITO_EMAIL),
        lambda: store.register_web_id(ITO_NUMBER, "123456", NEW_WEB_ID, NEW_PASSWORD),
        lambda: store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.EMAIL),
        lambda: store.reset_password(TANAKA[2], "123456", "Misaki2027new"),
    ]
    for action in actions:
        assert refusal(action) == AppError(ErrorCode.MAINTENANCE, resume_at=resume)
    assert demo.sent_messages() == ()
    demo.advance_clock(timedelta(hours=6, minutes=30))  # 7:00: open again
    store.request_registration_code(ITO_NUMBER, ITO_EMAIL)


def test_sent_messages_are_newest_first_and_mask_the_recipient(
    store: Store, demo: DemoOperations
) -> None:
    assert demo.sent_messages() == ()
    store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)  # a new device: an alert
    demo.advance_clock(timedelta(minutes=1))
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.SMS)
    inbox = demo.sent_messages()
    assert [m.subject for m in inbox] == [CODE_SUBJECT, "新しい端末からのログインがありました"]
    assert [m.recipient for m in inbox] == ["090-****-8901", "y***@example.jp"]
    assert inbox[0].sent_at > inbox[1].sent_at
    assert [m.subject for m in demo.sent_messages(1)] == [CODE_SUBJECT]
    assert demo.sent_messages(0) == ()


def test_a_code_is_delivered_once_and_masked_from_then_on(
    store: Store, demo: DemoOperations
) -> None:
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.SMS)
    store.request_password_reset(YAMADA[2], date(1985, 4, 12), CodeChannel.EMAIL)
    first = demo.sent_messages()
    yamada_code, tanaka_code = code_in(first[0]), code_in(first[1])
    again = demo.sent_messages()
    assert [m.subject for m in again] == [m.subject for m in first]
    assert "確認コード：••••••\n" in again[0].body
    assert "確認コードは •••••• です" in again[1].body
    assert not re.search(r"\d{6}", again[0].body + again[1].body)
    # What was handed out still works: only its hash was needed to check it.
    store.reset_password(YAMADA[2], yamada_code, "Taro2027pass")
    store.reset_password(TANAKA[2], tanaka_code, "Misaki2027new")
    assert store.sign_in_with_web_id(TANAKA[2], "Misaki2027new", DEVICE)
