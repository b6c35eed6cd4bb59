"""The kiosk's idle wipe (issue 12, done when): a visitor who walks away from a borrowing's
confirmation leaves nothing behind, no money moves, and the store's session is revoked."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.testing import context_of, wait_until_idle
from tests.e2e.traces import visible_traces

WEB_ID, PASSWORD = "yamada2026", "Taro2026pass"


def _sessions(store_url: str, token: str | None = None) -> int:
    with sqlite3.connect(store_url.removeprefix("sqlite:///")) as db:
        if token is None:
            return db.execute("SELECT count(*) FROM sessions").fetchone()[0]
        digest = hashlib.sha256(token.encode()).hexdigest()
        query = "SELECT count(*) FROM sessions WHERE token_hash = ?"
        return db.execute(query, (digest,)).fetchone()[0]


def _go_idle(d) -> None:
    """Nobody touches the screen: the warning comes, counts down, and the wipe follows."""
    d.qtbot.waitUntil(
        lambda: (
            (dialog := d.window.findChild(QDialog, "idleWarningDialog")) is not None
            and dialog.isVisible()
        ),
        timeout=10_000,
    )
    d.qtbot.waitUntil(lambda: d.screen() == "loginScreen", timeout=10_000)
    wait_until_idle(d.window)


def test_walking_away_from_a_borrowing_leaves_nothing_and_moves_no_money(drive, store_url):
    d = drive(kiosk=True, idle_seconds=1, warning_seconds=1)
    context = context_of(d.window)
    context.idle.configure(60, 1)  # no warning while the member is still borrowing
    d.sign_in_web(WEB_ID, PASSWORD)
    assert d.screen() == "homeScreen"
    token = context.app_vm.token
    store = context.store.get()
    principal = store.account_summary(token).principal
    d.click("navBorrow")
    d.type("borrowAmountInput", "30000")
    d.click("borrowConfirmButton")
    assert d.dialog().isVisible()  # the confirmation is left open
    QApplication.clipboard().setText("100000001")
    assert visible_traces(d.window), "the member's figures were on screen"

    context.idle.configure(1, 1)  # …and the visitor walks away
    _go_idle(d)

    assert visible_traces(d.window) == []
    assert QApplication.clipboard().text() == ""
    with pytest.raises(AppError) as ended:
        store.account_summary(token)
    assert ended.value.code is ErrorCode.SESSION_EXPIRED
    assert _sessions(store_url, token) == 0
    again = store.sign_in_with_web_id(WEB_ID, PASSWORD, "test-device")
    assert store.account_summary(again.token).principal == principal  # no money moved
