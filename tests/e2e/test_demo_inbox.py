"""The demo inbox (every member's sent codes) is offered on a demo host only, and never at a
branch kiosk (``--kiosk``), even when the kiosk runs the demo store."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

INBOX_LINKS = ("demoInboxLink", "registerInboxButton", "resetInboxButton")


def test_a_kiosk_on_the_demo_store_offers_no_inbox(drive):
    d = drive(kiosk=True)
    for link in INBOX_LINKS:
        assert d.find(QAbstractButton, link).isHidden(), link


def test_a_store_without_demo_members_offers_no_inbox_after_a_member_signs_up(drive):
    d = drive(seed="none")
    assert d.screen() == "loginScreen"
    for link in INBOX_LINKS:
        assert d.find(QAbstractButton, link).isHidden(), link
    d.click("registerWebIdLink")
    assert d.find(QAbstractButton, "registerInboxButton").isHidden()
