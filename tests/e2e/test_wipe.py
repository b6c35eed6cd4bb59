"""One wipe: after a member has touched every screen and signs out, nothing of theirs is left
in any widget, item model, dialog, view-model or the clipboard."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
)

from desktop_app.testing import context_of, wait_until_idle
from desktop_app.viewmodels.login import LoginViewModel
from desktop_app.viewmodels.observed import observed_properties
from tests.e2e.traces import visible_traces


def test_signing_out_leaves_nothing_of_the_member(drive, qtbot):
    d = drive()
    window = d.window
    context = context_of(window)
    d.sign_in_web("yamada2026", "Taro2026pass")
    for nav in ("navHome", "navRepay", "navHistory", "navSimulator", "navInterest", "navSettings"):
        d.click(nav)
    d.click("navHistory")
    d.find(QDateEdit, "historyFromDate").setDate(QDate(2026, 1, 1))
    wait_until_idle(window)
    d.click("navSimulator")
    d.type("simMonthlyInput", "2万")
    d.click("navHome")
    d.click("homeLimitButton")
    d.type("incomeInput", "600万")
    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")  # the confirmation stays open as the member walks away
    assert d.dialog().isVisible()
    QApplication.clipboard().setText("100000001")
    assert visible_traces(window), "the member's figures were on screen"

    context.app_vm.sign_out()  # as the idle timeout does, with the dialog still open
    wait_until_idle(window)

    assert d.screen() == "loginScreen"
    assert visible_traces(window) == []
    assert QApplication.clipboard().text() == ""
    assert (
        d.find(QDateEdit, "historyFromDate").date()
        == d.find(QDateEdit, "historyFromDate").minimumDate()
    )
    # Every view-model is now as a freshly built one would be, signed out.
    left = []
    for view_model in context.view_models:
        if view_model in (context.app_vm, context.settings):
            continue
        if isinstance(view_model, LoginViewModel):
            fresh = LoginViewModel(context.services, context.app_vm, "another-device")
        else:
            fresh = type(view_model)(context.services, context.app_vm)
        for prop in observed_properties(type(view_model)):
            if prop.name in view_model.KEPT_ON_RESET or prop.name == "busy":
                continue
            value = prop.__get__(view_model)
            if value != prop.__get__(fresh):
                left.append(f"{type(view_model).__name__}.{prop.name} = {value!r}")
    assert left == [], "\n".join(item[:90] for item in left)
    assert context.history.since is None  # the period is the view-model's, and reset
