"""Settings are remembered between runs and switch the language live."""

from __future__ import annotations

from desktop_app import i18n
from desktop_app.viewmodels.settings import SettingsViewModel


def test_preferences_survive_a_restart(runner, tmp_path, qtbot):
    path = tmp_path / "settings.ini"
    first = SettingsViewModel(runner, path)
    assert (first.language, first.font_size, first.theme) == ("ja", "medium", "light")
    device = first.device_id
    with qtbot.waitSignal(i18n.hub().language_changed):
        first.set_language("en")
    first.set_font_size("large")
    first.set_theme("dark")
    first.set_theme("purple")  # not a theme: ignored
    first.sync()
    second = SettingsViewModel(runner, path)
    assert (second.language, second.font_size, second.theme) == ("en", "large", "dark")
    assert second.device_id == device
    assert i18n._("Sign in") == "Sign in"
    second.set_language("ja")
    assert i18n._("Sign in") == "ログイン"


def test_a_command_line_language_wins_but_is_not_saved(runner, tmp_path):
    path = tmp_path / "settings.ini"
    SettingsViewModel(runner, path).set_language("ja")
    assert SettingsViewModel(runner, path, language_override="en").language == "en"
    assert SettingsViewModel(runner, path).language == "ja"
