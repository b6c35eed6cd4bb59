"""Example 3: move the clock past the due day, see the overdue state, and repay.

The demo host's clock is yours: ``advance_clock(window, days=…, hours=…, minutes=…)`` moves
the store's clock on (and the client's), asks for the figures again and waits. 山田's next
repayment, 5,000円, is due on 2026年11月25日(水); NOW is the day before.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QRadioButton

from desktop_app.testing import advance_clock


def test_a_missed_due_day_makes_the_member_overdue_until_they_repay(start, ui):
    window = start()
    u = ui(window)
    u.sign_in()
    assert u.text("nextDueDateLabel") == "2026年11月25日(水)"
    assert u.text("overdueBanner") == ""

    # Three days on: the 25th passed unpaid. A jump longer than the store's idle limit ends
    # the session, as it would for a member who left the app open: sign in again.
    now = advance_clock(window, days=3)
    assert now.isoformat().startswith("2026-11-27T10:00")
    assert u.screen() == "loginScreen"
    assert u.text("messageBanner") != ""  # why the member was signed out
    u.sign_in()

    # The home page now leads with what is owed, late damages (遅延損害金) included.
    banner = u.text("overdueBanner")
    assert "2026年11月25日(水)のご返済が確認できておりません" in banner
    assert u.text("homeAmountDueLabel") != ""
    assert u.text("homeLateDamagesLabel") != ""
    assert u.text("availableLabel") == ""  # nothing may be borrowed while overdue
    assert not u.find(QAbstractButton, "homeBorrowTile").isEnabled()

    # Repay what is due: 次回ご返済額 pays the amount owed with its damages.
    u.click("navRepay")
    u.find(QRadioButton, "repayKindNext").setChecked(True)  # a fresh form has no kind
    u.click("repayConfirmButton")
    assert "遅延損害金" in u.text("confirmSummaryLabel")
    u.confirm()
    assert "うち遅延損害金" in u.text("repayResultLabel")

    u.click("navHome")
    assert u.text("overdueBanner") == ""
    assert u.find(QAbstractButton, "homeBorrowTile").isEnabled()


def test_an_overdue_member_may_promise_a_date_instead(start, ui):
    window = start()
    advance_clock(window, days=3)  # signed out, the clock moves alike
    u = ui(window)
    u.sign_in()
    u.click("homePromiseButton")
    assert u.screen() == "promiseScreen"
    u.click("promiseSubmitButton")  # promiseDateInput starts on a date the rules allow
    assert "お約束を承りました" in u.text("promiseResultLabel")
