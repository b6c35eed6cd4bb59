"""What this computer provides to the client: the OS keychain and the settings file.

The composition root hands these to the view-models as ``Keychain`` and ``Preferences``
(desktop_app/viewmodels/services.py); tests and the kiosk hand in null or in-memory ones.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings

from desktop_app.viewmodels.services import KeychainState


class OsKeychain:
    """The remembered Web-ID in the operating system's keychain (via ``keyring``); only the
    Web-ID, never a password, and nothing anywhere when no keychain backend works."""

    def open(self) -> KeychainState:
        from desktop_app.store import keychain

        found = keychain.open_keychain()
        return KeychainState(available=found.available, web_id=found.web_id)

    def remember_web_id(self, web_id: str | None) -> bool:
        from desktop_app.store import keychain

        return keychain.remember_web_id(web_id)


class SettingsFile:
    """Preferences in an INI file in the user's config folder."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat, parent)

    def value(self, key: str) -> str | None:
        value = self._settings.value(key, None)
        return None if value is None else str(value)

    def set_value(self, key: str, value: str) -> None:
        self._settings.setValue(key, value)

    def sync(self) -> None:
        self._settings.sync()
