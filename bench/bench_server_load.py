"""``make bench``: the member server under load (``server_load``), with small numbers.

Run ``python bench/server_load.py`` for the figures of docs/performance.md (longer runs, more
clients). Nothing here is timed against a budget: the figures are printed, and only what must
hold whatever the machine's load is asserted (every request answered, no 5xx).
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from bench.server_load import PG_URL_ENV, parse_args, run

pytestmark = pytest.mark.skipif(not os.environ.get(PG_URL_ENV), reason=f"{PG_URL_ENV} not set")


def test_member_server_under_mixed_load(capsys: Any) -> None:
    args = parse_args(["--clients", "16", "--seconds", "10", "--sign-in-seconds", "5"])
    with capsys.disabled():
        results = run(args)
    for phase in ("sign_in", "mixed"):
        assert results[phase]["ops_per_second"] > 0
        assert not any(key.split()[-1].startswith("5") for key in results[phase]["not_2xx"])
