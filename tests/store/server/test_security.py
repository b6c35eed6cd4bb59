"""What a card-loan server owes its members, tried on a real member server (2 workers,
PostgreSQL): one member's token never reads or moves another's money; expired, revoked and
forged tokens are signed out; malformed and oversized requests are refused; every answer
carries the security headers, no CORS and no traceback; the log keeps no secret; sign-in
attempts are counted across the workers.

Every answer these tests get goes through ``_inspect`` (the headers, no traceback).
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

import httpx
import pytest

from desktop_app.store.remote.demo import HttpDemo
from desktop_app.store.remote.wire import (
    DEVICE_HEADER,
    IDEMPOTENCY_HEADER,
    MAX_BODY_BYTES,
    RETRY_AFTER_HEADER,
    Paths,
)

from ..conftest import ITO, NOW, SATO, SUZUKI, YAMADA
from ..contract.profile_support import change_code_in, wrong
from ..helpers import ITO_EMAIL, ITO_NUMBER, NEW_PASSWORD, NEW_WEB_ID, latest_code
from ..member_server import MemberServer, member_server, pg_available
from .profile_requests import PROFILE_REQUESTS, ProfileRequest

ROOT = Path(__file__).resolve().parents[3]
DOCUMENT = json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))
YAMADA_BORN = "1985-04-12"
EXPIRED = {"code": "session_expired", "params": {}}
MALFORMED = {"code": "request_invalid", "params": {}}
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    "x-frame-options": "DENY",
}
_TRACEBACK = re.compile(r'Traceback|File "[^"]*", line \d+|\w\.py\b|sqlalchemy\.|psycopg\.')

Json = dict[str, Any]


def _inspect(response: httpx.Response) -> None:
    """What every answer must be, whatever was asked: the security headers, no CORS, no
    traceback, and a refusal as an error code."""
    response.read()
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (name, response.request.url)
    assert "default-src 'none'" in response.headers.get("content-security-policy", "")
    assert not [name for name in response.headers if name.startswith("access-control-")]
    assert not _TRACEBACK.search(response.text), response.text
    if response.status_code >= 400 and response.request.url.path != "/openapi.json":
        assert set(response.json()) == {"code", "params"}, response.text


class Signed(NamedTuple):
    member_number: str
    token: str
    device: str

    def headers(self, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", DEVICE_HEADER: self.device, **extra}


class Api:
    """A client that inspects every answer it gets."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = httpx.Client(
            base_url=url,
            timeout=httpx.Timeout(30.0, connect=3.0),
            event_hooks={"response": [_inspect]},
        )
        self._devices = 0

    def sign_in(self, member: tuple[Any, ...], *, by: str = "web") -> Signed:
        card, pin, web_id, password = member
        self._devices += 1
        device = f"security-device-{self._devices}"
        if by == "web":
            body: Json = {"web_id": web_id, "password": password, "device_id": device}
            answer = self.http.post(Paths.SIGN_IN_WEB_ID, json=body)
        else:
            body = {"card_number": card, "pin": pin, "device_id": device}
            answer = self.http.post(Paths.SIGN_IN_CARD, json=body)
        assert answer.status_code == 200, answer.text
        session = answer.json()
        return Signed(session["member_number"], session["token"], device)

    def get(self, path: str, signed: Signed) -> Json:
        answer = self.http.get(path, headers=signed.headers())
        assert answer.status_code == 200, answer.text
        payload: Json = answer.json()
        return payload

    def history(self, signed: Signed) -> Json:
        answer = self.http.post(Paths.HISTORY, json={"limit": 1000}, headers=signed.headers())
        assert answer.status_code == 200, answer.text
        page: Json = answer.json()
        return page

    def standing(self, signed: Signed) -> tuple[Json, ...]:
        """Everything the member can read of their own account."""
        return (
            self.get(Paths.SUMMARY, signed),
            {"accounts": self.get(Paths.BANK_ACCOUNTS, signed)},
            self.get(Paths.INTEREST, signed),
            self.history(signed),
            self.get(Paths.PROFILE, signed),
            {"changes": self.get(f"{Paths.PROFILE_CHANGES}?limit=100", signed)},
        )


@pytest.fixture
def api(fresh_server: MemberServer) -> Iterator[Api]:
    client = Api(fresh_server.url)
    yield client
    client.http.close()


@pytest.fixture
def demo(fresh_server: MemberServer) -> Iterator[HttpDemo]:
    operator = HttpDemo(fresh_server.url)
    yield operator
    operator.close()


def _key() -> str:
    return secrets.token_hex(8)


def _profile_call(
    method: str, path: str, request: ProfileRequest, api: Api, headers: dict[str, str], _: int
) -> httpx.Response:
    return api.http.request(method, path, json=request.body, params=request.query, headers=headers)


# One well-formed call of every member endpoint: (method, path) → the call, given the member's
# headers and the id of one of the member's own bank accounts.
MemberCall = Callable[[Api, dict[str, str], int], httpx.Response]
MEMBER_CALLS: dict[tuple[str, str], MemberCall] = {
    ("get", Paths.SUMMARY): lambda api, headers, _: api.http.get(Paths.SUMMARY, headers=headers),
    ("get", Paths.BANK_ACCOUNTS): lambda api, headers, _: api.http.get(
        Paths.BANK_ACCOUNTS, headers=headers
    ),
    ("get", Paths.INTEREST): lambda api, headers, _: api.http.get(Paths.INTEREST, headers=headers),
    ("post", Paths.BORROWINGS): lambda api, headers, account: api.http.post(
        Paths.BORROWINGS,
        json={"amount": 1_000, "destination_id": account},
        headers={**headers, IDEMPOTENCY_HEADER: _key()},
    ),
    ("post", Paths.REPAYMENTS): lambda api, headers, _: api.http.post(
        Paths.REPAYMENTS,
        json={"intent": "amount", "amount": 1_000, "bank_code": "0009"},
        headers={**headers, IDEMPOTENCY_HEADER: _key()},
    ),
    ("post", Paths.PROMISES): lambda api, headers, _: api.http.post(
        Paths.PROMISES, json={"day": "2026-11-30"}, headers=headers
    ),
    ("post", Paths.LIMIT_APPLICATIONS): lambda api, headers, _: api.http.post(
        Paths.LIMIT_APPLICATIONS,
        json={"annual_income": 6_000_000, "other_debts": 0, "requested_limit": 800_000},
        headers=headers,
    ),
    ("post", Paths.HISTORY): lambda api, headers, _: api.http.post(
        Paths.HISTORY, json={}, headers=headers
    ),
    **{
        (method, path): partial(_profile_call, method, path, request)
        for (method, path), request in PROFILE_REQUESTS.items()
    },
    ("delete", Paths.SIGN_OUT): lambda api, headers, _: api.http.delete(
        Paths.SIGN_OUT, headers=headers
    ),
}
SIGN_OUT = ("delete", Paths.SIGN_OUT)
GUARDED = [call for call in MEMBER_CALLS if call != SIGN_OUT]  # sign-out last: it ends it


def _operations(document: Json) -> Iterator[tuple[str, str, Json]]:
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            yield method, path, operation


def test_every_member_endpoint_is_tried() -> None:
    """The endpoints that take a session are those this module calls (a new one fails here
    until it is tried too)."""
    guarded = {(m, p) for m, p, operation in _operations(DOCUMENT) if operation.get("security")}
    assert guarded == set(MEMBER_CALLS)
    member_paths = {p for name, p in vars(Paths).items() if name.isupper() and p.startswith("/v1")}
    assert {p for _, p in guarded} <= member_paths


# ---------------------------------------------------------------- one member, never another


def test_a_members_token_acts_on_that_member_alone(api: Api) -> None:
    yamada, sato, suzuki = api.sign_in(YAMADA), api.sign_in(SATO), api.sign_in(SUZUKI)
    mine = [account["id"] for account in api.get(Paths.BANK_ACCOUNTS, yamada)]
    theirs = [account["id"] for account in api.get(Paths.BANK_ACCOUNTS, sato)]
    theirs += [account["id"] for account in api.get(Paths.BANK_ACCOUNTS, suzuki)]
    assert not set(mine) & set(theirs)

    # Sato borrows with a key; yamada sends the same key: a borrowing of yamada's own.
    key = _key()
    sent = {"amount": 2_000, "destination_id": theirs[0]}
    answer = api.http.post(
        Paths.BORROWINGS, json=sent, headers=sato.headers(**{IDEMPOTENCY_HEADER: key})
    )
    assert answer.status_code == 200, answer.text
    satos = answer.json()
    others = {signed: api.standing(signed) for signed in (sato, suzuki)}

    same_key = {"amount": 2_000, "destination_id": mine[0]}
    answer = api.http.post(
        Paths.BORROWINGS, json=same_key, headers=yamada.headers(**{IDEMPOTENCY_HEADER: key})
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["transaction_no"] != satos["transaction_no"]
    assert answer.json()["principal_after"] == 122_000  # yamada's 120,000 and this

    # Another member's account as the destination: not one of yamada's.
    for account in theirs:
        body = {"amount": 1_000, "destination_id": account}
        answer = api.http.post(
            Paths.BORROWINGS, json=body, headers=yamada.headers(**{IDEMPOTENCY_HEADER: _key()})
        )
        assert (answer.status_code, answer.json()) == (
            404,
            {"code": "unknown_destination", "params": {}},
        )
    # A member number beside the body is no field of it; in the query, nothing at all.
    body = {"amount": 1_000, "destination_id": mine[0], "member_number": sato.member_number}
    answer = api.http.post(
        Paths.BORROWINGS, json=body, headers=yamada.headers(**{IDEMPOTENCY_HEADER: _key()})
    )
    assert (answer.status_code, answer.json()) == (400, MALFORMED)
    answer = api.http.get(
        Paths.SUMMARY, params={"member_number": sato.member_number}, headers=yamada.headers()
    )
    assert answer.json()["member_number"] == yamada.member_number

    # Yamada's token on every member endpoint: answers about yamada, changes nothing else
    # (yamada is not overdue, so may promise nothing, although suzuki is; the coded changes
    # have no code asked but the email's, whose change names yamada's own address).
    expected: dict[tuple[str, str], tuple[int, str | None]] = {
        ("post", Paths.PROMISES): (409, "promise_not_overdue"),
        SIGN_OUT: (204, None),
        ("post", Paths.EMAIL): (409, "nothing_changed"),
        ("post", Paths.BANK_ACCOUNT): (409, "code_not_requested"),
        ("post", Paths.WEB_ID): (409, "code_not_requested"),
        ("post", Paths.PASSWORD): (409, "code_not_requested"),
        ("post", Paths.DUE_DAY): (409, "nothing_changed"),
        ("post", Paths.AUTO_DEBIT): (409, "nothing_changed"),
    }
    for name, call in MEMBER_CALLS.items():
        answer = call(api, yamada.headers(), mine[0])
        status, code = expected.get(name, (200, None))
        assert answer.status_code == status, (name, answer.text)
        if code is not None:
            assert answer.json()["code"] == code, name
        if name == ("get", Paths.SUMMARY):
            assert answer.json()["member_number"] == yamada.member_number
        if name == ("get", Paths.BANK_ACCOUNTS):
            assert [account["id"] for account in answer.json()] == mine
    assert {signed: api.standing(signed) for signed in (sato, suzuki)} == others

    # What yamada did is yamada's: the history, the summary, the application.
    summary, _, interest, history, *_ = api.standing(api.sign_in(YAMADA))  # it signed out
    assert summary["member_number"] == yamada.member_number
    assert summary["principal"] == 123_000  # the 1,000 repaid went to interest
    assert interest["interest_to_today"] == 1_183 - 1_000
    assert summary["limit_application"]["requested_limit"] == 800_000
    assert others[sato][0]["limit_application"] is None
    numbers = [entry["transaction_no"] for entry in history["entries"]]
    assert satos["transaction_no"] not in numbers
    assert history["total"] == 3 + 3  # the seeded three, two borrowings and a repayment
    assert not [e for e in history["entries"] if e["counterparty"] == "PayPay銀行"]


def test_the_promise_of_one_member_is_not_anothers(api: Api) -> None:
    yamada, suzuki = api.sign_in(YAMADA), api.sign_in(SUZUKI)
    answer = api.http.post(Paths.PROMISES, json={"day": "2026-11-30"}, headers=yamada.headers())
    assert (answer.status_code, answer.json()["code"]) == (409, "promise_not_overdue")
    assert api.get(Paths.SUMMARY, suzuki)["promised_date"] is None
    answer = api.http.post(Paths.PROMISES, json={"day": "2026-11-30"}, headers=suzuki.headers())
    assert answer.status_code == 200, answer.text
    assert api.get(Paths.SUMMARY, suzuki)["promised_date"] == "2026-11-30"
    assert api.get(Paths.SUMMARY, yamada)["promised_date"] is None


# ---------------------------------------------------------------- tokens that are not a session


def _assert_signed_out(api: Api, headers: dict[str, str], account: int) -> None:
    for name in GUARDED:
        answer = MEMBER_CALLS[name](api, headers, account)
        assert (answer.status_code, answer.json()) == (401, EXPIRED), name
        assert answer.headers.get("www-authenticate") == "Bearer", name


def _flipped(token: str) -> str:
    middle = len(token) // 2
    return token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1 :]


FORGERIES: dict[str, Callable[[Signed], dict[str, str]]] = {
    "no Authorization": lambda s: {DEVICE_HEADER: s.device},
    "not a bearer": lambda s: {"Authorization": f"Basic {s.token}", DEVICE_HEADER: s.device},
    "an empty bearer": lambda s: {"Authorization": "Bearer", DEVICE_HEADER: s.device},
    "the bare token": lambda s: {"Authorization": s.token, DEVICE_HEADER: s.device},
    "a random token": lambda s: {
        "Authorization": f"Bearer {secrets.token_urlsafe(32)}",
        DEVICE_HEADER: s.device,
    },
    "a flipped character": lambda s: s.headers(Authorization=f"Bearer {_flipped(s.token)}"),
    "one character short": lambda s: s.headers(Authorization=f"Bearer {s.token[:-1]}"),
    "one character more": lambda s: s.headers(Authorization=f"Bearer {s.token}A"),
    "two tokens": lambda s: s.headers(Authorization=f"Bearer {s.token} {s.token}"),
    "no device": lambda s: {"Authorization": f"Bearer {s.token}"},
}


NO_BEARER = {"no Authorization", "not a bearer", "an empty bearer", "the bare token", "no device"}


@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_forged_token_is_signed_out_everywhere(api: Api, forgery: str) -> None:
    yamada = api.sign_in(YAMADA)
    account = api.get(Paths.BANK_ACCOUNTS, yamada)[0]["id"]
    before = api.standing(yamada)
    headers = FORGERIES[forgery](yamada)
    _assert_signed_out(api, headers, account)
    # Signing out with it ends nothing: without a bearer token and a device it is refused;
    # a token that is no session has no session to end (the protocol ignores it).
    answer = MEMBER_CALLS[SIGN_OUT](api, headers, account)
    assert answer.status_code == (401 if forgery in NO_BEARER else 204), answer.text
    assert api.standing(yamada) == before  # still signed in, nothing moved


def test_a_token_works_only_on_the_device_it_was_issued_for(api: Api) -> None:
    yamada = api.sign_in(YAMADA)
    account = api.get(Paths.BANK_ACCOUNTS, yamada)[0]["id"]
    before = api.standing(yamada)
    elsewhere = yamada.headers(**{DEVICE_HEADER: "another-device"})
    _assert_signed_out(api, elsewhere, account)
    assert api.standing(yamada) == before


def _session_rules(api: Api) -> tuple[timedelta, timedelta]:
    """How long a session lives idle and at most, as the terms tell the member."""
    sessions = api.http.get(Paths.TERMS).json()["rules"]["sessions"]
    return _duration(sessions["idle"]), _duration(sessions["absolute"])


def _duration(text: str) -> timedelta:
    """An ISO 8601 duration as pydantic writes a timedelta (PT15M, PT12H, P1DT2H3M4S)."""
    found = re.fullmatch(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?", text)
    assert found, text
    days, hours, minutes, seconds = (float(part or 0) for part in found.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def test_an_idle_session_expires_on_every_endpoint(api: Api, demo: HttpDemo) -> None:
    idle, _ = _session_rules(api)
    yamada = api.sign_in(YAMADA)
    account = api.get(Paths.BANK_ACCOUNTS, yamada)[0]["id"]
    demo.advance_clock(idle - timedelta(minutes=1))
    api.get(Paths.SUMMARY, yamada)  # still signed in, and busy again
    demo.advance_clock(idle - timedelta(minutes=1))
    api.get(Paths.SUMMARY, yamada)
    demo.advance_clock(idle + timedelta(seconds=1))
    _assert_signed_out(api, yamada.headers(), account)
    demo.advance_clock(-idle)  # an ended session does not come back
    _assert_signed_out(api, yamada.headers(), account)


def test_a_busy_session_still_ends_after_twelve_hours(api: Api, demo: HttpDemo) -> None:
    _, lifetime = _session_rules(api)
    assert lifetime == timedelta(hours=12)
    yamada = api.sign_in(YAMADA)
    account = api.get(Paths.BANK_ACCOUNTS, yamada)[0]["id"]
    for _ in range(12 * 6 - 1):  # a call every ten minutes, for just under twelve hours
        demo.advance_clock(timedelta(minutes=10))
        api.get(Paths.SUMMARY, yamada)
    demo.advance_clock(timedelta(minutes=10, seconds=1))
    _assert_signed_out(api, yamada.headers(), account)


def test_a_signed_out_token_is_signed_out_everywhere(api: Api) -> None:
    first, second = api.sign_in(YAMADA), api.sign_in(YAMADA, by="card")
    account = api.get(Paths.BANK_ACCOUNTS, first)[0]["id"]
    answer = api.http.delete(Paths.SIGN_OUT, headers=first.headers())
    assert answer.status_code == 204
    _assert_signed_out(api, first.headers(), account)
    assert api.http.delete(Paths.SIGN_OUT, headers=first.headers()).status_code == 204
    api.standing(second)  # the other session of the member goes on


def test_a_password_reset_signs_out_every_session_of_the_member(api: Api, demo: HttpDemo) -> None:
    web, card, sato = api.sign_in(YAMADA), api.sign_in(YAMADA, by="card"), api.sign_in(SATO)
    account = api.get(Paths.BANK_ACCOUNTS, web)[0]["id"]
    body = {"identifier": YAMADA[2], "birth_date": YAMADA_BORN, "channel": "email"}
    assert api.http.post(Paths.RESET_CODE, json=body).status_code == 204
    code = latest_code(demo)
    body = {"identifier": YAMADA[2], "code": code, "new_password": "Reset2026Taro"}
    answer = api.http.post(Paths.RESET, json=body)
    assert answer.status_code == 204, answer.text
    _assert_signed_out(api, web.headers(), account)
    _assert_signed_out(api, card.headers(), account)
    api.standing(sato)  # another member's session goes on
    api.sign_in((*YAMADA[:3], "Reset2026Taro"))
    old = {"web_id": YAMADA[2], "password": YAMADA[3], "device_id": "security-old"}
    answer = api.http.post(Paths.SIGN_IN_WEB_ID, json=old)
    assert (answer.status_code, answer.json()["code"]) == (401, "signin_failed_web")


# ---------------------------------------------------------------- malformed and oversized


def _bodies(yamada: Signed, account: int) -> dict[tuple[str, str], tuple[Json, dict[str, str]]]:
    """A well-formed body of every operation that takes one, and the headers it needs."""
    signed = yamada.headers()

    def moving() -> dict[str, str]:
        return yamada.headers(**{IDEMPOTENCY_HEADER: _key()})

    return {
        ("post", Paths.SIGN_IN_CARD): (
            {"card_number": SATO[0], "pin": SATO[1], "device_id": "d"},
            {},
        ),
        ("post", Paths.SIGN_IN_WEB_ID): (
            {"web_id": SATO[2], "password": SATO[3], "device_id": "d"},
            {},
        ),
        ("post", Paths.REGISTRATION_CODE): ({"member_number": ITO_NUMBER, "email": ITO_EMAIL}, {}),
        ("post", Paths.REGISTRATION): (
            {
                "member_number": ITO_NUMBER,
                "code": "000000",
                "web_id": NEW_WEB_ID,
                "password": NEW_PASSWORD,
            },
            {},
        ),
        ("post", Paths.RESET_CODE): (
            {"identifier": SATO[2], "birth_date": "1992-02-02", "channel": "sms"},
            {},
        ),
        ("post", Paths.RESET): (
            {"identifier": SATO[2], "code": "000000", "new_password": "Hanako2027new"},
            {},
        ),
        ("post", Paths.BORROWINGS): ({"amount": 1_000, "destination_id": account}, moving()),
        ("post", Paths.REPAYMENTS): (
            {"intent": "amount", "amount": 1_000, "bank_code": "0009"},
            moving(),
        ),
        ("post", Paths.PROMISES): ({"day": "2026-11-30"}, signed),
        ("post", Paths.LIMIT_APPLICATIONS): (
            {"annual_income": 6_000_000, "other_debts": 0, "requested_limit": 800_000},
            signed,
        ),
        ("post", Paths.HISTORY): (
            {"limit": 5, "before": {"at": "2026-11-24T10:00:00+09:00", "id": 99}},
            signed,
        ),
        **{call: (r.body, signed) for call, r in PROFILE_REQUESTS.items() if r.body is not None},
    }


def test_an_unknown_field_is_refused_by_every_operation(api: Api) -> None:
    yamada = api.sign_in(YAMADA)
    account = api.get(Paths.BANK_ACCOUNTS, yamada)[0]["id"]
    bodies = _bodies(yamada, account)
    taking = {(m, p) for m, p, operation in _operations(DOCUMENT) if "requestBody" in operation}
    assert set(bodies) == taking
    before = api.standing(yamada)
    for (method, path), (body, headers) in bodies.items():
        for extra in ({"unexpected": 1}, {"member_id": 2}, {"token": "x"}):
            answer = api.http.request(method, path, json={**body, **extra}, headers=headers)
            assert (answer.status_code, answer.json()) == (400, MALFORMED), (path, extra)
    nested = {"limit": 5, "before": {"at": "2026-11-24T10:00:00+09:00", "id": 99, "member_id": 2}}
    answer = api.http.post(Paths.HISTORY, json=nested, headers=yamada.headers())
    assert (answer.status_code, answer.json()) == (400, MALFORMED)
    assert api.standing(yamada) == before  # nothing moved
    # The same bodies without the unknown field are well-formed (whatever the rules say).
    for (method, path), (body, headers) in bodies.items():
        answer = api.http.request(method, path, json=body, headers=headers)
        assert answer.status_code != 400, (path, answer.text)


def _padded(size: int) -> bytes:
    """A well-formed sign-in body of exactly ``size`` bytes."""
    body = json.dumps({"web_id": SATO[2], "password": SATO[3], "device_id": "pad"}).encode()
    return body[:-1] + b" " * (size - len(body)) + b"}"


def _chunks(body: bytes) -> Iterator[bytes]:
    for start in range(0, len(body), 1_000):
        yield body[start : start + 1_000]


def test_a_body_over_16_kib_is_refused_declared_or_chunked(api: Api) -> None:
    headers = {"Content-Type": "application/json"}
    for size, status in ((MAX_BODY_BYTES, 200), (MAX_BODY_BYTES + 1, 413)):
        body = _padded(size)
        assert len(body) == size
        declared = api.http.post(Paths.SIGN_IN_WEB_ID, content=body, headers=headers)
        assert declared.request.headers["content-length"] == str(size)
        chunked = api.http.post(Paths.SIGN_IN_WEB_ID, content=_chunks(body), headers=headers)
        assert chunked.request.headers["transfer-encoding"] == "chunked"
        for answer in (declared, chunked):
            assert answer.status_code == status, (size, answer.text)
            if status == 413:
                assert answer.json() == MALFORMED


def test_a_movement_over_16_kib_moves_nothing(api: Api) -> None:
    yamada = api.sign_in(YAMADA)
    account = api.get(Paths.BANK_ACCOUNTS, yamada)[0]["id"]
    before = api.standing(yamada)
    body = json.dumps({"amount": 1_000, "destination_id": account}).encode()
    body = body[:-1] + b" " * MAX_BODY_BYTES + b"}"
    headers = yamada.headers(**{IDEMPOTENCY_HEADER: _key(), "Content-Type": "application/json"})
    for content in (body, _chunks(body)):
        answer = api.http.post(Paths.BORROWINGS, content=content, headers=headers)
        assert (answer.status_code, answer.json()) == (413, MALFORMED)
    assert api.standing(yamada) == before


# ---------------------------------------------------------------- what every answer carries


def test_every_kind_of_answer_carries_the_security_headers(api: Api) -> None:
    """200, 204, 400, 401, 404, 405, 409, 413, 422 and 429, each through ``_inspect``."""
    yamada = api.sign_in(YAMADA)
    answers = [
        api.http.get(Paths.HEALTH),
        api.http.get(Paths.TERMS),
        api.http.get("/openapi.json"),
        api.http.post(Paths.HISTORY, json={"limit": "many"}, headers=yamada.headers()),
        api.http.get(Paths.SUMMARY),
        api.http.get("/v1/no-such-thing"),
        api.http.get("/docs"),
        api.http.put(Paths.TERMS),
        api.http.post(Paths.PROMISES, json={"day": "2026-11-30"}, headers=yamada.headers()),
        api.http.post(Paths.SIGN_IN_WEB_ID, content=_padded(MAX_BODY_BYTES + 1)),
        api.http.post(
            Paths.BORROWINGS,
            json={"amount": 1_500, "destination_id": 1},
            headers=yamada.headers(**{IDEMPOTENCY_HEADER: _key()}),
        ),
        api.http.post(
            Paths.REGISTRATION_CODE, json={"member_number": ITO_NUMBER, "email": ITO_EMAIL}
        ),
        api.http.post(
            Paths.REGISTRATION_CODE, json={"member_number": ITO_NUMBER, "email": ITO_EMAIL}
        ),
        api.http.delete(Paths.SIGN_OUT, headers=yamada.headers()),
    ]
    statuses = {answer.status_code for answer in answers}
    assert statuses == {200, 204, 400, 401, 404, 405, 409, 413, 422, 429}
    assert api.http.get("/docs").status_code == 404  # no interactive pages on a member server


def test_no_origin_is_allowed_to_call_from_a_browser(api: Api) -> None:
    origin = {"Origin": "https://evil.example"}
    for _, path, _ in _operations(DOCUMENT):
        preflight = api.http.options(
            path,
            headers={
                **origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            },
        )
        assert preflight.status_code in (400, 404, 405), path  # and _inspect: no access-control-*
    assert api.http.get(Paths.TERMS, headers=origin).status_code == 200


# ---------------------------------------------------------------- no secret in the log


def _digits(value: str) -> re.Pattern[str]:
    """A PIN or code on its own: not inside a longer number, a process id or a port."""
    return re.compile(rf"(?<![\d\[:]){re.escape(value)}(?!\d)")


def test_the_log_keeps_no_secret(api: Api, demo: HttpDemo, running_server: MemberServer) -> None:
    secrets_used: list[str] = []  # passwords, tokens, full card numbers
    numbers: list[str] = []  # PINs and codes
    sessions = [api.sign_in(YAMADA), api.sign_in(YAMADA, by="card")]
    secrets_used += [YAMADA[0], YAMADA[3], SATO[0], SATO[3]]
    numbers += [YAMADA[1], SATO[1]]
    wrong_password, wrong_pin = "Wrong2026Password", "8642"
    answer = api.http.post(
        Paths.SIGN_IN_WEB_ID,
        json={"web_id": SUZUKI[2], "password": wrong_password, "device_id": "log-device"},
    )
    assert answer.status_code == 401
    answer = api.http.post(
        Paths.SIGN_IN_CARD,
        json={"card_number": SUZUKI[0], "pin": wrong_pin, "device_id": "log-device"},
    )
    assert answer.status_code == 401
    secrets_used += [wrong_password, SUZUKI[0]]
    numbers += [wrong_pin]

    # A Web-ID registered with a code, and a password reset with another.
    body = {"member_number": ITO_NUMBER, "email": ITO_EMAIL}
    assert api.http.post(Paths.REGISTRATION_CODE, json=body).status_code == 204
    registration = latest_code(demo)
    body = {
        "member_number": ITO_NUMBER,
        "code": registration,
        "web_id": NEW_WEB_ID,
        "password": NEW_PASSWORD,
    }
    assert api.http.post(Paths.REGISTRATION, json=body).status_code == 204
    sessions.append(api.sign_in((*ITO[:2], NEW_WEB_ID, NEW_PASSWORD)))
    body = {"identifier": SATO[2], "birth_date": "1992-02-02", "channel": "sms"}
    assert api.http.post(Paths.RESET_CODE, json=body).status_code == 204
    reset = latest_code(demo)
    new_password = "Hanako2027Reset"
    body = {"identifier": SATO[2], "code": reset, "new_password": new_password}
    assert api.http.post(Paths.RESET, json=body).status_code == 204
    sessions += [api.sign_in((*SATO[:3], new_password)), api.sign_in(SATO, by="card")]
    secrets_used += [NEW_PASSWORD, new_password, ITO[0]]
    numbers += [registration, reset, ITO[1]]

    # Money moved, refused, and a malformed request.
    yamada = sessions[0]
    account = api.get(Paths.BANK_ACCOUNTS, yamada)[0]["id"]
    for amount in (10_000, 1_500):
        api.http.post(
            Paths.BORROWINGS,
            json={"amount": amount, "destination_id": account},
            headers=yamada.headers(**{IDEMPOTENCY_HEADER: _key()}),
        )
    api.http.post(
        Paths.SIGN_IN_CARD, json={"card_number": YAMADA[0], "pin": 1234, "device_id": "d"}
    )
    for signed in sessions:
        api.standing(signed)
        api.http.delete(Paths.SIGN_OUT, headers=signed.headers())
    secrets_used += [signed.token for signed in sessions]

    # A password changed with a one-time code, after a wrong current one; a Web-ID change
    # refused for its code, and a malformed one.
    yamada = api.sign_in(YAMADA)
    answer = api.http.post(
        Paths.CHANGE_CODES, json={"change": "password"}, headers=yamada.headers()
    )
    assert answer.status_code == 200, answer.text
    change_code = change_code_in(demo.sent_messages(1)[0])
    changed = "Taro2027Change"
    for current in ("Wrong2027Current", YAMADA[3]):
        body = {"password": current, "new_password": changed, "code": change_code}
        answer = api.http.post(Paths.PASSWORD, json=body, headers=yamada.headers())
    assert answer.status_code == 204, answer.text
    demo.advance_clock(timedelta(minutes=1))  # one code a minute
    answer = api.http.post(Paths.CHANGE_CODES, json={"change": "web_id"}, headers=yamada.headers())
    assert answer.status_code == 200, answer.text
    web_id_code = change_code_in(demo.sent_messages(1)[0])
    body = {"web_id": "taro2027", "password": changed, "code": wrong(web_id_code)}
    answer = api.http.post(Paths.WEB_ID, json=body, headers=yamada.headers())
    assert answer.json()["code"] == "code_wrong", answer.text
    body = {"web_id": "taro2027", "password": changed, "code": web_id_code, "pin": YAMADA[1]}
    assert api.http.post(Paths.WEB_ID, json=body, headers=yamada.headers()).status_code == 400
    secrets_used += [changed, "Wrong2027Current", yamada.token]
    numbers += [change_code, web_id_code, wrong(web_id_code)]

    log = running_server.log_text()
    assert f"POST {Paths.SIGN_IN_WEB_ID}" in log and f"POST {Paths.RESET}" in log  # this log
    assert f"POST {Paths.PASSWORD}" in log
    # the server's own lines too, whichever worker wrote them
    assert f"INFO desktop_app.server malformed request to {Paths.SIGN_IN_CARD}: body.pin" in log
    assert [s for s in secrets_used if s in log] == []
    assert [n for n in numbers if _digits(n).search(log)] == []


# ---------------------------------------------------------------- attempts across two workers


@pytest.fixture
def lockout_api(fresh_server: MemberServer) -> Iterator[Callable[[], httpx.Client]]:
    """Clients of their own connection, so that attempts spread over both workers."""
    opened: list[httpx.Client] = []
    lock = threading.Lock()

    def client() -> httpx.Client:
        fresh = httpx.Client(
            base_url=fresh_server.url, timeout=30.0, event_hooks={"response": [_inspect]}
        )
        with lock:
            opened.append(fresh)
        return fresh

    yield client
    for each in opened:
        each.close()


def _in_parallel(attempt: Callable[[int], httpx.Response], count: int) -> list[httpx.Response]:
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(attempt, range(count)))


def _lockout(client: httpx.Client) -> Json:
    rules: Json = client.get(Paths.TERMS).json()["rules"]["lockout"]
    return rules


def test_parallel_wrong_pins_lock_the_card_at_the_threshold(
    lockout_api: Callable[[], httpx.Client],
) -> None:
    threshold = _lockout(lockout_api())["card_pins_per_day"]  # 3

    def attempt(index: int) -> httpx.Response:
        body = {"card_number": SATO[0], "pin": "0000", "device_id": f"guess-{index}"}
        return lockout_api().post(Paths.SIGN_IN_CARD, json=body)

    codes = sorted(answer.json()["code"] for answer in _in_parallel(attempt, 8))
    wrong = threshold - 1
    assert codes == ["card_locked"] * (8 - wrong) + ["signin_failed_card"] * wrong
    right = {"card_number": SATO[0], "pin": SATO[1], "device_id": "owner"}
    assert lockout_api().post(Paths.SIGN_IN_CARD, json=right).json()["code"] == "card_locked"


def test_parallel_wrong_passwords_lock_the_web_id_at_the_threshold(
    lockout_api: Callable[[], httpx.Client],
) -> None:
    threshold = _lockout(lockout_api())["web_passwords"]  # 5

    def attempt(index: int) -> httpx.Response:
        body = {"web_id": SATO[2], "password": f"Wrong{index}pass", "device_id": f"guess-{index}"}
        return lockout_api().post(Paths.SIGN_IN_WEB_ID, json=body)

    codes = sorted(answer.json()["code"] for answer in _in_parallel(attempt, 8))
    wrong = threshold - 1
    assert codes == ["signin_failed_web"] * wrong + ["web_id_locked"] * (8 - wrong)
    right = {"web_id": SATO[2], "password": SATO[3], "device_id": "owner"}
    assert lockout_api().post(Paths.SIGN_IN_WEB_ID, json=right).json()["code"] == "web_id_locked"


@pytest.fixture(scope="module")
def throttled_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MemberServer]:
    """A server of its own: the attempts count against this client's address."""
    if not pg_available():
        pytest.skip("the member server runs on PostgreSQL")
    with member_server(tmp_path_factory.mktemp("throttled")) as server:
        operator = HttpDemo(server.url)
        operator.reset(NOW, frozen=True)
        operator.close()
        yield server


def _per_identifier(url: str) -> int:
    """How many sign-in attempts of one identifier the rules admit in their window."""
    rules = httpx.get(f"{url}{Paths.TERMS}", timeout=10).json()["rules"]
    return int(rules["throttle"]["per_identifier"])


def test_sign_in_attempts_of_one_identifier_are_counted_across_both_workers(
    throttled_server: MemberServer,
) -> None:
    url = throttled_server.url
    limit = _per_identifier(url)
    waits: list[int] = []
    attempts: dict[str, Callable[[int], Json]] = {
        "web": lambda i: {"web_id": "nobody2026", "password": f"Guess{i}pass", "device_id": "g"},
        "card": lambda i: {"card_number": "4999000011112222", "pin": f"{i:04d}", "device_id": "g"},
    }
    for kind, body in attempts.items():
        path = Paths.SIGN_IN_WEB_ID if kind == "web" else Paths.SIGN_IN_CARD

        def attempt(
            index: int, path: str = path, body: Callable[[int], Json] = body
        ) -> httpx.Response:
            # a connection of its own each time: the two workers take turns
            with httpx.Client(
                base_url=url, timeout=30.0, event_hooks={"response": [_inspect]}
            ) as c:
                return c.post(path, json=body(index))

        answers = _in_parallel(attempt, 2 * limit + 4)
        answers += [attempt(100 + index) for index in range(2)]  # once refused, still refused
        admitted = [a for a in answers if a.status_code != 429]
        throttled = [a for a in answers if a.status_code == 429]
        assert len(admitted) <= limit, kind
        assert {a.json()["code"] for a in admitted} <= {"signin_failed_web", "signin_failed_card"}
        assert [a.status_code for a in answers[-2:]] == [429, 429], kind
        for answer in throttled:
            assert answer.json()["code"] == "sign_in_throttled"
            wait = int(answer.headers[RETRY_AFTER_HEADER])
            assert wait >= 1 and answer.json()["params"]["retry_after"] == wait
            waits.append(wait)
    # Another identifier, from the same address, is not held up.
    body = {"web_id": YAMADA[2], "password": YAMADA[3], "device_id": "owner"}
    assert httpx.post(f"{url}{Paths.SIGN_IN_WEB_ID}", json=body, timeout=30).status_code == 200
    # Once the wait it was told is over, the identifier is tried again.
    operator = HttpDemo(url)
    operator.advance_clock(timedelta(seconds=max(waits)))
    operator.close()
    again = {"web_id": "nobody2026", "password": "Guess0pass", "device_id": "g"}
    answer = httpx.post(f"{url}{Paths.SIGN_IN_WEB_ID}", json=again, timeout=30)
    assert (answer.status_code, answer.json()["code"]) == (401, "signin_failed_web")
