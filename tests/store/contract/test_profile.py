"""Registered details (issue 11): what is registered, the change history, and the changes
that need no one-time code (address, phone, workplace, web statements), on every store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import Session
from desktop_app.domain.profile import (
    Address,
    ChangeItem,
    CodedChange,
    MemberProfile,
    Reminder,
    Workplace,
)
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..conftest import DEVICE, ITO, NOW, SATO, YAMADA
from ..helpers import refusal
from .conftest import HostFactory
from .profile_support import MIZUHO, YAMADA_EMAIL, YAMADA_PHONE, subjects

SignIn = Callable[[tuple[Any, ...]], Session]
OTHER_DEVICE = "second-laptop-42"


def test_the_profile_shows_what_is_registered(store: Store, card_sign_in: SignIn) -> None:
    profile = store.profile(card_sign_in(YAMADA).token)
    assert profile == MemberProfile(
        member_number="100000001",
        name="山田 太郎",
        name_kana="ヤマダ タロウ",
        address=Address("1600022", "東京都新宿区新宿", "３－１－１"),
        phone=YAMADA_PHONE,
        email=YAMADA_EMAIL,
        workplace=Workplace("こはく商事株式会社", "0312345678"),
        bank_account=profile.bank_account,
        due_day=25,
        next_due_date=date(2026, 11, 25),
        auto_debit=False,
        reminder=Reminder(False, 3, 9),
        web_statements=False,
        web_id="yamada2026",
    )
    assert profile.bank_account == store.bank_accounts(card_sign_in(YAMADA).token)[0]
    assert profile.bank_account is not None and profile.bank_account.bank_code == "0009"
    sato = store.profile(card_sign_in(SATO).token)
    assert (sato.web_statements, sato.next_due_date, sato.due_day) == (True, None, 15)
    ito = store.profile(card_sign_in(ITO).token)
    assert (ito.web_id, ito.workplace) == (None, None)
    assert refusal(lambda: store.profile("nope")).code is ErrorCode.SESSION_EXPIRED
    assert refusal(lambda: store.change_history("nope", 10)).code is ErrorCode.SESSION_EXPIRED


def test_a_new_address_is_registered_and_in_the_history(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    profile = store.change_address(
        session.token, "〒１００－０００１", "東京都千代田区千代田", "1-1"
    )
    assert profile.address == Address("1000001", "東京都千代田区千代田", "１－１")
    assert store.profile(session.token).address == profile.address
    (change,) = store.change_history(session.token, 10)
    assert (change.item, change.at) == (ChangeItem.ADDRESS, NOW)
    assert change.before == "〒160-0022 東京都新宿区新宿＊＊＊"
    assert change.after == "〒100-0001 東京都千代田区千代田＊＊＊"
    assert "３－１－１" not in change.before and "１－１" not in change.after
    assert change.this_device and change.device and len(change.device) <= 8
    assert subjects(demo, 1) == ["【こはくローン】ご登録の住所を変更しました"]


def test_an_address_goes_through_the_policies_and_japan_posts_data(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)

    def change(postal: str, town: str, line2: str) -> AppError:
        return refusal(lambda: store.change_address(session.token, postal, town, line2))

    assert change("0000000", "東京都千代田区千代田", "１－１").code is ErrorCode.POSTAL_UNKNOWN
    assert change("1000001", "東京都新宿区新宿", "１－１").code is ErrorCode.POSTAL_UNKNOWN
    assert change("12345", "東京都千代田区千代田", "１－１").code is ErrorCode.POSTAL_INVALID
    assert change("1000001", "東京都千代田区千代田", "  ").code is ErrorCode.REQUIRED
    assert change("1000001", "東京都千代田区千代田", "\x07").code is ErrorCode.INVALID_CHAR
    assert change("1600022", "東京都新宿区新宿", "3-1-1").code is ErrorCode.NOTHING_CHANGED
    assert store.change_history(session.token, 10) == ()


def test_phone_and_workplace_changes(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    assert store.change_phone(session.token, "０９０（９８７６）５４３２").phone == "09098765432"
    assert refusal(lambda: store.change_phone(session.token, "12345")).code is (
        ErrorCode.PHONE_INVALID
    )
    assert refusal(lambda: store.change_phone(session.token, "090-9876-5432")).code is (
        ErrorCode.NOTHING_CHANGED
    )
    profile = store.change_workplace(session.token, "ｺﾊｸ商事 (株)", "03-9999-8888")
    assert profile.workplace == Workplace("コハク商事\u3000（株）", "0399998888")
    refused = refusal(lambda: store.change_workplace(session.token, "ｺﾊｸ商事 (株)", "0399998888"))
    assert refused.code is ErrorCode.NOTHING_CHANGED
    workplace, phone = store.change_history(session.token, 10)
    assert (workplace.item, phone.item) == (ChangeItem.WORKPLACE, ChangeItem.PHONE)
    assert (phone.before, phone.after) == ("*******5678", "*******5432")
    assert workplace.after == "コハク商事\u3000（株） ******8888"
    assert "0312345678" not in workplace.before
    assert subjects(demo, 2) == [
        "【こはくローン】ご登録の勤務先を変更しました",
        "【こはくローン】ご登録の電話番号を変更しました",
    ]


def test_the_history_is_newest_first_with_the_device_it_came_from(
    store: Store, card_sign_in: SignIn
) -> None:
    here = card_sign_in(YAMADA)
    there = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], OTHER_DEVICE)
    store.change_phone(here.token, "09011112222")
    store.change_phone(there.token, "09033334444")
    newest, oldest = store.change_history(here.token, 10)
    assert (newest.after, oldest.after) == ("*******4444", "*******2222")
    assert (newest.this_device, oldest.this_device) == (False, True)
    assert newest.device != oldest.device
    assert OTHER_DEVICE not in newest.device and DEVICE not in oldest.device  # short names
    assert store.change_history(there.token, 10)[0].this_device
    assert store.change_history(here.token, 1) == (newest,)
    assert store.change_history(here.token, 0) == ()
    # Another member sees none of it.
    assert store.change_history(card_sign_in(SATO).token, 10) == ()


def test_web_statements_decide_the_first_interest_free_period(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(SATO)
    assert store.account_summary(session.token).first_borrowing_interest_free
    assert store.set_web_statements(session.token, False).web_statements is False
    assert not store.account_summary(session.token).first_borrowing_interest_free
    assert refusal(lambda: store.set_web_statements(session.token, False)).code is (
        ErrorCode.NOTHING_CHANGED
    )
    assert store.set_web_statements(session.token, True).web_statements is True
    assert store.account_summary(session.token).first_borrowing_interest_free
    (on, off) = store.change_history(session.token, 10)
    assert (off.before, off.after, on.after) == ("登録あり", "登録なし", "登録あり")
    # 山田 has borrowed before: web statements do not make a first borrowing of him.
    yamada = card_sign_in(YAMADA)
    store.set_web_statements(yamada.token, True)
    assert not store.account_summary(yamada.token).first_borrowing_interest_free


def test_a_reminder_must_be_1_to_7_days_before_at_an_hour(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(SATO)

    def set_reminder(days: int, hour: int) -> AppError:
        return refusal(lambda: store.set_reminder(session.token, Reminder(True, days, hour)))

    for days, hour in ((0, 9), (8, 9), (3, 24), (3, -1)):
        assert set_reminder(days, hour).code is ErrorCode.REMINDER_INVALID
    assert store.set_reminder(session.token, Reminder(True, 7, 0)).reminder == Reminder(True, 7, 0)
    assert refusal(lambda: store.set_reminder(session.token, Reminder(True, 7, 0))).code is (
        ErrorCode.NOTHING_CHANGED
    )
    assert store.set_reminder(session.token, Reminder(False, 1, 23)).reminder.enabled is False
    (off, on) = store.change_history(session.token, 10)
    assert (on.item, on.before, on.after) == (ChangeItem.REMINDER, "登録なし", "7日前 0:00")
    assert off.after == "登録なし"


@pytest.fixture
def in_maintenance(member_store: HostFactory) -> tuple[Store, Session]:
    """山田 signed in on Sunday night; the clock then moved into Monday's maintenance."""
    host = member_store(now=datetime(2026, 11, 29, 23, 55, tzinfo=TOKYO))
    session = host.store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    host.demo.advance_clock(timedelta(minutes=10))  # Monday 0:05
    return host.store, session


def test_every_change_stops_in_maintenance(in_maintenance: tuple[Store, Session]) -> None:
    store, session = in_maintenance
    token = session.token
    changes: list[Callable[[], object]] = [
        lambda: store.change_address(token, "1000001", "東京都千代田区千代田", "１－１"),
        lambda: store.change_phone(token, "09011112222"),
        lambda: store.change_workplace(token, "こはく商事", "0311112222"),
        lambda: store.request_change_code(token, CodedChange.EMAIL),
        lambda: store.change_email(token, "taro@example.jp", "1234"),
        lambda: store.change_bank_account(token, MIZUHO, "1234"),
        lambda: store.change_web_id(token, "taro2027new", YAMADA[3], "1234"),
        lambda: store.change_password(token, YAMADA[3], "Taro2027pass", "1234"),
        lambda: store.change_due_day(token, 5),
        lambda: store.set_auto_debit(token, True, 25),
        lambda: store.set_reminder(token, Reminder(True, 3, 9)),
        lambda: store.set_web_statements(token, True),
    ]
    resume = datetime(2026, 11, 30, 7, 0, tzinfo=TOKYO)
    for change in changes:
        assert refusal(change) == AppError(ErrorCode.MAINTENANCE, resume_at=resume)
    assert store.change_history(token, 10) == ()
    assert store.profile(token).due_day == 25  # what is registered can still be read
