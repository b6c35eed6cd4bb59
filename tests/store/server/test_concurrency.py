"""Many clients of one member at once, through a real member server (2 workers, PostgreSQL).

Eight clients, each signed in on a device of its own as yamada, make 200 random calls each:
small borrowings and repayments, borrowing all that is left and repaying all that is owed
(racing each other at the limit and at zero), summaries, history pages, a request sent again
with its Idempotency-Key, and a key reused for another movement. Four times all eight stop
and send one request with one key together. Afterwards the member's ledger, read page by
page, adds up to the principal; no summary, receipt or ledger row was ever over the limit or
below zero; every movement answered is in the ledger once and nothing else is; every key
answered one receipt; and the server never failed (no 5xx, no transport error).
"""

from __future__ import annotations

import random
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from desktop_app.store.remote.wire import DEVICE_HEADER, IDEMPOTENCY_HEADER, Paths

from ..conftest import YAMADA
from ..member_server import MemberServer

THREADS = 8
CALLS = 200
SEED = 20261124
TOGETHER_AT = (40, 80, 120, 160)  # the calls at which every client sends one shared request
REPAY_BANK = "0009"
# What the rules may refuse here; anything else (a lost session, an unexpected error) fails.
REFUSALS = {
    "amount_over_available",
    "amount_over_payoff",
    "nothing_to_repay",
    "request_id_reused",
}

Json = dict[str, Any]


@dataclass
class Movement:
    """A money movement as sent: sent again later, it must answer the same receipt."""

    path: str
    key: str
    body: Json
    transaction_no: str


@dataclass
class Record:
    """What the clients saw, merged after the run."""

    statuses: Counter[int] = field(default_factory=Counter)
    refusals: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # 5xx, malformed answers
    principals: list[int] = field(default_factory=list)  # from summaries and receipts
    receipts: dict[str, str] = field(default_factory=dict)  # transaction no → request id
    keys: dict[str, set[str]] = field(default_factory=dict)  # request id → transaction nos
    reuses: int = 0  # keys sent on purpose for another movement
    replays: int = 0


class Client:
    """One of the member's clients: its own connection, sign-in and device."""

    def __init__(self, url: str, index: int, record: Record, lock: threading.Lock) -> None:
        self.index = index
        self.rng = random.Random(SEED + index)
        self.record = record
        self._lock = lock
        self._http = httpx.Client(base_url=url, timeout=httpx.Timeout(30.0, connect=3.0))
        self.device = f"concurrency-device-{index}"
        card, pin, web_id, password = YAMADA
        if index % 2:  # half by card, half by Web-ID: the same member
            body: Json = {"card_number": card, "pin": pin, "device_id": self.device}
            answer = self._http.post(Paths.SIGN_IN_CARD, json=body)
        else:
            body = {"web_id": web_id, "password": password, "device_id": self.device}
            answer = self._http.post(Paths.SIGN_IN_WEB_ID, json=body)
        assert answer.status_code == 200, answer.text
        self._headers = {
            "Authorization": f"Bearer {answer.json()['token']}",
            DEVICE_HEADER: self.device,
        }
        self.movements: list[Movement] = []
        self.summary = self.read_summary()
        self.destinations = [account["id"] for account in self.call("GET", Paths.BANK_ACCOUNTS)[1]]
        self.serial = 0

    def close(self) -> None:
        self._http.close()

    # ------------------------------------------------------------------ calls

    def call(
        self, method: str, path: str, body: Json | None = None, key: str | None = None
    ) -> tuple[int, Any]:
        headers = dict(self._headers)
        if key is not None:
            headers[IDEMPOTENCY_HEADER] = key
        response = self._http.request(method, path, json=body, headers=headers)
        payload = response.json()
        with self._lock:
            self.record.statuses[response.status_code] += 1
            if response.status_code >= 500:
                self.record.failures.append(f"{method} {path} {body}: {response.status_code}")
            elif not response.is_success:
                if set(payload) != {"code", "params"}:
                    self.record.failures.append(f"{method} {path}: not an error body {payload}")
                self.record.refusals[payload["code"]] += 1
        return response.status_code, payload

    def read_summary(self) -> Json:
        status, summary = self.call("GET", Paths.SUMMARY)
        assert status == 200, summary
        with self._lock:
            self.record.principals.append(summary["principal"])
        self.summary = summary
        return summary

    def new_key(self) -> str:
        self.serial += 1
        return f"c{self.index}-{self.serial}-{uuid.uuid4().hex[:12]}"

    def move(self, path: str, body: Json, key: str | None = None) -> tuple[int, Any]:
        key = key or self.new_key()
        status, answer = self.call("POST", path, body, key)
        if status == 200:
            self._received(key, answer)
            self.movements.append(Movement(path, key, body, answer["transaction_no"]))
        return status, answer

    def _received(self, key: str, receipt: Json) -> None:
        assert receipt["request_id"] == key
        with self._lock:
            self.record.principals.append(receipt["principal_after"])
            self.record.receipts[receipt["transaction_no"]] = key
            self.record.keys.setdefault(key, set()).add(receipt["transaction_no"])

    # ------------------------------------------------------------------ what a member does

    def small_amount(self) -> int:
        return 1_000 * self.rng.randint(1, 5)

    def borrow_a_little(self) -> None:
        destination = self.rng.choice(self.destinations)
        self.move(Paths.BORROWINGS, {"amount": self.small_amount(), "destination_id": destination})

    def borrow_the_rest(self) -> None:
        """All that the last summary left, in thousands: others may have borrowed since."""
        available = self.read_summary()["credit_limit"] - self.summary["principal"]
        amount = available // 1_000 * 1_000
        if amount >= 1_000:
            body = {"amount": amount, "destination_id": self.destinations[0]}
            self.move(Paths.BORROWINGS, body)

    def repay_a_little(self) -> None:
        body = {"intent": "amount", "amount": self.small_amount(), "bank_code": REPAY_BANK}
        self.move(Paths.REPAYMENTS, body)

    def repay_what_was_owed(self) -> None:
        """The payoff of the last summary: others may have repaid since."""
        summary = self.read_summary()
        payoff = summary["principal"] + summary["accrued_interest"] + summary["late_damages"]
        if payoff > 0:
            self.move(Paths.REPAYMENTS, {"intent": "amount", "amount": payoff, "bank_code": "0005"})

    def repay_by_intent(self) -> None:
        intent = self.rng.choice(["full", "next"])
        self.move(Paths.REPAYMENTS, {"intent": intent, "amount": None, "bank_code": REPAY_BANK})

    def send_again(self) -> None:
        """A reply lost, the same request sent again: the first receipt, nothing moved."""
        if not self.movements:
            return
        first = self.rng.choice(self.movements)
        status, answer = self.call("POST", first.path, first.body, first.key)
        assert status == 200, answer
        assert answer["transaction_no"] == first.transaction_no
        self._received(first.key, answer)
        with self._lock:
            self.record.replays += 1

    def reuse_a_key(self) -> None:
        """A key already used, for another movement: refused, nothing moved."""
        if not self.movements:
            return
        first = self.rng.choice(self.movements)
        if first.path == Paths.BORROWINGS:
            body = {**first.body, "amount": first.body["amount"] + 1_000}
        else:  # another bank, whatever the amount was
            bank = "0033" if first.body["bank_code"] != "0033" else "0001"
            body = {"intent": "amount", "amount": 1_000, "bank_code": bank}
        status, answer = self.call("POST", first.path, body, first.key)
        assert (status, answer["code"]) == (409, "request_id_reused"), answer
        with self._lock:
            self.record.reuses += 1

    def read_history(self) -> None:
        status, page = self.call("POST", Paths.HISTORY, {"limit": self.rng.randint(1, 20)})
        assert status == 200, page

    def step(self) -> None:
        actions: tuple[tuple[Callable[[], Any], int], ...] = (
            (self.read_summary, 22),
            (self.borrow_a_little, 25),
            (self.repay_a_little, 25),
            (self.borrow_the_rest, 5),
            (self.repay_what_was_owed, 3),
            (self.repay_by_intent, 3),
            (self.send_again, 8),
            (self.reuse_a_key, 3),
            (self.read_history, 6),
        )
        action = self.rng.choices([a for a, _ in actions], [w for _, w in actions])[0]
        action()


class Together:
    """All clients stop; the first picks one movement that will go through; all send it,
    with one key, at once."""

    def __init__(self) -> None:
        self.barrier = threading.Barrier(THREADS, timeout=60)
        self.request: tuple[str, str, Json] | None = None
        self.answers: dict[str, list[tuple[int, Any]]] = {}
        self._lock = threading.Lock()

    def send(self, client: Client) -> None:
        self.barrier.wait()  # nobody moves money now
        if client.index == 0:
            summary = client.read_summary()
            key = client.new_key()
            if summary["credit_limit"] - summary["principal"] >= 1_000:
                body: Json = {"amount": 1_000, "destination_id": client.destinations[0]}
                self.request = (Paths.BORROWINGS, key, body)
            else:
                body = {"intent": "amount", "amount": 1_000, "bank_code": REPAY_BANK}
                self.request = (Paths.REPAYMENTS, key, body)
        self.barrier.wait()
        assert self.request is not None
        path, key, body = self.request
        status, answer = client.call("POST", path, body, key)
        if status == 200:
            client._received(key, answer)
        with self._lock:
            self.answers.setdefault(key, []).append((status, answer))
        self.barrier.wait()


def _ledger(client: Client) -> list[Json]:
    """Every entry of the member's history, oldest first, page by page."""
    entries: list[Json] = []
    before: Json | None = None
    total = None
    while True:
        status, page = client.call("POST", Paths.HISTORY, {"limit": 97, "before": before})
        assert status == 200, page
        if before is None:
            total = page["total"]
        entries += page["entries"]
        before = page["next_cursor"]
        if before is None:
            break
    assert len(entries) == total
    return entries[::-1]


@pytest.fixture
def clients(fresh_server: MemberServer) -> Iterator[tuple[list[Client], Record]]:
    record = Record()
    lock = threading.Lock()
    opened = [Client(fresh_server.url, index, record, lock) for index in range(THREADS)]
    yield opened, record
    for client in opened:
        client.close()


def test_eight_clients_of_one_member_keep_the_ledger_whole(
    clients: tuple[list[Client], Record],
) -> None:
    members, record = clients
    before = {entry["transaction_no"] for entry in _ledger(members[0])}
    limit = members[0].summary["credit_limit"]
    together = Together()

    def run(client: Client) -> None:
        try:
            for call in range(CALLS):
                if call in TOGETHER_AT:
                    together.send(client)
                else:
                    client.step()
        except BaseException:
            together.barrier.abort()  # the others stop waiting for this one
            raise

    with ThreadPoolExecutor(THREADS) as pool:
        for done in [pool.submit(run, client) for client in members]:
            done.result()

    assert not record.failures
    assert not [status for status in record.statuses if status >= 500]
    assert set(record.refusals) <= REFUSALS, record.refusals
    assert record.refusals["request_id_reused"] == record.reuses > 0
    assert record.replays > 0

    # Sent together with one key: one movement, and all eight were given its receipt.
    assert len(together.answers) == len(TOGETHER_AT)
    for key, answers in together.answers.items():
        assert [status for status, _ in answers] == [200] * THREADS, answers
        assert len({answer["transaction_no"] for _, answer in answers}) == 1, key

    # Every key answered one receipt, every receipt is in the ledger once, nothing else is.
    assert all(len(numbers) == 1 for numbers in record.keys.values())
    ledger = _ledger(members[0])
    numbers = [entry["transaction_no"] for entry in ledger]
    assert len(numbers) == len(set(numbers))
    assert set(numbers) - before == set(record.receipts)

    # The ledger adds up, row by row, to the principal the member is shown.
    principal = 0
    for entry in ledger:
        if entry["kind"] == "repay":
            shares = entry["to_damages"] + entry["to_interest"] + entry["to_principal"]
            assert shares == entry["amount"], entry
            principal -= entry["to_principal"]
        else:  # borrow, prepaid_charge
            principal += entry["amount"]
        assert entry["principal_after"] == principal, entry
        assert 0 <= principal <= limit, entry
    final = members[1].read_summary()
    assert final["principal"] == principal
    assert all(0 <= seen <= limit for seen in record.principals)

    # The run pressed on both bounds, and both kinds of movement went through often.
    moved = Counter(entry["kind"] for entry in ledger if entry["transaction_no"] not in before)
    assert moved["repay"] >= 100 and moved["borrow"] + moved["prepaid_charge"] >= 100, moved
    after = [entry["principal_after"] for entry in ledger if entry["transaction_no"] not in before]
    assert max(after) > limit - 1_000, "never borrowed up to the limit"
    assert min(after) == 0, "never repaid everything"
    print(f"\n{sum(moved.values())} movements; refusals: {dict(record.refusals)}")
