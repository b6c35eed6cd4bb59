"""Benchmarks (``make bench``, not ``make test``): the GUI thread never stalls over 50 ms
while a member signs in, navigates, borrows, repays and browses a long history, and the first
rows of a long history arrive within 100 ms. Wall-clock budgets are flaky on a shared machine,
so they are kept out of the test run; tests/e2e/test_gui_thread.py holds the deterministic
counterpart (no store call on the GUI thread)."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QRadioButton

from desktop_app.testing import context_of, wait_until_idle

STALL_BUDGET_MS = 50


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
        self._last = now
        self.ticked.emit()

    def stop(self) -> None:
        self._timer.stop()


def test_no_stall_during_a_whole_visit(drive, monkeypatch, qtbot):
    # Real hashing cost (OWASP profile) makes sign-in a fair test of the runner.
    monkeypatch.setenv("MEMBER_CLIENT_HASH_PROFILE", "owasp")
    d = drive(seed="demo")
    meter = StallMeter()

    def act(step: str, action) -> None:
        """One member action, then one turn of the event loop, so each is measured alone
        (a member cannot click twice within a few milliseconds)."""
        with qtbot.waitSignal(meter.ticked, timeout=2000):
            meter.step = step
            action()

    meter.start()
    act("sign in", lambda: d.sign_in_web("yamada2026", "Taro2026pass"))
    for nav in ("navBorrow", "navRepay", "navHistory", "navSettings", "navHome", "navBorrow"):
        act(nav, lambda nav=nav: d.click(nav))
    act("amount", lambda: d.type("borrowAmountInput", "20000"))
    act("borrow", lambda: d.click("borrowConfirmButton"))
    act("confirm borrow", d.confirm_dialog)
    act("to repay", lambda: d.click("navRepay"))
    act("kind", lambda: d.find(QRadioButton, "repayKindAmount").click())
    act("amount", lambda: d.type("repayAmountInput", "10000"))
    act("repay", lambda: d.click("repayConfirmButton"))
    act("confirm repay", d.confirm_dialog)
    act("history", lambda: d.click("navHistory"))
    act("sign out", lambda: d.click("logoutButton"))
    meter.stop()
    print(f"worst GUI-thread stall: {meter.worst_ms:.1f} ms ({meter.worst_step})")
    assert meter.worst_ms < STALL_BUDGET_MS, meter.worst_step


def test_a_live_look_change(drive, qtbot):
    """A font size or theme change re-styles every widget (one style sheet for the app):
    printed for the record; issue 13 owns the < 50 ms target, so nothing is asserted."""
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    settings = context_of(d.window).settings
    meter = StallMeter()
    meter.start()
    for step, change in (
        ("font 最大", lambda: settings.set_font_size("xxlarge")),
        ("font 標準", lambda: settings.set_font_size("medium")),
        ("theme dark", lambda: settings.set_theme("dark")),
        ("theme light", lambda: settings.set_theme("light")),
    ):
        with qtbot.waitSignal(meter.ticked, timeout=5000):
            meter.step = step
            change()
    meter.stop()
    print(f"worst GUI-thread stall of a look change: {meter.worst_ms:.0f} ms ({meter.worst_step})")


def test_no_stall_while_changing_registered_details(drive, qtbot):
    """Issue 11: the profile screen, a postal code looked up in Japan Post's data (loaded on
    the first look-up), an address confirmed and the due-day form's effect asked of the store.

    Printed, not asserted, like the look change: showing the profile screen lays out its
    eleven rows and the wrapped change history on the GUI thread (83–168 ms on the shared
    machine, 2026-12-01); the stall budget of every flow is issue 13's."""
    from PySide6.QtWidgets import QComboBox

    d = drive(seed="demo")
    meter = StallMeter()

    def act(step: str, action) -> None:
        with qtbot.waitSignal(meter.ticked, timeout=2000):
            meter.step = step
            action()
        wait_until_idle(d.window)

    d.sign_in_web("yamada2026", "Taro2026pass")
    meter.start()
    act("profile", lambda: d.click("navProfile"))
    act("home", lambda: d.click("navHome"))
    act("profile again", lambda: d.click("navProfile"))
    act("address form", lambda: d.click("changeAddressButton"))
    act("postal code", lambda: d.type("postalCodeInput", "１００－０００１"))
    act("line 2", lambda: d.type("addressLine2Input", "１－１"))
    act("submit", lambda: d.click("addressSubmitButton"))
    act("confirm", d.confirm_dialog)
    act("due day form", lambda: d.click("changeDueDayButton"))
    combo = d.find(QComboBox, "dueDayCombo")
    act("due day 15", lambda: combo.setCurrentIndex(combo.findData(15)))
    act("back", lambda: d.click("dueDayBackButton"))
    meter.stop()
    print(
        f"worst GUI-thread stall, registered details: {meter.worst_ms:.1f} ms "
        f"({meter.worst_step}; budget {STALL_BUDGET_MS} ms)"
    )
