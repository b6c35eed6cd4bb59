"""Measure start-up to a painted window: a bare PySide6 window against the login screen.

    .venv/bin/python tools/measure_startup.py [runs]

Each run is a fresh process that quits on its window's first paint; the parent measures the
whole wall time (interpreter start included), the same way for both. Prints the medians.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

_EXIT_ON_PAINT = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
class _Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False
"""

BARE = (
    _EXIT_ON_PAINT
    + """
from PySide6.QtWidgets import QWidget
app = QApplication([])
window = QWidget(); window.resize(1000, 700)
probe = _Quit(); window.installEventFilter(probe); window.show(); app.exec()
"""
)

CLIENT = (
    _EXIT_ON_PAINT
    + """
from desktop_app.app import build, ensure_application, parse_args
app = ensure_application()
context = build(parse_args(["--seed", "none"]))
login = context.window.findChild(QObject, "loginScreen")
probe = _Quit(); login.installEventFilter(probe); context.window.show(); app.exec()
"""
)


def _time(code: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        env=os.environ | {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    _time(BARE), _time(CLIENT)  # warm the disk cache and write the bytecode caches
    bare_runs, client_runs = [], []
    for _ in range(runs):  # interleaved, so a busy moment hurts both alike
        bare_runs.append(_time(BARE))
        client_runs.append(_time(CLIENT))
    bare, client = statistics.median(bare_runs), statistics.median(client_runs)
    print(
        f"bare PySide6 window painted: median {bare * 1000:.0f} ms, min {min(bare_runs) * 1000:.0f} ms"
    )
    print(
        f"login screen painted:        median {client * 1000:.0f} ms, min {min(client_runs) * 1000:.0f} ms"
    )
    print(
        f"ratio of medians {client / bare:.2f}x, of minimums {min(client_runs) / min(bare_runs):.2f}x"
        f" ({runs} interleaved runs; budget 1.5x)"
    )


if __name__ == "__main__":
    main()
