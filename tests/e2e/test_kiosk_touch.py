"""Touch targets at a branch kiosk: every control a finger presses is at least 48 px high
at the default font size, on every screen and in the dialogs a visitor meets."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QTabBar,
    QWidget,
)

from desktop_app.testing import context_of, wait_until_idle

TOUCH = 48
# A date input's own text field sits inside the input, which is measured itself.
INNER = ("qt_spinbox_lineedit",)


def _small_targets(root: QWidget) -> list[str]:
    QApplication.processEvents()  # the screen just shown is laid out (a test, not the app)
    small = []
    for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox):
        for widget in root.findChildren(kind):
            visible = widget.isVisible() and widget.objectName() not in INNER
            if visible and widget.height() < TOUCH:
                small.append(f"{widget.objectName()}: {widget.height()} px")
    for bar in root.findChildren(QTabBar):
        if bar.isVisible():
            small += [
                f"{bar.objectName()} tab {index}: {bar.tabRect(index).height()} px"
                for index in range(bar.count())
                if bar.tabRect(index).height() < TOUCH
            ]
    return small


def test_every_control_on_every_screen_is_a_touch_target(drive):
    d = drive(kiosk=True)
    context = context_of(d.window)
    assert _small_targets(d.window) == [], "the login screen"
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.window.findChild(QAbstractButton, "navHome").isVisible()
    small = {}
    for name, view in context.views.items():
        d.window.findChild(QWidget, "screenStack").setCurrentWidget(view)
        wait_until_idle(d.window)
        if found := _small_targets(d.window):
            small[name] = found
    assert small == {}


def test_the_dialogs_a_visitor_meets_are_for_fingers_too(drive):
    d = drive(kiosk=True)
    context = context_of(d.window)
    d.click("staffExitButton")
    staff = d.window.findChild(QDialog, "staffPinDialog")
    assert staff.isVisible() and _small_targets(staff) == []
    staff.reject()
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    assert _small_targets(d.dialog()) == []
    d.dialog().reject()
    context.idle.warn_now()
    warning = d.window.findChild(QDialog, "idleWarningDialog")
    assert warning.isVisible() and _small_targets(warning) == []


def test_a_pc_keeps_its_compact_controls(drive):
    d = drive()
    assert d.find(QAbstractButton, "forgotPasswordLink").height() < TOUCH
