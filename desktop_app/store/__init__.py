"""Stores: the transport-neutral ``Store`` protocol and its implementations.

Import ``desktop_app.store.protocol`` for the protocol (cheap, no SQL); ``open_store`` imports
the concrete store lazily, so start-up never pays for SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.domain.clock import Clock
    from desktop_app.store.protocol import Store


def open_store(url: str, clock: Clock, *, seed: bool = True, hash_profile: str = "owasp") -> Store:
    """Open (create, migrate and, when ``seed`` and empty, seed) the store at ``url``.

    Refuses, as ``AppError``, a URL of an unknown kind (STORE_URL_UNSUPPORTED) and every fault
    ``SqlStore`` names (a store that would not persist, an incomplete URL, a database of
    another application or a newer client, a damaged file, …).
    """
    if url.startswith(("sqlite", "postgresql")):
        from desktop_app.store.sql import SqlStore

        return SqlStore(url, clock, seed=seed, hash_profile=hash_profile)
    import logging

    from desktop_app.domain.errors import AppError, ErrorCode

    scheme = url.split("://", 1)[0] if "://" in url else "no scheme"
    logging.getLogger("desktop_app.store").error(
        "store fault %s while opening the store: unknown kind of store URL (%.20s)",
        ErrorCode.STORE_URL_UNSUPPORTED.value,
        scheme,
    )
    raise AppError(ErrorCode.STORE_URL_UNSUPPORTED)
