"""The remembered Web-ID, kept in the operating system's keychain (via ``keyring``).

Only the Web-ID is ever stored, never a password. Where no keychain backend works, nothing
is stored anywhere (no plain-text fallback). Every call may block: run it in a worker.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass

SERVICE = "KohakuLoan member client"
ENTRY = "remembered-web-id"


@dataclass(frozen=True)
class Keychain:
    """What the keychain offers: ``available``, and the Web-ID remembered there, if any."""

    available: bool
    web_id: str | None = None


def _backend_works() -> bool:
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    chained = getattr(backend, "backends", None)
    return chained is None or bool(chained)


def open_keychain() -> Keychain:
    """Probe the keychain and read the remembered Web-ID; never raises."""
    import keyring

    try:
        if not _backend_works():
            return Keychain(available=False)
        return Keychain(available=True, web_id=keyring.get_password(SERVICE, ENTRY))
    except Exception:
        return Keychain(available=False)


def remember_web_id(web_id: str | None) -> bool:
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
