"""What the member's bundle leaves out (packaging/member-client.spec).

The client is Qt Widgets on QtCore/QtGui/QtWidgets (+ QtSvg for the icons), the store on
SQLite, PostgreSQL or the member server over HTTPS. It never loads QML/Quick, WebEngine, 3D,
multimedia, the member server (FastAPI, uvicorn, starlette), the test tools or Babel (the
catalogs are read with the standard library's gettext; Babel only compiles them).
"""

from __future__ import annotations

from pathlib import PurePath

EXCLUDED_MODULES = [
    # the member server and its stack: `member-server` is not part of the member's bundle
    "desktop_app.server",
    "fastapi",
    "starlette",
    "uvicorn",
    "uvloop",
    "httptools",
    "watchfiles",
    "websockets",
    # build and test tools
    "babel",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "schemathesis",
    "mypy",
    "ruff",
    "importlinter",
    "grimp",
    "hatchling",
    "setuptools",
    "pip",
    "tests",
    "bench",
    "tkinter",
    "IPython",
    "numpy",
    # Qt modules the client does not import
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebChannel",
    "PySide6.QtNetwork",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtMultimedia",
    "PySide6.QtPdf",
    "PySide6.QtSql",
    "PySide6.QtPrintSupport",
    "PySide6.QtDBus",
    "PySide6.QtTest",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
]

# Qt plugin folders and files kept (everything else under PySide6/Qt/plugins is dropped):
# xcb (X11), wayland and offscreen on Linux, the native platform on Windows and macOS; SVG
# icons; the desktop's input methods (Japanese IMEs) and its portal (file dialogs); the
# client styles itself (resources/styles), so no GTK theme.
_PLUGIN_DIRS = {
    "platforms": {"qxcb", "qoffscreen", "qwayland", "qminimal", "qwindows", "qcocoa", "qdirect2d"},
    "imageformats": {"qsvg", "qico"},
    "iconengines": None,
    "platforminputcontexts": None,
    "platformthemes": {"qxdgdesktopportal"},  # not qgtk3: it brings GTK 3 (~20 MB)
    "styles": None,
    "xcbglintegrations": None,
    "wayland-shell-integration": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": None,
}
# Qt libraries that only the dropped plugins and modules load.
_DROPPED_LIBRARIES = (
    "Qt6Qml",
    "Qt6Quick",
    "Qt6WebEngine",
    "Qt6Pdf",
    "Qt6Network",
    "Qt6Multimedia",
    "Qt63D",
    "Qt6VirtualKeyboard",
    "Qt6Designer",
    "Qt6Sql",
    "Qt6Test",
    "Qt6Help",
    "Qt6Charts",
    "Qt6Graphs",
    # GTK 3 and what only it needs: the qgtk3 theme plugin is left out (above)
    "gtk-3",
    "gdk-3",
    "gdk_pixbuf",
    "atk",
    "atspi",
    "cairo",
    "pango",
    "epoxy",
    "thai",
    "datrie",
    "pixman",
)
# Only the languages the client speaks: Qt's own translations, holidays' names.
_LANGUAGES = ("ja", "en")


def _stem(name: str) -> str:
    stem = name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def dropped_library(name: str) -> bool:
    """A library left out of the bundle on purpose (packaging/check_bundle.py: nothing kept
    may need one)."""
    return any(_stem(name).startswith(prefix) for prefix in _DROPPED_LIBRARIES)


def keep(destination: str) -> bool:
    """Whether the file at ``destination`` (relative to the bundle) goes into the bundle."""
    parts = PurePath(destination).parts
    name = parts[-1]
    if "plugins" in parts:
        index = parts.index("plugins")
        if index + 1 >= len(parts):
            return True
        allowed = _PLUGIN_DIRS.get(parts[index + 1], set())
        if allowed is None:
            return True
        return _stem(name) in allowed
    if "translations" in parts and name.endswith(".qm"):
        return name.startswith("qtbase_") and name[len("qtbase_") :].split(".")[0] in _LANGUAGES
    if parts[0] == "holidays" and "locale" in parts:
        return len(parts) > 2 and parts[2].split("_")[0] in _LANGUAGES
    if dropped_library(name):
        return False
    return not (len(parts) > 1 and parts[0] == "PySide6" and name.endswith((".pyi", ".qml")))
