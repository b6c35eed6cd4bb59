"""What the store tests share: a refusal catcher, the demo members' registration details and
the codes the service sends, read as a member would read them."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

import pytest

from desktop_app.domain.errors import AppError
from desktop_app.domain.models import PREPAID_BANK_CODE, BankAccount, SentMessage, Session
from desktop_app.store.protocol import Store

ITO_NUMBER = "100000006"
ITO_EMAIL = "ito@example.jp"
TANAKA_NUMBER = "100000004"
TANAKA_BORN = date(1990, 4, 4)
NEW_WEB_ID = "sakura2026"
NEW_PASSWORD = "Sakura2026pass"
CODE_SUBJECT = "【こはくローン】確認コードのお知らせ"
PREPAID_NAME = "こはくプリペイドカード"
APPLICATION_SUBJECT = "【こはくローン】ご利用限度額増額のお申込みを受け付けました"


class Outbox(Protocol):
    """What the service sent: the demo host's interface, or a ``SqlStore`` itself."""

    def sent_messages(self, limit: int = 50) -> tuple[SentMessage, ...]: ...


def refusal(action: Callable[[], Any]) -> AppError:
    """The ``AppError`` that ``action`` is refused with (the test fails when it is not)."""
    with pytest.raises(AppError) as caught:
        action()
    return caught.value


def latest_code(outbox: Outbox) -> str:
    """The code of the newest message, as the member reads it: the outbox hands a code out
    once (it is masked in every later read), so read it only here."""
    return code_in(outbox.sent_messages(1)[0])


def code_in(message: SentMessage) -> str:
    """The one code a message carries (the first time it is read)."""
    assert message.subject == CODE_SUBJECT
    found = re.findall(r"(?<!\d)\d{6}(?!\d)", message.body)
    assert len(found) == 1, message.body
    return str(found[0])


def other_than(code: str, shift: int = 1) -> str:
    return f"{(int(code) + shift) % 1_000_000:06d}"


def request_ito_code(store: Store, outbox: Outbox) -> str:
    store.request_registration_code(ITO_NUMBER, ITO_EMAIL)
    return latest_code(outbox)


def prepaid(store: Store, session: Session) -> BankAccount:
    (card,) = [a for a in store.bank_accounts(session.token) if a.bank_code == PREPAID_BANK_CODE]
    return card


def bank(store: Store, session: Session) -> BankAccount:
    return store.bank_accounts(session.token)[0]
