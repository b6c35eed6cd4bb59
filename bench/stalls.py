"""The GUI-thread stall meter of the benchmarks and the flows it measures, step by step.

A 5 ms timer on the GUI thread: the longest gap between two of its ticks is the worst stall,
charged to the step that was running when the gap began. Every flow's worst stall is recorded
(``bench.results``) in the "GUI stalls" section with the step that caused it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from bench.results import record

STALL_BUDGET_MS = 50
SECTION = "GUI stalls"


class StallMeter(QObject):
    """A 5 ms GUI-thread timer: the longest gap between its ticks is the worst stall.

    Signals:
        ticked(): the event loop came round again.
    """

    ticked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.worst_ms = 0.0
        self.worst_step = ""
        self.step = ""
        self.flow = ""
        self.worst_by_flow: dict[str, tuple[float, str]] = {}
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    @Slot()
    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        if gap > self.worst_ms:
            self.worst_ms, self.worst_step = gap, self.step
        if self.flow and gap > self.worst_by_flow.get(self.flow, (0.0, ""))[0]:
            self.worst_by_flow[self.flow] = (gap, self.step)
        self._last = now
        self.ticked.emit()

    def stop(self) -> None:
        self._timer.stop()


class Flows:
    """Member actions, one at a time, each followed by a turn of the event loop and by the
    end of the store work it started (a member cannot click twice within a few ms)."""

    def __init__(self, qtbot, settle: Callable[[], None] | None = None) -> None:
        self.qtbot = qtbot
        self.meter = StallMeter()
        self._settle = settle
        self.meter.start()

    def act(self, flow: str, step: str, action: Callable[[], object]) -> None:
        meter = self.meter
        with self.qtbot.waitSignal(meter.ticked, timeout=10_000):
            meter.flow, meter.step = flow, step
            action()
        if self._settle is not None:
            self._settle()
        with self.qtbot.waitSignal(meter.ticked, timeout=10_000):
            pass  # the last gap of this step is measured before the next one starts

    def record(self) -> list[str]:
        """Record every flow's worst stall; return the flows over the budget."""
        self.meter.stop()
        over = []
        for flow, (worst, step) in self.meter.worst_by_flow.items():
            met = worst < STALL_BUDGET_MS
            record(SECTION, flow, round(worst, 1), "ms", f"< {STALL_BUDGET_MS} ms", met, step)
            print(f"worst GUI-thread stall, {flow}: {worst:.1f} ms ({step})")
            if not met:
                over.append(f"{flow}: {worst:.0f} ms ({step})")
        return over
