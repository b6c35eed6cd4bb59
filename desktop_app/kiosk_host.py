"""The branch kiosk (``--kiosk``) as the composition root sets it up: preferences read but
never written, the staff exit (``staffExitButton``), a wipe after a visitor who left the
login screen half filled, and ``--kiosk-demo-reset``'s demo store on every wipe.

The rest of kiosk mode lives where it acts: ``Services.kiosk`` (no keychain, no CSV export,
no store or idle setting, settings back to the start on every wipe), the kiosk style sheet
(resources/styles/kiosk.qss) and the full-screen window (``AppContext.show_window``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, SignalInstance, Slot

from desktop_app.viewmodels.services import MemoryPreferences

if TYPE_CHECKING:
    from desktop_app.cli import Options
    from desktop_app.viewmodels.application import ApplicationViewModel
    from desktop_app.viewmodels.base import ViewModel
    from desktop_app.viewmodels.idle import IdleViewModel
    from desktop_app.viewmodels.runner import OperationRunner
    from desktop_app.viewmodels.services import Services
    from desktop_app.viewmodels.staff import StaffPins
    from desktop_app.views.main_window import MainWindow

_log = logging.getLogger(__name__)


def saved_preferences() -> MemoryPreferences:
    """This computer's saved settings (language, font size, theme, the store's address), as
    the kiosk starts with them; what a visitor changes stays in memory."""
    from PySide6.QtCore import QSettings

    from desktop_app.paths import user_config_dir

    saved = QSettings(str(user_config_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return MemoryPreferences({key: str(saved.value(key)) for key in saved.allKeys()})


class KioskContext(Protocol):
    """What the kiosk needs of the composition root (``AppContext``)."""

    options: Options
    services: Services
    runner: OperationRunner
    app_vm: ApplicationViewModel
    idle: IdleViewModel
    view_models: list[ViewModel]

    @property
    def wiped(self) -> SignalInstance: ...

    def wipe(self) -> None: ...


class Kiosk(QObject):
    """The kiosk's own parts of one running client (``AppContext.kiosk``)."""

    def __init__(
        self, context: KioskContext, window: MainWindow, pins: StaffPins | None = None
    ) -> None:
        super().__init__(window)
        from desktop_app.kiosk_file import KioskFile
        from desktop_app.viewmodels.staff import StaffExitViewModel
        from desktop_app.views.staff import StaffExit

        self._context = context
        self._window = window
        self.staff = StaffExitViewModel(context.services, pins or KioskFile(), parent=self)
        context.view_models.append(self.staff)  # the wipe resets it with the others
        self.staff_exit = StaffExit(self.staff, window)
        window.add_to_header(self.staff_exit.button)
        self.staff.leave_requested.connect(self._leave)
        context.idle.visitor_left.connect(self._visitor_left)
        context.wiped.connect(self._wiped)

    @Slot()
    def _visitor_left(self) -> None:
        """A visitor touched the login screen and went: forget what they typed or chose
        (and what was said to them)."""
        self._context.app_vm.clear_signed_out_message()
        self._context.wipe()

    @Slot()
    def _leave(self) -> None:
        """The staff PIN was right: sign any member out (ending the session in the store),
        wipe, and close the client; staff start it again as they need it."""
        app_vm = self._context.app_vm
        if app_vm.session is not None:
            app_vm.sign_out()  # its wipe follows
        else:
            self._context.wipe()
        _log.info("kiosk mode left by staff")
        self._window.close()  # the store's sign-out is finished before it closes

    @Slot()
    def _wiped(self) -> None:
        if self._context.options.kiosk_demo_reset:
            self._reset_demo_store()

    def _reset_demo_store(self) -> None:
        """``--kiosk-demo-reset``: the demo store back to the demo members, in a worker."""
        demo = self._context.services.demo
        if demo is None:
            _log.warning("--kiosk-demo-reset: the store in use is no demo store")
            return
        self._context.runner.submit(
            "demo_reset", demo.reset_to_demo_members, self._demo_reset, self._demo_reset
        )

    @Slot(object)
    def _demo_reset(self, outcome: object) -> None:
        if isinstance(outcome, Exception):
            _log.error("the demo store was not reset: %s", outcome)
        else:
            _log.info("the demo store is back to the demo members")
