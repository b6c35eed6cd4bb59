"""schemathesis against a real member server (2 workers, PostgreSQL), over docs/openapi.json
(which test_openapi holds to what the server serves): whatever a client sends, the server
never fails (no 5xx) and every answer is one the schema documents: its status, content type,
headers and body. Positive cases must be accepted (never 400), negative ones refused.

Member endpoints are called with the token of a real sign-in and the device it was issued
for, so that the cases reach the store (a test below makes sure they did); sign-out ends a
session of its own. Bounded (30 examples an operation) and seeded, for CI.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from desktop_app.store.remote.demo import HttpDemo
from desktop_app.store.remote.wire import DEVICE_HEADER, RETRY_AFTER_HEADER, Paths

from ..conftest import NOW, YAMADA
from ..member_server import MemberServer, member_server, pg_available
from .profile_requests import PROFILE_REQUESTS

EXAMPLES = 30
SEED = 20261124
FUZZ_DEVICE = "schemathesis-device"


@pytest.fixture(scope="module")
def fuzzed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MemberServer]:
    """A server of its own: the cases change its members (applications, lockouts)."""
    if not pg_available():
        pytest.skip("the member server runs on PostgreSQL")
    with member_server(tmp_path_factory.mktemp("fuzzed")) as server:
        demo = HttpDemo(server.url)
        demo.reset(NOW, frozen=True)
        demo.close()
        yield server


def _sign_in(url: str) -> str:
    """A session of yamada's. The cases' own sign-ins may have used up this address's and
    this identifier's attempts: then the clock moves on by the Retry-After, the module's
    session being used on the way so that it does not fall idle."""
    body = {"web_id": YAMADA[2], "password": YAMADA[3], "device_id": FUZZ_DEVICE}
    for _ in range(5):
        answer = httpx.post(f"{url}{Paths.SIGN_IN_WEB_ID}", json=body, timeout=10)
        if answer.status_code != 429:
            break
        demo = HttpDemo(url)
        demo.advance_clock(timedelta(seconds=int(answer.headers[RETRY_AFTER_HEADER])))
        demo.close()
        if Target.token:
            headers = {"Authorization": f"Bearer {Target.token}", DEVICE_HEADER: FUZZ_DEVICE}
            httpx.get(f"{url}{Paths.SUMMARY}", headers=headers, timeout=10)
    answer.raise_for_status()
    token: str = answer.json()["token"]
    return token


def _config(mode: str = "all") -> Any:
    return schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "generation": {
                "mode": mode,
                "max-examples": EXAMPLES,
                "deterministic": True,
                "database": "none",
            },
            "parameters": {f"header.{DEVICE_HEADER}": FUZZ_DEVICE},
            "checks": {
                # A schema-valid request may still be refused by the rules (422), by the
                # member's state (403, 404, 409) or the sign-in (401): never malformed (400).
                "positive_data_acceptance": {
                    "expected-statuses": ["2xx", "401", "403", "404", "409", "422", "429"]
                },
            },
            "operations": [
                {
                    # Signing out of a session that has ended already is done: 204, by the
                    # protocol ("unknown or ended tokens are ignored").
                    "include-operation-id": "sign_out",
                    "checks": {"ignored_auth": {"enabled": False}},
                }
            ],
        }
    )


class Target:
    """The server the module's cases go to, and yamada's session on it."""

    url = ""
    token = ""


ROOT = Path(__file__).resolve().parents[3]
DOCUMENT = json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))
schema = schemathesis.openapi.from_dict(DOCUMENT, config=_config())


SESSION = "<the session of this case>"  # the server starts after collection: see _with_session


@schema.auth(refresh_interval=None, retry_on=[])
class MemberSession:
    """Marks the cases that carry a session (all but those testing a missing or wrong one)."""

    def get(self, case: Any, context: Any) -> str:
        return SESSION

    def set(self, case: Any, data: str, context: Any) -> None:
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"


def _with_session(case: Any) -> bool:
    """yamada's token where the case carries a session (sign-out ends one of its own)."""
    if (case.headers or {}).get("Authorization") != f"Bearer {SESSION}":
        return False
    signing_out = case.method == "DELETE" and case.path == Paths.SIGN_OUT
    token = _sign_in(Target.url) if signing_out else Target.token
    case.headers["Authorization"] = f"Bearer {token}"
    return True


# The statuses of the cases that carried a session, by operation.
ANSWERED: defaultdict[str, set[int]] = defaultdict(set)


@pytest.fixture(scope="module", autouse=True)
def target(fuzzed_server: MemberServer) -> Iterator[type[Target]]:
    Target.url = fuzzed_server.url
    Target.token = _sign_in(fuzzed_server.url)
    yield Target
    Target.url = Target.token = ""


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_is_documented_and_none_is_a_server_error(case: Any) -> None:
    signed_in = _with_session(case)
    response = case.call_and_validate(base_url=Target.url, timeout=10)
    if signed_in:
        ANSWERED[f"{case.method} {case.path}"].add(response.status_code)


def test_the_cases_with_a_session_reached_the_store() -> None:
    """Else the run above proved little: every member case would have been a 401."""
    if not ANSWERED:
        pytest.skip("runs after the schemathesis cases of this module")
    for path in (Paths.SUMMARY, Paths.BANK_ACCOUNTS, Paths.INTEREST):
        assert 200 in ANSWERED[f"GET {path}"], path
    assert 200 in ANSWERED[f"POST {Paths.HISTORY}"]
    for path in (Paths.BORROWINGS, Paths.REPAYMENTS, Paths.PROMISES, Paths.LIMIT_APPLICATIONS):
        # refused by the rules or the member's state (404, 409, 422), past the session
        assert ANSWERED[f"POST {path}"] - {400, 401}, path
    for path in (Paths.PROFILE, Paths.PROFILE_CHANGES):
        assert 200 in ANSWERED[f"GET {path}"], path
    for method, path in PROFILE_REQUESTS:  # the changes: done or refused, past the session
        assert ANSWERED[f"{method.upper()} {path}"] - {400, 401}, path


# Links the schema does not publish, for the stateful run: borrow to an account the member
# has, repay what was borrowed, send a borrowing again with its request id, page on, set the
# reminder the profile shows, and change the due day to one whose effect was asked.
LINKS: dict[tuple[str, str], dict[str, Any]] = {
    ("get", Paths.BANK_ACCOUNTS): {
        "BorrowToTheFirstAccount": {
            "operationId": "borrow",
            "requestBody": {"amount": 1000, "destination_id": "$response.body#/0/id"},
        },
    },
    ("post", Paths.BORROWINGS): {
        "RepayIt": {
            "operationId": "repay",
            "requestBody": {
                "intent": "amount",
                "amount": "$response.body#/amount",
                "bank_code": "0009",
            },
        },
        "SendItAgain": {
            "operationId": "borrow",
            "parameters": {"header.Idempotency-Key": "$request.header.Idempotency-Key"},
            "requestBody": "$request.body",
        },
    },
    ("get", Paths.PROFILE): {
        "KeepTheReminder": {
            "operationId": "set_reminder",
            "requestBody": {
                "enabled": "$response.body#/reminder/enabled",
                "days_before": "$response.body#/reminder/days_before",
                "hour": "$response.body#/reminder/hour",
            },
        },
    },
    ("post", Paths.DUE_DAY_EFFECT): {
        "ChangeToIt": {
            "operationId": "change_due_day",
            "requestBody": {"due_day": "$request.body#/due_day"},
        },
    },
    ("post", Paths.HISTORY): {
        "NextPage": {
            "operationId": "history",
            "requestBody": {"before": "$response.body#/next_cursor", "limit": 1},
        },
    },
}


def _linked(document: dict[str, Any]) -> dict[str, Any]:
    linked = json.loads(json.dumps(document))
    for (method, path), links in LINKS.items():
        linked["paths"][path][method]["responses"]["200"]["links"] = links
    return linked


# Valid requests alone, each member call with the session: the cases above tried the invalid
# ones (and schemathesis' checks still send each call without it); here the links go deep.
stateful_schema = schemathesis.openapi.from_dict(_linked(DOCUMENT), config=_config("positive"))


MOVED: list[str] = []  # the transaction numbers of the linked run's borrowings


class MemberWorkflow(stateful_schema.as_state_machine()):
    def before_call(self, case: Any) -> None:
        if case.operation.definition.raw.get("security"):  # a member call: the session
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {SESSION}"}
            _with_session(case)
            case.headers[DEVICE_HEADER] = FUZZ_DEVICE

    def after_call(self, response: Any, case: Any) -> None:
        if case.path == Paths.BORROWINGS and response.status_code == 200:
            MOVED.append(response.json()["transaction_no"])

    def get_call_kwargs(self, case: Any) -> dict[str, Any]:
        return {"base_url": Target.url, "timeout": 10}


def test_linked_calls_keep_every_answer_documented() -> None:
    MemberWorkflow.run(
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=6,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
    assert MOVED, "no linked borrowing went through: the links reached nothing"
