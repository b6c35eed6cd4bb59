"""Composition root: arguments → configuration → clock, store, i18n → view-models → windows."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import i18n
from desktop_app.domain.brand import DEFAULT_BRAND
from desktop_app.domain.clock import Clock, OffsetClock, StartedClock, SystemClock, parse_instant
from desktop_app.domain.errors import AppError
from desktop_app.paths import default_store_url, user_config_dir, user_log_dir
from desktop_app.viewmodels.application import ApplicationViewModel, Screen
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.login import LoginMethod, LoginViewModel
from desktop_app.viewmodels.runner import OperationRunner
from desktop_app.viewmodels.settings import SettingsViewModel
from desktop_app.viewmodels.store_access import StoreHandle
from desktop_app.views.appearance import apply_appearance
from desktop_app.views.login import LoginView
from desktop_app.views.main_window import MainWindow

if TYPE_CHECKING:
    from desktop_app.domain.rules import Rules
    from desktop_app.store.demo import DemoOperations
    from desktop_app.store.protocol import Store
    from desktop_app.viewmodels.credentials import RegisterViewModel, ResetViewModel

HASH_PROFILE_ENV = "MEMBER_CLIENT_HASH_PROFILE"


class Options(NamedTuple):
    store_url: str | None = None
    language: str | None = None
    now: str | None = None
    seed: str = "demo"
    kiosk: bool = False
    screenshot_tour: Path | None = None
    rules: Rules | None = None  # a host setting for tests: a local store with other rules


def parse_args(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(
        prog="member-client", description="Kohaku Loan member client (こはくローン会員サービス)"
    )
    parser.add_argument(
        "--store", dest="store_url", help="sqlite:///PATH or postgresql+psycopg://…"
    )
    parser.add_argument("--lang", dest="language", choices=i18n.LANGUAGES)
    parser.add_argument("--now", help="start the clock at this instant, e.g. 2026-11-24T10:00")
    parser.add_argument("--seed", choices=("demo", "none"), default="demo")
    parser.add_argument("--kiosk", action="store_true", help="branch-counter kiosk mode (later)")
    parser.add_argument("--screenshot-tour", type=Path, metavar="DIR")
    args = parser.parse_args(argv)
    if args.now:
        try:
            parse_instant(args.now)
        except ValueError:
            parser.error(f"--now: not an ISO date and time: {args.now}")
    return Options(
        store_url=args.store_url,
        language=args.language,
        now=args.now,
        seed=args.seed,
        kiosk=args.kiosk,
        screenshot_tour=args.screenshot_tour,
    )


def make_clock(now: str | None) -> Clock:
    return StartedClock(parse_instant(now)) if now else SystemClock()


def configure_logging() -> None:
    """A rotating log file in the user's log folder. Secrets are never passed to a logger."""
    import logging
    from logging.handlers import RotatingFileHandler

    path = user_log_dir() / "member-client.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_member_client", False):
            if Path(getattr(handler, "baseFilename", "")) == path:
                return
            root.removeHandler(handler)  # the user folders moved (a new test, a new home)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler._member_client = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def is_demo_host(options: Options) -> bool:
    """A local store seeded with the demo members is a demo: its outbox is the demo inbox and
    its clock may be moved on. A remote store says so itself (the server's demo mode)."""
    url = options.store_url or ""
    return options.seed == "demo" and not url.startswith(("http://", "https://"))


class AppContext(QObject):
    """Everything one running client owns; ``shutdown()`` releases it.

    As the local store's host it owns the store's settings (not the member protocol's): the
    clock, seeding, the hash profile and the rules; and, for a demo host only, the demo
    interface (``demo``: the outbox and a clock that can be moved on).
    """

    def __init__(self, options: Options, clock: Clock) -> None:
        super().__init__()
        # Workers run Python too (SQL, CSV): hand the GIL back to the GUI thread sooner than
        # the default 5 ms, so a busy worker never makes the window stutter.
        sys.setswitchinterval(0.001)
        self.options = options
        seed = options.seed == "demo"
        profile = os.environ.get(HASH_PROFILE_ENV, "owasp")
        self.demo: DemoOperations | None = None
        if is_demo_host(options):
            from desktop_app.store.demo import LocalDemo

            clock = OffsetClock(clock)
            self.demo = LocalDemo(lambda: self.store.get(), clock)
        self.clock = clock
        rules = options.rules

        def open_configured_store() -> Store:  # runs in a worker thread, on first use
            from desktop_app.store import open_store

            url = options.store_url or default_store_url()
            return open_store(url, clock, seed=seed, hash_profile=profile, rules=rules)

        self.runner = OperationRunner(parent=self)
        self.store = StoreHandle(open_configured_store)
        self.settings = SettingsViewModel(
            self.runner, user_config_dir() / "settings.ini", options.language, parent=self
        )
        self.settings.apply_language()
        self._apply_appearance()  # before any widget exists, so every one is born styled
        self.app_vm = ApplicationViewModel(
            self.runner, self.store, clock, parent=self, demo=self.demo
        )
        self.login = LoginViewModel(self.app_vm, self.settings.device_id, parent=self)
        self.view_models: list[ViewModel] = [self.app_vm, self.login, self.settings]
        from desktop_app.viewmodels.idle import IdleViewModel

        self.idle = IdleViewModel(self.app_vm, self.settings.idle_minutes * 60, parent=self)
        self.settings.idle_minutes_changed.connect(self._apply_idle_minutes)
        self.view_models.append(self.idle)
        self.login_view = LoginView(self.login)
        self.views: dict[Screen, QWidget] = {Screen.LOGIN: self.login_view}
        self.window = MainWindow(self.app_vm, self.views, DEFAULT_BRAND, self.ensure_screen)
        i18n.hub().language_changed.connect(self._retranslate)
        self.settings.theme_changed.connect(self._apply_appearance)
        self.settings.font_size_changed.connect(self._apply_appearance)
        self.window.closing.connect(self.shutdown)
        self._closed = False
        self._pending_screens: list[Screen] = []
        self._activity: QObject | None = None
        self._inbox_return = Screen.LOGIN
        self.register: RegisterViewModel | None = None
        self.reset: ResetViewModel | None = None
        self.login_view.register_requested.connect(self._go_register)
        self.login_view.reset_requested.connect(self._go_reset)
        self.login_view.inbox_requested.connect(self._go_inbox)

    # -- screens, built after the first paint (or on first visit) ----------------------------
    def ensure_screen(self, screen: Screen) -> QWidget:
        """The screen's view, built (with its view-model) the first time it is needed."""
        view = self.views.get(screen)
        if view is None:
            view = self._build_screen(screen)
            self.views[screen] = view
            self.window.add_screen(screen, view)
        return view

    def _build_screen(self, screen: Screen) -> QWidget:
        app = self.app_vm
        if screen is Screen.HOME:
            from desktop_app.viewmodels.home import HomeViewModel
            from desktop_app.views.home import HomeView

            self.home = HomeViewModel(app, parent=self)
            home = HomeView(self.home)
            home.borrow_requested.connect(self._go_borrow)
            home.repay_requested.connect(self._go_repay)
            home.promise_requested.connect(self._go_promise)
            home.limit_requested.connect(self._go_limit)
            return self._keep(self.home, home)
        if screen is Screen.BORROW:
            from desktop_app.viewmodels.borrow import BorrowViewModel
            from desktop_app.views.borrow import BorrowView

            self.borrow = BorrowViewModel(app, parent=self)
            borrow = BorrowView(self.borrow)
            borrow.repay_requested.connect(self._go_repay)
            return self._keep(self.borrow, borrow)
        if screen is Screen.REPAY:
            from desktop_app.viewmodels.repay import RepayViewModel
            from desktop_app.views.repay import RepayView

            self.repay = RepayViewModel(app, parent=self)
            return self._keep(self.repay, RepayView(self.repay))
        if screen is Screen.HISTORY:
            from desktop_app.viewmodels.history import HistoryViewModel
            from desktop_app.views.history import HistoryView

            self.history = HistoryViewModel(app, parent=self)
            history = HistoryView(self.history)
            app.signed_out.connect(history.reset_inputs)
            return self._keep(self.history, history)
        if screen is Screen.SIMULATOR:
            from desktop_app.viewmodels.simulator import SimulatorViewModel
            from desktop_app.views.simulator import SimulatorView

            self.simulator = SimulatorViewModel(app, parent=self)
            return self._keep(self.simulator, SimulatorView(self.simulator))
        if screen is Screen.INTEREST:
            from desktop_app.viewmodels.interest import InterestViewModel
            from desktop_app.views.interest import InterestView

            self.interest = InterestViewModel(app, parent=self)
            return self._keep(self.interest, InterestView(self.interest))
        if screen in (Screen.REGISTER, Screen.RESET):
            from desktop_app.viewmodels.credentials import RegisterViewModel, ResetViewModel
            from desktop_app.views.credentials import CodeFlowView, RegisterView, ResetView

            flow: RegisterViewModel | ResetViewModel
            page: CodeFlowView
            if screen is Screen.REGISTER:
                flow = RegisterViewModel(app, parent=self)
                page = RegisterView(flow)
            else:
                flow = ResetViewModel(app, parent=self)
                page = ResetView(flow)
            flow.finished.connect(self._credentials_done)
            if isinstance(flow, RegisterViewModel):
                self.register = flow
            else:
                self.reset = flow
            page.back_requested.connect(self._go_login)
            page.inbox_requested.connect(self._go_inbox)
            return self._keep(flow, page)
        if screen is Screen.INBOX:
            from desktop_app.viewmodels.inbox import InboxViewModel
            from desktop_app.views.credentials import InboxView

            self.inbox = InboxViewModel(app, parent=self)
            inbox = InboxView(self.inbox)
            inbox.back_requested.connect(self._go_back_from_inbox)
            return self._keep(self.inbox, inbox)
        if screen is Screen.PROMISE:
            from desktop_app.viewmodels.promise import PromiseViewModel
            from desktop_app.views.services import PromiseView

            self.promise = PromiseViewModel(app, parent=self)
            return self._keep(self.promise, PromiseView(self.promise))
        if screen is Screen.LIMIT:
            from desktop_app.viewmodels.limit import LimitIncreaseViewModel
            from desktop_app.views.services import LimitIncreaseView

            self.limit = LimitIncreaseViewModel(app, parent=self)
            return self._keep(self.limit, LimitIncreaseView(self.limit))
        if screen is Screen.SETTINGS:
            from desktop_app.views.settings import SettingsView

            return SettingsView(self.settings)
        raise ValueError(screen)

    def _keep(self, vm: ViewModel, view: QWidget) -> QWidget:
        self.view_models.append(vm)
        return view

    @Slot(int)
    def _apply_idle_minutes(self, minutes: int) -> None:
        self.idle.configure(minutes * 60)

    def _watch_activity(self) -> None:
        """Notice the member's input for the idle timeout (after the first paint)."""
        if self._activity is None:
            from desktop_app.views.idle import ActivityWatcher, IdleWarning

            self._activity = ActivityWatcher(self.idle, self)
            QApplication.instance().installEventFilter(self._activity)  # type: ignore[union-attr]
            IdleWarning(self.idle, self.window)

    def build_all_screens(self) -> None:
        self._watch_activity()
        self.login_view.restrict_input_methods()
        for screen in Screen:
            self.ensure_screen(screen)

    def finish_start_up(self) -> None:
        """After the first paint: open the store, then build the other screens one by one,
        each in its own turn of the event loop so no single step stalls the window."""
        self.login_view.restrict_input_methods()
        self._watch_activity()
        configure_logging()
        self.login.load_remembered()
        self.warm_up()
        self._pending_screens = [screen for screen in Screen if screen not in self.views]
        QTimer.singleShot(0, self._build_next_screen)

    @Slot()
    def _build_next_screen(self) -> None:
        if self._closed or not self._pending_screens:
            return
        self.ensure_screen(self._pending_screens.pop(0))
        if not self._pending_screens:
            gc.freeze()  # the screens live as long as the app (see _store_ready)
        QTimer.singleShot(0, self._build_next_screen)

    @Slot()
    def _go_register(self) -> None:
        self.app_vm.navigate(Screen.REGISTER)

    @Slot()
    def _go_reset(self) -> None:
        self.app_vm.navigate(Screen.RESET)

    @Slot()
    def _go_login(self) -> None:
        self.app_vm.navigate(Screen.LOGIN)

    @Slot()
    def _go_inbox(self) -> None:
        self._inbox_return = Screen(self.app_vm.screen)
        self.app_vm.navigate(Screen.INBOX)

    @Slot()
    def _go_back_from_inbox(self) -> None:
        self.app_vm.navigate(self._inbox_return)

    @Slot(str)
    def _credentials_done(self, web_id: str) -> None:
        if web_id:
            self.login.set_method(LoginMethod.WEB_ID)
            self.login.set_web_id_text(web_id)

    @Slot()
    def _go_promise(self) -> None:
        self.app_vm.navigate(Screen.PROMISE)

    @Slot()
    def _go_limit(self) -> None:
        self.app_vm.navigate(Screen.LIMIT)

    @Slot()
    def _go_borrow(self) -> None:
        self.app_vm.navigate(Screen.BORROW)

    @Slot()
    def _go_repay(self) -> None:
        self.app_vm.navigate(Screen.REPAY)

    @Slot()
    def _apply_appearance(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(app, self.settings.theme, self.settings.font_size)

    @Slot(str)
    def _retranslate(self, _language: str) -> None:
        for vm in self.view_models:
            vm.retranslate()
        for view in self.views.values():
            view.retranslate()  # type: ignore[attr-defined]
        self.window.retranslate()

    def warm_up(self) -> None:
        """Open the store in the background right after the first paint, and import what
        the first keystroke in some fields would otherwise import on the GUI thread."""
        self.runner.submit("open_store", self.store.get, self._store_ready, self._store_failed)
        self.runner.submit("preload", _preload, self._preloaded, self._preloaded)

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

    @Slot(object)
    def _store_failed(self, error: AppError) -> None:
        self.app_vm.handle_error(error)
        self.login._set_error(error)

    @Slot()
    def shutdown(self) -> None:
        """Finish work in flight, close the store, save settings. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        i18n.hub().language_changed.disconnect(self._retranslate)
        if self._activity is not None:
            QApplication.instance().removeEventFilter(self._activity)  # type: ignore[union-attr]
        self.runner.wait_for_done()
        self.store.close()
        self.settings.sync()
        self.window.deleteLater()
        self.deleteLater()


def _preload() -> None:
    """Runs in a worker: modules the input policies load on first use (email-validator
    takes ~40 ms to import; the email field would stall its first keystroke)."""
    import email_validator  # noqa: F401
    import jaconv  # noqa: F401


def build(options: Options, clock: Clock | None = None) -> AppContext:
    """Create the client (a QApplication must exist) and return its context."""
    return AppContext(options, clock or make_clock(options.now))


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    created = QApplication(argv or ["member-client"])
    created.setApplicationName("member-client")
    created.setOrganizationName("KohakuLoan")
    return created


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    app = ensure_application()
    if options.screenshot_tour is not None:
        from desktop_app.tour import run_tour

        return run_tour(options, options.screenshot_tour)
    context = build(options)
    context.window.show()
    QTimer.singleShot(0, context.finish_start_up)
    return app.exec()
