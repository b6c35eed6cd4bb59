"""A look change restyles what the member sees (the window's parts, the screen shown, an open
dialog) at once; a screen out of sight takes the new look when it is next shown, and a dialog
opened later is born with it. Repolishing every screen built took seconds (issue 13)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from desktop_app.testing import wait_until_idle

WEB_ID, PASSWORD = "yamada2026", "Taro2026pass"
DARK_WINDOW = QColor("#1d1f22")


class _StyleChanges(QObject):
    """Counts the style changes of the widgets it watches."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self.count = 0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def _choose(d, name: str, code: str) -> None:
    combo = d.find(QComboBox, name)
    combo.setCurrentIndex(combo.findData(code))
    wait_until_idle(d.window)


def _corner(widget: QWidget) -> QColor:
    return widget.grab().toImage().pixelColor(2, widget.height() - 3)


def _points(screen: QWidget) -> set[int]:
    return {
        label.font().pointSize()
        for label in screen.findChildren(QLabel)
        if label.property("role") is None and label.objectName() != "screenTitle"
    }


def test_a_screen_out_of_sight_takes_the_new_look_when_shown(drive):
    d = drive()
    d.sign_in_web(WEB_ID, PASSWORD)
    d.click("navHistory")
    d.click("navSettings")
    home = d.find(QWidget, "homeScreen")
    history = d.find(QWidget, "historyScreen")
    unseen = _StyleChanges([history, *history.findChildren(QWidget)])
    _choose(d, "themeCombo", "dark")
    _choose(d, "fontSizeCombo", "xxlarge")
    settings = d.find(QWidget, "settingsScreen")
    assert _corner(settings) == DARK_WINDOW  # the screen in sight: at once
    assert _corner(d.find(QWidget, "header")) != QColor("#b0601b")  # the light header's
    assert unseen.count == 0, "a screen out of sight was repolished"
    d.click("navHome")
    assert _corner(home) == DARK_WINDOW
    assert _points(home) == {24}, "the screen kept the old font size"
    d.click("navHistory")
    assert unseen.count > 0
    assert _corner(history) == DARK_WINDOW
    assert _points(history) == {24}


def test_a_dialog_opened_after_a_look_change_has_the_new_look(drive):
    d = drive()
    d.sign_in_web(WEB_ID, PASSWORD)
    d.click("navSettings")
    _choose(d, "themeCombo", "dark")
    _choose(d, "fontSizeCombo", "xlarge")
    d.click("navBorrow")
    d.type("borrowAmountInput", "20000")
    d.click("borrowConfirmButton")
    dialog = d.dialog()
    assert dialog.grab().toImage().pixelColor(4, 4) == DARK_WINDOW
    assert {
        label.font().pointSize()
        for label in dialog.findChildren(QLabel)
        if label.property("role") is None
    } == {18}
    assert QApplication.instance().styleSheet() == ""  # the look is on what is shown
