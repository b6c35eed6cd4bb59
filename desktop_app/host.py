"""What this computer provides to the client: the OS keychain, the settings file and the
brand it is set up for.

The composition root hands these to the view-models as ``Keychain`` and ``Preferences``
(desktop_app/viewmodels/services.py); tests and the kiosk hand in null or in-memory ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QObject, QSettings

from desktop_app.domain.brand import DEFAULT_BRAND, Brand, brand_from_mapping
from desktop_app.viewmodels.services import KeychainState

BRAND_FILE_VARIABLE = "MEMBER_CLIENT_BRAND"  # a JSON file of Brand's keys
BRAND_FILE_NAME = "brand.json"  # in the user's config folder, when the variable is not set


class OsKeychain:
    """The remembered Web-ID in the operating system's keychain (via ``keyring``, imported on
    first use); only the Web-ID, never a password, and nothing anywhere (no plain-text
    fallback) when no keychain backend works. Every call may block: run it in a worker."""

    def open(self) -> KeychainState:
        return _open_keychain()

    def remember_web_id(self, web_id: str | None) -> bool:
        return _remember_web_id(web_id)


SERVICE = "KohakuLoan member client"
ENTRY = "remembered-web-id"


def _backend_works() -> bool:
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    chained = getattr(backend, "backends", None)
    return chained is None or bool(chained)


def _open_keychain() -> KeychainState:
    """Probe the keychain and read the remembered Web-ID; never raises."""
    import keyring

    try:
        if not _backend_works():
            return KeychainState(available=False)
        return KeychainState(available=True, web_id=keyring.get_password(SERVICE, ENTRY))
    except Exception:
        return KeychainState(available=False)


def _remember_web_id(web_id: str | None) -> bool:
    """Store ``web_id`` (or forget it with ``None``); False when the keychain refused."""
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        if web_id is None:
            with suppress(PasswordDeleteError):  # nothing was remembered
                keyring.delete_password(SERVICE, ENTRY)
        else:
            keyring.set_password(SERVICE, ENTRY, web_id)
    except Exception:
        return False
    return True


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


def load_brand(environ: Mapping[str, str] | None = None) -> Brand:
    """The brand this client shows: the JSON file named by ``MEMBER_CLIENT_BRAND``, else
    ``brand.json`` in the user's config folder, over the demo brand's defaults. A file that
    cannot be read or holds unknown keys is reported in the log and the defaults are used."""
    import os

    environ = os.environ if environ is None else environ
    named = environ.get(BRAND_FILE_VARIABLE)
    if named:
        path = Path(named)
    else:
        from desktop_app.paths import user_config_dir

        path = user_config_dir() / BRAND_FILE_NAME
        if not path.is_file():
            return DEFAULT_BRAND
    try:
        import json

        values = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(values, dict):
            raise ValueError("the file does not hold a JSON object")
        return brand_from_mapping(values)
    except (OSError, ValueError) as error:
        import logging

        logging.getLogger(__name__).error("brand file %s not used: %s", path, error)
        return DEFAULT_BRAND
