"""The walkthrough once more, against a real member server (uvicorn, 2 workers, PostgreSQL):
the client shows the server's figures and the server's clock, and moves money once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QRadioButton, QTableView

from desktop_app.domain.clock import parse_instant
from desktop_app.store.remote.demo import HttpDemo
from tests.store.member_server import MemberServer, member_server, pg_available

from .conftest import NOW


@pytest.fixture
def server(tmp_path: Path) -> Iterator[MemberServer]:
    if not pg_available():
        pytest.skip("MEMBER_CLIENT_TEST_PG_URL not set: the member server runs on PostgreSQL")
    with member_server(tmp_path, workers=2) as running:
        demo = HttpDemo(running.url)
        demo.reset(parse_instant(NOW), frozen=False)  # the server's clock runs on from NOW
        demo.close()
        yield running


def test_sign_in_borrow_repay_history_against_the_server(drive, server: MemberServer) -> None:
    d = drive(store_url=server.url, now=None, seed="none")
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "homeScreen"
    assert d.text("memberNameLabel") == "山田 太郎 様"
    assert d.text("balanceLabel") == "120,000円"
    assert d.text("availableLabel") == "380,000円"
    # The server's clock (2026-11-24), not this machine's, decides the next due date.
    assert d.text("nextDueDateLabel") == "2026年11月25日(水)"

    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    d.confirm_dialog()
    assert "10,000円" in d.text("borrowResultLabel")
    d.click("navHome")
    assert d.text("balanceLabel") == "130,000円"

    d.click("navRepay")
    d.find(QRadioButton, "repayKindAmount").click()
    d.type("repayAmountInput", "10000")
    d.click("repayConfirmButton")
    d.confirm_dialog()
    assert "返済金額：10,000円" in d.text("repayResultLabel")

    d.click("navHistory")
    model = d.find(QTableView, "historyTable").model()
    kinds = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert kinds[:3] == ["返済", "借入", "借入"]
    d.click("logoutButton")
    assert d.screen() == "loginScreen"
