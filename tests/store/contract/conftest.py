"""The store contract suite: behaviour every ``Store`` must show, whatever serves it.

Tests here see the member protocol (``store``: a ``Store``) and the demo/operator interface
of its host (``demo``: ``DemoOperations``: the outbox, moving the clock) and nothing else:
no SQL, no engine, no concrete store. ``member_store`` is the one parametrised fixture: it
opens hosts of each kind (SQLite and PostgreSQL now; a member server over HTTP next, which
joins as one more param). SQL-specific tests stay beside ``SqlStore`` in tests/store.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack
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

from ..conftest import DEVICE, NOW, fresh_database, pg_param


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


@pytest.fixture(params=["sqlite", pg_param()])
def member_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[HostFactory]:
    """``member_store(now=NOW, rules=None)``: a seeded host whose clock starts at ``now``
    and stands still until ``demo.advance_clock`` moves it. Every call opens a fresh one."""
    backend: str = request.param
    opened = itertools.count()
    with ExitStack() as stack:

        def open_host(now: datetime = NOW, rules: Rules | None = None) -> Host:
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
