"""Changes that need a 4-digit one-time code (issue 11): the email, the bank account, the
Web-ID and the password; the code's delivery, tries and lock, on every store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel, HistoryQuery, LedgerKind, Session
from desktop_app.domain.profile import ChangeItem, CodedChange, CodeSent, NewBankAccount
from desktop_app.store.demo import DemoOperations
from desktop_app.store.protocol import Store

from ..conftest import DEVICE, NOW, SATO, YAMADA
from ..helpers import CODE_SUBJECT, refusal
from .profile_support import MIZUHO, YAMADA_EMAIL, only_change, request_code, wrong

SignIn = Callable[[tuple[Any, ...]], Session]
NEW_EMAIL = "taro.yamada@example.jp"


def test_a_change_code_goes_by_sms_to_the_registered_phone(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    sent = store.request_change_code(session.token, CodedChange.EMAIL)
    assert sent == CodeSent(
        channel=CodeChannel.SMS,
        destination="090-****-5678",
        expires_at=NOW + timedelta(minutes=10),
        resend_at=NOW + timedelta(minutes=1),
    )
    (message,) = demo.sent_messages(1)
    assert (message.channel, message.recipient, message.subject) == (
        CodeChannel.SMS,
        "090-****-5678",
        CODE_SUBJECT,
    )
    assert "メールアドレスの変更" in message.body
    # Another code only after a minute.
    again = refusal(lambda: store.request_change_code(session.token, CodedChange.EMAIL))
    assert again == AppError(ErrorCode.CODE_REQUEST_TOO_SOON, resume_at=NOW + timedelta(minutes=1))


def test_the_email_changes_with_its_code_and_both_addresses_are_told(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    # No code asked for yet.
    refused = refusal(lambda: store.change_email(session.token, NEW_EMAIL, "1234"))
    assert refused.code is ErrorCode.CODE_NOT_REQUESTED
    code = request_code(store, demo, session, CodedChange.EMAIL)
    assert refusal(lambda: store.change_email(session.token, "not-an-address", code)).code is (
        ErrorCode.EMAIL_INVALID
    )
    assert refusal(lambda: store.change_email(session.token, YAMADA_EMAIL, code)).code is (
        ErrorCode.NOTHING_CHANGED
    )
    profile = store.change_email(session.token, "　Taro.Yamada＠Example.JP ", code)
    assert profile.email == "Taro.Yamada@example.jp"
    # A code is used once.
    again = refusal(lambda: store.change_email(session.token, NEW_EMAIL, code))
    assert again.code is ErrorCode.CODE_NOT_REQUESTED
    new, old = demo.sent_messages(2)
    assert {new.recipient, old.recipient} == {"T***@example.jp", "y***@example.jp"}
    assert new.subject == old.subject == "【こはくローン】ご登録のメールアドレスを変更しました"
    assert only_change(store, session) == (ChangeItem.EMAIL, "y***@example.jp", "T***@example.jp")


def test_a_code_is_for_its_own_change_only(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    code = request_code(store, demo, session, CodedChange.BANK_ACCOUNT)
    refused = refusal(lambda: store.change_email(session.token, NEW_EMAIL, code))
    assert refused.code is ErrorCode.CODE_NOT_REQUESTED
    assert store.change_bank_account(session.token, MIZUHO, code).bank_account is not None


def test_five_wrong_codes_lock_the_change_for_the_codes_lifetime(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    code = request_code(store, demo, session, CodedChange.EMAIL)
    expires_at = NOW + timedelta(minutes=10)
    for remaining in (4, 3, 2, 1):
        refused = refusal(lambda: store.change_email(session.token, NEW_EMAIL, wrong(code)))
        assert refused == AppError(ErrorCode.CODE_WRONG, remaining=remaining)
    locked = AppError(ErrorCode.CHANGE_LOCKED, resume_at=expires_at)
    assert refusal(lambda: store.change_email(session.token, NEW_EMAIL, wrong(code))) == locked
    # Even the right code now, and a new code, wait until the dead code would have expired.
    assert refusal(lambda: store.change_email(session.token, NEW_EMAIL, code)) == locked
    demo.advance_clock(timedelta(minutes=2))
    assert refusal(lambda: store.request_change_code(session.token, CodedChange.EMAIL)) == locked
    # Other changes are not locked.
    store.request_change_code(session.token, CodedChange.BANK_ACCOUNT)
    demo.advance_clock(timedelta(minutes=8) - timedelta(seconds=1))
    assert refusal(lambda: store.request_change_code(session.token, CodedChange.EMAIL)) == locked
    demo.advance_clock(timedelta(seconds=1))  # the dead code's expiry: the lock ends
    fresh = request_code(store, demo, session, CodedChange.EMAIL)
    assert store.change_email(session.token, NEW_EMAIL, fresh).email == NEW_EMAIL


def test_a_code_expires_after_ten_minutes(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    code = request_code(store, demo, session, CodedChange.EMAIL)
    demo.advance_clock(timedelta(minutes=10))
    refused = refusal(lambda: store.change_email(session.token, NEW_EMAIL, code))
    assert refused.code is ErrorCode.CODE_EXPIRED
    assert store.profile(session.token).email == YAMADA_EMAIL


def test_the_new_bank_account_becomes_the_borrowing_destination(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    old = store.bank_accounts(session.token)[0]
    code = request_code(store, demo, session, CodedChange.BANK_ACCOUNT)
    typed = NewBankAccount("０００１", "００１", "ordinary", "１２３４５６７", "やまだ　たろう")
    profile = store.change_bank_account(session.token, typed, code)
    new = profile.bank_account
    assert new is not None
    assert (new.bank_code, new.bank_name, new.branch_code, new.branch_name) == (
        "0001",
        "みずほ銀行",
        "001",
        "東京営業部",
    )
    assert (new.account_type, new.account_number, new.holder) == (
        "ordinary",
        "1234567",
        "ﾔﾏﾀﾞ ﾀﾛｳ",
    )
    accounts = store.bank_accounts(session.token)
    assert [a.bank_code for a in accounts] == ["0001", "PREPAID"]
    assert accounts[0] == new
    receipt = store.borrow(session.token, 10_000, new.id, "to-mizuho")
    assert receipt.destination == new
    refused = refusal(lambda: store.borrow(session.token, 10_000, old.id, "to-old"))
    assert refused.code is ErrorCode.UNKNOWN_DESTINATION
    # The old borrowing still names the bank it went to.
    page = store.history(session.token, HistoryQuery(kinds=frozenset({LedgerKind.BORROW})), None, 5)
    assert [e.counterparty for e in page.entries] == ["みずほ銀行", "三井住友銀行", "三井住友銀行"]
    assert only_change(store, session) == (
        ChangeItem.BANK_ACCOUNT,
        "三井住友銀行 本店営業部 普通 ***4567",
        "みずほ銀行 東京営業部 普通 ***4567",
    )
    assert demo.sent_messages(1)[0].subject == "【こはくローン】お振込先口座を変更しました"


def test_a_bank_account_is_checked_before_any_code_is_tried(
    store: Store, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)

    def change(account: NewBankAccount) -> AppError:
        return refusal(lambda: store.change_bank_account(session.token, account, "1234"))

    def account(**fields: str) -> NewBankAccount:
        values = {
            "bank_code": "0001",
            "branch_code": "001",
            "account_type": "ordinary",
            "account_number": "1234567",
            "holder": "ﾔﾏﾀﾞ ﾀﾛｳ",
            **fields,
        }
        return NewBankAccount(**values)

    assert change(account(bank_code="0002")).code is ErrorCode.UNKNOWN_BANK
    assert change(account(branch_code="999")).code is ErrorCode.UNKNOWN_BRANCH
    assert change(account(account_number="123")).code is ErrorCode.DIGITS_LENGTH
    assert change(account(holder="山田")).code is ErrorCode.INVALID_CHAR
    assert change(account(holder="")).code is ErrorCode.REQUIRED
    same = account(bank_code="0009", branch_code="001")
    assert change(same).code is ErrorCode.NOTHING_CHANGED
    assert change(account()).code is ErrorCode.CODE_NOT_REQUESTED


def test_a_bank_that_fixes_the_due_day_is_refused_while_automatic_debit_keeps_another(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(SATO)  # PayPay銀行, due day 15
    store.set_auto_debit(session.token, True, 15)
    code = request_code(store, demo, session, CodedChange.BANK_ACCOUNT)
    mizuho = NewBankAccount("0001", "001", "ordinary", "7654321", "ｻﾄｳ ﾊﾅｺ")
    refused = refusal(lambda: store.change_bank_account(session.token, mizuho, code))
    assert refused == AppError(ErrorCode.DUE_DAY_FIXED, day=5)
    # Stopping automatic debit first lets it through, with the same code.
    store.set_auto_debit(session.token, False, 15)
    assert store.change_bank_account(session.token, mizuho, code).bank_account is not None


def _only_here_signed_in(
    store: Store,
    here: Session,
    there: Session,
    *,
    new: tuple[str, str],
) -> None:
    """After Yamada's new Web-ID or password: this session goes on, the other one has ended,
    the old Web-ID and password sign in no more and the ``new`` ones do."""
    assert store.account_summary(here.token).member_number == "100000001"
    assert refusal(lambda: store.account_summary(there.token)).code is ErrorCode.SESSION_EXPIRED
    assert refusal(lambda: store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)).code is (
        ErrorCode.SIGNIN_FAILED_WEB
    )
    assert store.sign_in_with_web_id(*new, DEVICE).member_number == "100000001"


def test_a_new_web_id_ends_every_other_session(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    here = card_sign_in(YAMADA)
    there = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], "second-laptop-42")
    code = request_code(store, demo, here, CodedChange.WEB_ID)
    assert refusal(lambda: store.change_web_id(here.token, "yamada2026", YAMADA[3], code)).code is (
        ErrorCode.NOTHING_CHANGED
    )
    assert refusal(lambda: store.change_web_id(here.token, "ab", YAMADA[3], code)).code is (
        ErrorCode.LENGTH
    )
    wrong_password = refusal(lambda: store.change_web_id(here.token, "taro2027new", "nope", code))
    assert wrong_password.code is ErrorCode.PASSWORD_WRONG
    taken = refusal(lambda: store.change_web_id(here.token, SATO[2], YAMADA[3], code))
    assert taken.code is ErrorCode.WEB_ID_TAKEN
    assert store.change_web_id(here.token, "taro2027new", YAMADA[3], code).web_id == "taro2027new"
    _only_here_signed_in(store, here, there, new=("taro2027new", YAMADA[3]))
    assert only_change(store, here) == (ChangeItem.WEB_ID, "******2026", "*******7new")


def test_a_new_password_ends_every_other_session(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    here = store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)
    there = card_sign_in(YAMADA)
    new_password = "Taro2027pass"
    code = request_code(store, demo, here, CodedChange.PASSWORD)
    assert refusal(lambda: store.change_password(here.token, YAMADA[3], "short", code)).code is (
        ErrorCode.LENGTH
    )
    assert refusal(lambda: store.change_password(here.token, YAMADA[3], YAMADA[3], code)).code is (
        ErrorCode.NOTHING_CHANGED
    )
    assert refusal(lambda: store.change_password(here.token, "Wrong2026x", new_password, code)) == (
        AppError(ErrorCode.PASSWORD_WRONG)
    )
    store.change_password(here.token, YAMADA[3], new_password, code)
    _only_here_signed_in(store, here, there, new=(YAMADA[2], new_password))
    assert only_change(store, here) == (ChangeItem.PASSWORD, "********", "********")
    assert demo.sent_messages(1)[0].subject == "【こはくローン】パスワードを変更しました"


def test_wrong_current_passwords_use_up_the_codes_tries(
    store: Store, demo: DemoOperations, card_sign_in: SignIn
) -> None:
    session = card_sign_in(YAMADA)
    code = request_code(store, demo, session, CodedChange.PASSWORD)
    for _ in range(4):
        refused = refusal(
            lambda: store.change_password(session.token, "Wrong2026x", "Taro2027pass", code)
        )
        assert refused.code is ErrorCode.PASSWORD_WRONG
    locked = refusal(
        lambda: store.change_password(session.token, "Wrong2026x", "Taro2027pass", code)
    )
    assert locked == AppError(ErrorCode.CHANGE_LOCKED, resume_at=NOW + timedelta(minutes=10))
    # The Web-ID itself is not locked: its sign-in lockout counts sign-ins only.
    assert store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE).member_number == "100000001"
