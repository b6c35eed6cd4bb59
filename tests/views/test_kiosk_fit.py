"""Kiosk mode at 標準 in the smallest window (800×600) and in full HD: with the on-screen keypad
or keyboard shown under the screens, every text still fits (the fit tests' checks), the window
does not grow, the focused field is scrolled into sight, and every key is a 48 px touch target."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from desktop_app.testing import close_all, context_of, launch_app
from desktop_app.views.kiosk_panel import KioskInputPanel
from desktop_app.views.widgets.kiosk_keys import KEY_SIZE
from tests.views.conftest import NOW
from tests.views.fit_checks import misfits
from tests.views.scene_walk import scenes as _scenes
from tests.views.scene_walk import settle as _settle
from tests.views.scene_walk import sign_in as _sign_in

SIZES = [(800, 600), (1920, 1080)]
# (signed in?, screen, field, what the panel shows)
FIELDS = [
    (False, "login", "webIdInput", "text"),
    (False, "login", "cardNumberInput", "digits"),
    (False, "login", "pinInput", "pin"),
    (True, "borrow", "borrowAmountInput", "digits"),
    (True, "simulator", "simMonthsInput", "digits"),
    (True, "limit", "incomeInput", "digits"),
    (True, "address", "postalCodeInput", "digits"),
    (True, "email", "emailChangeInput", "text"),
    (True, "password", "newPasswordInput", "secret"),
]


@pytest.fixture
def kiosk_window(qapp, tmp_path) -> Iterator:
    def start(language: str, size: tuple[int, int]) -> QMainWindow:
        window = launch_app(
            store_url=f"sqlite:///{tmp_path / 'members.db'}", now=NOW, language=language, kiosk=True
        )
        context_of(window).settings.set_font_size("medium")
        window.showNormal()  # full screen is the screen's size: these sizes stand for screens
        window.resize(*size)
        _settle(window)
        return window

    yield start
    close_all()


def _shown_whole(field: QWidget) -> bool:
    parent = field.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return True
    viewport = parent.viewport()
    rect = field.rect().translated(field.mapTo(viewport, field.rect().topLeft()))
    return viewport.rect().contains(rect)


def _focus(window: QMainWindow, screen: str, name: str) -> QLineEdit:
    context = context_of(window)
    context.navigator.go(screen)
    _settle(window)
    if name in ("cardNumberInput", "pinInput"):
        window.findChild(QTabWidget, "loginMethodTabs").setCurrentIndex(1)
    field = window.findChild(QLineEdit, name)
    assert field is not None, name
    field.setFocus()
    _settle(window)
    return field


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_panel_fits_under_every_field_it_serves(kiosk_window, language, size):
    window = kiosk_window(language, size)
    panel = window.findChild(KioskInputPanel, "kioskInputPanel")
    problems: list[str] = []
    for signed_in, screen, name, kind in FIELDS:
        if signed_in and context_of(window).app_vm.session is None:
            _sign_in(context_of(window), "yamada")
            _settle(window)
        field = _focus(window, screen, name)
        assert panel.isVisible() and panel.kind == kind, name
        assert (window.width(), window.height()) == size, f"{name}: the window grew"
        assert _shown_whole(field), f"{name} is hidden behind the panel"
        keys = [key for key in panel.findChildren(QPushButton) if key.isVisible()]
        assert keys, name
        small = [k.objectName() for k in keys if min(k.width(), k.height()) < KEY_SIZE]
        assert small == [], f"{name}: keys under {KEY_SIZE} px: {small}"
        problems += [f"{name}: {problem}" for problem in misfits(window)]
    assert problems == [], "\n".join(problems)


def test_every_screen_fits_in_kiosk_mode_at_the_standard_size(kiosk_window):
    """The fit tests' tour of every screen and state, in kiosk mode (the panel shown wherever
    a scene leaves the focus in a field it serves)."""
    window = kiosk_window("ja", (800, 600))
    problems: list[str] = []
    for shot in _scenes(window):
        assert (window.width(), window.height()) == (800, 600), f"{shot}: the window grew"
        problems += [f"{shot}: {problem}" for problem in misfits(window)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_header_and_the_lit_entry_show_at_the_largest_size(kiosk_window, language):
    """最大 in 800×600 at a kiosk: the staff exit takes header room, so the brand is elided
    (whole on its accessible name) and never runs under the member's name; the keys take
    height, so the navigation scrolls, and the lit entry is scrolled into sight."""
    window = kiosk_window(language, (800, 600))
    context = context_of(window)
    context.settings.set_font_size("xxlarge")
    _sign_in(context, "yamada")
    _settle(window)
    window.findChild(QPushButton, "navSettings").click()
    _settle(window)
    header = window.findChild(QWidget, "header")
    problems = [p for p in misfits(window) if any(n in p for n in ("brandLabel", "headerMember"))]
    assert problems == []
    brand = window.findChild(QLabel, "brandLabel")
    member = window.findChild(QLabel, "headerMemberLabel")
    assert brand.geometry().right() < member.geometry().left()
    assert brand.accessibleName() in window.windowTitle()
    assert member.width() >= member.sizeHint().width()
    assert header.width() == 800
    scroll = window.findChild(QScrollArea, "navScroll")
    lit = window.findChild(QPushButton, "navSettings")
    top_left = lit.mapTo(scroll.viewport(), lit.rect().topLeft())
    assert scroll.viewport().rect().contains(lit.rect().translated(top_left))
