"""``HttpStore``: the ``Store`` protocol over HTTP to the member server, its requests sent by
``transport.HttpTransport`` (timeouts, retries, the server's clock); the registered details'
calls are ``profile_client.ProfileCalls``'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any, TypeVar

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import (
    AccountSummary,
    BankAccount,
    BorrowReceipt,
    CodeChannel,
    HistoryCursor,
    HistoryPage,
    HistoryQuery,
    InterestInquiry,
    LimitApplication,
    RepayIntent,
    RepayReceipt,
    Session,
)
from desktop_app.domain.requests import check_request_id
from desktop_app.domain.terms import ServiceTerms
from desktop_app.store.protocol import HistoryLine, history_line
from desktop_app.store.remote.parsing import parse, parse_all
from desktop_app.store.remote.profile_client import ProfileCalls
from desktop_app.store.remote.wire import Paths

T = TypeVar("T")
LINES_PAGE = 1_000  # the largest page a store gives (``sql.history.HISTORY_MAX_LIMIT``)


class HttpStore(ProfileCalls):
    """The ``Store`` protocol spoken to a member server; safe to call from several threads.
    The registered details' calls are ``ProfileCalls``'."""

    def _signed_in(self, payload: object, device_id: str) -> Session:
        session = parse(Session, payload)
        with self._lock:
            self._devices[session.token] = device_id
        return session

    # ------------------------------------------------------------------ the protocol

    def service_terms(self) -> ServiceTerms:
        return parse(ServiceTerms, self._send("GET", Paths.TERMS, replayable=True))

    def sign_in_with_card(self, card_number: str, pin: str, device_id: str) -> Session:
        body = {"card_number": card_number, "pin": pin, "device_id": device_id}
        return self._signed_in(self._send("POST", Paths.SIGN_IN_CARD, body=body), device_id)

    def sign_in_with_web_id(self, web_id: str, password: str, device_id: str) -> Session:
        body = {"web_id": web_id, "password": password, "device_id": device_id}
        return self._signed_in(self._send("POST", Paths.SIGN_IN_WEB_ID, body=body), device_id)

    def request_registration_code(self, member_number: str, email: str) -> None:
        body = {"member_number": member_number, "email": email}
        self._send("POST", Paths.REGISTRATION_CODE, body=body)

    def register_web_id(self, member_number: str, code: str, web_id: str, password: str) -> None:
        body = {
            "member_number": member_number,
            "code": code,
            "web_id": web_id,
            "password": password,
        }
        self._send("POST", Paths.REGISTRATION, body=body)

    def request_password_reset(
        self, identifier: str, birth_date: date, channel: CodeChannel
    ) -> None:
        body = {"identifier": identifier, "birth_date": birth_date.isoformat(), "channel": channel}
        self._send("POST", Paths.RESET_CODE, body=body)

    def reset_password(self, identifier: str, code: str, new_password: str) -> None:
        body = {"identifier": identifier, "code": code, "new_password": new_password}
        self._send("POST", Paths.RESET, body=body)

    def sign_out(self, token: str) -> None:
        try:
            self._send("DELETE", Paths.SIGN_OUT, token=token, replayable=True)
        except AppError as error:
            if error.code is not ErrorCode.SESSION_EXPIRED:
                raise
        finally:
            self._forget(token)

    def account_summary(self, token: str) -> AccountSummary:
        payload = self._send("GET", Paths.SUMMARY, token=token, replayable=True)
        return parse(AccountSummary, payload)

    def bank_accounts(self, token: str) -> tuple[BankAccount, ...]:
        payload = self._send("GET", Paths.BANK_ACCOUNTS, token=token, replayable=True)
        return parse_all(BankAccount, payload)

    def borrow(
        self, token: str, amount: int, destination_id: int, request_id: str
    ) -> BorrowReceipt:
        check_request_id(request_id)
        body = {"amount": amount, "destination_id": destination_id}
        payload = self._send(
            "POST", Paths.BORROWINGS, body=body, token=token, request_id=request_id, replayable=True
        )
        return parse(BorrowReceipt, payload)

    def repay(
        self,
        token: str,
        intent: RepayIntent,
        amount: int | None,
        bank_code: str,
        request_id: str,
    ) -> RepayReceipt:
        check_request_id(request_id)
        body = {"intent": str(intent), "amount": amount, "bank_code": bank_code}
        payload = self._send(
            "POST", Paths.REPAYMENTS, body=body, token=token, request_id=request_id, replayable=True
        )
        return parse(RepayReceipt, payload)

    def interest_inquiry(self, token: str) -> InterestInquiry:
        payload = self._send("GET", Paths.INTEREST, token=token, replayable=True)
        return parse(InterestInquiry, payload)

    def promise_payment(self, token: str, day: date) -> AccountSummary:
        body = {"day": day.isoformat()}
        payload = self._send("POST", Paths.PROMISES, body=body, token=token, replayable=True)
        return parse(AccountSummary, payload)

    def apply_limit_increase(
        self, token: str, annual_income: int, other_debts: int, requested_limit: int
    ) -> LimitApplication:
        body = {
            "annual_income": annual_income,
            "other_debts": other_debts,
            "requested_limit": requested_limit,
        }
        payload = self._send("POST", Paths.LIMIT_APPLICATIONS, body=body, token=token)
        return parse(LimitApplication, payload)

    def history(
        self,
        token: str,
        query: HistoryQuery,
        before: HistoryCursor | None,
        limit: int,
        *,
        count: bool = True,
    ) -> HistoryPage:
        body: dict[str, Any] = {
            "since": query.since.isoformat() if query.since else None,
            "until": query.until.isoformat() if query.until else None,
            "kinds": None if query.kinds is None else sorted(kind.value for kind in query.kinds),
            "before": None if before is None else {"at": before.at.isoformat(), "id": before.id},
            "limit": limit,
            "count": count,
        }
        payload = self._send("POST", Paths.HISTORY, body=body, token=token, replayable=True)
        return parse(HistoryPage, payload)

    def history_lines(
        self,
        token: str,
        query: HistoryQuery,
        consume: Callable[[int, Iterable[Sequence[HistoryLine]]], T],
    ) -> T:
        """Over HTTP the lines come a page (the server's largest) at a time, by cursor."""
        first = self.history(token, query, None, LINES_PAGE)

        def batches() -> Iterator[Sequence[HistoryLine]]:
            page: HistoryPage | None = first
            while page is not None:
                yield [history_line(entry) for entry in page.entries]
                cursor = page.next_cursor
                page = None if cursor is None else self.history(token, query, cursor, LINES_PAGE)

        return consume(first.total or 0, batches())

    def close(self) -> None:
        self._client.close()
