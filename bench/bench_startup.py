"""Start-up to a painted login through the real entry point, against a bare PySide6 window.

Each run is a fresh process that ends on its window's first paint: the bare window
(``QApplication`` + a ``QWidget``) and ``python -m desktop_app`` on the demo store with
``MEMBER_CLIENT_EXIT_AFTER=paint`` (both leave through ``os._exit``, so neither pays for an
interpreter teardown). The parent times each child from its start to its end and reads its
peak RSS from ``wait4``. The runs are interleaved (bare, client, bare, …) so a busy moment of
the machine hurts both alike, and bytecode caches are kept, as on a member's PC (one warm-up
run of each writes them). ``MEMBER_CLIENT_EXIT_AFTER=ready`` times the client until every
screen is built and the store is open, for context.

    make bench PYTEST_ARGS="-k startup"
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

from bench.results import record

PAIRS = int(os.environ.get("MEMBER_CLIENT_BENCH_STARTUP_PAIRS", "15"))
TIME_TARGET, RSS_TARGET = 1.3, 1.5
SECTION = "Start-up"

BARE = """
import os
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
class _Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, _exit)
        return False
def _exit():
    with open("/proc/self/status", encoding="ascii") as status:  # as the client's _exit_now
        print(next((line for line in status if line.startswith("VmHWM:")), ""), end="", flush=True)
    os._exit(0)
app = QApplication([])
window = QWidget(); window.resize(1000, 700)
probe = _Quit(); window.installEventFilter(probe); window.show(); app.exec()
"""


@dataclass(frozen=True)
class Run:
    ms: float
    peak_mib: float


def _child(command: list[str], env: dict[str, str]) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    assert process.stdout is not None
    said = process.stdout.read().decode("ascii", "replace")
    elapsed = (time.perf_counter() - started) * 1000
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, f"{command} ended with {process.returncode}"
    # The child's own VmHWM (kB): wait4's ru_maxrss keeps the high-water mark of this big
    # pytest process the child was forked from (every child read 327 MiB under make bench).
    peak = [
        int(word)
        for line in said.splitlines()
        if line.startswith("VmHWM:")
        for word in line.split()[1:2]
    ]
    return Run(elapsed, (peak[-1] if peak else usage.ru_maxrss) / 1024)


def _environment(exit_after: str) -> dict[str, str]:
    env = dict(os.environ)  # the isolated XDG folders of bench/conftest.py
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a member's PC keeps its bytecode caches
    env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
    env["MEMBER_CLIENT_EXIT_AFTER"] = exit_after
    return env


def _client(exit_after: str) -> Run:
    return _child([sys.executable, "-m", "desktop_app"], _environment(exit_after))


def _bare() -> Run:
    return _child([sys.executable, "-c", BARE], _environment(""))


def _median(runs: list[Run], key: str) -> float:
    return statistics.median(getattr(run, key) for run in runs)


def test_start_up_to_a_painted_login():
    _bare(), _client("paint"), _client("ready")  # bytecode caches, the demo store, disk cache
    bare_runs, client_runs, ready_runs = [], [], []
    for _ in range(PAIRS):
        bare_runs.append(_bare())
        client_runs.append(_client("paint"))
    for _ in range(max(5, PAIRS // 3)):
        ready_runs.append(_client("ready"))
    bare_ms, client_ms = _median(bare_runs, "ms"), _median(client_runs, "ms")
    bare_mib, client_mib = _median(bare_runs, "peak_mib"), _median(client_runs, "peak_mib")
    ready_ms, ready_mib = _median(ready_runs, "ms"), _median(ready_runs, "peak_mib")
    ratio, rss_ratio = client_ms / bare_ms, client_mib / bare_mib
    pairs = f"{PAIRS} interleaved pairs, ratio of medians"
    record(
        SECTION,
        "painted login / bare window",
        round(ratio, 2),
        "×",
        "≤ 1.3×",
        ratio <= TIME_TARGET,
        pairs,
    )
    record(SECTION, "bare PySide6 window painted", round(bare_ms, 1), "ms", detail="median")
    record(
        SECTION, "login painted (python -m desktop_app)", round(client_ms, 1), "ms", detail="median"
    )
    record(
        SECTION,
        "peak RSS at the painted login / bare window",
        round(rss_ratio, 2),
        "×",
        "≤ 1.5×",
        rss_ratio <= RSS_TARGET,
        pairs,
    )
    record(SECTION, "bare window peak RSS", round(bare_mib, 1), "MiB", detail="median")
    record(
        SECTION,
        "client peak RSS at the painted login",
        round(client_mib, 1),
        "MiB",
        detail="median",
    )
    record(
        SECTION,
        "all screens built and the store open, from launch",
        round(ready_ms, 1),
        "ms",
        detail=f"median of {len(ready_runs)}; {ready_ms / bare_ms:.2f}× the bare window",
    )
    record(
        SECTION,
        "usable client peak RSS / bare window",
        round(ready_mib / bare_mib, 2),
        "×",
        detail=f"{ready_mib:.1f} MiB, every screen built and the store open",
    )
    print(
        f"\nbare {bare_ms:.0f} ms {bare_mib:.1f} MiB; login painted {client_ms:.0f} ms "
        f"{client_mib:.1f} MiB ({ratio:.2f}×, RSS {rss_ratio:.2f}×); usable {ready_ms:.0f} ms "
        f"{ready_mib:.1f} MiB"
    )
