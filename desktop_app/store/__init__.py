"""Stores: the transport-neutral ``Store`` protocol and its implementations.

Import ``desktop_app.store.protocol`` for the protocol (cheap, no SQL); ``open_store`` imports
the concrete store lazily, so start-up never pays for SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.domain.clock import Clock
    from desktop_app.domain.rules import Rules
    from desktop_app.store.protocol import Store


def open_store(
    url: str,
    clock: Clock,
    *,
    seed: bool = True,
    hash_profile: str = "owasp",
    rules: Rules | None = None,
    pepper: bytes | None = None,
) -> Store:
    """Open (create, migrate and, when ``seed`` and empty, seed) the store at ``url``.

    The host's contract: the caller (the composition root, or the member server) is the
    store's host and owns its settings: ``clock``, ``seed``, ``hash_profile``, ``rules``
    (the defaults of DOMAIN.md when ``None``) and ``pepper``. None of them is part of the
    member protocol; members learn the rules from ``Store.service_terms()``.

    ``pepper`` is the member server's secret (at least 16 random bytes from its
    configuration, never stored in the database): PINs, passwords and card numbers are
    hashed with it, so a copied database gives none of them away. A store opened once with
    a pepper is opened with the same one ever after (another one, or none, is refused with
    STORE_KEY_MISMATCH). The member's own local store has none.

    Refuses, as ``AppError``, a URL of an unknown kind (STORE_URL_UNSUPPORTED) and every fault
    ``SqlStore`` names (a store that would not persist, an incomplete URL, a database of
    another application or a newer client, a damaged file, …).
    """
    if url.startswith(("sqlite", "postgresql")):
        from desktop_app.domain.rules import DEFAULT_RULES
        from desktop_app.store.sql import SqlStore

        return SqlStore(
            url,
            clock,
            seed=seed,
            hash_profile=hash_profile,
            rules=rules or DEFAULT_RULES,
            pepper=pepper,
        )
    import logging

    from desktop_app.domain.errors import AppError, ErrorCode

    scheme = url.split("://", 1)[0] if "://" in url else "no scheme"
    logging.getLogger("desktop_app.store").error(
        "store fault %s while opening the store: unknown kind of store URL (%.20s)",
        ErrorCode.STORE_URL_UNSUPPORTED.value,
        scheme,
    )
    raise AppError(ErrorCode.STORE_URL_UNSUPPORTED)
