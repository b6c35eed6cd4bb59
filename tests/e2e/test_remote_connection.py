"""Against a real member server (uvicorn, 2 workers, PostgreSQL): the server stops while the
member borrows, the banner says so, the server comes back, retry carries on with nothing lost
or doubled; and the settings screen switches a running client over to the server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from desktop_app.domain.clock import parse_instant
from desktop_app.domain.models import HistoryQuery, LedgerKind
from desktop_app.store.remote.demo import HttpDemo
from desktop_app.testing import context_of, wait_until_idle
from tests.store.member_server import MemberServer, member_server, pg_available

from .conftest import NOW

BANNER = "サーバーに接続できません。通信環境をご確認のうえ、もう一度お試しください。"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[MemberServer]:
    if not pg_available():
        pytest.skip("MEMBER_CLIENT_TEST_PG_URL not set: the member server runs on PostgreSQL")
    # The demo clock in a file of the test's, so a restarted server keeps the same clock.
    clock = tmp_path / "server-clock"
    with member_server(tmp_path, workers=2, extra=("--clock-file", str(clock))) as running:
        demo = HttpDemo(running.url)
        demo.reset(parse_instant(NOW), frozen=False)
        demo.close()
        yield running


def _borrowings(d) -> int:
    context = context_of(d.window)
    store, token = context.store.get(), context.app_vm.session.token
    page = store.history(token, HistoryQuery(), None, 100)  # asked by the test itself
    return sum(1 for entry in page.entries if entry.kind is LedgerKind.BORROW)


def test_a_stopped_server_shows_the_banner_and_retry_carries_on(drive, server, qtbot):
    d = drive(store_url=server.url, now=None, seed="none")
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")
    before = _borrowings(d)
    amount = d.find(QLineEdit, "borrowAmountInput")
    amount.setFocus()
    qtbot.keyClicks(amount, "10000")

    server.stop()
    d.click("borrowConfirmButton")  # the confirmation reads the figures first: none come
    assert d.visible_text("connectionBanner") == BANNER
    assert d.window.findChild(QDialog, "confirmDialog") is None
    assert amount.text().replace(",", "") == "10000"

    server.restart()  # the same port, database, pepper and clock
    d.click("connectionRetryButton")  # the figures are read again: the confirmation opens
    assert d.visible_text("connectionBanner") == ""
    server.stop()  # and the server goes away while the member reads it
    d.confirm_dialog()
    assert d.visible_text("connectionBanner") == BANNER
    assert amount.text().replace(",", "") == "10000" and d.visible_text("borrowResultLabel") == ""

    server.restart()
    d.click("connectionRetryButton")  # the same borrowing, with the same request id
    assert "10,000円" in d.visible_text("borrowResultLabel")
    assert d.visible_text("connectionBanner") == ""
    assert _borrowings(d) == before + 1


def test_the_settings_switch_a_running_client_to_the_server(drive, server, qtbot):
    d = drive()  # on this computer's own store
    d.click("loginSettingsLink")
    field = d.find(QLineEdit, "storeUrlInput")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, server.url)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    wait_until_idle(d.window)
    assert d.visible_text("storeStatusLabel").startswith("接続できました。")
    d.click("storeSaveButton")
    assert context_of(d.window).host.url == server.url
    assert d.screen() == "settingsScreen"  # nobody was signed in: nobody to sign out
    assert d.visible_text("storeStatusLabel").startswith("接続先を切り替えました。")
    assert context_of(d.window).demo is None  # a member server is no local demo: no inbox

    d.click("settingsBackButton")
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "homeScreen"
    assert d.text("balanceLabel") == "120,000円"
    assert d.text("nextDueDateLabel") == "2026年11月25日(水)"  # the server's clock decides
