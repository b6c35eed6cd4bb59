"""The due day, automatic debit (口座振替) and the reminder email (issue 11), on every store.

山田 (due day 25th, next due date 2026-11-25, 120,000 borrowed on 11-04, 三井住友銀行);
佐藤 owes nothing (15th, PayPay銀行); 鈴木 is overdue (due date 11-19, 三菱UFJ銀行).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryQuery, LedgerEntry, LedgerKind, RepayIntent, Session
from desktop_app.domain.profile import ChangeItem, CodedChange, DueDayEffect, Reminder
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..conftest import DEVICE, SATO, SUZUKI, YAMADA
from ..helpers import refusal
from .conftest import HostFactory
from .profile_support import MIZUHO, REMINDER_SUBJECT, only_change, request_code, subjects

SignIn = Callable[[tuple[Any, ...]], Session]
DEBITS = HistoryQuery(kinds=frozenset({LedgerKind.AUTO_DEBIT}))


def _debits(store: Store, session: Session) -> tuple[LedgerEntry, ...]:
    return store.history(session.token, DEBITS, None, 50).entries


# --------------------------------------------------------------------- the due day


def test_the_effect_of_a_due_day_change_is_shown_before_it_is_made(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    # The first 5th after today, 12-05, is a Saturday: the member pays by Monday 12-07.
    assert store.due_day_effect(session.token, 5, None) == DueDayEffect(5, date(2026, 12, 7))
    assert store.due_day_effect(session.token, 31, None) == DueDayEffect(31, date(2026, 11, 30))
    # 12-15 is more than 35 days after the borrowing of 11-04 (the last movement).
    assert refusal(lambda: store.due_day_effect(session.token, 15, None)) == AppError(
        ErrorCode.DUE_DAY_TOO_LATE, latest=date(2026, 12, 9)
    )
    assert refusal(lambda: store.due_day_effect(session.token, 10, None)).code is (
        ErrorCode.DUE_DAY_INVALID
    )
    # Automatic debit from 三井住友銀行 keeps any day.
    assert store.due_day_effect(session.token, 5, True) == DueDayEffect(5, date(2026, 12, 7))
    assert store.profile(session.token).due_day == 25  # nothing was changed


def test_the_35_days_run_from_the_last_payment(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    store.repay(session.token, RepayIntent.AMOUNT, 1_000, "0009", "part")  # today, 11-24
    # Part of the minimum: still due 11-25; the 15th after today is within 35 days of today.
    assert store.due_day_effect(session.token, 15, None) == DueDayEffect(15, date(2026, 12, 15))
    summary = store.change_due_day(session.token, 15)
    assert (summary.next_due_date, summary.paid_this_cycle) == (date(2026, 12, 15), 1_000)


def test_changing_the_due_day_moves_the_next_due_date(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    summary = store.change_due_day(session.token, 31)
    assert summary.next_due_date == date(2026, 11, 30)
    assert (store.profile(session.token).due_day, summary.overdue) == (31, False)
    assert refusal(lambda: store.change_due_day(session.token, 31)).code is (
        ErrorCode.NOTHING_CHANGED
    )
    assert refusal(lambda: store.change_due_day(session.token, 15)).code is (
        ErrorCode.DUE_DAY_TOO_LATE
    )
    assert only_change(store, session) == (ChangeItem.DUE_DAY, "25日", "月末")
    assert subjects(demo, 1) == ["【こはくローン】ご返済日を変更しました"]


def test_a_member_who_owes_nothing_just_keeps_the_new_day(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(SATO)
    assert store.due_day_effect(session.token, 25, None) == DueDayEffect(25, None)
    assert store.change_due_day(session.token, 25).next_due_date is None
    # Borrowing on 11-24 puts the first due date on the new day: 25th → next month.
    receipt = store.borrow(session.token, 10_000, store.bank_accounts(session.token)[0].id, "b")
    assert receipt.next_due_date == date(2026, 12, 25)


# --------------------------------------------------------------------- automatic debit


def test_automatic_debit_from_mizuho_fixes_the_due_day_to_the_5th(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    code = request_code(store, demo, session, CodedChange.BANK_ACCOUNT)
    store.change_bank_account(session.token, MIZUHO, code)
    assert store.due_day_effect(session.token, 25, True) == DueDayEffect(5, date(2026, 12, 7))
    assert store.due_day_effect(session.token, 25, None) == DueDayEffect(25, date(2026, 11, 25))
    summary = store.set_auto_debit(session.token, True, 25)
    assert summary.next_due_date == date(2026, 12, 7)
    profile = store.profile(session.token)
    assert (profile.auto_debit, profile.due_day, profile.next_due_date) == (
        True,
        5,
        date(2026, 12, 7),
    )
    assert store.account_summary(session.token).next_due_date == date(2026, 12, 7)  # home
    assert refusal(lambda: store.change_due_day(session.token, 25)) == AppError(
        ErrorCode.DUE_DAY_FIXED, day=5
    )
    assert refusal(lambda: store.set_auto_debit(session.token, True, 25)).code is (
        ErrorCode.NOTHING_CHANGED
    )
    auto, due_day = store.change_history(session.token, 10)[:2]
    assert (auto.item, auto.before, auto.after) == (ChangeItem.AUTO_DEBIT, "登録なし", "登録あり")
    assert (due_day.item, due_day.before, due_day.after) == (ChangeItem.DUE_DAY, "25日", "5日")
    # Stopping it is a change like the others; the day stays.
    assert store.set_auto_debit(session.token, False, 25).next_due_date == date(2026, 12, 7)
    assert store.profile(session.token).auto_debit is False
    assert refusal(lambda: store.set_auto_debit(session.token, False, 5)).code is (
        ErrorCode.NOTHING_CHANGED
    )


def test_sumitomo_keeps_the_members_day(store: Store, card_sign_in: SignIn) -> None:
    session = card_sign_in(YAMADA)
    assert store.set_auto_debit(session.token, True, 25).next_due_date == date(2026, 11, 25)
    assert store.profile(session.token).due_day == 25
    assert refusal(lambda: store.set_auto_debit(session.token, True, 12)).code is (
        ErrorCode.DUE_DAY_INVALID
    )


def test_the_minimum_is_debited_once_on_the_due_date(member_store: HostFactory) -> None:
    host = member_store()
    store, demo = host.store, host.demo
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.set_auto_debit(session.token, True, 25)
    assert _debits(store, session) == ()
    demo.advance_clock(timedelta(hours=14))  # 11-25 00:00: the due date
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    first = store.account_summary(session.token)
    second = store.account_summary(session.token)
    assert first == second
    (debit,) = _debits(store, session)
    # 21 days at 18 % on 120,000 (floor 1,242.7), the rest to the principal.
    assert (debit.amount, debit.to_damages, debit.to_interest, debit.to_principal) == (
        5_000,
        0,
        1_242,
        3_758,
    )
    assert (debit.counterparty, debit.principal_after) == ("三井住友銀行", 116_242)
    assert debit.transaction_no.startswith("D20261125")
    assert (first.principal, first.paid_this_cycle, first.overdue) == (116_242, 0, False)
    assert first.next_due_date == date(2026, 12, 25)
    assert first.accrued_interest == 0
    # It shows in the history like a repayment, and the member is told.
    everything = store.history(session.token, HistoryQuery(), None, 1).entries
    assert everything == (debit,)
    assert "【こはくローン】口座振替でご返済いただきました" in subjects(demo)
    # A month on, the next due date is debited too, once.
    demo.advance_clock(timedelta(days=30))  # 12-25
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.interest_inquiry(session.token)
    store.profile(session.token)
    assert [d.amount for d in _debits(store, session)] == [5_000, 5_000]


def test_an_overdue_member_starting_automatic_debit_is_debited_at_once(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(SUZUKI)  # 三菱UFJ銀行: the 5th, his day already
    assert store.account_summary(session.token).overdue
    summary = store.set_auto_debit(session.token, True, 5)
    (debit,) = _debits(store, session)
    # Debited today: the five late days' damages first (as an inquiry showed them).
    assert (debit.amount, debit.to_damages, debit.to_interest) == (10_000, 684, 4_315)
    assert (summary.overdue, summary.next_due_date, summary.late_damages) == (
        False,
        date(2026, 12, 7),
        0,
    )


# --------------------------------------------------------------------- the reminder email


def test_the_reminder_is_in_the_inbox_once_its_hour_has_come(member_store: HostFactory) -> None:
    host = member_store(now=datetime(2026, 11, 20, 10, 0, tzinfo=TOKYO))
    store, demo = host.store, host.demo
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    assert store.profile(session.token).next_due_date == date(2026, 11, 25)
    store.set_reminder(session.token, Reminder(True, 3, 9))  # 11-22 9:00
    demo.advance_clock(timedelta(days=1, hours=22, minutes=59))  # 11-22 8:59
    assert REMINDER_SUBJECT not in subjects(demo)
    demo.advance_clock(timedelta(minutes=1))
    (reminder,) = [m for m in demo.sent_messages(20) if m.subject == REMINDER_SUBJECT]
    assert reminder.recipient == "y***@example.jp"
    assert reminder.sent_at == datetime(2026, 11, 22, 9, 0, tzinfo=TOKYO)
    assert "2026年11月25日（水）" in reminder.body
    assert "5,000円" in reminder.body
    demo.advance_clock(timedelta(hours=3))
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    store.account_summary(session.token)
    assert subjects(demo).count(REMINDER_SUBJECT) == 1  # once per due date


def test_a_reminder_set_within_its_window_is_sent_at_once(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)  # 11-24 10:00, the due date 11-25
    store.set_reminder(session.token, Reminder(True, 1, 9))
    assert subjects(demo, 2)[0] == REMINDER_SUBJECT
    store.set_reminder(session.token, Reminder(True, 1, 8))
    assert subjects(demo).count(REMINDER_SUBJECT) == 1
