"""WCAG 2.1 contrast of every theme, read from its style sheet and palette: text 4.5:1 (1.4.3),
borders of inputs, check boxes and the focus ring 3:1 (1.4.11). Disabled text is exempt in
WCAG; here it keeps 3:1 so that it stays readable (docs/decisions.md).

A text colour is measured against the background its rule draws, every stop of a gradient;
a rule that draws none is measured against what it is drawn on: the header, the navigation,
a card, or the window (and an input's own background)."""

from __future__ import annotations

import re

import pytest

from desktop_app.paths import resources_dir
from desktop_app.views.appearance import _PALETTES, STYLE_THEMES

TEXT, UI, DISABLED = 4.5, 3.0, 3.0
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
# Containers whose children all choose their own text colour (the header's white labels).
_OWN_TEXT = {"#header"}
# Parts with no text: their background is no text's background.
_NO_TEXT = ("QScrollBar", "::indicator", "::pane", "::drop-down", "::down-arrow", "::handle")


def luminance(colour: str) -> float:
    channels = []
    for index in (1, 3, 5):
        c = int(colour[index : index + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def ratio(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rules(theme: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) of every rule of a theme's style sheet, one a selector."""
    sheet = (resources_dir() / "styles" / f"{theme}.qss").read_text(encoding="utf-8")
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)
    found = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        declarations = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                key, value = declaration.split(":", 1)
                declarations[key.strip()] = value.strip()
        found += [(selector.strip(), declarations) for selector in selectors.split(",")]
    return found


def _fill(declarations: dict[str, str]) -> list[str]:
    value = declarations.get("background", declarations.get("background-color", ""))
    return HEX.findall(value)


def _border(declarations: dict[str, str]) -> list[str]:
    keys = ("border", "border-color", "border-left-color", "border-bottom-color")
    return [c for key in keys for c in HEX.findall(declarations.get(key, ""))]


class Theme:
    def __init__(self, name: str) -> None:
        self.rules = rules(name)
        self.fill = {s: _fill(d) for s, d in self.rules if _fill(d)}
        self.window = self.fill["QMainWindow"][0]
        self.text = dict(self.rules)["QWidget"]["color"]

    def around(self, selector: str) -> list[str]:
        """The backgrounds a rule without one of its own is drawn on."""
        if '[lit="true"]' in selector:  # the label of the chosen navigation button
            return self.fill["#navBar QPushButton:checked"]
        for container in ("#header", "#navBar", "#summaryCard", "#loginCard"):
            if selector.startswith(container + " ") and self.fill.get(container):
                return self.fill[container]
        if selector.startswith("QComboBox QAbstractItemView"):
            return self.fill["QComboBox QAbstractItemView"]
        return [self.window]

    def text_pairs(self) -> list[tuple[str, str, str, float]]:
        """(selector, text, background, needed) for every text a rule colours or fills."""
        pairs = []
        for selector, declarations in self.rules:
            if any(part in selector for part in _NO_TEXT) or selector in _OWN_TEXT:
                continue
            fill = _fill(declarations)
            if "color" not in declarations and not fill:
                continue
            if "transparent" in declarations.get("background", "") and not fill:
                fill = self.around(selector)
            colour = HEX.findall(declarations.get("color", self.text)) or [self.text]
            needed = DISABLED if ":disabled" in selector else TEXT
            for background in fill or self.around(selector):
                pairs.append((selector, colour[0], background, needed))
            selected = declarations.get("selection-color")
            if selected and _fill({"background": declarations["selection-background-color"]}):
                pairs.append(
                    (
                        selector + " (selected)",
                        selected,
                        declarations["selection-background-color"],
                        TEXT,
                    )
                )
        return pairs

    def ui_pairs(self) -> list[tuple[str, str, str, float]]:
        """(selector, border, background) of focus rings, input and check box borders."""
        pairs = []
        for selector, declarations in self.rules:
            focus = selector.endswith(":focus")
            field = selector in ("QLineEdit", "QComboBox", "QAbstractSpinBox")
            box = selector in ("QCheckBox::indicator", "QRadioButton::indicator")
            if not (focus or field or box):
                continue
            for border in _border(declarations):
                for background in self.around(selector):
                    pairs.append((selector, border, background, UI))
        for selector, declarations in self.rules:
            if selector.startswith("QScrollBar::handle:") and selector.endswith("al"):
                track = self.fill["QScrollBar:vertical"][0]
                pairs.append((selector, _fill(declarations)[0], track, UI))
        return pairs


def _failures(pairs: list[tuple[str, str, str, float]]) -> list[str]:
    return [
        f"{selector}: {fg} on {bg} is {ratio(fg, bg):.2f}:1 (needs {needed})"
        for selector, fg, bg, needed in pairs
        if ratio(fg, bg) < needed
    ]


def test_the_contrast_formula_matches_wcag():
    assert ratio("#000000", "#ffffff") == pytest.approx(21)
    assert ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", STYLE_THEMES)
def test_every_text_of_the_style_sheet_has_enough_contrast(theme):
    pairs = Theme(theme).text_pairs()
    assert len(pairs) > 40
    assert _failures(pairs) == []


@pytest.mark.parametrize("theme", STYLE_THEMES)
def test_focus_rings_and_field_borders_stand_out(theme):
    pairs = Theme(theme).ui_pairs()
    assert len(pairs) > 10
    assert _failures(pairs) == []


@pytest.mark.parametrize("theme", STYLE_THEMES)
def test_the_palette_has_enough_contrast(theme):
    colours = _PALETTES[theme]
    pairs = [
        ("text on window", colours["text"], colours["window"], TEXT),
        ("text on base", colours["text"], colours["base"], TEXT),
        ("text on button", colours["text"], colours["button"], TEXT),
        ("text on alternate rows", colours["text"], colours["alternate"], TEXT),
        ("selected text", colours["highlighted"], colours["highlight"], TEXT),
        ("link on base", colours["link"], colours["base"], TEXT),
        ("link on window", colours["link"], colours["window"], TEXT),
        ("placeholder on base", colours["placeholder"], colours["base"], TEXT),
        ("disabled text", colours["disabled_text"], colours["disabled_base"], DISABLED),
    ]
    assert _failures(pairs) == []
