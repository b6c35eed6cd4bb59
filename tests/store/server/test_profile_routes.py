"""The profile endpoints refuse what is not a member's well-formed call before the store
sees it: no session or no device is 401, a token off its device is 401, an unknown field or
a value of the wrong type is 400; and a refused secret is logged by its place only."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from desktop_app.store.remote.wire import DEVICE_HEADER, Paths

from .in_process import DEVICE, TOKEN, Wire, in_process, signed_headers
from .profile_requests import PROFILE_REQUESTS

SECRETS = ("Taro2026pass", "Taro2027pass", "4821")


@pytest.fixture
def wire() -> Iterator[Wire]:
    with in_process() as opened:
        yield opened


def test_every_profile_endpoint_is_requested() -> None:
    profile_paths = {p for n, p in vars(Paths).items() if n.isupper() and "/profile" in p}
    assert {path for _, path in PROFILE_REQUESTS} == profile_paths


@pytest.mark.parametrize("call", PROFILE_REQUESTS, ids=lambda c: f"{c[0]} {c[1]}")
def test_without_a_session_or_its_device_nothing_reaches_the_store(
    wire: Wire, call: tuple[str, str]
) -> None:
    method, path = call
    body, query = PROFILE_REQUESTS[call]

    def send(headers: dict[str, str]) -> httpx.Response:
        return wire.http.request(method, path, json=body, params=query, headers=headers)

    for headers in (
        {DEVICE_HEADER: DEVICE},
        {"Authorization": f"Bearer {TOKEN}"},
        {"Authorization": TOKEN, DEVICE_HEADER: DEVICE},
    ):
        answer = send(headers)
        assert (answer.status_code, answer.json()) == (
            401,
            {"code": "session_expired", "params": {}},
        )
        assert answer.headers["www-authenticate"] == "Bearer"
    other_device = signed_headers(**{DEVICE_HEADER: "another-device"})
    answer = send(other_device)
    assert answer.status_code == 401  # the store refuses a token off its device
    assert wire.scripted.calls == []
    answer = send(signed_headers())
    assert answer.status_code in (200, 204), answer.text
    assert len(wire.scripted.calls) == 1


MALFORMED = {"code": "request_invalid", "params": {}}
# A body each endpoint must refuse before the store sees it, besides an unknown field.
WRONG: dict[str, list[dict[str, Any]]] = {
    Paths.PHONE: [{}, {"phone": 9012345678}, {"phone": "090\x001234"}],
    Paths.CHANGE_CODES: [{"change": "name"}, {"change": None}],
    Paths.BANK_ACCOUNT: [{"account": "0001-001-1234567", "code": "4821"}],
    Paths.DUE_DAY: [{"due_day": "5"}, {"due_day": True}, {"due_day": 5.5}, {"due_day": 2**40}],
    Paths.DUE_DAY_EFFECT: [{"due_day": 5, "auto_debit": "yes"}],
    Paths.AUTO_DEBIT: [{"enabled": 1, "due_day": 5}, {"enabled": True}],
    Paths.REMINDER: [
        {"enabled": True, "days_before": 3},
        {"enabled": "on", "days_before": 3, "hour": 9},
    ],
    Paths.WEB_STATEMENTS: [{"enabled": None}],
}


@pytest.mark.parametrize(
    "call", [c for c, r in PROFILE_REQUESTS.items() if r.body], ids=lambda c: c[1]
)
def test_a_malformed_body_is_refused_before_the_store(wire: Wire, call: tuple[str, str]) -> None:
    method, path = call
    body = PROFILE_REQUESTS[call].body
    assert body is not None
    for wrong in [{**body, "member_number": "100000002"}, *WRONG.get(path, [])]:
        answer = wire.http.request(method, path, json=wrong, headers=signed_headers())
        assert (answer.status_code, answer.json()) == (400, MALFORMED), wrong
    assert wire.scripted.calls == []


@pytest.mark.parametrize("query", ["", "?limit=ten", "?limit=1.5", f"?limit={2**40}"])
def test_a_change_history_without_a_fitting_limit_is_malformed(wire: Wire, query: str) -> None:
    answer = wire.http.get(f"{Paths.PROFILE_CHANGES}{query}", headers=signed_headers())
    assert (answer.status_code, answer.json()) == (400, MALFORMED)
    assert wire.scripted.calls == []


def test_a_refused_secret_is_logged_by_its_place_only(
    wire: Wire, caplog: pytest.LogCaptureFixture
) -> None:
    body = {"password": "Taro2026pass", "new_password": "Taro\x002027pass", "code": "4821"}
    with caplog.at_level(logging.INFO, logger="desktop_app.server"):
        answer = wire.http.post(Paths.PASSWORD, json=body, headers=signed_headers())
    assert answer.status_code == 400
    assert f"malformed request to {Paths.PASSWORD}: body.new_password" in caplog.text
    assert not [s for s in (*SECRETS, "2027pass") if s in caplog.text + answer.text]
