"""The client as its store's host: which store it uses (``--store``, else the one saved in the
settings, else this computer's own data file), opening it with the host's settings, and
switching to another one from the settings screen.

Opening, probing and switching block (disk, network, migrations): they run in the runner,
never on the GUI thread. Remote stores get the CA bundle of ``--ca``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from desktop_app.paths import default_store_url

if TYPE_CHECKING:
    from desktop_app.cli import Options
    from desktop_app.domain.clock import Clock, OffsetClock
    from desktop_app.store.demo import DemoOperations
    from desktop_app.store.protocol import Store
    from desktop_app.viewmodels.store_access import StoreHandle

HASH_PROFILE_ENV = "MEMBER_CLIENT_HASH_PROFILE"


def is_remote(url: str) -> bool:
    """A member server's address rather than a database."""
    from desktop_app.store.remote.urls import is_remote_url

    return is_remote_url(url)


def is_demo_host(seed: str, url: str) -> bool:
    """A local store seeded with the demo members is a demo: its outbox is the demo inbox and
    its clock may be moved on. A remote store says so itself (the server's demo mode)."""
    return seed == "demo" and not is_remote(url)


class StoreHost:
    """Where the client's store is, and how it is opened (a ``StoreLocation``).

    The store in use is ``--store``, else ``saved_url`` (the settings screen's), else the
    default (this computer's ``members.db``). ``clock`` is the host's: a demo moves it on,
    and with a member server it follows the server's clock.
    """

    def __init__(self, options: Options, clock: OffsetClock, saved_url: str | None = None) -> None:
        self._options = options
        self._clock = clock
        self._url = options.store_url or saved_url or None
        self._profile = os.environ.get(HASH_PROFILE_ENV, "owasp")
        self._handle: StoreHandle | None = None

    def attach(self, handle: StoreHandle) -> None:
        """The handle through which the client reaches the store (made with ``open``)."""
        self._handle = handle

    @property
    def url(self) -> str:
        return self._url or default_store_url()

    @property
    def is_default(self) -> bool:
        return self._url is None or self._url == default_store_url()

    @property
    def clock(self) -> Clock:
        return self._clock

    def demo(self, url: str | None = None) -> DemoOperations | None:
        """The demo interface of the host of ``url`` (the store in use by default)."""
        if not is_demo_host(self._options.seed, url or self.url):
            return None
        from desktop_app.store.demo import LocalDemo

        handle = self._handle
        return LocalDemo(lambda: handle.get() if handle is not None else None, self._clock)

    # -- blocking: in a worker -----------------------------------------------------------
    def open(self, url: str | None = None) -> Store:
        """Open the store at ``url`` (the one in use by default) with the host's settings."""
        from desktop_app.store import open_store

        options = self._options
        return open_store(
            url or self.url,
            self._clock,
            seed=options.seed == "demo",
            hash_profile=self._profile,
            rules=options.rules,
            ca_file=options.ca_file,
        )

    def probe(self, url: str) -> None:
        from desktop_app.store import probe_store

        probe_store(url, ca_file=self._options.ca_file)

    def switch(self, url: str, end_session: str | None) -> DemoOperations | None:
        handle = self._handle
        if handle is None:
            raise RuntimeError("the store host has no store handle")
        old = handle.replace(lambda: self.open(url))
        self._url = url
        if old is not None:
            if end_session is not None:
                try:
                    old.sign_out(end_session)
                except Exception:  # best effort: the old store is left behind anyway
                    import logging

                    logging.getLogger(__name__).info("sign-out in the old store failed")
            old.close()
        return self.demo(url)
