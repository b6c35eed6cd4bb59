"""The one ASGI middleware of the server, in front of FastAPI: it caps request bodies, and
adds the security headers and the server clock's now to every answer. Pure ASGI (no
``BaseHTTPMiddleware``), so it costs next to nothing per request."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desktop_app.domain.errors import ErrorCode
from desktop_app.store.remote.wire import MAX_BODY_BYTES, TIME_HEADER

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"cache-control", b"no-store"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
    (b"strict-transport-security", b"max-age=31536000; includeSubDomains"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

_TOO_LARGE = json.dumps({"code": ErrorCode.REQUEST_INVALID.value, "params": {}}).encode()


class BodyTooLarge(Exception):
    pass


class Guard:
    """Refuses bodies over ``MAX_BODY_BYTES`` (413, before the endpoint reads them, whether
    the length is declared or the body is chunked) and decorates every answer."""

    def __init__(self, app: ASGIApp, now: Callable[[], datetime]) -> None:
        self._app = app
        self._now = now

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > MAX_BODY_BYTES:
            await self._refuse(send)
            return
        received = 0
        started = False
        exceeded = False

        async def counted_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY_BYTES:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def decorated_send(message: Message) -> None:
            nonlocal started
            if exceeded:
                # The app may answer the interrupted read its own way (FastAPI turns any
                # error while reading a body into a 400): the answer is the 413.
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await self._refuse(send)
                return
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", ()), *self._headers()]
            await send(message)

        try:
            await self._app(scope, counted_receive, decorated_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)

    def _headers(self) -> list[tuple[bytes, bytes]]:
        return [*SECURITY_HEADERS, (TIME_HEADER.lower().encode(), self._now().isoformat().encode())]

    async def _refuse(self, send: Send) -> None:
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(_TOO_LARGE)).encode()),
            (b"connection", b"close"),
            *self._headers(),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": _TOO_LARGE})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
