"""Example 4: a branch kiosk forgets a visitor who walks away.

``launch_app(kiosk=True)`` is ``--kiosk``: full screen, nothing written to this computer, and
after ``idle_seconds`` without input (60 at a kiosk) ``idleWarningDialog`` counts down
``warning_seconds`` (15), then signs out and wipes every trace of the member. Here both are a
few seconds, so the test waits for real timers (``qtbot.waitUntil``), not a minute.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QTabWidget

# What would identify 山田 or his money on screen (DOMAIN.md §8).
TRACES = ("山田", "100000001", "yamada2026", "4000123412341234", "円")


def test_a_visitor_who_walks_away_mid_borrowing_leaves_nothing_behind(start, ui, qtbot):
    window = start(kiosk=True, idle_seconds=1, warning_seconds=2)
    u = ui(window)

    # Sign in with the card (at a kiosk the on-screen keypad types into these fields; a
    # script may fill them as usual).
    u.find(QTabWidget, "loginMethodTabs").setCurrentIndex(1)
    u.type("cardNumberInput", "4000123412341234")
    u.type("pinInput", "1234")
    u.click("loginButton")
    assert u.text("memberNameLabel") == "山田 太郎 様"

    # Start a borrowing and leave it on its confirmation dialog.
    u.click("navBorrow")
    u.type("borrowAmountInput", "10000")
    u.click("borrowConfirmButton")
    assert u.dialog().isVisible()
    QApplication.clipboard().setText("100000001")  # say the visitor copied something

    # Walk away: no input from here on. After idle_seconds the warning opens ...
    qtbot.waitUntil(lambda: _visible(window, "idleWarningDialog"), timeout=10_000)
    countdown = window.findChild(QLabel, "idleCountdownLabel")
    first = countdown.text()
    # ... and counts down, a second at a time ...
    qtbot.waitUntil(lambda: countdown.text() != first, timeout=5_000)
    # ... then the client signs out and wipes: back at the login screen.
    qtbot.waitUntil(lambda: u.screen() == "loginScreen", timeout=10_000)
    qtbot.waitUntil(lambda: not _visible(window, "idleWarningDialog"), timeout=5_000)

    assert _traces(window) == []
    assert QApplication.clipboard().text() == ""

    # No money moved: the next sign-in finds the balance as it was.
    u.find(QTabWidget, "loginMethodTabs").setCurrentIndex(1)
    u.type("cardNumberInput", "4000123412341234")
    u.type("pinInput", "1234")
    u.click("loginButton")
    assert u.text("balanceLabel") == "120,000円"


def _visible(window, name: str) -> bool:
    dialog = window.findChild(QDialog, name)
    return dialog is not None and dialog.isVisible()


def _traces(window) -> list[str]:
    """Every label or input that still shows something of the member, and any open dialog."""
    found = [
        f"{label.objectName()}: {label.text()!r}"
        for label in window.findChildren(QLabel)
        if any(trace in label.text() for trace in TRACES)
    ]
    found += [
        f"{field.objectName()}: {field.text()!r}"
        for field in window.findChildren(QLineEdit)
        if field.text() and field.objectName() not in ("qt_spinbox_lineedit", "storeUrlInput")
    ]
    found += [d.objectName() for d in window.findChildren(QDialog) if d.isVisible()]
    return found
