"""The store contract suite: behaviour every ``Store`` must show, whatever serves it.

Tests here see the member protocol (``store``: a ``Store``) and the demo/operator interface
of its host (``demo``: ``DemoOperations``: the outbox, moving the clock) and nothing else:
no SQL, no engine, no concrete store. ``member_store`` is the one parametrised fixture: it
opens hosts of each kind: SqlStore on SQLite, SqlStore on PostgreSQL, and HttpStore talking to
a real ``member-server`` (uvicorn, 2 workers, started with ``--demo``) on PostgreSQL. The
servers are started once per session (one per set of rules) and put back to the demo
members, their clock standing at ``now``, for every host. SQL-specific tests stay beside
``SqlStore`` in tests/store.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.clock import FixedClock, OffsetClock
from desktop_app.domain.models import Session
from desktop_app.domain.rules import DEFAULT_RULES, Rules
from desktop_app.store.demo import DemoOperations, LocalDemo
from desktop_app.store.protocol import Store

from ..conftest import DEVICE, NOW, PG_URL_ENV, fresh_database, pg_param
from ..member_server import MemberServer


@dataclass(frozen=True)
class Host:
    """A store under test, as a client sees it, and the demo interface of its host.

    ``device(device_id)`` makes the calls in its block come from that device (for the SQL
    host ``bound_device``, as the member server does for each request; over HTTP the device
    id the requests carry).
    """

    store: Store
    demo: DemoOperations
    device: Callable[[str], AbstractContextManager[None]]


HostFactory = Callable[..., Host]


def _sql_host(url: str, now: datetime, rules: Rules) -> tuple[Host, Callable[[], None]]:
    from desktop_app.store.sql import SqlStore, bound_device  # the host's; tests never see it

    clock = OffsetClock(FixedClock(now))
    store = SqlStore(url, clock, seed=True, hash_profile="fast", rules=rules)
    return Host(store, LocalDemo(lambda: store, clock), bound_device), store.close


class ServerPool:
    """The member servers of a test session, one per set of rules, started when first
    needed."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._servers: dict[Rules, MemberServer] = {}
        self._stack = ExitStack()

    def server(self, rules: Rules) -> MemberServer:
        if rules not in self._servers:
            folder = self._folder / f"server{len(self._servers)}"
            folder.mkdir()
            url = self._stack.enter_context(fresh_database("postgresql", folder))
            server = MemberServer(url, folder, rules=rules)
            self._stack.callback(server.stop)
            self._servers[rules] = server
        return self._servers[rules]

    def close(self) -> None:
        self._stack.close()


@pytest.fixture(scope="session")
def server_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerPool]:
    pool = ServerPool(tmp_path_factory.mktemp("servers"))
    yield pool
    pool.close()


def _http_host(pool: ServerPool, now: datetime, rules: Rules) -> tuple[Host, Callable[[], None]]:
    from desktop_app.store.remote.client import HttpStore
    from desktop_app.store.remote.demo import HttpDemo

    server = pool.server(rules)
    demo = HttpDemo(server.url)
    demo.reset(now, frozen=True)
    store = HttpStore(server.url)

    def close() -> None:
        store.close()
        demo.close()

    @contextmanager
    def device(device_id: str) -> Iterator[None]:
        """Present every token from ``device_id`` (the X-Device-Id header), as a copied token
        would be from another computer, whose client forgets nothing of this one's."""
        issued_for, forget = store._device_of, store._forget
        store._device_of = lambda token: device_id if issued_for(token) else ""  # type: ignore[method-assign]
        store._forget = lambda token: None  # type: ignore[method-assign]
        try:
            yield
        finally:
            store._device_of, store._forget = issued_for, forget  # type: ignore[method-assign]

    return Host(store, demo, device), close


def http_param() -> Any:
    return pytest.param(
        "http",
        marks=pytest.mark.skipif(not os.environ.get(PG_URL_ENV), reason=f"{PG_URL_ENV} not set"),
    )


@pytest.fixture(params=["sqlite", pg_param(), http_param()])
def member_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[HostFactory]:
    """``member_store(now=NOW, rules=None)``: a seeded host whose clock starts at ``now``
    and stands still until ``demo.advance_clock`` moves it. Every call opens a fresh one."""
    backend: str = request.param
    opened = itertools.count()
    with ExitStack() as stack:

        def open_host(now: datetime = NOW, rules: Rules | None = None) -> Host:
            if backend == "http":
                pool: ServerPool = request.getfixturevalue("server_pool")
                host, close = _http_host(pool, now, rules or DEFAULT_RULES)
                stack.callback(close)
                return host
            folder = tmp_path / f"host{next(opened)}"
            folder.mkdir()
            url = stack.enter_context(fresh_database(backend, folder))
            host, close = _sql_host(url, now, rules or DEFAULT_RULES)
            stack.callback(close)
            return host

        yield open_host


@pytest.fixture
def host(member_store: HostFactory) -> Host:
    return member_store()


@pytest.fixture
def store(host: Host) -> Store:
    return host.store


@pytest.fixture
def demo(host: Host) -> DemoOperations:
    return host.demo


@pytest.fixture
def card_sign_in(store: Store) -> Callable[[tuple[Any, ...]], Session]:
    def sign_in(member: tuple[Any, ...]) -> Session:
        return store.sign_in_with_card(member[0], member[1], DEVICE)

    return sign_in
