"""``probe_store``: the settings screen's check of an address, against a real HTTP server."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store import probe_store


def _refusal(url: str, **options: str) -> ErrorCode:
    with pytest.raises(AppError) as refused:
        probe_store(url, **options)
    return refused.value.code


def test_a_member_server_that_answers_health(health_server):
    probe_store(health_server.url)
    probe_store(health_server.url + "/")  # a trailing slash is the same server
    assert health_server.requests == ["/health", "/health"]


def test_a_server_that_is_not_ready_is_unavailable(health_server):
    health_server.status = 503
    assert _refusal(health_server.url) is ErrorCode.STORE_UNAVAILABLE


def test_nothing_listening_is_unavailable(silent_port):
    assert _refusal(f"http://127.0.0.1:{silent_port}") is ErrorCode.STORE_UNAVAILABLE


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://example.com", ErrorCode.STORE_URL_INSECURE),
        ("http://192.168.1.10:8765", ErrorCode.STORE_URL_INSECURE),
        ("https://user:secret@example.com", ErrorCode.STORE_URL_UNSUPPORTED),
        ("ftp://example.com", ErrorCode.STORE_URL_UNSUPPORTED),
        ("members.db", ErrorCode.STORE_URL_UNSUPPORTED),
        ("sqlite://", ErrorCode.STORE_NOT_PERSISTENT),
    ],
)
def test_addresses_refused_before_anything_is_sent(url, code):
    assert _refusal(url) is code


def test_a_certificate_that_does_not_verify_is_refused(tls_health_server):
    assert _refusal(tls_health_server.url) is ErrorCode.STORE_CERTIFICATE_INVALID
    assert tls_health_server.requests == []


def test_the_ca_bundle_given_verifies_the_server(tls_health_server, self_signed):
    probe_store(tls_health_server.url, ca_file=self_signed[0])
    assert tls_health_server.requests == ["/health"]


def test_a_data_file_is_opened_and_closed_as_open_store_would(tmp_path):
    probe_store(f"sqlite:///{tmp_path / 'members.db'}")
    assert (tmp_path / "members.db").exists()
    foreign = tmp_path / "foreign.db"
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(foreign)) as connection, connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    assert _refusal(f"sqlite:///{foreign}") is ErrorCode.STORE_FOREIGN
