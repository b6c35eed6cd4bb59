"""Web-ID registration and password reset by a 6-digit code (DOMAIN.md §1), and the outbox.

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

from ..conftest import DEVICE, TANAKA, YAMADA
from .conftest import HostFactory

ITO_NUMBER = "100000006"
ITO_EMAIL = "ito@example.jp"
TANAKA_NUMBER = "100000004"
TANAKA_BORN = date(1990, 4, 4)
NEW_WEB_ID = "sakura2026"
NEW_PASSWORD = "Sakura2026pass"
CODE_SUBJECT = "【こはくローン】確認コードのお知らせ"


def _refusal(action: Callable[[], Any]) -> AppError:
    with pytest.raises(AppError) as caught:
        action()
    return caught.value


def _latest_code(demo: DemoOperations) -> str:
    message = demo.sent_messages(1)[0]
    assert message.subject == CODE_SUBJECT
    found = re.findall(r"(?<!\d)\d{6}(?!\d)", message.body)
    assert len(found) == 1, message.body
    return str(found[0])


def _other_than(code: str, shift: int = 1) -> str:
    return f"{(int(code) + shift) % 1_000_000:06d}"


def _request_ito_code(store: Store, demo: DemoOperations) -> str:
    store.request_registration_code(ITO_NUMBER, ITO_EMAIL)
    return _latest_code(demo)


# ----------------------------------------------------------------- Web-ID registration


def test_ito_registers_a_web_id_and_signs_in_with_it(store: Store, demo: DemoOperations) -> None:
    # The email is compared trimmed and without regard to case; full-width digits convert.
    store.request_registration_code("１００ ０００ ００６", "  Ito@EXAMPLE.jp ")
    message = demo.sent_messages()[0]
    assert message.channel is CodeChannel.EMAIL
    assert message.recipient == "i***@example.jp"
    assert message.subject == CODE_SUBJECT
    assert "伊藤 さくら 様" in message.body
    assert "10分" in message.body
    assert "お心当たりのない場合" in message.body
    assert message.sent_at == datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)
    code = _latest_code(demo)

    store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD)

    session = store.sign_in_with_web_id(NEW_WEB_ID, NEW_PASSWORD, DEVICE)
    assert session.member_number == ITO_NUMBER
    assert session.member_name == "伊藤 さくら"
    subjects = [m.subject for m in demo.sent_messages()]
    assert "【こはくローン】Web-IDの登録が完了しました" in subjects
    # Once registered: neither a new code nor the same code again.
    error = _refusal(lambda: store.request_registration_code(ITO_NUMBER, ITO_EMAIL))
    assert error == AppError(ErrorCode.WEB_ID_ALREADY_REGISTERED)
    error = _refusal(lambda: store.register_web_id(ITO_NUMBER, code, "another2026", NEW_PASSWORD))
    assert error.code is ErrorCode.WEB_ID_ALREADY_REGISTERED


@pytest.mark.parametrize(
    ("number", "email"),
    [
        ("100000009", ITO_EMAIL),  # nobody has this number
        (ITO_NUMBER, "yamada@example.jp"),  # another member's email
        (ITO_NUMBER, "ito@example.com"),
        (ITO_NUMBER, " "),
    ],
)
def test_details_that_do_not_match_one_member_are_refused(
    store: Store, demo: DemoOperations, number: str, email: str
) -> None:
    outbox_before = len(demo.sent_messages())
    error = _refusal(lambda: store.request_registration_code(number, email))
    assert error == AppError(ErrorCode.DETAILS_MISMATCH)
    assert len(demo.sent_messages()) == outbox_before


def test_a_malformed_member_number_gets_the_policy_error(
    store: Store, demo: DemoOperations
) -> None:
    error = _refusal(lambda: store.request_registration_code("12345", ITO_EMAIL))
    assert error == AppError(ErrorCode.DIGITS_LENGTH, length=9)


def test_a_member_with_a_web_id_cannot_register_another(store: Store, demo: DemoOperations) -> None:
    error = _refusal(lambda: store.request_registration_code("100000001", "yamada@example.jp"))
    assert error == AppError(ErrorCode.WEB_ID_ALREADY_REGISTERED)
    assert demo.sent_messages() == ()


def test_wrong_codes_count_down_and_the_fifth_kills_the_code(
    store: Store, demo: DemoOperations
) -> None:
    code = _request_ito_code(store, demo)

    def register(typed: str) -> AppError:
        return _refusal(lambda: store.register_web_id(ITO_NUMBER, typed, NEW_WEB_ID, NEW_PASSWORD))

    for remaining in (4, 3, 2, 1):
        assert register(_other_than(code, remaining)) == AppError(
            ErrorCode.CODE_WRONG, remaining=remaining
        )
    error = _refusal(
        lambda: store.register_web_id(ITO_NUMBER, _other_than(code), NEW_WEB_ID, NEW_PASSWORD)
    )
    assert error == AppError(ErrorCode.CODE_TOO_MANY_TRIES)
    # Dead: even the right code fails now, and no Web-ID was made.
    error = _refusal(lambda: store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD))
    assert error == AppError(ErrorCode.CODE_TOO_MANY_TRIES)
    assert _refusal(lambda: store.sign_in_with_web_id(NEW_WEB_ID, NEW_PASSWORD, DEVICE)).code is (
        ErrorCode.SIGNIN_FAILED_WEB
    )
    # A new code starts afresh.
    store.register_web_id(ITO_NUMBER, _request_ito_code(store, demo), NEW_WEB_ID, NEW_PASSWORD)


def test_a_code_expires_after_ten_minutes(store: Store, demo: DemoOperations) -> None:
    code = _request_ito_code(store, demo)
    demo.advance_clock(timedelta(minutes=10))
    error = _refusal(lambda: store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD))
    assert error == AppError(ErrorCode.CODE_EXPIRED)


def test_a_code_still_works_at_nine_minutes_fifty_nine(store: Store, demo: DemoOperations) -> None:
    code = _request_ito_code(store, demo)
    demo.advance_clock(timedelta(minutes=9, seconds=59))
    store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD)
    assert store.sign_in_with_web_id(NEW_WEB_ID, NEW_PASSWORD, DEVICE).member_number == ITO_NUMBER


def test_a_new_code_voids_the_earlier_one(store: Store, demo: DemoOperations) -> None:
    first = _request_ito_code(store, demo)
    second = _request_ito_code(store, demo)
    if first != second:  # one time in a million they are the same six digits
        error = _refusal(lambda: store.register_web_id(ITO_NUMBER, first, NEW_WEB_ID, NEW_PASSWORD))
        assert error == AppError(ErrorCode.CODE_WRONG, remaining=4)
    store.register_web_id(ITO_NUMBER, second, NEW_WEB_ID, NEW_PASSWORD)


def test_a_web_id_another_member_has_is_taken_but_the_code_survives(
    store: Store, demo: DemoOperations
) -> None:
    code = _request_ito_code(store, demo)
    error = _refusal(lambda: store.register_web_id(ITO_NUMBER, code, YAMADA[2], NEW_PASSWORD))
    assert error == AppError(ErrorCode.WEB_ID_TAKEN)
    # Web-IDs are case-sensitive: "Yamada2026" is free, and the same code still works.
    store.register_web_id(ITO_NUMBER, code, "Yamada2026", NEW_PASSWORD)
    assert store.sign_in_with_web_id("Yamada2026", NEW_PASSWORD, DEVICE).member_number == (
        ITO_NUMBER
    )
    assert store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE).member_number == "100000001"


@pytest.mark.parametrize(
    ("web_id", "password", "expected"),
    [
        (
            NEW_WEB_ID,
            "Taro２０２６pass",
            AppError(ErrorCode.FULL_WIDTH_CHAR, position=5, char="２"),
        ),
        (NEW_WEB_ID, "short1", AppError(ErrorCode.LENGTH, min=8, max=20)),
        (NEW_WEB_ID, "onlyletters", AppError(ErrorCode.PASSWORD_NEEDS_LETTER_AND_DIGIT)),
        ("sakura-2026", NEW_PASSWORD, AppError(ErrorCode.INVALID_CHAR, position=7, char="-")),
        ("abc", NEW_PASSWORD, AppError(ErrorCode.LENGTH, min=8, max=32)),
    ],
)
def test_the_input_policies_refuse_before_the_code_is_tried(
    store: Store, demo: DemoOperations, web_id: str, password: str, expected: AppError
) -> None:
    code = _request_ito_code(store, demo)
    assert _refusal(lambda: store.register_web_id(ITO_NUMBER, code, web_id, password)) == expected
    # No try was used up: five wrong codes are still allowed before the code dies.
    assert _refusal(
        lambda: store.register_web_id(ITO_NUMBER, _other_than(code), NEW_WEB_ID, NEW_PASSWORD)
    ) == AppError(ErrorCode.CODE_WRONG, remaining=4)
    store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD)


def test_a_full_width_web_id_is_converted(store: Store, demo: DemoOperations) -> None:
    code = _request_ito_code(store, demo)
    store.register_web_id(ITO_NUMBER, code, "ｓａｋｕｒａ２０２６", NEW_PASSWORD)
    assert store.sign_in_with_web_id(NEW_WEB_ID, NEW_PASSWORD, DEVICE).member_number == ITO_NUMBER


def test_registering_without_a_code_requested_is_refused(
    store: Store, demo: DemoOperations
) -> None:
    error = _refusal(lambda: store.register_web_id(ITO_NUMBER, "123456", NEW_WEB_ID, NEW_PASSWORD))
    assert error == AppError(ErrorCode.CODE_EXPIRED)
    error = _refusal(lambda: store.register_web_id("100000009", "123456", NEW_WEB_ID, NEW_PASSWORD))
    assert error == AppError(ErrorCode.DETAILS_MISMATCH)


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
    assert _refusal(lambda: store.sign_in_with_web_id(TANAKA[2], TANAKA[3], DEVICE)).code is (
        ErrorCode.WEB_ID_LOCKED
    )
    store.request_password_reset(identifier, TANAKA_BORN, channel)
    message = demo.sent_messages()[0]
    assert (message.channel, message.recipient) == (channel, recipient)
    assert "パスワード再設定" in message.body
    assert "10分" in message.body
    assert "お心当たりのない場合" in message.body
    code = _latest_code(demo)

    store.reset_password(identifier, code, "Misaki2027new")

    session = store.sign_in_with_web_id(TANAKA[2], "Misaki2027new", DEVICE)
    assert session.member_number == TANAKA_NUMBER
    assert _refusal(lambda: store.sign_in_with_web_id(TANAKA[2], TANAKA[3], DEVICE)).code is (
        ErrorCode.SIGNIN_FAILED_WEB
    )
    notices = [m for m in demo.sent_messages() if "パスワードを再設定しました" in m.subject]
    assert len(notices) == 1
    assert notices[0].channel is CodeChannel.EMAIL
    # A used code is dead.
    error = _refusal(lambda: store.reset_password(identifier, code, "Misaki2028new"))
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
    error = _refusal(lambda: store.request_password_reset(identifier, born, CodeChannel.EMAIL))
    assert error == AppError(ErrorCode.DETAILS_MISMATCH)
    assert demo.sent_messages() == ()


def test_reset_with_an_unknown_identifier_is_a_mismatch(store: Store, demo: DemoOperations) -> None:
    error = _refusal(lambda: store.reset_password("nobody2026", "123456", "Misaki2027new"))
    assert error == AppError(ErrorCode.DETAILS_MISMATCH)


def test_reset_wrong_codes_and_the_policy(store: Store, demo: DemoOperations) -> None:
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.EMAIL)
    code = _latest_code(demo)
    error = _refusal(lambda: store.reset_password(TANAKA[2], code, "Misaki２０２７"))
    assert error == AppError(ErrorCode.FULL_WIDTH_CHAR, position=7, char="２")
    error = _refusal(lambda: store.reset_password(TANAKA[2], _other_than(code), "Misaki2027new"))
    assert error == AppError(ErrorCode.CODE_WRONG, remaining=4)
    # Full-width digits and a space in the code are forgiven.
    typed = code[:3] + " " + code[3:].translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    store.reset_password(TANAKA_NUMBER, typed, "Misaki2027new")
    assert store.sign_in_with_web_id(TANAKA[2], "Misaki2027new", DEVICE)


def test_a_reset_signs_out_the_sessions_opened_with_the_old_password(
    store: Store, demo: DemoOperations
) -> None:
    session = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)
    store.request_password_reset(YAMADA[2], date(1985, 4, 12), CodeChannel.EMAIL)
    store.reset_password(YAMADA[2], _latest_code(demo), "Taro2027pass")
    error = _refusal(lambda: store.account_summary(session.token))
    assert error.code is ErrorCode.SESSION_EXPIRED


def test_a_registration_code_does_not_reset_a_password(store: Store, demo: DemoOperations) -> None:
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.EMAIL)
    reset_code = _latest_code(demo)
    # 伊藤's registration code is a different purpose and member: it cannot reset 田中.
    ito_code = _request_ito_code(store, demo)
    if ito_code != reset_code:
        error = _refusal(lambda: store.reset_password(TANAKA[2], ito_code, "Misaki2027new"))
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
        assert _refusal(action) == AppError(ErrorCode.MAINTENANCE, resume_at=resume)
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
