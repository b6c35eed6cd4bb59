"""``HttpStore``: the ``Store`` protocol over HTTP to the member server (httpx).

Timeouts: 3 s to connect, 10 s to read. A request that never reached the server (the
connection failed) is tried again; so is a money movement whose reply was lost after it was
sent (a timeout, a dropped connection, a proxy's 502/503/504): it carries its request id as
``Idempotency-Key``, so the server applies it once and answers every try with the first
receipt. Anything else that cannot be answered is STORE_UNAVAILABLE; refusals come back as the
``AppError`` the server's store raised. Every answer carries the server's now, which the
client's clock follows: with a remote store, the server's clock is the one shown.
"""

from __future__ import annotations

import ssl
import threading
import time
from datetime import date, datetime
from typing import Any

import httpx

from desktop_app.domain.clock import OffsetClock
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
from desktop_app.store.remote.parsing import parse, parse_all
from desktop_app.store.remote.profile_client import ProfileCalls
from desktop_app.store.remote.urls import check_remote_url
from desktop_app.store.remote.wire import (
    DEVICE_HEADER,
    IDEMPOTENCY_HEADER,
    TIME_HEADER,
    Paths,
    decode_error,
)

CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 10.0
TRIES = 3  # of a request that may be tried again
BACKOFF = (0.25, 0.75)  # seconds before the 2nd and 3rd try
CLOCK_SLACK = 0.5  # seconds the client's clock may differ before it follows the server's
_LOST = (502, 503, 504)  # a proxy's answer while the workers restart: the request may be lost


def _certificate_failure(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(
            seen
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class HttpStore(ProfileCalls):
    """The ``Store`` protocol spoken to a member server; safe to call from several threads.
    The registered details' calls are ``ProfileCalls``'."""

    def __init__(
        self,
        url: str,
        clock: OffsetClock | None = None,
        *,
        ca_file: str | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = check_remote_url(url)
        self._clock = clock
        self._devices: dict[str, str] = {}  # token → the device id it was issued for
        self._lock = threading.Lock()
        self._client = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT),
            verify=ssl.create_default_context(cafile=ca_file) if ca_file else True,
            headers={"Accept": "application/json", "User-Agent": "member-client"},
            transport=transport,
            follow_redirects=False,
        )

    # ------------------------------------------------------------------ transport

    def _send(
        self,
        method: str,
        path: str,
        *,
        body: dict[str, Any] | None = None,
        token: str | None = None,
        request_id: str | None = None,
        replayable: bool = False,
    ) -> Any:
        """The decoded JSON answer (``None`` for 204). ``replayable``: the request may be
        sent again when its reply was lost (a read, or a movement with its request id)."""
        headers: dict[str, str] = {}
        if token is not None:
            device = self._device_of(token)
            if not device:  # not a token this store was given: no session to ask about
                raise AppError(ErrorCode.SESSION_EXPIRED)
            headers["Authorization"] = f"Bearer {token}"
            headers[DEVICE_HEADER] = device
        if request_id is not None:
            headers[IDEMPOTENCY_HEADER] = request_id
        for attempt in range(TRIES):
            if attempt:
                time.sleep(BACKOFF[attempt - 1])
            if self._client.is_closed:
                break
            try:
                response = self._client.request(method, path, json=body, headers=headers)
            except httpx.ConnectError as error:
                if _certificate_failure(error):
                    raise AppError(ErrorCode.STORE_CERTIFICATE_INVALID) from None
                continue  # the request never left: always safe to send again
            except httpx.ConnectTimeout:
                continue
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError):
                if replayable:
                    continue
                break
            self._follow_clock(response)
            if response.status_code in _LOST and decode_error(_json(response)) is None:
                if replayable:
                    continue
                break
            return self._answer(response, token)
        raise AppError(ErrorCode.STORE_UNAVAILABLE)

    def _answer(self, response: httpx.Response, token: str | None) -> Any:
        if response.is_success:
            return None if response.status_code == 204 else _json(response)
        error = decode_error(_json(response))
        if error is None:
            code = (
                ErrorCode.STORE_UNAVAILABLE if response.status_code >= 500 else ErrorCode.UNEXPECTED
            )
            raise AppError(code)
        if error.code is ErrorCode.SESSION_EXPIRED and token is not None:
            self._forget(token)
        raise error

    def _follow_clock(self, response: httpx.Response) -> None:
        stamp = response.headers.get(TIME_HEADER)
        if self._clock is None or not stamp:
            return
        try:
            server_now = datetime.fromisoformat(stamp)
        except ValueError:
            return
        if abs((server_now - self._clock.now()).total_seconds()) > CLOCK_SLACK:
            self._clock.follow(server_now)

    def _device_of(self, token: str) -> str:
        """The device ``token`` was issued for ("" for a token this store was not given)."""
        with self._lock:
            return self._devices.get(token, "")

    def _forget(self, token: str) -> None:
        with self._lock:
            self._devices.pop(token, None)

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
        self, token: str, query: HistoryQuery, before: HistoryCursor | None, limit: int
    ) -> HistoryPage:
        body: dict[str, Any] = {
            "since": query.since.isoformat() if query.since else None,
            "until": query.until.isoformat() if query.until else None,
            "kinds": None if query.kinds is None else sorted(kind.value for kind in query.kinds),
            "before": None if before is None else {"at": before.at.isoformat(), "id": before.id},
            "limit": limit,
        }
        payload = self._send("POST", Paths.HISTORY, body=body, token=token, replayable=True)
        return parse(HistoryPage, payload)

    def close(self) -> None:
        self._client.close()


def _json(response: httpx.Response) -> object:
    try:
        return response.json()
    except ValueError:
        return None
