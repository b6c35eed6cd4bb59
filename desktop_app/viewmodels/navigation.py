"""The navigator: where the member is, and where they may go.

Screens are declared once, in the registry of the composition root (desktop_app/screens.py),
which tells the navigator each destination's name, whether it needs a session, which
navigation entry it lights, and (once built) its view-model. Nothing else keeps a list of
screens: the main window draws the navigation the registry declares, and view-models learn
that their screen is shown through ``ViewModel.shown()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.observed import Observed

LOGIN = "login"  # where a member without a session always is
HOME = "home"  # where a member lands after signing in


class Destination(NamedTuple):
    """A screen the navigator may show.

    ``public``: reachable without a session (sign-in, registration, reset, demo inbox).
    ``lights``: the navigation entry lit while it shows (its own name when it has one).
    """

    name: str
    public: bool = False
    lights: str | None = None


class Navigator(QObject):
    """Owns the current screen; refuses a member-only screen without a session.

    Signals:
        screen_changed(str): the destination now shown.
        lit_changed(str): the navigation entry to light ("" for none).
    """

    screen_changed = Signal(str)
    lit_changed = Signal(str)
    screen = Observed(LOGIN, screen_changed)
    lit = Observed("", lit_changed)

    def __init__(self, app: ApplicationViewModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._destinations: dict[str, Destination] = {}
        self._view_models: dict[str, ViewModel] = {}
        self._prepare: Callable[[str], object] | None = None
        self._previous = LOGIN
        app.signed_in_changed.connect(self._on_signed_in_changed)

    # -- declaration (the registry) ---------------------------------------------------------
    def declare(self, destination: Destination) -> None:
        if destination.name in self._destinations:
            raise ValueError(f"screen {destination.name!r} is declared twice")
        self._destinations[destination.name] = destination

    def set_preparer(self, prepare: Callable[[str], object]) -> None:
        """``prepare(name)`` builds a screen not built yet, just before it is first shown."""
        self._prepare = prepare

    def attach(self, name: str, view_model: ViewModel | None) -> None:
        """The screen ``name`` is built; its view-model is told when it is shown."""
        self._destination(name)
        if view_model is not None:
            self._view_models[name] = view_model
            if self.screen == name:
                view_model.on_screen = True
                view_model.shown()

    @property
    def destinations(self) -> tuple[Destination, ...]:
        return tuple(self._destinations.values())

    # -- moving ----------------------------------------------------------------------------
    def may_go(self, name: str) -> bool:
        return self._destination(name).public or self._app.session is not None

    def go(self, name: str) -> None:
        """Show ``name``; a member-only screen without a session shows the sign-in instead."""
        target = name if self.may_go(name) else LOGIN
        if target == self.screen:
            return
        if self._prepare is not None:
            self._prepare(target)
        self._previous = self.screen
        leaving = self._view_models.get(self.screen)
        if leaving is not None:
            leaving.on_screen = False
        self.screen = target
        self.lit = self._destination(target).lights or ""
        arriving = self._view_models.get(target)
        if arriving is not None:
            arriving.on_screen = True
            arriving.shown()

    def back(self) -> None:
        """Back to the screen shown before this one (the demo inbox's "back")."""
        self.go(self._previous)

    def showing(self, view_model: ViewModel) -> bool:
        return self._view_models.get(self.screen) is view_model

    @Slot(bool)
    def _on_signed_in_changed(self, signed_in: bool) -> None:
        self.go(HOME if signed_in else LOGIN)

    def _destination(self, name: str) -> Destination:
        try:
            return self._destinations[name]
        except KeyError:
            raise ValueError(f"no screen {name!r} is declared") from None
