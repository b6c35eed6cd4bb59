"""The demo/operator interface through the harness: ``advance_clock`` and ``sent_messages`` on a
demo host, and neither (nor the inbox links) where the host is not a demo."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractButton, QDateEdit

from desktop_app.testing import advance_clock, sent_messages

NEW_DEVICE = "新しい端末からのログインがありました"


def test_a_month_later_the_home_screen_shows_the_member_overdue(drive):
    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.visible_text("overdueBanner") == ""
    now = advance_clock(d.window, days=31)
    assert now.isoformat().startswith("2026-12-25T10:00")
    # A month of idleness ends the session: the client is told so and signs out.
    assert d.screen() == "loginScreen"
    assert d.visible_text("messageBanner")
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "homeScreen"
    assert d.visible_text("overdueBanner")  # 11-25 passed unpaid
    assert d.text("nextDueDateLabel") == "2026年11月25日(水)"
    d.click("navInterest")
    assert "遅延損害金" in d.visible_text("interestToDateLabel")


def test_what_the_service_sent_is_read_through_the_harness(drive):
    d = drive()
    assert sent_messages(d.window) == ()
    d.sign_in_web("yamada2026", "Taro2026pass")  # a device not seen before: an alert
    (alert,) = sent_messages(d.window)
    assert (alert.channel, alert.recipient, alert.subject) == (
        "email",
        "y***@example.jp",
        NEW_DEVICE,
    )
    d.click("logoutButton")
    advance_clock(d.window, minutes=5)
    d.click("forgotPasswordLink")
    d.type("resetIdInput", "tanaka0404")
    d.find(QDateEdit, "resetBirthDateInput").setDate(QDate(1990, 4, 4))
    d.click("resetSendCodeButton")
    newest = sent_messages(d.window)[0]
    assert newest.subject == "【こはくローン】確認コードのお知らせ"
    assert re.search(r"確認コード：\d{6}", newest.body)
    assert newest.sent_at > alert.sent_at


def test_a_host_that_is_not_a_demo_has_no_inbox_clock_or_outbox(drive):
    d = drive(seed="none")
    for link in ("demoInboxLink", "registerInboxButton", "resetInboxButton"):
        assert d.find(QAbstractButton, link).isHidden(), link
    with pytest.raises(RuntimeError, match="not a demo"):
        advance_clock(d.window, days=1)
    with pytest.raises(RuntimeError, match="not a demo"):
        sent_messages(d.window)


def test_the_inbox_links_are_there_on_a_demo_host(drive):
    d = drive()
    for link in ("demoInboxLink", "registerInboxButton", "resetInboxButton"):
        assert not d.find(QAbstractButton, link).isHidden(), link


def test_a_member_server_without_demo_offers_the_harness_no_clock_or_outbox(drive, tmp_path):
    from tests.store.member_server import MemberServer

    server = MemberServer(f"sqlite:///{tmp_path / 'server.db'}", tmp_path, workers=1, demo=False)
    try:
        d = drive(store_url=server.url, now=None, seed="none")
        with pytest.raises(RuntimeError, match="not a demo"):
            sent_messages(d.window)
        with pytest.raises(RuntimeError, match="not a demo"):
            advance_clock(d.window, days=1)
        d.sign_in_web("yamada2026", "Taro2026pass")  # the client itself works as ever
        assert d.screen() == "homeScreen"
    finally:
        server.stop()
