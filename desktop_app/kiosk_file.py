"""The branch kiosk's configuration file (``kiosk.ini`` in the user's config folder): the
staff PIN as an argon2id hash, and its lock (wrong PINs in a row, locked until when), so a
lock survives a restart. ``member-client --set-staff-pin`` writes the hash.

Everything here blocks (argon2 is slow on purpose, the file is on disk): the client runs it
in the operation runner. The PIN itself is never written, printed or logged.
"""

from __future__ import annotations

import configparser
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.staff import StaffCheck, StaffLock, StaffVerdict, is_staff_pin
from desktop_app.i18n import N_

if TYPE_CHECKING:
    from collections.abc import Callable

    from argon2 import PasswordHasher

KIOSK_FILE_NAME = "kiosk.ini"
SECTION = "staff"
HASH_PROFILE_ENV = "MEMBER_CLIENT_HASH_PROFILE"  # "fast" in tests, as for the store's hashes


def kiosk_file_path() -> Path:
    from desktop_app.paths import user_config_dir

    return user_config_dir() / KIOSK_FILE_NAME


class KioskFile:
    """The staff PIN of ``path`` (a ``StaffPins``, see viewmodels/staff.py)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or kiosk_file_path()

    def __repr__(self) -> str:
        return f"KioskFile({str(self.path)!r})"

    def state(self, now: datetime) -> StaffCheck:
        """Whether a PIN may be tried now (configured, not locked)."""
        digest, lock = self._read()
        if digest is None:
            return StaffCheck(StaffVerdict.NOT_CONFIGURED)
        return lock.check(now)

    def check(self, pin: str, now: datetime) -> StaffCheck:
        """Try ``pin``: accepted (the count starts again), wrong (one try fewer; the third
        locks for five minutes), locked, or no PIN configured."""
        digest, lock = self._read()
        if digest is None:
            return StaffCheck(StaffVerdict.NOT_CONFIGURED)
        if lock.locked(now):
            return lock.check(now)
        if _verify(digest, pin):
            self._write(digest, StaffLock())
            return StaffCheck(StaffVerdict.ACCEPTED)
        lock = lock.after_failure(now)
        self._write(digest, lock)
        if lock.locked(now):
            return lock.check(now)
        return StaffCheck(StaffVerdict.WRONG, lock.check(now).tries_left)

    def set_pin(self, pin: str) -> None:
        """Store ``pin``'s hash (4 to 8 half-width digits); a lock ends with it."""
        if not is_staff_pin(pin):
            raise ValueError("a staff PIN has 4 to 8 half-width digits")
        self._write(_hasher().hash(pin), StaffLock())

    # -- the file ----------------------------------------------------------------------
    def _read(self) -> tuple[str | None, StaffLock]:
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(self.path, encoding="utf-8")
        except (OSError, configparser.Error, UnicodeDecodeError):
            return None, StaffLock()
        stored = parser.get(SECTION, "pin_hash", fallback="")
        digest = stored if stored.startswith("$argon2") else None  # else no PIN is set
        try:
            failures = int(parser.get(SECTION, "failures", fallback="0"))
            until = parser.get(SECTION, "locked_until", fallback="")
            locked_until = datetime.fromisoformat(until) if until else None
        except ValueError:  # edited by hand (who can, can replace the hash as well)
            return digest, StaffLock()
        if locked_until is not None and locked_until.tzinfo is None:
            locked_until = None
        return digest, StaffLock(max(0, failures), locked_until)

    def _write(self, digest: str, lock: StaffLock) -> None:
        parser = configparser.ConfigParser(interpolation=None)
        parser[SECTION] = {
            "pin_hash": digest,
            "failures": str(lock.failures),
            "locked_until": lock.locked_until.isoformat() if lock.locked_until else "",
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".new")
        with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as out:
            parser.write(out)
        os.replace(partial, self.path)


def _hasher() -> PasswordHasher:
    """argon2id with the store's cost profile (``owasp``; ``fast`` in tests)."""
    from argon2 import PasswordHasher, Type

    from desktop_app.store.sql.hashing import HASH_PROFILES

    profile = os.environ.get(HASH_PROFILE_ENV, "owasp")
    time_cost, memory_cost, parallelism = HASH_PROFILES.get(profile, HASH_PROFILES["owasp"])
    return PasswordHasher(time_cost, memory_cost, parallelism, type=Type.ID)


def _verify(digest: str, pin: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(digest, pin)
    except (VerificationError, InvalidHashError):
        return False


# ``member-client --set-staff-pin``: on the terminal, in the interface language, without Qt.
PIN_PROMPT = N_("Staff PIN (4 to 8 digits): ")
PIN_AGAIN = N_("The same staff PIN again: ")
PIN_MALFORMED = N_("A staff PIN has 4 to 8 half-width digits. Nothing was changed.")
PIN_MISMATCH = N_("The two PINs are not the same. Nothing was changed.")
PIN_SET = N_("The staff PIN of this kiosk has been set ({path}).")
PIN_NOT_SAVED = N_("The staff PIN could not be saved ({path}). Nothing was changed.")


def set_staff_pin(
    language: str,
    ask: Callable[[str], str] | None = None,
    path: Path | None = None,
) -> int:
    """Ask for the PIN twice (not echoed), check it, store its hash; the exit status. What
    is said goes to stderr; the PIN goes nowhere but into the hash."""
    import getpass
    import sys

    from desktop_app.i18n import load_catalog

    catalog = load_catalog(language)
    ask = ask or getpass.getpass
    try:
        first = ask(catalog.gettext(PIN_PROMPT))
        if not is_staff_pin(first):
            print(catalog.gettext(PIN_MALFORMED), file=sys.stderr)
            return 2
        if ask(catalog.gettext(PIN_AGAIN)) != first:
            print(catalog.gettext(PIN_MISMATCH), file=sys.stderr)
            return 2
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        return 1
    target = KioskFile(path)
    try:
        target.set_pin(first)
    except OSError:
        print(catalog.gettext(PIN_NOT_SAVED).format(path=target.path), file=sys.stderr)
        return 1
    print(catalog.gettext(PIN_SET).format(path=target.path), file=sys.stderr)
    return 0
