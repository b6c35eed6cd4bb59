"""Fixtures of the member server's own tests: a real ``member-server`` (uvicorn, 2 workers)
over a PostgreSQL schema of its own, shared by the session; skipped without PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import NOW, PG_URL_ENV
from ..member_server import MemberServer, member_server, pg_available


@pytest.fixture(scope="session")
def running_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MemberServer]:
    if not pg_available():
        pytest.skip(f"{PG_URL_ENV} not set: the member server runs on PostgreSQL")
    with member_server(tmp_path_factory.mktemp("server")) as server:
        yield server


@pytest.fixture
def http_server_url(running_server: MemberServer) -> str:
    return running_server.url


@pytest.fixture
def fresh_server(running_server: MemberServer) -> MemberServer:
    """The session's server, put back to the demo members with its clock at the test's now."""
    from desktop_app.store.remote.demo import HttpDemo

    demo = HttpDemo(running_server.url)
    demo.reset(NOW, frozen=True)
    demo.close()
    return running_server


@pytest.fixture
def server_folder(tmp_path: Path) -> Path:
    return tmp_path
