"""Composition root: arguments → configuration → clock, store, i18n → view-models → windows.

Screens come from the registry (desktop_app/screens.py) and are built after the first paint,
one per turn of the event loop; the navigator decides which shows. ``wipe()`` is the one
place where a member is forgotten.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from desktop_app import i18n
from desktop_app.cli import Options, parse_args
from desktop_app.domain.clock import Clock, OffsetClock
from desktop_app.domain.errors import AppError
from desktop_app.host import OsKeychain, SettingsFile, load_brand
from desktop_app.kiosk_host import Kiosk, saved_preferences
from desktop_app.paths import user_config_dir
from desktop_app.screens import ScreenSpec, connect_links, screens
from desktop_app.startup import (
    EXIT_AFTER_ENV,
    FirstPaint,
    configure_logging,
    ensure_application,
    import_screens,
    make_clock,
    preload,
)
from desktop_app.store_host import StoreHost
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.connection import ConnectionViewModel
from desktop_app.viewmodels.idle import IdleViewModel, idle_periods
from desktop_app.viewmodels.login import LoginViewModel
from desktop_app.viewmodels.messages import use_brand
from desktop_app.viewmodels.navigation import LOGIN, Navigator
from desktop_app.viewmodels.runner import OperationRunner
from desktop_app.viewmodels.services import (
    STORE_URL_KEY,
    Keychain,
    NullKeychain,
    Preferences,
    Services,
)
from desktop_app.viewmodels.settings import SettingsViewModel
from desktop_app.viewmodels.store_access import StoreHandle
from desktop_app.viewmodels.store_settings import StoreSettingsViewModel
from desktop_app.views.appearance import apply_appearance, release_look, scope_look
from desktop_app.views.crash_notice import CrashNotice
from desktop_app.views.login import LoginView
from desktop_app.views.main_window import MainWindow

if TYPE_CHECKING:
    from desktop_app.store.demo import DemoOperations
    from desktop_app.viewmodels.history import HistoryViewModel

__all__ = [
    "AppContext",
    "Options",
    "build",
    "configure_logging",
    "ensure_application",
    "make_clock",
    "parse_args",
    "run",
]

VM = TypeVar("VM", bound=ViewModel)


class AppContext(QObject):
    """Everything one running client owns; ``shutdown()`` releases it.

    Signals:
        wiped(): the one wipe forgot a member (or a kiosk's visitor).
        ready(): start-up is over: every screen is built and the store opened (or failed to).

    As the local store's host it owns the store's settings (not the member protocol's): the
    clock, seeding, the hash profile and the rules (``host``, a ``StoreHost``, which also
    switches stores for the settings screen); and, for a demo host only, the demo interface
    (``services.demo``: the outbox and a clock that can be moved on). At a branch kiosk
    ``kiosk`` (desktop_app/kiosk_host.py) adds the staff exit and the demo store's reset.
    """

    wiped = Signal()
    ready = Signal()

    def __init__(
        self,
        options: Options,
        clock: Clock,
        *,
        keychain: Keychain | None = None,
        preferences: Preferences | None = None,
    ) -> None:
        super().__init__()
        self._closed = False
        self._activity: QObject | None = None  # the idle timeout's input filter (after paint)
        # Workers run Python too (SQL, CSV): hand the GIL back to the GUI thread sooner than
        # the default 5 ms, so a busy worker never makes the window stutter.
        sys.setswitchinterval(0.001)
        self.options = options
        if options.kiosk:  # a branch kiosk writes nothing to the computer (kiosk_host.py)
            keychain = keychain or NullKeychain()
            preferences = preferences or saved_preferences()
        preferences = preferences or SettingsFile(user_config_dir() / "settings.ini", self)
        # A demo host moves its clock on; with a member server it follows the server's clock
        # (HttpStore): an OffsetClock either way, so a live switch of store keeps working.
        demo_clock = OffsetClock(clock)
        self.clock: Clock = demo_clock
        self.host = StoreHost(options, demo_clock, preferences.value(STORE_URL_KEY))
        self.runner = OperationRunner(parent=self)
        self.store = StoreHandle(self.host.open)  # opened in a worker thread, on first use
        self.host.attach(self.store)
        self.services = Services(
            runner=self.runner,
            store=self.store,
            clock=demo_clock,
            keychain=keychain or OsKeychain(),
            preferences=preferences,
            demo=self.host.demo(),
            location=None if options.kiosk else self.host,  # a kiosk's store is the branch's
            kiosk=options.kiosk,
            brand=load_brand(),
        )
        services = self.services
        use_brand(services.brand)
        self.settings = SettingsViewModel(services, options.language, parent=self)
        self.settings.apply_language()
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the look on each screen, not the application
            scope_look(app, self)
        self._apply_appearance()  # before any widget exists, so every one is born styled
        self.app_vm = ApplicationViewModel(services, parent=self)
        self.connection = ConnectionViewModel(services, parent=self)
        self.store_settings = StoreSettingsViewModel(services, self.app_vm, parent=self)
        self.navigator = Navigator(self.app_vm, parent=self)
        self.login = LoginViewModel(services, self.app_vm, self.settings.device_id, parent=self)
        self.idle = IdleViewModel(services, self.app_vm, parent=self)
        self.idle.configure(
            *idle_periods(
                options.kiosk,
                self.settings.idle_minutes,
                options.idle_seconds,
                options.warning_seconds,
            )
        )
        self.settings.idle_minutes_changed.connect(self._apply_idle_minutes)
        self.view_models: list[ViewModel] = [
            self.app_vm,
            self.connection,
            self.login,
            self.settings,
            self.store_settings,
            self.idle,
        ]
        self._screen_models: dict[str, ViewModel] = {}
        self.views: dict[str, QWidget] = {}
        self._specs: dict[str, ScreenSpec] = {spec.name: spec for spec in screens()}
        for spec in self._specs.values():
            self.navigator.declare(spec.destination)
        self.navigator.set_preparer(self.ensure_screen)
        self.navigator.screen_changed.connect(self.app_vm.on_screen_changed)
        nav_items = [
            (spec.name, spec.nav.object_name, spec.nav.label)
            for spec in self._specs.values()
            if spec.nav is not None
        ]
        self.window = MainWindow(
            self.app_vm, self.navigator, nav_items, services.brand, self.connection
        )
        self.crash_notice = CrashNotice(self.window, services.brand)  # the one handler's
        self.kiosk_input: QWidget | None = self._kiosk_input() if options.kiosk else None
        self.ensure_screen(LOGIN)
        self.app_vm.signed_out.connect(self.wipe)
        i18n.hub().language_changed.connect(self._retranslate)
        self.settings.theme_changed.connect(self._apply_appearance)
        self.settings.font_size_changed.connect(self._apply_appearance)
        self.window.closing.connect(self.shutdown)
        self.kiosk = Kiosk(self, self.window) if options.kiosk else None
        self._pending_screens: list[str] = []
        self._starting = {"screens", "store"}  # what start-up still waits for (``ready``)

    def _kiosk_input(self) -> QWidget:
        """Kiosk mode: the on-screen keypad and keyboard under the screens (the preference
        ``kiosk_shuffle_pin`` = ``false`` keeps the PIN's digits in their places)."""
        from desktop_app.views.kiosk_panel import SHUFFLE_PIN_KEY, KioskInputPanel

        shuffle = self.services.preferences.value(SHUFFLE_PIN_KEY) != "false"
        return KioskInputPanel(self.window, shuffle_pin=shuffle)

    # -- screens, built after the first paint (or on first visit) ----------------------------
    def ensure_screen(self, name: str) -> QWidget:
        """The screen's view, built (with its view-model) the first time it is needed."""
        view = self.views.get(name)
        if view is None:
            spec = self._specs[name]
            view_model, view = spec.build(self)
            self.views[name] = view
            if view_model is not None:
                self._screen_models[name] = view_model
                if view_model not in self.view_models:
                    self.view_models.append(view_model)
            connect_links(spec, view, self.navigator)
            self.window.add_screen(name, view)
            self.navigator.attach(name, view_model)
        return view

    def view_model(self, name: str, kind: type[VM]) -> VM:
        """The view-model of screen ``name`` (built if need be), as ``kind``."""
        self.ensure_screen(name)
        view_model = self._screen_models.get(name)
        if not isinstance(view_model, kind):
            raise TypeError(f"screen {name!r} has no {kind.__name__}")
        return view_model

    @property
    def demo(self) -> DemoOperations | None:
        """The host's demo interface (``None`` unless the store in use runs a demo)."""
        return self.services.demo

    @property
    def history(self) -> HistoryViewModel:
        from desktop_app.viewmodels.history import HistoryViewModel

        return self.view_model("history", HistoryViewModel)

    def press(self, object_name: str) -> None:
        """Click a button of the window or of one of its dialogs (the tour, demos)."""
        button = self.window.findChild(QPushButton, object_name)
        if button is None:
            raise LookupError(object_name)
        button.click()

    @Slot(int)
    def _apply_idle_minutes(self, minutes: int) -> None:
        """The member chose another timeout on the settings screen: it holds from now on
        (over ``--idle-seconds`` too, as a store chosen there does over ``--store``)."""
        self.idle.configure(minutes * 60, self.idle.warning_seconds)

    def show_window(self) -> None:
        """Show the window: at a kiosk full screen, without the window's frame or buttons."""
        if self.options.kiosk:
            self.window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.window.showFullScreen()
        else:
            self.window.show()

    def _watch_activity(self) -> None:
        """Notice the member's input for the idle timeout (after the first paint)."""
        if self._activity is None:
            from desktop_app.views.idle import ActivityWatcher, IdleWarning

            self._activity = ActivityWatcher(self.idle, self)
            QApplication.instance().installEventFilter(self._activity)  # type: ignore[union-attr]
            IdleWarning(self.idle, self.window)

    def build_all_screens(self) -> None:
        self._watch_activity()
        self._login_view().restrict_input_methods()
        for name in self._specs:
            self.ensure_screen(name)

    def _login_view(self) -> LoginView:
        view = self.views[LOGIN]
        assert isinstance(view, LoginView)
        return view

    def finish_start_up(self) -> None:
        """After the first paint: build the other screens one by one, each in its own turn of
        the event loop so no single step stalls the window, then open the store. A worker
        importing SQLAlchemy and Alembic while the screens imported their modules held the
        GUI thread up to 1.5 s (the import locks of the modules both need); a member who
        signs in sooner has the store opened for the sign-in (``StoreHandle``)."""
        self._login_view().restrict_input_methods()
        self._watch_activity()
        configure_logging()
        self.login.load_remembered()
        self._pending_screens = [name for name in self._specs if name not in self.views]
        self.runner.submit(
            "import_screens", import_screens, self._screens_imported, self._screens_imported
        )

    @Slot(object)
    def _screens_imported(self, _outcome: object) -> None:
        """Build the screens now (or, if a module failed to import, import it while building
        and say why then)."""
        QTimer.singleShot(0, self._build_next_screen)

    @Slot()
    def _build_next_screen(self) -> None:
        if self._closed:
            return
        if self._pending_screens:
            self.ensure_screen(self._pending_screens.pop(0))
        if self._pending_screens:
            QTimer.singleShot(0, self._build_next_screen)
            return
        gc.freeze()  # the screens live as long as the app (see _store_ready)
        self._started("screens")
        self.warm_up()

    def _started(self, part: str) -> None:
        if part in self._starting:
            self._starting.discard(part)
            if not self._starting:
                self.ready.emit()

    # -- the one wipe ------------------------------------------------------------------------
    @Slot()
    def wipe(self) -> None:
        """Forget the member who just left: every view-model back to its start (which empties
        its tables), every dialog of theirs closed, the clipboard cleared."""
        for view_model in self.view_models:
            if view_model is not self.app_vm:
                view_model.reset()
        for dialog in self.window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self.wiped.emit()

    @contextmanager
    def _input_unwatched(self) -> Iterator[None]:
        """No input can arrive while a look or language change runs on the GUI thread, but
        its tens of thousands of style, font and layout events would each pass through the
        idle timeout's Python filter (it doubled the change's stall): take it off meanwhile."""
        app = QApplication.instance()
        watcher = self._activity
        if watcher is not None and app is not None:
            app.removeEventFilter(watcher)
        try:
            yield
        finally:
            if watcher is not None and app is not None and not self._closed:
                app.installEventFilter(watcher)

    @Slot()
    def _apply_appearance(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            with self._input_unwatched():
                apply_appearance(
                    app, self.settings.theme, self.settings.font_size, kiosk=self.options.kiosk
                )

    @Slot(str)
    def _retranslate(self, _language: str) -> None:
        from PySide6.QtCore import QLocale

        with self._input_unwatched():
            # Widgets take the default locale when they are made: give the new one to those
            # that exist (date inputs' day and month names, Qt's own dialogs' numbers).
            self.window.setLocale(QLocale())
            for vm in self.view_models:
                vm.retranslate()
            for view in self.views.values():
                view.retranslate()  # type: ignore[attr-defined]
            self.window.retranslate()

    def warm_up(self) -> None:
        """Open the store in the background (once start-up has built the screens), and import
        what the first keystroke in some fields would otherwise import on the GUI thread."""
        self.runner.submit(
            "open_store", self.store.get, self._store_ready, self._store_failed, retry=self.login
        )
        self.runner.submit("preload", preload, self._preloaded, self._preloaded)

    @Slot(object)
    def _preloaded(self, _outcome: object) -> None:
        """Nothing to do: the modules are in ``sys.modules`` now (or load on first use)."""

    @Slot(object)
    def _store_ready(self, _store: object) -> None:
        # Everything start-up made (Qt wrappers, SQLAlchemy, modules) lives as long as the
        # app: keep it out of the cyclic collector, whose full passes over it stopped every
        # thread for ~90 ms while pages of history were loading.
        gc.freeze()
        import logging

        logging.getLogger(__name__).info("store ready")
        self.app_vm.load_terms()
        self._started("store")

    @Slot(object)
    def _store_failed(self, error: AppError) -> None:
        self.app_vm.handle_error(error)
        self.login._set_error(error)
        self._started("store")

    @Slot()
    def shutdown(self) -> None:
        """Finish work in flight, close the store, save settings. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        app = QApplication.instance()
        if isinstance(app, QApplication):
            release_look(app, self)
        i18n.hub().language_changed.disconnect(self._retranslate)
        if self._activity is not None:
            QApplication.instance().removeEventFilter(self._activity)  # type: ignore[union-attr]
        self.runner.wait_for_done()
        self.store.close()
        self.settings.sync()
        self.window.deleteLater()
        self.deleteLater()


def build(
    options: Options,
    clock: Clock | None = None,
    *,
    keychain: Keychain | None = None,
    preferences: Preferences | None = None,
) -> AppContext:
    """Create the client (a QApplication must exist) and return its context. ``keychain``
    and ``preferences`` replace the computer's own (tests; the kiosk writes nothing)."""
    return AppContext(
        options, clock or make_clock(options.now), keychain=keychain, preferences=preferences
    )


def run(options: Options) -> int:
    """Start the client on ``options`` and run until its window closes.

    The rest of start-up (the store, the other screens) waits for the login screen's first
    paint: a zero timer set here would run before it. ``MEMBER_CLIENT_EXIT_AFTER`` (``paint``
    or ``ready``, for benchmarks only) ends the process at once after the first paint or once
    every screen is built and the store is open."""
    app = ensure_application()
    context = build(options)
    exit_after = os.environ.get(EXIT_AFTER_ENV, "")
    if exit_after == "paint":
        FirstPaint(context.views[LOGIN], context).painted.connect(_exit_now)
    else:
        watcher = FirstPaint(context.views[LOGIN], context, None if exit_after else 3000)
        watcher.painted.connect(context.finish_start_up)
        if exit_after == "ready":
            context.ready.connect(_exit_now)
    context.show_window()
    return app.exec()


def _exit_now() -> None:
    """End the process as a benchmark's child, skipping the interpreter's teardown (the bare
    window it is compared with exits the same way). Its last line is the peak memory it
    reached (Linux's VmHWM: ``wait4`` would report the high-water mark of the big parent it
    was forked from)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            sys.stdout.write(next((line for line in status if line.startswith("VmHWM:")), ""))
    except OSError:
        pass
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
