"""The cheap half of ``server_load``: a minimal HTTP/1.1 keep-alive client on asyncio streams,
latency records, and CPU accounting of the processes that share this machine's cores.

The load generator runs on the same 2 cores as the server and PostgreSQL, so it must cost as
little as it can: httpx spends ~0.6 ms of CPU a request from a thread and ~1.1 ms on asyncio
(measured against ``/health``), a third of a core or more at 500 requests a second; this client
~0.13 ms. This client writes the request bytes itself and
reads the status line, ``Content-Length`` and body; nothing else (the server always declares
its length; a chunked answer is refused as a bench fault). Its own CPU is measured and printed.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any


class ProtocolFault(Exception):
    pass


class Connection:
    """One keep-alive connection; one request at a time."""

    def __init__(self, host: str, port: int) -> None:
        self._host = host
        self._port = port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self._reader is None or self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self._host, self._port)
        return self._reader, self._writer

    async def request(
        self, method: str, path: str, headers: dict[str, str], body: Any = None
    ) -> tuple[int, bytes]:
        payload = b"" if body is None else json.dumps(body).encode()
        lines = [f"{method} {path} HTTP/1.1", f"host: {self._host}:{self._port}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if body is not None:
            lines += ["content-type: application/json", f"content-length: {len(payload)}"]
        elif method in ("POST", "PUT", "DELETE"):
            lines.append("content-length: 0")
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + payload
        for attempt in (1, 2):
            reader, writer = await self._open()
            try:
                writer.write(raw)
                head = await reader.readuntil(b"\r\n\r\n")
                break
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()  # the server closed an idle keep-alive connection
                if attempt == 2:
                    raise
        status, length, close = _head(head)
        data = await reader.readexactly(length) if length else b""
        if close:
            await self.close()
        return status, data

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None


def _head(head: bytes) -> tuple[int, int, bool]:
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    length, close = 0, False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "transfer-encoding":
            raise ProtocolFault(f"unexpected transfer-encoding {value.strip()}")
        elif name == "connection" and value.strip().lower() == "close":
            close = True
    return status, length, close


# --------------------------------------------------------------------- records


@dataclass
class Recorder:
    """Latencies (seconds) per operation and statuses, from ``start`` on (warm-up dropped)."""

    start: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    last: float = 0.0  # when the last counted request was answered

    def add(self, operation: str, began: float, ended: float, status: int) -> None:
        if began < self.start:
            return
        self.latencies[operation].append(ended - began)
        self.statuses[operation, status] += 1
        self.last = max(self.last, ended)

    def span(self, seconds: float) -> float:
        """The seconds the counted requests took: ``seconds``, or longer when they were
        answered late (paced requests the server could not keep up with)."""
        return max(seconds, self.last - self.start)

    def count(self) -> int:
        return sum(len(values) for values in self.latencies.values())


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of ``values`` (0 when there are none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def summary_line(name: str, values: list[float], seconds: float) -> str:
    p50, p99 = percentile(values, 0.50) * 1000, percentile(values, 0.99) * 1000
    worst = max(values, default=0) * 1000
    rate = len(values) / seconds
    return f"  {name:<10} {rate:8.1f}/s  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  max {worst:7.1f} ms"


# --------------------------------------------------------------------- report


def report(title: str, recorder: Recorder, seconds: float, cpu: dict[str, float]) -> dict[str, Any]:
    every = [value for values in recorder.latencies.values() for value in values]
    print(f"\n{title}: {len(every)} requests in {seconds:.1f} s")
    for name in sorted(recorder.latencies):
        print(summary_line(name, recorder.latencies[name], seconds))
    if len(recorder.latencies) > 1:
        print(summary_line("overall", every, seconds))
    statuses = recorder.statuses.items()
    refused = {f"{op} {status}": n for (op, status), n in statuses if status >= 300}
    print(f"  not 2xx: {refused or 'none'}")
    print("  CPU (cores): " + ", ".join(f"{k} {v:.2f}" for k, v in cpu.items() if k != "seconds"))
    rate = len(every) / seconds or 1.0
    per_request = {k: cpu[k] / rate * 1000 for k in ("load generator", "server", "postgres")}
    print("  CPU a request (ms): " + ", ".join(f"{k} {v:.2f}" for k, v in per_request.items()))
    return {
        "ops_per_second": len(every) / seconds,
        "p50_ms": percentile(every, 0.5) * 1000,
        "p99_ms": percentile(every, 0.99) * 1000,
        "per_operation": {
            name: {
                "per_second": len(values) / seconds,
                "p50_ms": percentile(values, 0.5) * 1000,
                "p99_ms": percentile(values, 0.99) * 1000,
            }
            for name, values in recorder.latencies.items()
        },
        "not_2xx": refused,
        "cpu": cpu,
        "cpu_ms_per_request": per_request,
    }


# --------------------------------------------------------------------- CPU accounting


def _ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime, this process alone


def _processes() -> dict[int, tuple[int, str]]:
    """Every process: its parent and its command name."""
    found: dict[int, tuple[int, str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                text = stat.read()
        except OSError:
            continue
        name = text[text.index(b"(") + 1 : text.rindex(b")")].decode(errors="replace")
        parent = int(text.rsplit(b")", 1)[1].split()[1])
        found[int(entry)] = (parent, name)
    return found


def _descendants(root: int, table: dict[int, tuple[int, str]]) -> set[int]:
    family = {root}
    grew = True
    while grew:
        grew = False
        for pid, (parent, _) in table.items():
            if parent in family and pid not in family:
                family.add(pid)
                grew = True
    return family


def _machine() -> tuple[int, int]:
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values), idle


class CpuMeter:
    """CPU seconds spent between ``begin`` and ``end``: this load generator, the server's
    processes, PostgreSQL's (every ``postgres`` process: other users' queries included), and
    the machine's busy share."""

    def __init__(self, server_pid: int) -> None:
        self._server = server_pid
        self._tick = os.sysconf("SC_CLK_TCK")

    def _sample(self) -> tuple[float, float, dict[int, int], tuple[int, int]]:
        table = _processes()
        server = {pid: _ticks(pid) for pid in _descendants(self._server, table)}
        postgres = {pid: _ticks(pid) for pid, (_, name) in table.items() if name == "postgres"}
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return (
            usage.ru_utime + usage.ru_stime,
            time.monotonic(),
            {**{-pid: t for pid, t in postgres.items()}, **server},
            _machine(),
        )

    def begin(self) -> None:
        self._start = self._sample()

    def end(self) -> dict[str, float]:
        own0, wall0, procs0, (total0, idle0) = self._start
        own1, wall1, procs1, (total1, idle1) = self._sample()
        wall = wall1 - wall0

        def spent(sign: int) -> float:
            mine = [(pid, t) for pid, t in procs1.items() if (pid > 0) == (sign > 0)]
            ticks = sum(t - procs0.get(pid, 0) for pid, t in mine)
            return ticks / self._tick

        busy = 1 - (idle1 - idle0) / max(1, total1 - total0)
        return {
            "seconds": wall,
            "load generator": (own1 - own0) / wall,
            "server": spent(+1) / wall,
            "postgres": spent(-1) / wall,
            "machine busy": busy * (os.cpu_count() or 1),
        }
