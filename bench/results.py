"""The figures of ``make bench``, each beside its target, and docs/performance.md.

A benchmark calls :func:`record` for every figure it measures. At the end of the run
bench/conftest.py prints every figure recorded in this run beside its target and rewrites the
generated part of docs/performance.md (between the two ``bench:`` markers); the hand-written
narrative around it stays. A run of some benchmarks only (``make bench PYTEST_ARGS=-k…``)
keeps the other sections' last figures.

    record("Start-up", "painted login / bare window", 1.21, "×", "≤ 1.3×", 1.21 <= 1.3)
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "performance.md"
STORE = Path(os.environ.get("MEMBER_CLIENT_BENCH_RESULTS", ROOT / "bench" / ".last-run.json"))
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass(frozen=True)
class Figure:
    section: str
    name: str
    value: float | int | str
    unit: str
    target: str
    met: bool | None  # None: a figure with no target (context)
    detail: str = ""


_recorded: list[Figure] = []


def record(
    section: str,
    name: str,
    value: float | int | str,
    unit: str = "",
    target: str = "",
    met: bool | None = None,
    detail: str = "",
) -> Figure:
    """Keep one figure of this run (printed and published at the end of the run)."""
    figure = Figure(section, name, value, unit, target, met, detail)
    _recorded.append(figure)
    return figure


def recorded() -> list[Figure]:
    return list(_recorded)


def _shown(value: float | int | str, unit: str) -> str:
    if isinstance(value, float):
        text = (
            f"{value:,.2f}"
            if abs(value) < 10
            else f"{value:,.1f}"
            if abs(value) < 1000
            else f"{value:,.0f}"
        )
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = value
    return f"{text} {unit}".strip() if unit not in ("×", "%") else f"{text}{unit}"


def _verdict(met: bool | None) -> str:
    return {True: "met", False: "**missed**", None: ""}[met]


def _machine() -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = "?"
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"Commit `{commit}`, {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {load} when the run ended."
    )


def _merged(figures: list[Figure]) -> list[Figure]:
    """This run's figures, and the last run's for the sections this run did not measure."""
    previous: list[Figure] = []
    if STORE.exists():
        try:
            previous = [Figure(**row) for row in json.loads(STORE.read_text("utf-8"))]
        except (ValueError, TypeError):
            previous = []
    sections = {f.section for f in figures}
    return [f for f in previous if f.section not in sections] + figures


def table(figures: list[Figure]) -> str:
    lines: list[str] = []
    for section in dict.fromkeys(f.section for f in figures):
        lines += [
            f"### {section}",
            "",
            "| figure | measured | target | |",
            "| --- | --- | --- | --- |",
        ]
        for f in (f for f in figures if f.section == section):
            name = f"{f.name} ({f.detail})" if f.detail else f.name
            lines.append(f"| {name} | {_shown(f.value, f.unit)} | {f.target} | {_verdict(f.met)} |")
        lines.append("")
    return "\n".join(lines)


def terminal_lines(figures: list[Figure]) -> list[str]:
    out: list[str] = []
    for section in dict.fromkeys(f.section for f in figures):
        out.append(f"— {section}")
        for f in (f for f in figures if f.section == section):
            mark = {True: "ok  ", False: "MISS", None: "    "}[f.met]
            target = f"  (target {f.target})" if f.target else ""
            detail = f"  [{f.detail}]" if f.detail else ""
            out.append(f"  {mark} {f.name}: {_shown(f.value, f.unit)}{target}{detail}")
    return out


def publish(figures: list[Figure]) -> list[Figure]:
    """Write the merged figures to the results file and into docs/performance.md."""
    merged = _merged(figures)
    STORE.write_text(json.dumps([asdict(f) for f in merged], ensure_ascii=False, indent=1), "utf-8")
    missed = [f for f in merged if f.met is False]
    summary = (
        "Every figure met its target."
        if not missed
        else f"{len(missed)} figure(s) missed the target: "
        + "; ".join(f"{f.section} — {f.name}" for f in missed)
        + "."
    )
    block = "\n".join(
        [START, "## The last `make bench` run", "", _machine(), "", summary, "", table(merged), END]
    )
    text = REPORT.read_text("utf-8") if REPORT.exists() else "# Performance\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        first, _, rest = text.partition("\n")
        text = f"{first}\n\n{block}\n{rest}"
    REPORT.write_text(text, "utf-8")
    return merged
