"""The profile endpoints refuse what is not a member's well-formed call before the store
sees it: no session or no device is 401, a token off its device is 401, an unknown field or
a value of the wrong type is 400; and a refused secret is logged by its place only."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from desktop_app.store.remote.wire import DEVICE_HEADER, Paths

from .in_process import DEVICE, TOKEN, Wire, in_process, signed_headers

SECRETS = ("Taro2026pass", "Taro2027pass", "4821")


@pytest.fixture
def wire() -> Iterator[Wire]:
    with in_process() as opened:
        yield opened


REQUESTS: dict[tuple[str, str], dict[str, Any] | None] = {
    ("GET", Paths.PROFILE): None,
    ("GET", f"{Paths.PROFILE_CHANGES}?limit=20"): None,
    ("PUT", Paths.ADDRESS): {
        "postal_code": "1000001",
        "town": "東京都千代田区千代田",
        "line2": "１",
    },
    ("PUT", Paths.PHONE): {"phone": "09012345678"},
    ("PUT", Paths.WORKPLACE): {"name": "株式会社こはく", "phone": "0312345678"},
    ("POST", Paths.CHANGE_CODES): {"change": "email"},
    ("PUT", Paths.EMAIL): {"email": "taro@example.jp", "code": "4821"},
    ("PUT", Paths.BANK_ACCOUNT): {
        "account": {
            "bank_code": "0001",
            "branch_code": "001",
            "account_type": "ordinary",
            "account_number": "1234567",
            "holder": "ﾔﾏﾀﾞ ﾀﾛｳ",
        },
        "code": "4821",
    },
    ("PUT", Paths.WEB_ID): {"web_id": "taro2027", "password": "Taro2026pass", "code": "4821"},
    ("PUT", Paths.PASSWORD): {
        "password": "Taro2026pass",
        "new_password": "Taro2027pass",
        "code": "4821",
    },
    ("POST", Paths.DUE_DAY_EFFECT): {"due_day": 5, "auto_debit": None},
    ("PUT", Paths.DUE_DAY): {"due_day": 5},
    ("PUT", Paths.AUTO_DEBIT): {"enabled": True, "due_day": 5},
    ("PUT", Paths.REMINDER): {"enabled": True, "days_before": 3, "hour": 9},
    ("PUT", Paths.WEB_STATEMENTS): {"enabled": True},
}


def test_every_profile_endpoint_is_requested() -> None:
    profile_paths = {p for n, p in vars(Paths).items() if n.isupper() and "/profile" in p}
    assert {path.partition("?")[0] for _, path in REQUESTS} == profile_paths


@pytest.mark.parametrize("call", REQUESTS, ids=lambda c: f"{c[0]} {c[1]}")
def test_without_a_session_or_its_device_nothing_reaches_the_store(
    wire: Wire, call: tuple[str, str]
) -> None:
    method, path = call
    body = REQUESTS[call]
    for headers in (
        {DEVICE_HEADER: DEVICE},
        {"Authorization": f"Bearer {TOKEN}"},
        {"Authorization": TOKEN, DEVICE_HEADER: DEVICE},
    ):
        answer = wire.http.request(method, path, json=body, headers=headers)
        assert (answer.status_code, answer.json()) == (
            401,
            {"code": "session_expired", "params": {}},
        )
        assert answer.headers["www-authenticate"] == "Bearer"
    other_device = signed_headers(**{DEVICE_HEADER: "another-device"})
    answer = wire.http.request(method, path, json=body, headers=other_device)
    assert answer.status_code == 401  # the store refuses a token off its device
    assert wire.scripted.calls == []
    answer = wire.http.request(method, path, json=body, headers=signed_headers())
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


@pytest.mark.parametrize("call", [c for c, body in REQUESTS.items() if body], ids=lambda c: c[1])
def test_a_malformed_body_is_refused_before_the_store(wire: Wire, call: tuple[str, str]) -> None:
    method, path = call
    body = REQUESTS[call]
    assert body is not None
    for wrong in [{**body, "member_number": "100000002"}, *WRONG.get(path, [])]:
        answer = wire.http.request(method, path, json=wrong, headers=signed_headers())
        assert (answer.status_code, answer.json()) == (400, MALFORMED), wrong
    assert wire.scripted.calls == []


@pytest.mark.parametrize("query", ["", "?limit=-1", "?limit=ten", f"?limit={10**7}"])
def test_a_change_history_without_a_fitting_limit_is_malformed(wire: Wire, query: str) -> None:
    answer = wire.http.get(f"{Paths.PROFILE_CHANGES}{query}", headers=signed_headers())
    assert (answer.status_code, answer.json()) == (400, MALFORMED)
    assert wire.scripted.calls == []


def test_a_refused_secret_is_logged_by_its_place_only(
    wire: Wire, caplog: pytest.LogCaptureFixture
) -> None:
    body = {"password": "Taro2026pass", "new_password": "Taro\x002027pass", "code": "4821"}
    with caplog.at_level(logging.INFO, logger="desktop_app.server"):
        answer = wire.http.put(Paths.PASSWORD, json=body, headers=signed_headers())
    assert answer.status_code == 400
    assert f"malformed request to {Paths.PASSWORD}: body.new_password" in caplog.text
    assert not [s for s in (*SECRETS, "2027pass") if s in caplog.text + answer.text]
