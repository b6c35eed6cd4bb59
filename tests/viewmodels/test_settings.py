"""Settings are remembered between runs and switch the language live."""

from __future__ import annotations

from desktop_app import i18n
from desktop_app.domain.clock import SystemClock
from desktop_app.host import SettingsFile
from desktop_app.viewmodels.services import Services
from desktop_app.viewmodels.settings import SettingsViewModel
from desktop_app.viewmodels.store_access import StoreHandle


def _services(runner, path) -> Services:
    """Preferences in the settings file at ``path``, as the composition root makes them."""

    def no_store():
        raise AssertionError("settings never open the store")

    return Services(runner, StoreHandle(no_store), SystemClock(), preferences=SettingsFile(path))


def test_preferences_survive_a_restart(runner, tmp_path, qtbot):
    path = tmp_path / "settings.ini"
    first = SettingsViewModel(_services(runner, path))
    assert (first.language, first.font_size, first.theme) == ("ja", "medium", "light")
    device = first.device_id
    with qtbot.waitSignal(i18n.hub().language_changed):
        first.set_language("en")
    first.set_font_size("large")
    first.set_theme("dark")
    first.set_theme("purple")  # not a theme: ignored
    first.sync()
    second = SettingsViewModel(_services(runner, path))
    assert (second.language, second.font_size, second.theme) == ("en", "large", "dark")
    assert second.device_id == device
    assert i18n._("Sign in") == "Sign in"
    second.set_language("ja")
    assert i18n._("Sign in") == "ログイン"


def test_a_command_line_language_wins_but_is_not_saved(runner, tmp_path):
    path = tmp_path / "settings.ini"
    SettingsViewModel(_services(runner, path)).set_language("ja")
    assert SettingsViewModel(_services(runner, path), language_override="en").language == "en"
    assert SettingsViewModel(_services(runner, path)).language == "ja"


def test_the_largest_font_size_and_the_system_theme_are_remembered(runner, tmp_path):
    path = tmp_path / "settings.ini"
    first = SettingsViewModel(_services(runner, path))
    assert [code for code, _label in first.font_size_choices()][-2:] == ["xlarge", "xxlarge"]
    assert [label for _code, label in first.theme_choices()][-1] == "システムの設定に合わせる"
    first.set_font_size("xxlarge")
    first.set_theme("system")
    first.sync()
    second = SettingsViewModel(_services(runner, path))
    assert (second.font_size, second.theme) == ("xxlarge", "system")
