"""Web-ID registration and password reset by a 6-digit code (DOMAIN.md §1), and the demo inbox.

The code is read the way a member would: from the newest message of the demo inbox.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql import credentials as credentials_module
from desktop_app.store.sql.schema import (
    AuditEntry,
    Member,
    OutboxMessage,
    VerificationCode,
    WebCredential,
)

from .conftest import DEVICE, TANAKA, YAMADA, StoreFactory

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


def _latest_code(store: SqlStore) -> str:
    message = store.demo_inbox(1)[0]
    assert message.subject == CODE_SUBJECT
    found = re.findall(r"(?<!\d)\d{6}(?!\d)", message.body)
    assert len(found) == 1, message.body
    return str(found[0])


def _other_than(code: str, shift: int = 1) -> str:
    return f"{(int(code) + shift) % 1_000_000:06d}"


def _request_ito_code(store: SqlStore) -> str:
    store.request_registration_code(ITO_NUMBER, ITO_EMAIL)
    return _latest_code(store)


def _set_member(store: SqlStore, number: str, **values: Any) -> None:
    with store.engine.begin() as connection:
        connection.execute(update(Member).where(Member.member_number == number).values(**values))


@pytest.fixture
def fixed_codes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Make the next codes predictable: the store takes them from the front of the list."""
    codes: list[str] = []
    monkeypatch.setattr(credentials_module, "_new_code", lambda: codes.pop(0))
    yield codes


# ----------------------------------------------------------------- Web-ID registration


def test_ito_registers_a_web_id_and_signs_in_with_it(store: SqlStore, clock: FixedClock) -> None:
    # The email is compared trimmed and without regard to case; full-width digits convert.
    store.request_registration_code("１００ ０００ ００６", "  Ito@EXAMPLE.jp ")
    message = store.demo_inbox()[0]
    assert message.channel is CodeChannel.EMAIL
    assert message.recipient == "i***@example.jp"
    assert message.subject == CODE_SUBJECT
    assert "伊藤 さくら 様" in message.body
    assert "10分" in message.body
    assert "お心当たりのない場合" in message.body
    assert message.at == datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)
    code = _latest_code(store)

    store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD)

    session = store.sign_in_with_web_id(NEW_WEB_ID, NEW_PASSWORD, DEVICE)
    assert session.member_number == ITO_NUMBER
    assert session.member_name == "伊藤 さくら"
    subjects = [m.subject for m in store.demo_inbox()]
    assert "【こはくローン】Web-IDの登録が完了しました" in subjects
    with store.engine.connect() as connection:
        events = connection.scalars(select(AuditEntry.event)).all()
    assert "web_id_registered" in events
    assert "register_code_sent" in events
    # Once registered: neither a new code nor the same code again.
    clock.advance(timedelta(minutes=1))  # (codes may be asked for once a minute)
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
    store: SqlStore, number: str, email: str
) -> None:
    outbox_before = len(store.demo_inbox())
    error = _refusal(lambda: store.request_registration_code(number, email))
    assert error == AppError(ErrorCode.DETAILS_MISMATCH)
    assert len(store.demo_inbox()) == outbox_before


def test_a_malformed_member_number_gets_the_policy_error(store: SqlStore) -> None:
    error = _refusal(lambda: store.request_registration_code("12345", ITO_EMAIL))
    assert error == AppError(ErrorCode.DIGITS_LENGTH, length=9)


def test_a_member_with_a_web_id_cannot_register_another(store: SqlStore) -> None:
    error = _refusal(lambda: store.request_registration_code("100000001", "yamada@example.jp"))
    assert error == AppError(ErrorCode.WEB_ID_ALREADY_REGISTERED)
    assert store.demo_inbox() == ()


@pytest.mark.parametrize(
    ("status", "refusal"),
    [("suspended", ErrorCode.ACCOUNT_SUSPENDED), ("dormant", ErrorCode.ACCOUNT_DORMANT)],
)
def test_suspended_and_dormant_members_get_no_code(
    store: SqlStore, status: str, refusal: ErrorCode
) -> None:
    # Every seeded suspended or dormant member already has a Web-ID: 伊藤 stands in.
    _set_member(store, ITO_NUMBER, status=status)
    error = _refusal(lambda: store.request_registration_code(ITO_NUMBER, ITO_EMAIL))
    assert error == AppError(refusal)
    assert store.demo_inbox() == ()


def test_wrong_codes_count_down_and_the_fifth_kills_the_code(
    store: SqlStore, clock: FixedClock
) -> None:
    code = _request_ito_code(store)

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
    # A new code starts afresh (a minute later: codes may be asked for once a minute).
    clock.advance(timedelta(minutes=1))
    store.register_web_id(ITO_NUMBER, _request_ito_code(store), NEW_WEB_ID, NEW_PASSWORD)


def test_a_code_expires_after_ten_minutes(open_store: StoreFactory, clock: FixedClock) -> None:
    store = open_store()
    code = _request_ito_code(store)
    clock.advance(timedelta(minutes=10))
    error = _refusal(lambda: store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD))
    assert error == AppError(ErrorCode.CODE_EXPIRED)


def test_a_code_still_works_at_nine_minutes_fifty_nine(
    open_store: StoreFactory, clock: FixedClock
) -> None:
    store = open_store()
    code = _request_ito_code(store)
    clock.advance(timedelta(minutes=9, seconds=59))
    store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD)
    assert store.sign_in_with_web_id(NEW_WEB_ID, NEW_PASSWORD, DEVICE).member_number == ITO_NUMBER


def test_a_new_code_voids_the_earlier_one(
    store: SqlStore, clock: FixedClock, fixed_codes: list[str]
) -> None:
    fixed_codes.extend(["111111", "222222"])
    store.request_registration_code(ITO_NUMBER, ITO_EMAIL)
    clock.advance(timedelta(minutes=1))
    store.request_registration_code(ITO_NUMBER, ITO_EMAIL)
    assert _latest_code(store) == "222222"
    error = _refusal(lambda: store.register_web_id(ITO_NUMBER, "111111", NEW_WEB_ID, NEW_PASSWORD))
    assert error == AppError(ErrorCode.CODE_WRONG, remaining=4)
    store.register_web_id(ITO_NUMBER, "222222", NEW_WEB_ID, NEW_PASSWORD)


def test_a_web_id_another_member_has_is_taken_but_the_code_survives(store: SqlStore) -> None:
    code = _request_ito_code(store)
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
    store: SqlStore, web_id: str, password: str, expected: AppError
) -> None:
    code = _request_ito_code(store)
    assert _refusal(lambda: store.register_web_id(ITO_NUMBER, code, web_id, password)) == expected
    # No try was used up: five wrong codes are still allowed before the code dies.
    assert _refusal(
        lambda: store.register_web_id(ITO_NUMBER, _other_than(code), NEW_WEB_ID, NEW_PASSWORD)
    ) == AppError(ErrorCode.CODE_WRONG, remaining=4)
    store.register_web_id(ITO_NUMBER, code, NEW_WEB_ID, NEW_PASSWORD)


def test_a_full_width_web_id_is_converted(store: SqlStore) -> None:
    code = _request_ito_code(store)
    store.register_web_id(ITO_NUMBER, code, "ｓａｋｕｒａ２０２６", NEW_PASSWORD)
    assert store.sign_in_with_web_id(NEW_WEB_ID, NEW_PASSWORD, DEVICE).member_number == ITO_NUMBER


def test_registering_without_a_code_requested_is_refused(store: SqlStore) -> None:
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
    store: SqlStore, identifier: str, channel: CodeChannel, recipient: str
) -> None:
    assert _refusal(lambda: store.sign_in_with_web_id(TANAKA[2], TANAKA[3], DEVICE)).code is (
        ErrorCode.WEB_ID_LOCKED
    )
    store.request_password_reset(identifier, TANAKA_BORN, channel)
    message = store.demo_inbox()[0]
    assert (message.channel, message.recipient) == (channel, recipient)
    assert "パスワード再設定" in message.body
    assert "10分" in message.body
    assert "お心当たりのない場合" in message.body
    code = _latest_code(store)

    store.reset_password(identifier, code, "Misaki2027new")

    with store.engine.connect() as connection:
        cred = connection.execute(
            select(WebCredential.locked, WebCredential.failed_count).where(
                WebCredential.web_id == TANAKA[2]
            )
        ).one()
    assert (cred.locked, cred.failed_count) == (False, 0)
    session = store.sign_in_with_web_id(TANAKA[2], "Misaki2027new", DEVICE)
    assert session.member_number == TANAKA_NUMBER
    assert _refusal(lambda: store.sign_in_with_web_id(TANAKA[2], TANAKA[3], DEVICE)).code is (
        ErrorCode.SIGNIN_FAILED_WEB
    )
    notices = [m for m in store.demo_inbox() if "パスワードを再設定しました" in m.subject]
    assert len(notices) == 1
    assert notices[0].channel is CodeChannel.EMAIL
    with store.engine.connect() as connection:
        assert "password_reset" in connection.scalars(select(AuditEntry.event)).all()
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
    store: SqlStore, identifier: str, born: date
) -> None:
    error = _refusal(lambda: store.request_password_reset(identifier, born, CodeChannel.EMAIL))
    assert error == AppError(ErrorCode.DETAILS_MISMATCH)
    assert store.demo_inbox() == ()


def test_reset_with_an_unknown_identifier_is_a_mismatch(store: SqlStore) -> None:
    error = _refusal(lambda: store.reset_password("nobody2026", "123456", "Misaki2027new"))
    assert error == AppError(ErrorCode.DETAILS_MISMATCH)


def test_no_contact_when_the_member_has_no_address_for_the_channel(store: SqlStore) -> None:
    # Every seeded member has both an email and a phone: 田中 loses her phone here.
    _set_member(store, TANAKA_NUMBER, phone=None)
    error = _refusal(lambda: store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.SMS))
    assert error == AppError(ErrorCode.NO_CONTACT)
    assert store.demo_inbox() == ()
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.EMAIL)
    assert store.demo_inbox()[0].channel is CodeChannel.EMAIL


def test_reset_wrong_codes_and_the_policy(store: SqlStore) -> None:
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.EMAIL)
    code = _latest_code(store)
    error = _refusal(lambda: store.reset_password(TANAKA[2], code, "Misaki２０２７"))
    assert error == AppError(ErrorCode.FULL_WIDTH_CHAR, position=7, char="２")
    error = _refusal(lambda: store.reset_password(TANAKA[2], _other_than(code), "Misaki2027new"))
    assert error == AppError(ErrorCode.CODE_WRONG, remaining=4)
    # Full-width digits and a space in the code are forgiven.
    typed = code[:3] + " " + code[3:].translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    store.reset_password(TANAKA_NUMBER, typed, "Misaki2027new")
    assert store.sign_in_with_web_id(TANAKA[2], "Misaki2027new", DEVICE)


def test_a_reset_signs_out_the_sessions_opened_with_the_old_password(store: SqlStore) -> None:
    session = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)
    store.request_password_reset(YAMADA[2], date(1985, 4, 12), CodeChannel.EMAIL)
    store.reset_password(YAMADA[2], _latest_code(store), "Taro2027pass")
    error = _refusal(lambda: store.account_summary(session.token))
    assert error.code is ErrorCode.SESSION_EXPIRED


def test_a_registration_code_does_not_reset_a_password(store: SqlStore) -> None:
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.EMAIL)
    reset_code = _latest_code(store)
    # 伊藤's registration code is a different purpose and member: it cannot reset 田中.
    ito_code = _request_ito_code(store)
    if ito_code != reset_code:
        error = _refusal(lambda: store.reset_password(TANAKA[2], ito_code, "Misaki2027new"))
        assert error == AppError(ErrorCode.CODE_WRONG, remaining=4)
    store.reset_password(TANAKA[2], reset_code, "Misaki2027new")


# ----------------------------------------------------------------- service hours and secrets


def test_everything_is_refused_during_maintenance(open_store: StoreFactory) -> None:
    clock = FixedClock(datetime(2026, 11, 30, 0, 30, tzinfo=TOKYO))  # a Monday
    store = open_store(clock)
    resume = datetime(2026, 11, 30, 7, 0, tzinfo=TOKYO)
    actions: list[Callable[[], Any]] = [
        lambda: store.request_registration_code(ITO_NUMBER, ITO_EMAIL),
        lambda: store.register_web_id(ITO_NUMBER, "123456", NEW_WEB_ID, NEW_PASSWORD),
        lambda: store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.EMAIL),
        lambda: store.reset_password(TANAKA[2], "123456", "Misaki2027new"),
    ]
    for action in actions:
        assert _refusal(action) == AppError(ErrorCode.MAINTENANCE, resume_at=resume)
    assert store.demo_inbox() == ()
    clock.advance(timedelta(hours=6, minutes=30))  # 7:00: open again
    store.request_registration_code(ITO_NUMBER, ITO_EMAIL)


def test_codes_are_kept_only_as_salted_hashes_and_never_audited(store: SqlStore) -> None:
    ito_code = _request_ito_code(store)
    with pytest.raises(AppError) as wrong:
        store.register_web_id(ITO_NUMBER, _other_than(ito_code), NEW_WEB_ID, NEW_PASSWORD)
    assert ito_code not in repr(wrong.value)
    store.register_web_id(ITO_NUMBER, ito_code, NEW_WEB_ID, NEW_PASSWORD)
    store.request_password_reset(TANAKA_NUMBER, TANAKA_BORN, CodeChannel.SMS)
    tanaka_code = _latest_code(store)
    store.reset_password(TANAKA_NUMBER, tanaka_code, "Misaki2027new")

    with store.engine.connect() as connection:
        rows = connection.execute(select(VerificationCode).order_by(VerificationCode.id)).all()
        audit = connection.execute(select(AuditEntry.event, AuditEntry.detail)).all()
        outbox = connection.scalars(select(OutboxMessage.body)).all()
    assert len(rows) == 2
    for row, code in zip(rows, (ito_code, tanaka_code), strict=True):
        assert code not in "|".join(str(value) for value in row)
        assert row.code_hash == hashlib.sha256((row.salt + code).encode()).hexdigest()
        assert row.used_at is not None
    assert rows[0].salt != rows[1].salt
    assert rows[0].attempts == 1
    for code in (ito_code, tanaka_code):
        assert not any(code in f"{event} {detail}" for event, detail in audit)
        assert sum(code in body for body in outbox) == 1  # only the message that sent it
        assert not any(NEW_PASSWORD in f"{event} {detail}" for event, detail in audit)


# ----------------------------------------------------------------- demo inbox


def test_the_demo_inbox_is_newest_first_and_masks_the_recipient(
    open_store: StoreFactory, clock: FixedClock
) -> None:
    store = open_store()
    assert store.demo_inbox() == ()
    store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)  # a new device: an alert
    clock.advance(timedelta(minutes=1))
    store.request_password_reset(TANAKA[2], TANAKA_BORN, CodeChannel.SMS)
    inbox = store.demo_inbox()
    assert [m.subject for m in inbox] == [CODE_SUBJECT, "新しい端末からのログインがありました"]
    assert [m.recipient for m in inbox] == ["090-****-8901", "y***@example.jp"]
    assert inbox[0].at > inbox[1].at
    assert [m.subject for m in store.demo_inbox(1)] == [CODE_SUBJECT]
    assert store.demo_inbox(0) == ()
