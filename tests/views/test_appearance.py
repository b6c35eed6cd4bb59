"""Themes and font sizes as a member sees them: focus rings on every control, radio buttons and
check boxes that look checked when they are, disabled inputs that look disabled, the largest
size twice the standard, and a theme that follows the computer's own setting."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.paths import resources_dir
from desktop_app.viewmodels.settings import FONT_SIZES, THEMES
from desktop_app.views import appearance
from desktop_app.views.appearance import POINT_SIZES, applied_theme, apply_appearance

ACCENT = {"light": QColor("#b5651d"), "dark": QColor("#e08a2c")}
FOCUS = {"light": QColor("#1f4e9c"), "dark": QColor("#8ab4f8")}
PRIMARY_FOCUS = {"light": QColor("#2b1a08"), "dark": QColor("#ffffff")}
# Every kind of control a member can focus, as the style sheets select it.
FOCUSABLE = (
    "QPushButton",
    'QPushButton[role="primary"]',
    'QPushButton[role="link"]',
    "#navBar QPushButton",
    "#header QPushButton",
    "QLineEdit",
    "QComboBox",
    "QAbstractSpinBox",
    "QCheckBox",
    "QRadioButton",
    "QTabBar::tab",
    "QTableView",
    "QListWidget",
)


@pytest.fixture
def styled(qapp, qtbot):
    """A window under the application's style sheet; the look is put back afterwards."""

    windows: list[QWidget] = []

    def make(theme: str, *widgets: QWidget) -> QWidget:
        apply_appearance(qapp, theme, "medium")
        window = QWidget()
        windows.append(window)
        qtbot.addWidget(window)
        layout = QVBoxLayout(window)
        for widget in widgets:
            layout.addWidget(widget)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    apply_appearance(qapp, "light", "medium")


def _sheet(theme: str) -> str:
    return (resources_dir() / "styles" / f"{theme}.qss").read_text(encoding="utf-8")


def _colours(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width())
        for y in range(0, image.height())
    }


def _near(colours: set[str], wanted: QColor, tolerance: int = 24) -> bool:
    for name in colours:
        colour = QColor(name)
        if all(
            abs(a - b) <= tolerance
            for a, b in (
                (colour.red(), wanted.red()),
                (colour.green(), wanted.green()),
                (colour.blue(), wanted.blue()),
            )
        ):
            return True
    return False


def test_the_largest_font_size_is_twice_the_standard_and_old_settings_keep_their_size():
    assert POINT_SIZES["xxlarge"] == 2 * POINT_SIZES["medium"]
    assert POINT_SIZES["large"] >= 1.25 * POINT_SIZES["medium"]
    codes = [code for code, _label in FONT_SIZES]
    assert codes == ["small", "medium", "large", "xlarge", "xxlarge"]  # settings say "large"
    assert set(codes) == set(POINT_SIZES)
    assert [code for code, _label in THEMES] == ["light", "dark", "system"]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_control_kind_has_a_focus_rule(theme):
    sheet = _sheet(theme)
    selectors = [
        selector.strip()
        for rule in re.findall(r"^([^{/]+)\{", sheet, flags=re.MULTILINE)
        for selector in rule.split(",")
    ]
    missing = [kind for kind in FOCUSABLE if f"{kind}:focus" not in selectors]
    assert missing == []


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_focused_orange_button_shows_a_ring_in_a_contrasting_colour(styled, theme):
    button, other = QPushButton("確定"), QPushButton("キャンセル")
    button.setProperty("role", "primary")
    styled(theme, button, other)
    other.setFocus()
    QApplication.processEvents()
    unfocused = _colours(button.grab().toImage())
    button.setFocus()
    QApplication.processEvents()
    assert button.hasFocus()
    focused = _colours(button.grab().toImage())
    assert _near(focused, PRIMARY_FOCUS[theme], 8)
    assert not _near(unfocused, PRIMARY_FOCUS[theme], 8)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_focused_input_shows_the_focus_ring(styled, theme):
    first, second = QLineEdit(), QLineEdit()
    styled(theme, first, second)
    second.setFocus()
    QApplication.processEvents()
    assert not _near(_colours(first.grab().toImage()), FOCUS[theme], 8)
    first.setFocus()
    QApplication.processEvents()
    assert _near(_colours(first.grab().toImage()), FOCUS[theme], 8)


@pytest.mark.parametrize("kind", [QRadioButton, QCheckBox])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_checked_indicator_looks_checked(styled, theme, kind):
    """The selected 返済方法 must look selected in the dark theme too (it was inverted)."""
    checked, unchecked = kind("選択"), kind("選択")
    checked.setChecked(True)
    styled(theme, checked, unchecked)
    height = checked.height()
    indicator = (0, 0, min(checked.width(), height + 8), height)
    on = checked.grab().toImage().copy(*indicator)
    off = unchecked.grab().toImage().copy(*indicator)
    assert on != off
    assert _near(_colours(on), ACCENT[theme])
    assert not _near(_colours(off), ACCENT[theme])


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_disabled_input_looks_disabled(styled, theme):
    enabled, disabled = QLineEdit("10000"), QLineEdit("10000")
    disabled.setEnabled(False)
    styled(theme, enabled, disabled)
    x, y = enabled.width() - 6, enabled.height() // 2  # background, right of the text
    on = enabled.grab().toImage().pixelColor(x, y)
    off = disabled.grab().toImage().pixelColor(x, y)
    assert on != off
    palette = disabled.palette()
    assert palette.color(palette.ColorGroup.Disabled, palette.ColorRole.Text) != palette.color(
        palette.ColorGroup.Active, palette.ColorRole.Text
    )


def test_the_system_theme_follows_the_computers_setting(qapp, monkeypatch):
    scheme = [Qt.ColorScheme.Dark]
    monkeypatch.setattr(appearance, "system_scheme", lambda _app: scheme[0])
    try:
        apply_appearance(qapp, "system", "medium")
        assert applied_theme(qapp) == "dark"
        assert "#1d1f22" in qapp.styleSheet()  # the dark window colour
        scheme[0] = Qt.ColorScheme.Light
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert applied_theme(qapp) == "light"
        assert "#fbfaf7" in qapp.styleSheet()
        apply_appearance(qapp, "dark", "medium")  # a chosen theme stays, whatever the system
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert "#1d1f22" in qapp.styleSheet()
    finally:
        apply_appearance(qapp, "light", "medium")


def test_an_unknown_system_scheme_is_light(qapp, monkeypatch):
    monkeypatch.setattr(appearance, "system_scheme", lambda _app: Qt.ColorScheme.Unknown)
    try:
        apply_appearance(qapp, "system", "medium")
        assert applied_theme(qapp) == "light"
    finally:
        apply_appearance(qapp, "light", "medium")


def test_a_live_change_repolishes_the_widgets_once(qapp, monkeypatch):
    """Every widget is polished again per style sheet: one sheet per change, none when the
    look stays the same (a system theme change while a theme is chosen)."""
    sheets: list[str] = []
    original = QApplication.setStyleSheet
    monkeypatch.setattr(
        QApplication,
        "setStyleSheet",
        lambda app, sheet: (sheets.append(sheet), original(app, sheet)),
    )
    try:
        apply_appearance(qapp, "light", "xxlarge")
        assert len(sheets) == 1 and "font-size: 24pt" in sheets[0]
        apply_appearance(qapp, "dark", "xxlarge")
        assert len(sheets) == 2
        apply_appearance(qapp, "dark", "xxlarge")
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert len(sheets) == 2
    finally:
        apply_appearance(qapp, "light", "medium")
