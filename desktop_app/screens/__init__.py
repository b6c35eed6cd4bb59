"""The screen registry: every screen declared once — its name, how it is built, its place in
the navigation, where its links lead, and the states the screenshot tour shows of it.

Adding a screen is one ``ScreenSpec`` in ``_spec_list`` (a form of the registered details:
one line in ``screens.profile``) plus its view and view-model: the
navigator, the main window's navigation, the lazy building after the first paint, the wipe on
sign-out and the tour all follow from here. Views and view-models are imported only when a
screen is built, so start-up pays for the sign-in screen alone.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.i18n import N_
from desktop_app.screens.builders import Link, standard
from desktop_app.screens.kinds import BACK, Built, Host, NavEntry, ScreenSpec, TourScene
from desktop_app.screens.profile import PROFILE, contact_forms, settings_forms
from desktop_app.viewmodels.navigation import HOME, LOGIN, Navigator

__all__ = [
    "BACK",
    "Built",
    "Host",
    "NavEntry",
    "ScreenSpec",
    "TourScene",
    "connect_links",
    "screens",
    "spec",
]


# -- builders -------------------------------------------------------------------------------
def _login(host: Host) -> Built:
    from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

    from desktop_app.views.login import CARD_WIDTH, LoginView
    from desktop_app.views.widgets.brand_footer import BrandFooter
    from desktop_app.views.widgets.page import Column, centred

    view = LoginView(host.login, host.settings)
    outer = view.content
    if isinstance(outer, QBoxLayout):  # the brand's legal display under the sign-in card
        footer = BrandFooter(host.services.brand, "login", kiosk=host.services.kiosk)
        # As wide as the card, growing with the font like it, its text under the card's.
        column = Column(CARD_WIDTH)
        box = QVBoxLayout(column)
        card_layout = view.card_column.layout()
        if card_layout is not None:
            box.setContentsMargins(card_layout.contentsMargins())
        box.setContentsMargins(box.contentsMargins().left(), 0, box.contentsMargins().right(), 0)
        box.addWidget(footer)
        outer.addLayout(centred(column))  # by stretches: an aligned item loses its hfw
        if view.language is not None:  # the sign-in form, the switch, then the footer's link
            QWidget.setTabOrder(view.settings_link, view.language)
            QWidget.setTabOrder(view.language, footer.faq)
    return host.login, view


def _register(host: Host) -> Built:
    from desktop_app.viewmodels.credentials import RegisterViewModel
    from desktop_app.views.credentials import RegisterView

    vm = RegisterViewModel(host.services, host.app_vm, parent=host.app_vm)
    vm.finished.connect(host.login.accept_new_credentials)
    vm.finished.connect(Link(host.navigator, LOGIN, vm).follow)
    return vm, RegisterView(vm)


def _reset(host: Host) -> Built:
    from desktop_app.viewmodels.credentials import ResetViewModel
    from desktop_app.views.credentials import ResetView

    vm = ResetViewModel(host.services, host.app_vm, parent=host.app_vm)
    vm.finished.connect(host.login.accept_new_credentials)
    vm.finished.connect(Link(host.navigator, LOGIN, vm).follow)
    return vm, ResetView(vm)


def _settings(host: Host) -> Built:
    from desktop_app.views.settings import SettingsView

    return host.settings, SettingsView(host.settings, host.store_settings)


# -- the registry ---------------------------------------------------------------------------


def _spec_list() -> tuple[ScreenSpec, ...]:
    return (
        ScreenSpec(
            LOGIN,
            _login,
            public=True,
            links={
                "register_requested": "register",
                "reset_requested": "reset",
                "inbox_requested": "inbox",
                "settings_requested": "settings",
                "not_online_requested": "notOnline",
            },
            tour_ref="scenes:LOGIN",
        ),
        ScreenSpec(
            HOME,
            standard("home:HomeViewModel", "home:HomeView"),
            nav=NavEntry("navHome", N_("Home")),
            links={
                "borrow_requested": "borrow",
                "repay_requested": "repay",
                "history_requested": "history",
                "promise_requested": "promise",
                "limit_requested": "limit",
                "simulator_requested": "simulator",
                "interest_requested": "interest",
                "settings_requested": "settings",
            },
            tour_ref="scenes:HOME",
        ),
        ScreenSpec(
            "borrow",
            standard("borrow:BorrowViewModel", "borrow:BorrowView"),
            nav=NavEntry("navBorrow", N_("Borrow")),
            links={"repay_requested": "repay", "home_requested": HOME},
            tour_ref="scenes:BORROW",
        ),
        ScreenSpec(
            "repay",
            standard("repay:RepayViewModel", "repay:RepayView"),
            nav=NavEntry("navRepay", N_("Repay")),
            links={"home_requested": HOME},
            tour_ref="scenes:REPAY",
        ),
        ScreenSpec(
            "history",
            standard("history:HistoryViewModel", "history:HistoryView"),
            nav=NavEntry("navHistory", N_("History")),
            tour_ref="scenes:HISTORY",
        ),
        ScreenSpec(
            "simulator",
            standard("simulator:SimulatorViewModel", "simulator:SimulatorView"),
            nav=NavEntry("navSimulator", N_("Simulator")),
            tour_ref="scenes:SIMULATOR",
        ),
        ScreenSpec(
            "interest",
            standard("interest:InterestViewModel", "interest:InterestView"),
            nav=NavEntry("navInterest", N_("Interest inquiry")),
            tour_ref="scenes:INTEREST",
        ),
        ScreenSpec(
            PROFILE,
            standard("profile:ProfileViewModel", "profile:ProfileView"),
            nav=NavEntry("navProfile", N_("My details")),
            links={
                "address_requested": "address",
                "phone_requested": "phone",
                "email_requested": "email",
                "workplace_requested": "workplace",
                "web_id_requested": "webId",
                "password_requested": "password",
                "not_online_requested": "notOnline",
                "bank_requested": "bank",
                "due_day_requested": "dueDay",
                "auto_debit_requested": "autoDebit",
                "reminder_requested": "reminder",
                "web_statements_requested": "webStatements",
            },
            tour_ref="scenes_profile:PROFILE",
        ),
        *contact_forms(),
        ScreenSpec(
            "notOnline",
            standard("not_online:NotOnlineViewModel", "not_online:NotOnlineView"),
            # A member whose card is locked reads it before signing in.
            public=True,
            lights=PROFILE,
            links={"back_requested": BACK},
            tour_ref="scenes:NOT_ONLINE",
        ),
        ScreenSpec(
            "promise",
            standard("promise:PromiseViewModel", "services:PromiseView"),
            lights="repay",  # promising a payment date is part of repaying
            tour_ref="scenes:PROMISE",
        ),
        ScreenSpec(
            "limit",
            standard("limit:LimitIncreaseViewModel", "services:LimitIncreaseView"),
            # No navigation entry of its own: none is lit (トップ lit said "you are on the top
            # page" while the member was not).
            tour_ref="scenes:LIMIT",
        ),
        # The bank account and the repayment settings, like the other forms of 登録内容.
        *settings_forms(),
        ScreenSpec(
            "settings",
            _settings,
            # Display and the connection belong to this computer: set before signing in too
            # (a member whose server cannot be reached must be able to change it).
            public=True,
            nav=NavEntry("navSettings", N_("Settings")),
            links={"back_requested": BACK},
            tour_ref="scenes:SETTINGS",
        ),
        ScreenSpec(
            "register",
            _register,
            public=True,
            links={"back_requested": LOGIN, "inbox_requested": "inbox"},
            tour_ref="scenes:REGISTER",
        ),
        ScreenSpec(
            "inbox",
            standard("inbox:InboxViewModel", "credentials:InboxView"),
            public=True,
            links={"back_requested": BACK},
            tour_ref="scenes:INBOX",
        ),
        ScreenSpec(
            "reset",
            _reset,
            public=True,
            links={"back_requested": LOGIN, "inbox_requested": "inbox"},
            tour_ref="scenes:RESET",
        ),
    )


_SCREENS: tuple[ScreenSpec, ...] | None = None


def screens() -> tuple[ScreenSpec, ...]:
    """Every screen, in the order of the navigation and of the tour."""
    global _SCREENS
    if _SCREENS is None:
        _SCREENS = _spec_list()
    return _SCREENS


def spec(name: str) -> ScreenSpec:
    for candidate in screens():
        if candidate.name == name:
            return candidate
    raise ValueError(f"no screen {name!r} is declared")


def connect_links(spec_: ScreenSpec, view: QWidget, navigator: Navigator) -> None:
    for signal_name, target in spec_.links.items():
        getattr(view, signal_name).connect(Link(navigator, target, view).follow)
