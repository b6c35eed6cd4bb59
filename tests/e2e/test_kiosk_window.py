"""The branch kiosk's window (``--kiosk``, ``launch_app(kiosk=True)``): full screen without
window controls, and its idle periods."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from desktop_app.testing import context_of, launch_app, wait_until_idle


def test_a_kiosk_fills_the_screen_without_window_controls(launch):
    window = launch(kiosk=True)
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_a_pc_window_keeps_its_frame(launch):
    window = launch()
    assert not window.isFullScreen()
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint


@pytest.mark.parametrize(
    ("keywords", "periods"),
    [
        ({"kiosk": True}, (60, 15)),  # DOMAIN.md §1
        ({"kiosk": True, "idle_seconds": 5, "warning_seconds": 2}, (5, 2)),
        ({}, (15 * 60, 60)),  # the setting's 15 minutes
        ({"idle_seconds": 90}, (90, 60)),
    ],
    ids=["kiosk", "kiosk-given", "pc", "pc-given"],
)
def test_the_idle_periods(launch, keywords, periods):
    idle = context_of(launch(**keywords)).idle
    assert (idle.idle_seconds, idle.warning_seconds) == periods


@pytest.mark.parametrize(
    "keywords",
    [{"idle_seconds": 0}, {"warning_seconds": -1}, {"kiosk_demo_reset": True}],
    ids=["idle-zero", "warning-negative", "demo-reset-without-kiosk"],
)
def test_the_harness_refuses_what_the_command_line_would(qapp, keywords):
    with pytest.raises(ValueError):
        launch_app(**keywords)


def _settings_screen_controls(d) -> dict[str, bool]:
    d.click("loginSettingsLink")
    assert d.screen() == "settingsScreen"
    names = ("languageCombo", "fontSizeCombo", "themeCombo", "idleTimeoutCombo")
    return {
        name: d.find(QWidget, name).isVisible()
        for name in (*names, "storeUrlInput", "storeSaveButton")
    }


def test_a_visitor_changes_nothing_that_stays_for_the_next_one(drive):
    d = drive(kiosk=True)
    assert _settings_screen_controls(d) == {
        "languageCombo": True,
        "fontSizeCombo": True,
        "themeCombo": True,
        "idleTimeoutCombo": False,  # the branch's timeout
        "storeUrlInput": False,  # the branch's store
        "storeSaveButton": False,
    }
    settings = context_of(d.window).settings
    settings.set_idle_minutes(30)
    assert settings.idle_minutes == 15


def test_a_pc_offers_every_setting(drive):
    assert all(_settings_screen_controls(drive()).values())


def test_a_kiosk_remembers_no_web_id_and_writes_no_settings(drive, memory_keyring):
    from desktop_app.paths import user_config_dir

    d = drive(kiosk=True)
    assert not d.find(QCheckBox, "rememberWebIdCheck").isVisible()
    assert not d.visible_text("rememberWebIdHint")  # nothing to say of a keychain
    context = context_of(d.window)
    context.login.set_remember(True)
    d.sign_in_web("yamada2026", "Taro2026pass")
    context.settings.set_font_size("large")
    context.settings.set_theme("dark")
    d.click("logoutButton")
    d.window.close()
    assert memory_keyring == {}  # the keychain was never written to
    assert not (user_config_dir() / "settings.ini").exists()


def test_a_kiosk_starts_from_the_saved_settings_without_writing_them(drive):
    from desktop_app.paths import user_config_dir

    saved = user_config_dir() / "settings.ini"
    saved.write_text("[General]\nlanguage=en\nfont_size=large\n", encoding="utf-8")
    d = drive(kiosk=True, language=None)
    settings = context_of(d.window).settings
    assert (settings.language, settings.font_size) == ("en", "large")
    settings.set_font_size("small")
    d.window.close()
    assert saved.read_text(encoding="utf-8") == "[General]\nlanguage=en\nfont_size=large\n"


def test_every_wipe_puts_language_font_size_and_theme_back(drive):
    d = drive(kiosk=True)
    settings = context_of(d.window).settings
    settings.set_language("en")
    settings.set_font_size("xxlarge")
    settings.set_theme("dark")
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("logoutButton")
    assert (settings.language, settings.font_size, settings.theme) == ("ja", "medium", "light")
    assert d.find(QWidget, "loginButton").text() == "ログイン"


def test_no_csv_export_at_a_kiosk(drive, tmp_path):
    d = drive(kiosk=True)
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navHistory")
    assert not d.find(QWidget, "exportCsvButton").isVisible()
    history = context_of(d.window).history
    assert not history.export_enabled
    history.export_csv(str(tmp_path / "history.csv"))  # as a script might try
    wait_until_idle(d.window)
    assert not (tmp_path / "history.csv").exists()
