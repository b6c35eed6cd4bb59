"""The types a screen declaration is made of (shared by the registry and the tour scenes)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

from desktop_app.viewmodels.navigation import Destination, Navigator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.viewmodels.application import ApplicationViewModel
    from desktop_app.viewmodels.base import ViewModel
    from desktop_app.viewmodels.idle import IdleViewModel
    from desktop_app.viewmodels.login import LoginViewModel
    from desktop_app.viewmodels.services import Services
    from desktop_app.viewmodels.settings import SettingsViewModel
    from desktop_app.viewmodels.store_settings import StoreSettingsViewModel

VM = TypeVar("VM", bound="ViewModel")
BACK = "<back>"  # a link target: the screen shown before


class Host(Protocol):
    """What the builders and tour scenes get from the composition root."""

    services: Services
    app_vm: ApplicationViewModel
    navigator: Navigator
    settings: SettingsViewModel
    store_settings: StoreSettingsViewModel
    login: LoginViewModel
    idle: IdleViewModel

    def view_model(self, name: str, kind: type[VM]) -> VM: ...

    def press(self, object_name: str) -> None: ...


Built = tuple["ViewModel | None", "QWidget"]
# A tour scene yields None to let the client work (the tour waits until it is idle again) and
# a name to take a screenshot of what is on screen now.
Scene = Callable[[Host], Iterator[str | None]]


class NavEntry(NamedTuple):
    object_name: str  # e.g. "navHome" (UI-CONTRACT.md)
    label: str  # message id


class TourScene(NamedTuple):
    """A part of the tour: ``member`` is who is signed in for it (None: nobody)."""

    member: str | None
    play: Scene


class ScreenSpec(NamedTuple):
    name: str
    build: Callable[[Host], Built]
    public: bool = False
    nav: NavEntry | None = None
    lights: str | None = None  # the navigation entry lit, when not its own
    links: Mapping[str, str] = MappingProxyType({})  # view signal → screen or BACK
    # Its scenes of the screenshot tour, as "module:NAME" in desktop_app.screens: imported by
    # the tour only, so start-up does not load every scene's script.
    tour_ref: str = ""

    @property
    def tour(self) -> tuple[TourScene, ...]:
        if not self.tour_ref:
            return ()
        from importlib import import_module

        module, _, attribute = self.tour_ref.partition(":")
        scenes: tuple[TourScene, ...] = getattr(
            import_module(f"desktop_app.screens.{module}"), attribute
        )
        return scenes

    @property
    def destination(self) -> Destination:
        lights = self.lights or (self.name if self.nav else None)
        return Destination(self.name, public=self.public, lights=lights)
