"""How the registry builds a screen and follows its links: ``standard`` (a view-model and its
view, named by module so they are imported only when the screen is built) and ``Link``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Slot

from desktop_app.screens.kinds import BACK, Built, Host
from desktop_app.viewmodels.navigation import Navigator


class Link(QObject):
    """Follows one declared link of a view to a screen (or back)."""

    def __init__(self, navigator: Navigator, target: str, parent: QObject) -> None:
        super().__init__(parent)
        self._navigator = navigator
        self._target = target

    @Slot()
    def follow(self) -> None:
        if self._target == BACK:
            self._navigator.back()
        else:
            self._navigator.go(self._target)


def standard(view_model: str, view: str) -> Callable[[Host], Built]:
    """The builder of a screen whose view-model takes (services, session) and whose view takes
    its view-model: ``standard("interest:InterestViewModel", "interest:InterestView")``
    names them by module (under desktop_app.viewmodels and desktop_app.views) and class, so
    they are imported only when the screen is built."""

    def build(host: Host) -> Built:
        vm = _class("desktop_app.viewmodels", view_model)(
            host.services, host.app_vm, parent=host.app_vm
        )
        return vm, _class("desktop_app.views", view)(vm)

    return build


def _class(package: str, reference: str) -> Any:
    from importlib import import_module

    module, name = reference.split(":")
    return getattr(import_module(f"{package}.{module}"), name)
