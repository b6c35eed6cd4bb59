"""kill -9 of a process in the middle of writing (issue 13, point 2): twenty times a child
borrows and repays in a loop and is killed at a random moment (a seeded delay). After each
kill the file passes ``PRAGMA integrity_check``, the ledger adds up, no request id is there
twice, and every receipt the child printed (after the store returned it) is in the store."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from desktop_app.domain.clock import FixedClock
from desktop_app.store.sql import SqlStore

from .writer_child import NOW

KILLS = 20
ROOT = Path(__file__).resolve().parents[2]  # the checkout: ``tests.reliability`` imports


def _start_child(url: str) -> subprocess.Popen[str]:
    env = dict(os.environ, MEMBER_CLIENT_HASH_PROFILE="fast", PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.writer_child", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def _ledger_adds_up(path: Path) -> tuple[set[str], int]:
    """Check the ledger's invariants in the raw file; the transaction numbers and the rows."""
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        (member_id,) = db.execute(
            "SELECT id FROM members WHERE member_number = '100000001'"
        ).fetchone()
        rows = db.execute(
            "SELECT kind, amount, to_damages, to_interest, to_principal, principal_after, "
            "transaction_no FROM ledger WHERE member_id = ? ORDER BY id",
            (member_id,),
        ).fetchall()
        duplicates = db.execute(
            "SELECT request_id FROM ledger GROUP BY member_id, request_id HAVING COUNT(*) > 1"
        ).fetchall()
        (principal,) = db.execute(
            "SELECT principal FROM loan_accounts WHERE member_id = ?", (member_id,)
        ).fetchone()
    db.close()
    assert duplicates == []
    balance = None
    for kind, amount, damages, interest, to_principal, after, _number in rows:
        if balance is None:  # the seeded first borrowing
            balance = after
            continue
        if kind == "borrow":
            balance += amount
        else:
            assert damages + interest + to_principal == amount
            balance -= to_principal
        assert after == balance, "a row's balance does not follow from the one before"
    assert principal == balance, "the account's 元金 is not the sum of its movements"
    return {row[6] for row in rows}, len(rows)


def test_a_writer_killed_at_random_moments_loses_nothing_it_reported(tmp_path: Path) -> None:
    path = tmp_path / "members.db"
    url = f"sqlite:///{path}"
    SqlStore(url, FixedClock(NOW), hash_profile="fast").close()  # seeded once
    chance = random.Random(13)
    printed: set[str] = set()
    rows_before = _ledger_adds_up(path)[1]
    grew = 0
    for _ in range(KILLS):
        child = _start_child(url)
        assert child.stdout is not None
        ready = child.stdout.readline()
        assert ready == "ready\n", child.stderr.read() if child.stderr else ready
        # A random moment, by the child's progress rather than a timer: after 0–12 receipts
        # (read as they come), then a jitter within the next movement's transaction (a
        # movement takes a few milliseconds), so the kill lands before, inside or just after a
        # commit. Not a wait for anything: the moment itself is what is random.
        early = [child.stdout.readline() for _ in range(chance.randint(0, 12))]
        time.sleep(chance.uniform(0.0, 0.004))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=10)
        out = "".join(early) + out
        assert child.returncode == -signal.SIGKILL, err
        lines = [line.split() for line in out.splitlines()]
        # The last line may be cut short by the kill; a complete one has its request id too.
        printed |= {line[0] for line in lines if len(line) == 2 and len(line[1]) == 32}
        numbers, rows = _ledger_adds_up(path)
        missing = printed - numbers
        assert not missing, f"receipts printed but not in the store: {sorted(missing)[:5]}"
        grew += rows > rows_before
        rows_before = rows
    assert len(printed) >= KILLS, "the child hardly wrote anything before being killed"
    assert grew >= KILLS // 2

    store = SqlStore(url, FixedClock(NOW), hash_profile="fast", seed=False)  # it opens again
    store.close()
