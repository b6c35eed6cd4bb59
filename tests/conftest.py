"""Test-wide settings: Qt offscreen, a cheap password-hash profile, and every user folder
(settings, data, logs) isolated per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MEMBER_CLIENT_HASH_PROFILE"] = "fast"
# Never the developer's real keychain: no backend unless a test installs the in-memory one.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from collections.abc import Callable, Iterator

import pytest

from desktop_app.domain.errors import AppError, ErrorCode

NOW = "2026-11-24T10:00:00+09:00"  # a Tuesday, a business day, outside maintenance


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Fresh XDG folders for each test, so no test sees another's settings or store."""
    home = tmp_path_factory.mktemp("home")
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        path = home / folder
        path.mkdir()
        monkeypatch.setenv(variable, str(path))
    return home


@pytest.fixture
def memory_keyring():
    """An in-memory keychain for the test's duration; yields its dict of stored values."""
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.values: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.values.get((service, username))

        def set_password(self, service, username, password):
            self.values[(service, username)] = password

        def delete_password(self, service, username):
            if self.values.pop((service, username), None) is None:
                raise PasswordDeleteError(username)

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend.values
    keyring.set_keyring(previous)


class HealthServer:
    """A tiny member-server stand-in on a free loopback port: ``GET /health`` answers
    ``status`` (200 by default); ``requests`` lists the paths asked for."""

    def __init__(self, certificate: tuple[str, str] | None = None) -> None:
        import ssl
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        owner = self
        self.status = 200
        self.requests: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.requests.append(self.path)
                status = owner.status if self.path == "/health" else 404
                body = b'{"status": "ok"}' if status == 200 else b"{}"
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the test's output is for the test."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        scheme = "http"
        if certificate is not None:  # (certificate file, key file): TLS
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*certificate)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
            scheme = "https"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@pytest.fixture
def health_server():
    """A loopback HTTP server whose ``/health`` answers like a member server's."""
    server = HealthServer()
    yield server
    server.close()


@pytest.fixture
def silent_port() -> int:
    """A loopback port with nothing listening (bound once, then released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A self-signed certificate for 127.0.0.1 and its key (made with the openssl tool)."""
    import shutil
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("the openssl tool is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    return str(cert), str(key)


@pytest.fixture
def tls_health_server(self_signed):
    """``health_server`` over TLS with a self-signed certificate (``self_signed``)."""
    server = HealthServer(self_signed)
    yield server
    server.close()


class Line:
    """The real store behind a line that can go down (every call raises STORE_UNAVAILABLE)
    and can lose the reply of a call after the store committed it."""

    def __init__(self, store) -> None:
        self._store = store
        self.down = False
        self.lose_reply: dict[str, type[Exception] | AppError] = {}
        self.calls: list[tuple[str, tuple]] = []
        self.gate = None  # a threading.Event every call waits for, when set here

    def __getattr__(self, name):
        target = getattr(self._store, name)
        if name == "close" or not callable(target):
            return target

        def call(*args, **kwargs):
            self.calls.append((name, args))
            if self.gate is not None:
                self.gate.wait(10)
            if self.down:
                raise AppError(ErrorCode.STORE_UNAVAILABLE)
            result = target(*args, **kwargs)
            lost = self.lose_reply.pop(name, None)
            if isinstance(lost, AppError):
                raise lost
            if lost is not None:
                raise lost("the reply was lost")
            return result

        return call

    def made(self, name: str) -> list[tuple]:
        return [args for called, args in self.calls if called == name]


@pytest.fixture
def store_line():
    """``Line``: wrap a real store in a line that can go down or lose a reply."""
    return Line


@pytest.fixture
def store_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'members.db'}"


@pytest.fixture
def launch(qapp, store_url) -> Iterator[Callable[..., object]]:
    """Launch the client (the harness) on the test's store, at ``NOW``, in Japanese; each
    keyword overrides one of those. Every window is closed at the end."""
    from desktop_app.testing import close_all, launch_app, wait_until_idle

    def start(**overrides: object) -> object:
        options: dict[str, object] = {
            "store_url": store_url,
            "now": NOW,
            "language": "ja",
            "seed": "demo",
        }
        options.update(overrides)
        window = launch_app(**options)  # type: ignore[arg-type]
        wait_until_idle(window)
        return window

    yield start
    close_all()
