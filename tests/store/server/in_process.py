"""The member server in process, for the tests of the wire: ``create_app`` (its routes,
middleware and error handlers) on a transport of a plain ``httpx.Client``, over a scripted
store that stands where the server's ``SqlStore`` stands and records every call as it
arrived."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from anyio.from_thread import BlockingPortal, start_blocking_portal

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import Session
from desktop_app.server.app import app_of, create_app
from desktop_app.server.config import ServerConfig
from desktop_app.server.routes import Runner
from desktop_app.store.protocol_profile import ProfileStore
from desktop_app.store.remote.client import HttpStore
from desktop_app.store.remote.wire import DEVICE_HEADER
from desktop_app.store.sql.binding import foreign_device

from ..conftest import NOW

TOKEN = "scripted-session-token"
DEVICE = "wire-device"
PROFILE_CALLS = sorted(name for name in vars(ProfileStore) if not name.startswith("_"))


def signed_headers(**extra: str) -> dict[str, str]:
    """The headers of a request with the scripted session, from its device."""
    return {"Authorization": f"Bearer {TOKEN}", DEVICE_HEADER: DEVICE, **extra}


@dataclass
class ScriptedStore:
    """Stands in for the server's ``SqlStore``: one session (``TOKEN`` on ``DEVICE``), and
    every ``ProfileStore`` call recorded and answered with ``answer`` or ``refusal``."""

    answer: object = None
    refusal: AppError | None = None
    calls: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)

    def admit_sign_in(self, address: str, identifier: str) -> None:
        pass

    def sign_in_with_web_id(self, web_id: str, password: str, device_id: str) -> Session:
        return Session(TOKEN, "100000001", "山田 太郎", None)

    def __getattr__(self, name: str) -> Any:
        if name not in PROFILE_CALLS:
            raise AttributeError(name)

        def call(token: str, *args: Any) -> object:
            if token != TOKEN or foreign_device(DEVICE):
                raise AppError(ErrorCode.SESSION_EXPIRED)
            self.calls.append((name, args))
            if self.refusal is not None:
                raise self.refusal
            return self.answer

        return call


class InProcess(httpx.BaseTransport):
    """The server's ASGI app as a transport of a plain ``httpx.Client``, on one event loop of
    its own (the portal's), keeping every request it carried."""

    def __init__(self, app: Any, portal: BlockingPortal) -> None:
        self._asgi = httpx.ASGITransport(app=app)
        self._portal = portal
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self._portal.call(self._handle, request)

    async def _handle(self, request: httpx.Request) -> httpx.Response:
        answer = await self._asgi.handle_async_request(request)
        body = await answer.aread()
        return httpx.Response(answer.status_code, headers=answer.headers, content=body)


@dataclass
class Wire:
    scripted: ScriptedStore
    store: HttpStore  # the client under test
    http: httpx.Client  # requests as a stranger would send them
    sent: InProcess


@contextmanager
def in_process() -> Iterator[Wire]:
    """The client, signed in on ``DEVICE``, and a plain HTTP client, to one app."""
    asgi = create_app(ServerConfig(db=""))
    api = app_of(asgi)
    scripted = ScriptedStore()
    api.state.clock = FixedClock(NOW)
    with start_blocking_portal() as portal:

        async def runner() -> Runner:  # its thread limiters belong to the portal's loop
            return Runner(scripted, sign_in_threads=1, call_threads=2)  # type: ignore[arg-type]

        api.state.runner = portal.call(runner)
        sent = InProcess(asgi, portal)
        http = httpx.Client(base_url="http://127.0.0.1", transport=sent)
        store = HttpStore("http://127.0.0.1", transport=sent)
        store.sign_in_with_web_id("yamada2026", "Taro2026pass", DEVICE)
        yield Wire(scripted, store, http, sent)
        store.close()
        http.close()
