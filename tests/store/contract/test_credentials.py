"""Web-ID registration by a 6-digit code (DOMAIN.md §1).

The code is read the way a member would: from the newest message the service sent (the demo
host's ``sent_messages``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..conftest import DEVICE, YAMADA
from ..helpers import (
    CODE_SUBJECT,
    ITO_EMAIL,
    ITO_NUMBER,
    NEW_PASSWORD,
    NEW_WEB_ID,
    code_in,
    other_than,
    refusal,
    request_ito_code,
)

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
    code = code_in(message)

    store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD)

    session = store.sign_in_with_web_id(NEW_WEB_ID, NEW_PASSWORD, DEVICE)
    assert session.member_number == ITO_NUMBER
    assert session.member_name == "伊藤 さくら"
    subjects = [m.subject for m in demo.sent_messages()]
    assert "【こはくローン】Web-IDの登録が完了しました" in subjects
    # Once registered: neither a new code nor the same code again.
    demo.advance_clock(timedelta(minutes=1))  # codes may be asked for once a minute
    error = refusal(lambda: store.request_registration_code(ITO_NUMBER, ITO_EMAIL))
    assert error == AppError(ErrorCode.WEB_ID_ALREADY_REGISTERED)
    error = refusal(lambda: store.register_web_id(ITO_NUMBER, code, "another2026", NEW_PASSWORD))
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
    error = refusal(lambda: store.request_registration_code(number, email))
    assert error == AppError(ErrorCode.DETAILS_MISMATCH)
    assert len(demo.sent_messages()) == outbox_before


def test_a_malformed_member_number_gets_the_policy_error(
    store: Store, demo: DemoOperations
) -> None:
    error = refusal(lambda: store.request_registration_code("12345", ITO_EMAIL))
    assert error == AppError(ErrorCode.DIGITS_LENGTH, length=9)


def test_a_member_with_a_web_id_cannot_register_another(store: Store, demo: DemoOperations) -> None:
    error = refusal(lambda: store.request_registration_code("100000001", "yamada@example.jp"))
    assert error == AppError(ErrorCode.WEB_ID_ALREADY_REGISTERED)
    assert demo.sent_messages() == ()


def test_wrong_codes_count_down_and_the_fifth_kills_the_code(
    store: Store, demo: DemoOperations
) -> None:
    code = request_ito_code(store, demo)

    def register(typed: str) -> AppError:
        return refusal(lambda: store.register_web_id(ITO_NUMBER, typed, NEW_WEB_ID, NEW_PASSWORD))

    for remaining in (4, 3, 2, 1):
        assert register(other_than(code, remaining)) == AppError(
            ErrorCode.CODE_WRONG, remaining=remaining
        )
    error = refusal(
        lambda: store.register_web_id(ITO_NUMBER, other_than(code), NEW_WEB_ID, NEW_PASSWORD)
    )
    assert error == AppError(ErrorCode.CODE_TOO_MANY_TRIES)
    # Dead: even the right code fails now, and no Web-ID was made.
    error = refusal(lambda: store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD))
    assert error == AppError(ErrorCode.CODE_TOO_MANY_TRIES)
    assert refusal(lambda: store.sign_in_with_web_id(NEW_WEB_ID, NEW_PASSWORD, DEVICE)).code is (
        ErrorCode.SIGNIN_FAILED_WEB
    )
    # A new code starts afresh.
    demo.advance_clock(timedelta(minutes=1))  # codes may be asked for once a minute
    store.register_web_id(ITO_NUMBER, request_ito_code(store, demo), NEW_WEB_ID, NEW_PASSWORD)


def test_a_code_expires_after_ten_minutes(store: Store, demo: DemoOperations) -> None:
    code = request_ito_code(store, demo)
    demo.advance_clock(timedelta(minutes=10))
    error = refusal(lambda: store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD))
    assert error == AppError(ErrorCode.CODE_EXPIRED)


def test_a_code_still_works_at_nine_minutes_fifty_nine(store: Store, demo: DemoOperations) -> None:
    code = request_ito_code(store, demo)
    demo.advance_clock(timedelta(minutes=9, seconds=59))
    store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD)
    assert store.sign_in_with_web_id(NEW_WEB_ID, NEW_PASSWORD, DEVICE).member_number == ITO_NUMBER


def test_a_new_code_voids_the_earlier_one(store: Store, demo: DemoOperations) -> None:
    first = request_ito_code(store, demo)
    demo.advance_clock(timedelta(minutes=1))  # codes may be asked for once a minute
    second = request_ito_code(store, demo)
    if first != second:  # one time in a million they are the same six digits
        error = refusal(lambda: store.register_web_id(ITO_NUMBER, first, NEW_WEB_ID, NEW_PASSWORD))
        assert error == AppError(ErrorCode.CODE_WRONG, remaining=4)
    store.register_web_id(ITO_NUMBER, second, NEW_WEB_ID, NEW_PASSWORD)


def test_a_web_id_another_member_has_is_taken_but_the_code_survives(
    store: Store, demo: DemoOperations
) -> None:
    code = request_ito_code(store, demo)
    error = refusal(lambda: store.register_web_id(ITO_NUMBER, code, YAMADA[2], NEW_PASSWORD))
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
            AppError(ErrorCode.FULL_WIDTH_CHAR, position=5),  # never the char
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
    code = request_ito_code(store, demo)
    assert refusal(lambda: store.register_web_id(ITO_NUMBER, code, web_id, password)) == expected
    # No try was used up: five wrong codes are still allowed before the code dies.
    assert refusal(
        lambda: store.register_web_id(ITO_NUMBER, other_than(code), NEW_WEB_ID, NEW_PASSWORD)
    ) == AppError(ErrorCode.CODE_WRONG, remaining=4)
    store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD)


def test_a_full_width_web_id_is_converted(store: Store, demo: DemoOperations) -> None:
    code = request_ito_code(store, demo)
    store.register_web_id(ITO_NUMBER, code, "ｓａｋｕｒａ２０２６", NEW_PASSWORD)
    assert store.sign_in_with_web_id(NEW_WEB_ID, NEW_PASSWORD, DEVICE).member_number == ITO_NUMBER


def test_registering_without_a_code_requested_is_refused(
    store: Store, demo: DemoOperations
) -> None:
    error = refusal(lambda: store.register_web_id(ITO_NUMBER, "123456", NEW_WEB_ID, NEW_PASSWORD))
    assert error == AppError(ErrorCode.CODE_EXPIRED)
    error = refusal(lambda: store.register_web_id("100000009", "123456", NEW_WEB_ID, NEW_PASSWORD))
    assert error == AppError(ErrorCode.DETAILS_MISMATCH)
