"""Fonts, theme and font size: how the whole application looks.

``apply_appearance`` is the one entry: it sets the application font, the palette and the
theme's style sheet. The ``system`` theme picks light or dark from the platform's colour
scheme and follows it while the client runs.

Where the sheet goes: on the application (one ``setStyleSheet``), unless a client window has
scoped the look (``scope_look``): then the application's sheet stays empty and the sheet is
set on each *root* the views adopt (``adopt``: the window's header, navigation and banners,
every screen, every dialog). A look change restyles the roots in sight at once and marks the
others stale; a stale root gets the current sheet just before it is shown. An application
sheet repolished all ~1000 widgets of every screen built (seconds on a busy machine); a root's
sheet repolishes only the widgets under it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

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
        self.sheet = ""  # the theme's sheet now, the kiosk's addendum included
        self._applied: tuple[str, int, bool] | None = None
        self._scopes: set[int] = set()  # the owners of the windows that scoped the look
        self._roots: dict[int, tuple[QWidget, str]] = {}  # id → (root, its own addendum)
        self._stale: set[int] = set()  # roots whose sheet is older than ``sheet``
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
            if not self._scopes and app.styleSheet() != self.sheet:
                app.setStyleSheet(self.sheet)  # a scoped window closed since: app-wide again
            return  # nothing would change: spare every widget a repolish
        self._applied = (resolved, points, self.kiosk)
        family = load_bundled_font()
        font = QFont(family) if family else QFont()
        font.setPointSize(points)
        self.sheet = style_sheet(resolved, points, family or font.family())
        if self.kiosk:
            self.sheet += kiosk_sheet()
        app.setFont(font)
        app.setPalette(palette(resolved))
        if not self._scopes:
            app.setStyleSheet(self.sheet)
            return
        self._stale = set(self._roots)
        for key, (root, _extra) in list(self._roots.items()):
            if root.isVisible():
                self._style(key)

    def scope(self, owner: QObject) -> None:
        if not self._scopes and self._app.styleSheet():
            self._app.setStyleSheet("")
        self._scopes.add(id(owner))

    def release(self, owner: QObject) -> None:
        self._scopes.discard(id(owner))  # the app-wide sheet comes back at the next apply

    def adopt(self, root: QWidget, extra: str) -> None:
        key = id(root)
        if key not in self._roots:
            root.installEventFilter(self)
            root.destroyed.connect(lambda *_args, key=key: self._forget(key))
        self._roots[key] = (root, extra)
        visible, polished = (
            root.isVisible(),
            root.testAttribute(Qt.WidgetAttribute.WA_WState_Polished),
        )
        if not self._scopes:
            if root.styleSheet() != extra:
                root.setStyleSheet(extra)
        elif visible or (not polished and root.isWindow()):
            # In sight, or a window not yet polished (a dialog: its fitting measures it before
            # it is shown): the sheet now, no repolish yet. A screen or part of the window
            # takes it just before it is first shown (``freshen``, the Show event): a screen
            # the member never opens is never styled, and start-up parses no sheet per screen.
            self._style(key)
        else:
            self._stale.add(key)

    def freshen(self, root: QWidget) -> None:
        if id(root) in self._stale:
            self._style(id(root))

    def _forget(self, key: int) -> None:
        self._roots.pop(key, None)
        self._stale.discard(key)

    def _style(self, key: int) -> None:
        self._stale.discard(key)
        root, extra = self._roots[key]
        sheet = f"{self.sheet}\n{extra}" if extra else self.sheet
        if root.styleSheet() != sheet:
            root.setStyleSheet(sheet)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only the roots' own events come here (a few per screen change), not their widgets'.
        if self._stale and event.type() == QEvent.Type.Show and id(watched) in self._stale:
            self._style(id(watched))
        return False


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


def scope_look(app: QApplication, owner: QObject) -> None:
    """From now on (until ``release_look``) the look is set on the roots views ``adopt``, not
    on the application: a look change repolishes what is in sight only."""
    _appearance(app).scope(owner)


def release_look(app: QApplication, owner: QObject) -> None:
    """``owner``'s window is gone: the next ``apply_appearance`` styles the application again
    (when no other window scoped the look)."""
    _appearance(app).release(owner)


def adopt(root: QWidget, extra: str = "") -> None:
    """Give ``root`` and the widgets under it the look, with ``extra`` rules of its own: under
    a scoped look the theme's sheet is set on it now if it is in sight or not yet polished,
    else just before it is next shown; under the app-wide look only ``extra`` is its own."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        _appearance(app).adopt(root, extra)


def freshen(root: QWidget) -> None:
    """Give an adopted ``root`` the current look now if it is stale (about to be shown)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        _appearance(app).freshen(root)


def applied_theme(app: QApplication) -> str:
    """The style sheet in use now (``light``, ``dark`` or ``high_contrast``), whatever the
    setting says."""
    return style_theme(app, _appearance(app).theme)
