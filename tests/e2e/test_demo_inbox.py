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


def test_a_kiosk_opens_no_browser_from_the_footer(drive):
    """The FAQ link opens the system's browser: at a branch kiosk the next visitor would find
    it open, so the kiosk shows the legal display without it."""
    d = drive(kiosk=True)
    assert d.find(QAbstractButton, "loginFooterFaqLink").isHidden()
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.find(QAbstractButton, "homeFooterFaqLink").isHidden()
    assert d.visible_text("homeFooterCompanyLabel")  # the legal display stays


def test_a_members_pc_offers_the_faq(drive):
    d = drive()
    assert not d.find(QAbstractButton, "loginFooterFaqLink").isHidden()
