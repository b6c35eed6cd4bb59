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
YELLOW = QColor("#ffff00")  # the high-contrast theme's focus ring
FOCUS = {"light": QColor("#1f4e9c"), "dark": QColor("#8ab4f8"), "high_contrast": YELLOW}
PRIMARY_FOCUS = {"light": QColor("#2b1a08"), "dark": QColor("#ffffff"), "high_contrast": YELLOW}
THEMES_WITH_SHEETS = ["light", "dark", "high_contrast"]
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
    assert [code for code, _label in THEMES] == ["light", "dark", "high_contrast", "system"]


@pytest.mark.parametrize("theme", THEMES_WITH_SHEETS)
def test_every_control_kind_has_a_focus_rule(theme):
    sheet = _sheet(theme)
    selectors = [
        selector.strip()
        for rule in re.findall(r"^([^{/]+)\{", sheet, flags=re.MULTILINE)
        for selector in rule.split(",")
    ]
    missing = [kind for kind in FOCUSABLE if f"{kind}:focus" not in selectors]
    assert missing == []


@pytest.mark.parametrize("theme", THEMES_WITH_SHEETS)
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


@pytest.mark.parametrize("theme", THEMES_WITH_SHEETS)
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


@pytest.mark.parametrize("kind", [QRadioButton, QCheckBox])
def test_a_checked_indicator_is_filled_white_in_high_contrast(styled, kind):
    """Checked: a white box with a black mark; unchecked: a black box in a white frame."""
    checked, unchecked = kind("選択"), kind("選択")
    checked.setChecked(True)
    styled("high_contrast", checked, unchecked)
    height = checked.height()
    indicator = (0, 0, min(checked.width(), height + 8), height)

    def white(image: QImage) -> int:
        return sum(
            image.pixelColor(x, y).lightness() > 230
            for x in range(image.width())
            for y in range(image.height())
        )

    on = checked.grab().toImage().copy(*indicator)
    off = unchecked.grab().toImage().copy(*indicator)
    assert white(on) > 2 * white(off)


@pytest.mark.parametrize("theme", THEMES_WITH_SHEETS)
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


def _distance(a: QColor, b: QColor) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))


@pytest.mark.parametrize("theme", THEMES_WITH_SHEETS)
def test_a_dialog_shows_its_edge(styled, theme, qtbot):
    """Over the dimmed page a borderless dark dialog had no edge at all."""
    from PySide6.QtWidgets import QDialog, QLabel

    styled(theme, QLabel("画面"))
    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(QLabel("ご確認ください"))
    dialog.resize(240, 120)
    dialog.show()
    qtbot.waitExposed(dialog)
    image = dialog.grab().toImage()
    inside = image.pixelColor(image.width() // 2, image.height() - 6)
    for x, y in ((0, image.height() // 2), (image.width() // 2, 0), (image.width() - 1, 40)):
        assert _distance(image.pixelColor(x, y), inside) >= 60


@pytest.mark.parametrize("theme", THEMES_WITH_SHEETS)
def test_a_disabled_input_has_a_dashed_border_and_a_clearly_different_fill(styled, theme):
    """Step 2 of register and reset: disabled fields (rgb 34,36,39) looked like the enabled
    ones (43,46,51) in the dark theme."""
    enabled, disabled = QLineEdit(), QLineEdit()
    disabled.setEnabled(False)
    styled(theme, enabled, disabled)
    on, off = enabled.grab().toImage(), disabled.grab().toImage()
    y = on.height() // 2
    assert _distance(on.pixelColor(on.width() // 2, y), off.pixelColor(off.width() // 2, y)) >= 12
    top = range(8, on.width() - 8)
    assert len({on.pixelColor(x, 0).name() for x in top}) == 1  # a solid border
    assert len({off.pixelColor(x, 0).name() for x in top}) >= 2  # dashes and gaps


@pytest.mark.parametrize("theme", THEMES_WITH_SHEETS)
def test_a_secondary_button_does_not_look_like_an_input(styled, theme):
    """すべて表示 and CSVで保存 looked like input boxes in the dark theme."""
    button, field, focus = QPushButton("すべて表示"), QLineEdit(), QLineEdit()
    styled(theme, button, field, focus)
    focus.setFocus()
    QApplication.processEvents()
    pressed, typed = button.grab().toImage(), field.grab().toImage()
    y = pressed.height() // 2
    assert _distance(pressed.pixelColor(4, y), typed.pixelColor(4, typed.height() // 2)) >= 12
    assert _distance(pressed.pixelColor(0, y), typed.pixelColor(0, typed.height() // 2)) >= 12


@pytest.mark.parametrize("theme", THEMES_WITH_SHEETS)
def test_table_cells_keep_their_figures_clear_of_the_grid(styled, theme):
    """A right-aligned amount ended on the cell's border."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(1, 2)
    for column, text in enumerate(("¥10,000", "三井住友銀行")):
        item = QStandardItem(text)
        align = Qt.AlignmentFlag.AlignRight if column == 0 else Qt.AlignmentFlag.AlignLeft
        item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        model.setItem(0, column, item)
    table = QTableView()
    table.setModel(model)
    styled(theme, table)
    table.resizeColumnsToContents()
    QApplication.processEvents()
    image = table.viewport().grab().toImage()
    for column in (0, 1):
        cell = table.visualRect(model.index(0, column))
        background = image.pixelColor(cell.center().x(), cell.top() + 1)
        inked = [
            x
            for x in range(cell.left(), cell.right() + 1)
            for y in range(cell.top() + 2, cell.bottom() - 1)
            if _distance(image.pixelColor(x, y), background) >= 80
        ]
        assert inked, "no text drawn"
        assert min(inked) - cell.left() >= 6
        assert cell.right() - max(inked) >= 6
