"""View-models get what they use from the injected bundle: a keychain and preferences that
tests (and the kiosk) replace with in-memory or null ones."""

from __future__ import annotations

from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.login import LoginViewModel
from desktop_app.viewmodels.services import (
    MemoryKeychain,
    MemoryPreferences,
    NullKeychain,
    Services,
)
from desktop_app.viewmodels.settings import SettingsViewModel
from desktop_app.viewmodels.store_access import StoreHandle


def _services(runner, clock, store, **kinds) -> Services:
    return Services(runner=runner, store=StoreHandle(lambda: store), clock=clock, **kinds)


def test_a_remembered_web_id_comes_from_the_injected_keychain(runner, clock, sql_store, wait_idle):
    keychain = MemoryKeychain("yamada2026")
    services = _services(runner, clock, sql_store, keychain=keychain)
    app = ApplicationViewModel(services)
    login = LoginViewModel(services, app, "device-1")
    login.load_remembered()
    wait_idle()
    assert (login.remember_available, login.remember, login.web_id_text) == (
        True,
        True,
        "yamada2026",
    )
    login.set_remember(False)
    login.set_password_text("Taro2026pass")
    login.sign_in()
    wait_idle()
    assert app.session is not None
    assert keychain.web_id is None  # unticked: forgotten, and never the password


def test_with_no_keychain_nothing_can_be_remembered(runner, clock, sql_store, wait_idle):
    services = _services(runner, clock, sql_store, keychain=NullKeychain())
    login = LoginViewModel(services, ApplicationViewModel(services), "device-1")
    login.load_remembered()
    wait_idle()
    login.set_remember(True)
    assert (login.remember_available, login.remember) == (False, False)
    assert login.remember_hint  # says why the box is disabled


def test_preferences_are_read_from_and_written_to_the_injected_store(runner, clock, sql_store):
    preferences = MemoryPreferences({"font_size": "large", "theme": "dark", "idle_minutes": "5"})
    settings = SettingsViewModel(_services(runner, clock, sql_store, preferences=preferences))
    assert (settings.font_size, settings.theme, settings.idle_minutes) == ("large", "dark", 5)
    settings.set_idle_minutes(30)
    device = settings.device_id
    assert preferences.values["idle_minutes"] == "30"
    assert preferences.values["device_id"] == device == settings.device_id
