"""A real member server for tests and benchmarks: ``member-server`` in a subprocess (uvicorn,
2 workers by default) on a free loopback port, over a PostgreSQL schema of its own."""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
from pydantic import TypeAdapter

from desktop_app.domain.rules import DEFAULT_RULES, Rules

from .conftest import PG_URL_ENV, fresh_database

START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class MemberServer:
    """A running ``member-server``; ``url`` is its base address, ``log`` what it wrote."""

    def __init__(
        self,
        db_url: str,
        folder: Path,
        *,
        workers: int = 2,
        rules: Rules = DEFAULT_RULES,
        hash_profile: str = "fast",
        demo: bool = True,
        extra: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> None:
        self.db_url = db_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"server-{self.port}.log"
        command = [
            sys.executable,
            "-m",
            "desktop_app.server",
            "--db",
            db_url,
            "--port",
            str(self.port),
            "--workers",
            str(workers),
            "--hash-profile",
            hash_profile,
            "--log-level",
            "info",
            *extra,
        ]
        if demo:
            command.append("--demo")
        if rules != DEFAULT_RULES:
            rules_file = folder / f"rules-{self.port}.json"
            rules_file.write_bytes(TypeAdapter(Rules).dump_json(rules))
            command += ["--rules", str(rules_file)]
        self.command = command
        # A pepper of its own, as a deployment has (never in the database); kept for a restart.
        self.env = {**os.environ, "MEMBER_SERVER_PEPPER": secrets.token_hex(32), **(env or {})}
        self._output = self.log.open("ab")
        self.process = self._launch()

    def _launch(self) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            self.command, stdout=self._output, stderr=subprocess.STDOUT, env=self.env
        )
        self.process = process
        self._wait_until_healthy()
        return process

    def restart(self) -> None:
        """Stop and start the same server again: the same port, database, pepper and clock."""
        self.stop()
        self._output = self.log.open("ab")
        self._launch()

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"member-server exited:\n{self.log.read_text()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            # Wait on the process between tries: an exit is seen at once, not a poll later.
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=0.1)
        self.stop()
        raise RuntimeError(f"member-server did not become healthy:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._output.close()

    def log_text(self) -> str:
        self._output.flush()
        return self.log.read_text(encoding="utf-8", errors="replace")


def pg_available() -> bool:
    return bool(os.environ.get(PG_URL_ENV))


@contextmanager
def member_server(folder: Path | None = None, **options: object) -> Iterator[MemberServer]:
    """A member server over a fresh PostgreSQL schema, stopped and dropped afterwards."""
    with ExitStack() as stack:
        if folder is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        url = stack.enter_context(fresh_database("postgresql", folder))
        server = MemberServer(url, folder, **options)  # type: ignore[arg-type]
        stack.callback(server.stop)
        yield server
