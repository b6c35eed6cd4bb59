"""``make bench``: the member server under load (``server_load``): 2 workers on PostgreSQL, a
short but fair run (16 clients for 10 s after a 3 s warm-up; 4 clients signing in for 5 s).

Run ``python bench/server_load.py`` for longer runs and more clients. Every figure goes to
docs/performance.md through ``record()``, beside its target; only what must hold whatever the
machine's load is asserted (every request answered, no 5xx).
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from bench.results import record
from bench.server_load import PG_URL_ENV, parse_args, run

pytestmark = pytest.mark.skipif(not os.environ.get(PG_URL_ENV), reason=f"{PG_URL_ENV} not set")

SECTION = "Member server (2 workers, PostgreSQL)"
OPS_TARGET = 500.0  # mixed requests a second, the two workers together
P99_TARGET_MS = 100.0


def server_errors(phase: dict[str, Any]) -> int:
    """How many answers of a phase were 5xx (``not_2xx`` is keyed "operation status")."""
    return sum(n for key, n in phase["not_2xx"].items() if key.split()[-1].startswith("5"))


def record_figures(results: dict[str, Any], clients: int, seconds: float) -> None:
    mixed, sign_in = results["mixed"], results["sign_in"]
    load = f"{clients} clients, {seconds:g} s, summary/history/movement 40/30/30"
    ops = mixed["ops_per_second"]
    record(
        SECTION,
        "mixed requests a second",
        ops,
        "/s",
        f"≥ {OPS_TARGET:g}/s",
        ops >= OPS_TARGET,
        load,
    )
    record(SECTION, "mixed p50", mixed["p50_ms"], "ms")
    p99 = mixed["p99_ms"]
    record(SECTION, "mixed p99", p99, "ms", f"< {P99_TARGET_MS:g} ms", p99 < P99_TARGET_MS)
    for name, figures in sorted(mixed["per_operation"].items()):
        record(SECTION, f"{name} p99", figures["p99_ms"], "ms", detail="context")
    argon = "argon2 OWASP profile, 4 clients"
    record(SECTION, "sign-ins a second", sign_in["ops_per_second"], "/s", detail=argon)
    record(SECTION, "sign-in p99", sign_in["p99_ms"], "ms", detail=argon)
    cpu = mixed["cpu"]
    share = f"{cpu['server']:.2f} of {cpu['machine busy']:.2f} busy cores"
    record(SECTION, "server CPU in the mixed load", cpu["server"], "cores", detail=share)
    errors = server_errors(mixed) + server_errors(sign_in)
    record(SECTION, "5xx answers", errors, "", "0", errors == 0, "both phases")


def test_member_server_under_mixed_load(capsys: Any) -> None:
    clients, seconds = 16, 10.0
    args = parse_args(
        ["--clients", str(clients), "--seconds", str(seconds), "--sign-in-seconds", "5"]
    )
    with capsys.disabled():
        results = run(args)
    record_figures(results, clients, seconds)
    for phase in ("sign_in", "mixed"):
        assert results[phase]["ops_per_second"] > 0
        assert server_errors(results[phase]) == 0, results[phase]["not_2xx"]
