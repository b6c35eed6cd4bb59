"""Fonts, theme and font size: how the whole application looks."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop_app.paths import resources_dir

BUNDLED_FONT = "ipaexg.ttf"
POINT_SIZES = {"small": 10, "medium": 12, "large": 15}
_loaded_family: list[str] = []


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


def apply_appearance(app: QApplication, theme: str, font_size: str) -> None:
    """Apply the theme's style sheet and the chosen font size to every widget."""
    family = load_bundled_font()
    points = POINT_SIZES.get(font_size, POINT_SIZES["medium"])
    font = QFont(family) if family else QFont()
    font.setPointSize(points)
    app.setFont(font)
    path = resources_dir() / "styles" / f"{theme if theme in ('light', 'dark') else 'light'}.qss"
    sheet = path.read_text(encoding="utf-8")
    for token, value in (
        ("@FONT_FAMILY@", family or font.family()),
        ("@FONT_PT@", str(points)),
        ("@HEAD_PT@", str(points + 6)),
        ("@ICONS@", (resources_dir() / "icons").as_posix()),
    ):
        sheet = sheet.replace(token, value)
    app.setStyleSheet(sheet)
