"""``HttpTransport``: how ``HttpStore`` talks to the member server (httpx).

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
from datetime import datetime
from typing import Any

import httpx

from desktop_app.domain.clock import OffsetClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store.remote.urls import check_remote_url
from desktop_app.store.remote.wire import (
    DEVICE_HEADER,
    IDEMPOTENCY_HEADER,
    TIME_HEADER,
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


class HttpTransport:
    """The requests of ``HttpStore`` to a member server, safe from several threads: each
    signed-in token with the device it was issued for, the retries, the server's clock."""

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


def _json(response: httpx.Response) -> object:
    try:
        return response.json()
    except ValueError:
        return None
