"""Argon2id hashing of PINs and passwords (argon2-cffi), with named cost profiles and an
optional pepper.

A 4-digit PIN hashed alone is found from a copied database in minutes: 10,000 tries. With a
pepper (a secret of the member server's configuration, never in the database nor a log) a
secret is hashed as ``argon2id(HMAC-SHA256(pepper, secret))`` and stored with the prefix
``PEPPERED``: without the pepper, no number of tries at the hash finds the PIN. A hash made
before the pepper was set (no prefix) still verifies, and ``needs_rehash`` says so, so the
next right sign-in stores it peppered. A store keeps its pepper for good: a peppered hash
cannot be verified without it (changing it means every member setting new secrets; see
``card_keys`` for the check that refuses a store opened with another pepper).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

# name → (time_cost, memory_cost KiB, parallelism)
HASH_PROFILES: dict[str, tuple[int, int, int]] = {
    "owasp": (2, 19_456, 1),  # the OWASP minimum for argon2id: m=19 MiB, t=2, p=1
    "fast": (1, 1_024, 1),  # tests and demos only
}

PEPPERED = "peppered$"  # the mark of a hash made with a pepper


class SecretHasher:
    """Hashes and verifies secrets; verifying a missing user still costs one full hash."""

    def __init__(self, profile: str = "owasp", pepper: bytes | None = None) -> None:
        try:
            time_cost, memory_cost, parallelism = HASH_PROFILES[profile]
        except KeyError:
            raise ValueError(f"unknown hash profile: {profile!r}") from None
        if pepper is not None and len(pepper) < 16:
            raise ValueError("a pepper has at least 16 bytes")
        self.profile = profile
        self._pepper = pepper
        self._hasher = PasswordHasher(
            time_cost=time_cost,
            memory_cost=memory_cost,
            parallelism=parallelism,
            hash_len=32,
            salt_len=16,
            type=Type.ID,
        )
        # A hash of nothing anybody knows: the stand-in for an unknown card or Web-ID.
        self._dummy = self.hash(secrets.token_urlsafe(24))

    def __repr__(self) -> str:  # never the pepper
        return f"SecretHasher({self.profile!r}, peppered={self._pepper is not None})"

    @property
    def peppered(self) -> bool:
        return self._pepper is not None

    def hash(self, secret: str) -> str:
        if self._pepper is None:
            return self._hasher.hash(secret)
        return PEPPERED + self._hasher.hash(self._keyed(self._pepper, secret))

    def verify(self, stored: str | None, secret: str) -> bool:
        """True when ``secret`` matches ``stored``; ``None`` is verified against a dummy.
        A peppered hash never matches without the pepper."""
        candidate = stored if stored is not None else self._dummy
        try:
            if candidate.startswith(PEPPERED):
                if self._pepper is None:
                    self._hasher.verify(self._dummy, secret)  # the same cost, a sure miss
                    return False
                matched = self._hasher.verify(
                    candidate.removeprefix(PEPPERED), self._keyed(self._pepper, secret)
                )
            else:
                matched = self._hasher.verify(candidate, secret)
        except (VerificationError, InvalidHashError):
            return False
        return matched and stored is not None

    def needs_rehash(self, stored: str) -> bool:
        """Whether a right secret should be hashed again: another cost profile, or a hash
        without the pepper this hasher has (a peppered one is never unpeppered)."""
        peppered = stored.startswith(PEPPERED)
        if self._pepper is not None and not peppered:
            return True
        try:
            return self._hasher.check_needs_rehash(stored.removeprefix(PEPPERED))
        except InvalidHashError:
            return True

    @staticmethod
    def _keyed(pepper: bytes, secret: str) -> bytes:
        return hmac.new(pepper, secret.encode("utf-8"), hashlib.sha256).digest()
