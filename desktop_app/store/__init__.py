"""Stores: the transport-neutral ``Store`` protocol and its implementations.

Import ``desktop_app.store.protocol`` for the protocol (cheap, no SQL); ``open_store`` imports
the concrete store lazily, so start-up never pays for SQLAlchemy, and ``probe_store`` (the
settings screen's "check the connection") imports httpx only when it probes a server.
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
    ca_file: str | None = None,
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

    An ``http(s)://`` URL is a member server (``HttpStore``): its host owns those settings,
    and its clock is the one shown (``clock``, an ``OffsetClock``, follows it). ``ca_file``
    is a CA bundle to verify an ``https://`` member server with (instead of the system's);
    it is passed on to remote stores only.

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
    from desktop_app.store.remote.urls import is_remote_url

    if is_remote_url(url):
        from desktop_app.domain.clock import OffsetClock
        from desktop_app.store.remote.client import HttpStore

        return HttpStore(url, clock if isinstance(clock, OffsetClock) else None, ca_file=ca_file)
    import logging

    from desktop_app.domain.errors import AppError, ErrorCode

    scheme = url.split("://", 1)[0] if "://" in url else "no scheme"
    logging.getLogger("desktop_app.store").error(
        "store fault %s while opening the store: unknown kind of store URL (%.20s)",
        ErrorCode.STORE_URL_UNSUPPORTED.value,
        scheme,
    )
    raise AppError(ErrorCode.STORE_URL_UNSUPPORTED)


def probe_store(url: str, *, ca_file: str | None = None) -> None:
    """Check, without keeping anything open, that a store answers at ``url``: a member
    server's ``/health`` (``https://``, or ``http://`` to this computer), or a database the
    way ``open_store`` opens it. Raises the ``AppError`` that says why not (see
    ``desktop_app.store.remote.probe``). Blocks: call it in a worker."""
    from desktop_app.store.remote.probe import probe_store as probe

    probe(url, ca_file=ca_file)
