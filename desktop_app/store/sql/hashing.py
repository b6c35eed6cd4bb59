"""Argon2id hashing of PINs and passwords (argon2-cffi), with named cost profiles."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

# name → (time_cost, memory_cost KiB, parallelism)
HASH_PROFILES: dict[str, tuple[int, int, int]] = {
    "owasp": (2, 19_456, 1),  # the OWASP minimum for argon2id: m=19 MiB, t=2, p=1
    "fast": (1, 1_024, 1),  # tests and demos only
}


class SecretHasher:
    """Hashes and verifies secrets; verifying a missing user still costs one full hash."""

    def __init__(self, profile: str = "owasp") -> None:
        try:
            time_cost, memory_cost, parallelism = HASH_PROFILES[profile]
        except KeyError:
            raise ValueError(f"unknown hash profile: {profile!r}") from None
        self.profile = profile
        self._hasher = PasswordHasher(
            time_cost=time_cost,
            memory_cost=memory_cost,
            parallelism=parallelism,
            hash_len=32,
            salt_len=16,
            type=Type.ID,
        )
        # A hash of nothing anybody knows: the stand-in for an unknown card or Web-ID.
        self._dummy = self._hasher.hash(secrets.token_urlsafe(24))

    def hash(self, secret: str) -> str:
        return self._hasher.hash(secret)

    def verify(self, stored: str | None, secret: str) -> bool:
        """True when ``secret`` matches ``stored``; ``None`` is verified against a dummy."""
        try:
            matched = self._hasher.verify(stored if stored is not None else self._dummy, secret)
        except (VerificationError, InvalidHashError):
            return False
        return matched and stored is not None

    def needs_rehash(self, stored: str) -> bool:
        try:
            return self._hasher.check_needs_rehash(stored)
        except InvalidHashError:
            return True
