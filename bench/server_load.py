"""Load on a real member server: sign-ins on their own, then a mixed load of members signed in.

    python bench/server_load.py [--clients 16] [--seconds 20] [--warmup 3] [--workers 2]
        [--hash-profile owasp] [--sign-in-clients 4] [--sign-in-seconds 10] [--rate R]
        [--page-size 50] [--mix summary=40,history=30,movement=30] [--url URL --pids PID]

Starts ``member-server`` (``--workers`` uvicorn workers, PostgreSQL at
``MEMBER_CLIENT_TEST_PG_URL``, a fresh schema, the demo members of DOMAIN.md §8, the clock at
2026-11-24T10:00 running on) and measures two things apart:

1. sign-in: ``--sign-in-clients`` clients signing in by card (the active demo members
   山田, 佐藤 and 伊藤 in turn) for ``--sign-in-seconds``, with the hash profile of the server
   (OWASP by default: argon2 is CPU-bound by design, so this is sign-ins/s, not requests/s);
2. mixed: ``--clients`` concurrent clients, each with a session of its own (several sessions a
   member), doing account summary, a history page, and money movements (borrow 1,000 then
   repay 1,000, each with an ``Idempotency-Key``) in the ``--mix`` proportions, closed-loop
   (the next request when the last answered) or, with ``--rate``, paced to that many
   requests a second in all (latency counted from when a request was due). No sign-in is in
   this figure; the sessions were opened before it starts.

The sign-in throttle is lifted (``bench_rules``): every request comes from one address. It
prints ops/s, p50/p99/max per operation and overall, the statuses that were not 2xx, and
the CPU (in cores) of the load generator, the server's workers and PostgreSQL: they all share
the machine's cores. Nothing here is asserted: ``make bench`` runs it with small numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the repository's tests and bench packages
    sys.path.insert(0, str(ROOT))

from bench.loadgen import Connection, CpuMeter, Recorder, report  # noqa: E402

PG_URL_ENV = "MEMBER_CLIENT_TEST_PG_URL"
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = "2026-11-24T10:00"
# The demo members who may borrow and repay (DOMAIN.md §8): card number, PIN.
MEMBERS = (("4000123412341234", "1234"), ("5012345678", "2580"), ("4000555566667777", "1357"))
SUMMARY, BANK_ACCOUNTS = "/v1/account/summary", "/v1/account/bank-accounts"
HISTORY, BORROWINGS, REPAYMENTS = "/v1/history/pages", "/v1/borrowings", "/v1/repayments"
SIGN_IN = "/v1/sessions/card"
AMOUNT = 1_000
BANK = "0009"


@dataclass
class Member:
    token: str
    device: str
    destination: int = 0
    outstanding: int = 0  # what this client borrowed and has not repaid yet

    def headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}", "x-device-id": self.device}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16, help="concurrent mixed clients")
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds not counted")
    parser.add_argument("--workers", type=int, default=2, help="member-server workers")
    parser.add_argument("--hash-profile", choices=("owasp", "fast"), default="owasp")
    parser.add_argument("--sign-in-clients", type=int, default=4)
    parser.add_argument("--sign-in-seconds", type=float, default=10.0, help="0: skip it")
    parser.add_argument("--rate", type=float, help="paced requests/s in all (open loop)")
    parser.add_argument("--page-size", type=int, default=50, help="history entries a page")
    parser.add_argument("--mix", default="summary=40,history=30,movement=30")
    parser.add_argument("--seed", type=int, default=7, help="of the operation mix")
    parser.add_argument("--url", help="an already running server (its demo members)")
    parser.add_argument("--pids", type=int, default=0, help="with --url: the server's pid")
    parser.add_argument("--server-arg", action="append", default=[], help="more server options")
    return parser.parse_args(argv)


def _mix(text: str) -> tuple[list[str], list[float]]:
    pairs = [part.split("=") for part in text.split(",") if part]
    return [name for name, _ in pairs], [float(weight) for _, weight in pairs]


async def _json(connection: Connection, method: str, path: str, **kw: Any) -> Any:
    import json

    status, body = await connection.request(method, path, **kw)
    if status >= 300:
        raise RuntimeError(f"{method} {path}: {status} {body[:200]!r}")
    return json.loads(body) if body else None


# --------------------------------------------------------------------- sign-in


async def sign_in_phase(
    host: str, port: int, clients: int, seconds: float, recorder: Recorder
) -> list[Member]:
    """Sign in repeatedly for ``seconds``; every session opened is kept for the mixed load."""
    opened: list[Member] = []
    deadline = time.perf_counter() + seconds

    async def client(index: int) -> None:
        connection = Connection(host, port)
        turn = index
        while time.perf_counter() < deadline:
            card, pin = MEMBERS[turn % len(MEMBERS)]
            device = f"bench-{index}-{turn}"
            body = {"card_number": card, "pin": pin, "device_id": device}
            began = time.perf_counter()
            status, data = await connection.request("POST", SIGN_IN, {}, body)
            recorder.add("sign-in", began, time.perf_counter(), status)
            if status == 200:
                import json

                opened.append(Member(json.loads(data)["token"], device))
            turn += clients
        await connection.close()

    await asyncio.gather(*(client(i) for i in range(clients)))
    return opened


async def open_sessions(host: str, port: int, count: int, have: list[Member]) -> list[Member]:
    """``count`` sessions (those ``have`` first), each knowing its borrowing destination."""
    connection = Connection(host, port)
    members = list(have[:count])
    for index in range(len(members), count):
        card, pin = MEMBERS[index % len(MEMBERS)]
        device = f"bench-mixed-{index}"
        body = {"card_number": card, "pin": pin, "device_id": device}
        session = await _json(connection, "POST", SIGN_IN, headers={}, body=body)
        members.append(Member(session["token"], device))
    for member in members:
        accounts = await _json(connection, "GET", BANK_ACCOUNTS, headers=member.headers())
        member.destination = next(a["id"] for a in accounts if a["bank_code"] != "PREPAID")
    await connection.close()
    return members


# --------------------------------------------------------------------- mixed load


async def mixed_phase(
    host: str, port: int, members: list[Member], args: argparse.Namespace, recorder: Recorder
) -> None:
    names, weights = _mix(args.mix)
    started = time.perf_counter()
    recorder.start = started + args.warmup
    deadline = recorder.start + args.seconds
    interval = len(members) / args.rate if args.rate else 0.0
    history = {"limit": args.page_size}

    async def client(index: int, member: Member) -> None:
        connection = Connection(host, port)
        chooser = random.Random(args.seed * 1000 + index)
        due = started + chooser.random() * interval
        sequence = 0
        while True:
            now = time.perf_counter()
            if interval:
                if due > now:
                    await asyncio.sleep(due - now)
                began, due = due, due + interval
            else:
                began = now
            if began >= deadline:
                break
            operation = chooser.choices(names, weights)[0]
            headers = member.headers()
            if operation == "summary":
                status, _ = await connection.request("GET", SUMMARY, headers)
            elif operation == "history":
                status, _ = await connection.request("POST", HISTORY, headers, history)
            else:
                sequence += 1
                headers["idempotency-key"] = f"bench-{index}-{sequence}"
                if member.outstanding == 0:
                    operation = "borrow"
                    body: dict[str, Any] = {"amount": AMOUNT, "destination_id": member.destination}
                    status, _ = await connection.request("POST", BORROWINGS, headers, body)
                    member.outstanding += AMOUNT if status == 200 else 0
                else:
                    operation = "repay"
                    body = {"intent": "amount", "amount": AMOUNT, "bank_code": BANK}
                    status, _ = await connection.request("POST", REPAYMENTS, headers, body)
                    member.outstanding -= AMOUNT if status == 200 else 0
            recorder.add(operation, began, time.perf_counter(), status)
        await connection.close()

    await asyncio.gather(*(client(i, m) for i, m in enumerate(members)))


async def measure(host: str, port: int, pid: int, args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {}
    signed: list[Member] = []
    if args.sign_in_seconds > 0:
        recorder, meter = Recorder(), CpuMeter(pid)
        meter.begin()
        clients, seconds = args.sign_in_clients, args.sign_in_seconds
        signed = await sign_in_phase(host, port, clients, seconds, recorder)
        cpu = meter.end()
        title = f"sign-in ({args.hash_profile}, {args.sign_in_clients} clients)"
        results["sign_in"] = report(title, recorder, cpu["seconds"], cpu)
    random.Random(args.seed).shuffle(signed)
    members = await open_sessions(host, port, args.clients, signed)
    recorder, meter = Recorder(), CpuMeter(pid)
    await asyncio.sleep(0.5)  # let the sign-ins' last writes settle
    meter.begin()
    mixed = asyncio.create_task(mixed_phase(host, port, members, args, recorder))
    await asyncio.sleep(args.warmup)
    meter.begin()  # the warm-up's CPU is not counted either
    await mixed
    cpu = meter.end()
    pacing = f"paced at {args.rate:g}/s" if args.rate else "closed loop"
    title = f"mixed ({args.clients} clients, {pacing}, {args.mix}, page {args.page_size})"
    results["mixed"] = report(title, recorder, recorder.span(args.seconds), cpu)
    return results


def bench_rules() -> Any:
    """DOMAIN.md's rules with the sign-in throttle lifted: every request of the bench comes
    from one address (the throttle still counts each sign-in in the database, as it would)."""
    from dataclasses import replace

    from desktop_app.domain.rules import DEFAULT_RULES

    unlimited = replace(DEFAULT_RULES.throttle, per_address=10**9, per_identifier=10**9)
    return replace(DEFAULT_RULES, throttle=unlimited)


def load_average() -> str:
    with open("/proc/loadavg") as loadavg:
        return " ".join(loadavg.read().split()[:3])


def run(args: argparse.Namespace) -> dict[str, Any]:
    print(f"load average before: {load_average()}; cores: {os.cpu_count()}")
    if args.url:
        from urllib.parse import urlsplit

        parts = urlsplit(args.url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        return asyncio.run(measure(host, port, args.pids, args))
    os.environ.setdefault(PG_URL_ENV, DEFAULT_PG_URL)
    from tests.store.member_server import member_server

    extra = ("--now", NOW, "--seed", "demo", "--log-level", "warning", *args.server_arg)
    options = {
        "workers": args.workers,
        "hash_profile": args.hash_profile,
        "demo": False,
        "rules": bench_rules(),
    }
    with member_server(extra=extra, **options) as server:
        print(f"member-server: {args.workers} workers, {args.hash_profile}, {server.url}")
        results = asyncio.run(measure("127.0.0.1", server.port, server.process.pid, args))
    print(f"load average after: {load_average()}")
    return results


def main(argv: list[str] | None = None) -> int:
    run(parse_args(argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
