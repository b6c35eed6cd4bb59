"""Fonts, theme and font size: how the whole application looks.

``apply_appearance`` is the one entry: it sets the application font, the palette and the
theme's style sheet (one ``setStyleSheet`` call, so a live change repolishes the widgets once).
The ``system`` theme picks light or dark from the platform's colour scheme and follows it
while the client runs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.paths import resources_dir

BUNDLED_FONT = "ipaexg.ttf"
# Point sizes by setting code; settings files written before 特大/最大 existed say
# small/medium/large, which keep their meaning. The largest is twice 標準.
POINT_SIZES = {"small": 10, "medium": 12, "large": 15, "xlarge": 18, "xxlarge": 24}
STYLE_THEMES = ("light", "dark", "high_contrast")  # with a style sheet; "system": light or dark
SYSTEM = "system"
_loaded_family: list[str] = []

# Colours the palette takes from each theme (the style sheet has its own copies). Text and
# placeholders keep 4.5:1 on their background, disabled text 3:1 (tests/views/test_contrast.py).
_PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "window": "#fbfaf7",
        "text": "#1f2328",
        "base": "#ffffff",
        "alternate": "#f7f3ee",
        "button": "#ffffff",
        "highlight": "#b0601b",
        "highlighted": "#ffffff",
        "placeholder": "#656a72",
        "disabled_text": "#6c7178",
        "disabled_base": "#ece8e2",
        "link": "#0b5cad",
    },
    "dark": {
        "window": "#1d1f22",
        "text": "#e8e6e3",
        "base": "#2b2e33",
        "alternate": "#2a2d31",
        "button": "#2b2e33",
        "highlight": "#e08a2c",
        "highlighted": "#141414",
        "placeholder": "#a9b0b8",
        "disabled_text": "#8b9199",
        "disabled_base": "#25272a",
        "link": "#8ab4f8",
    },
    "high_contrast": {
        "window": "#000000",
        "text": "#ffffff",
        "base": "#000000",
        "alternate": "#1a1a1a",
        "button": "#333333",
        "highlight": "#ffff00",
        "highlighted": "#000000",
        "placeholder": "#c8c8c8",
        "disabled_text": "#a6a6a6",
        "disabled_base": "#1f1f1f",
        "link": "#ffff00",
    },
}


def load_bundled_font() -> str:
    """Register the bundled Japanese font (IPAex Gothic) once and return its family."""
    if not _loaded_family:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / BUNDLED_FONT))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            import logging

            logging.getLogger(__name__).warning("the bundled Japanese font could not be loaded")
            return ""
        _loaded_family.append(families[0])
    return _loaded_family[0]


def system_scheme(app: QApplication) -> Qt.ColorScheme:
    """The platform's colour scheme (Unknown where it has none to tell)."""
    return app.styleHints().colorScheme()


def style_theme(app: QApplication, theme: str) -> str:
    """The style sheet a theme setting stands for: ``system`` follows the platform's scheme
    (dark only when it says dark), anything unknown is light."""
    if theme == SYSTEM:
        return "dark" if system_scheme(app) == Qt.ColorScheme.Dark else "light"
    return theme if theme in STYLE_THEMES else "light"


def point_size(font_size: str) -> int:
    return POINT_SIZES.get(font_size, POINT_SIZES["medium"])


def style_sheet(theme: str, points: int, family: str) -> str:
    """The theme's style sheet with its tokens filled in for ``points``."""
    path = resources_dir() / "styles" / f"{theme}.qss"
    sheet = path.read_text(encoding="utf-8")
    indicator = round(points * 1.3)  # check box and radio indicators grow with the text
    for token, value in (
        ("@FONT_FAMILY@", family),
        ("@FONT_PT@", str(points)),
        ("@HEAD_PT@", str(points + 6)),
        ("@IND_PX@", str(indicator)),
        ("@IND_RADIUS@", str(indicator // 2 + 2)),  # + the 2 px border: a circle
        ("@ICONS@", (resources_dir() / "icons").as_posix()),
    ):
        sheet = sheet.replace(token, value)
    return sheet


def palette(theme: str) -> QPalette:
    """A palette matching the theme, for what the style sheet does not draw (scroll bars,
    calendar pop-ups, item views) and for disabled widgets."""
    colours = {key: QColor(value) for key, value in _PALETTES[theme].items()}
    result = QPalette()
    roles = QPalette.ColorRole
    for role, key in (
        (roles.Window, "window"),
        (roles.WindowText, "text"),
        (roles.Base, "base"),
        (roles.AlternateBase, "alternate"),
        (roles.Text, "text"),
        (roles.Button, "button"),
        (roles.ButtonText, "text"),
        (roles.ToolTipBase, "base"),
        (roles.ToolTipText, "text"),
        (roles.PlaceholderText, "placeholder"),
        (roles.Highlight, "highlight"),
        (roles.HighlightedText, "highlighted"),
        (roles.Link, "link"),
    ):
        result.setColor(role, colours[key])
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        result.setColor(disabled, role, colours["disabled_text"])
    result.setColor(disabled, roles.Base, colours["disabled_base"])
    result.setColor(disabled, roles.Button, colours["disabled_base"])
    return result


class _Appearance(QObject):
    """The application's current look; re-applies a ``system`` theme when the platform's
    colour scheme changes. One per QApplication (its child)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("appearance")
        self._app = app
        self.theme = "light"
        self.font_size = "medium"
        self.kiosk = False
        self._applied: tuple[str, int, bool] | None = None
        app.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def apply(self, theme: str, font_size: str, kiosk: bool = False) -> None:
        self.theme, self.font_size, self.kiosk = theme, font_size, kiosk
        self._render()

    @Slot(Qt.ColorScheme)
    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.theme == SYSTEM:
            self._render()

    def _render(self) -> None:
        app = self._app
        resolved, points = style_theme(app, self.theme), point_size(self.font_size)
        if self._applied == (resolved, points, self.kiosk):
            return  # nothing would change: spare every widget a repolish
        self._applied = (resolved, points, self.kiosk)
        family = load_bundled_font()
        font = QFont(family) if family else QFont()
        font.setPointSize(points)
        app.setFont(font)
        app.setPalette(palette(resolved))
        sheet = style_sheet(resolved, points, family or font.family())
        if self.kiosk:
            sheet += kiosk_sheet()
        app.setStyleSheet(sheet)


def _appearance(app: QApplication) -> _Appearance:
    found = app.findChild(_Appearance, "appearance")
    return found if found is not None else _Appearance(app)


def kiosk_sheet() -> str:
    """The branch kiosk's addendum to every theme: touch targets at least 48 px high."""
    return (resources_dir() / "styles" / "kiosk.qss").read_text(encoding="utf-8")


def apply_appearance(app: QApplication, theme: str, font_size: str, kiosk: bool = False) -> None:
    """Apply the theme (``light``, ``dark``, ``high_contrast`` or ``system``) and the font
    size to every widget; at a branch kiosk (``kiosk``) with touch targets for fingers."""
    _appearance(app).apply(theme, font_size, kiosk)


def applied_theme(app: QApplication) -> str:
    """The style sheet in use now (``light``, ``dark`` or ``high_contrast``), whatever the
    setting says."""
    return style_theme(app, _appearance(app).theme)
