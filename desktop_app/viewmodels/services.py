"""What view-models are given to work with: one narrow bundle, made by the composition root.

View-models never import a keychain, a settings file or a concrete store: they use these
protocols. The null and in-memory implementations here serve tests and the branch kiosk
(which must write nothing to the computer); the real ones live in ``desktop_app.platform``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from desktop_app.domain.clock import Clock
    from desktop_app.store.demo import DemoOperations
    from desktop_app.viewmodels.runner import OperationRunner
    from desktop_app.viewmodels.store_access import StoreHandle


class KeychainState(NamedTuple):
    """What the keychain offers: ``available``, and the Web-ID remembered there, if any."""

    available: bool
    web_id: str | None = None


class Keychain(Protocol):
    """Remembers a Web-ID (never a password). Both calls may block: run them in the runner."""

    def open(self) -> KeychainState: ...

    def remember_web_id(self, web_id: str | None) -> bool: ...


class Preferences(Protocol):
    """This computer's remembered settings (language, font size, theme, idle minutes, the
    device id). Reads are cheap; ``sync`` writes them out."""

    def value(self, key: str) -> str | None: ...

    def set_value(self, key: str, value: str) -> None: ...

    def sync(self) -> None: ...


STORE_URL_KEY = "store_url"  # the preference of the store's address (``--store`` wins over it)


class StoreLocation(Protocol):
    """Which store the client uses, and changing it (the composition root's, for the
    settings screen). ``probe`` and ``switch`` block: run them in the runner."""

    @property
    def url(self) -> str:
        """The URL of the store in use."""
        ...

    @property
    def is_default(self) -> bool:
        """The store in use is the default one (this computer's own data file)."""
        ...

    def probe(self, url: str) -> None:
        """Check that a store answers at ``url`` (raises the ``AppError`` saying why not)."""
        ...

    def switch(self, url: str, end_session: str | None) -> DemoOperations | None:
        """Open the store at ``url`` and use it from now on; then end the session
        ``end_session`` (a token) in the store used until now, and close that. Returns the
        new host's demo interface (``None`` unless it runs a demo)."""
        ...


class NullKeychain:
    """No keychain: nothing can be remembered, and nothing is written anywhere."""

    def open(self) -> KeychainState:
        return KeychainState(available=False)

    def remember_web_id(self, web_id: str | None) -> bool:
        return False


class MemoryKeychain:
    """A keychain in memory (tests)."""

    def __init__(self, web_id: str | None = None) -> None:
        self.web_id = web_id

    def open(self) -> KeychainState:
        return KeychainState(available=True, web_id=self.web_id)

    def remember_web_id(self, web_id: str | None) -> bool:
        self.web_id = web_id
        return True


class MemoryPreferences:
    """Preferences that live as long as the process (tests, the kiosk)."""

    def __init__(self, values: dict[str, str] | None = None) -> None:
        self.values = dict(values or {})

    def value(self, key: str) -> str | None:
        return self.values.get(key)

    def set_value(self, key: str, value: str) -> None:
        self.values[key] = value

    def sync(self) -> None:
        """Nothing to write."""


class SessionEpoch:
    """Which member's visit it is: the session view-model moves it on at every sign-in and
    sign-out, and work asked for in an earlier visit delivers nothing (see ``ViewModel``)."""

    __slots__ = ("current",)

    def __init__(self) -> None:
        self.current = 0

    def advance(self) -> None:
        self.current += 1


class Services:
    """The bundle: the one operation runner, the store (opened lazily in a worker), the clock,
    the keychain (none by default), the preferences (in memory by default), for a demo host
    only the demo interface, where the store is (none: it cannot be changed here), and
    whether this is a branch kiosk. (A plain class: start-up does not pay for dataclasses.)"""

    __slots__ = (
        "clock",
        "demo",
        "epoch",
        "keychain",
        "kiosk",
        "location",
        "preferences",
        "runner",
        "store",
    )

    def __init__(
        self,
        runner: OperationRunner,
        store: StoreHandle,
        clock: Clock,
        keychain: Keychain | None = None,
        preferences: Preferences | None = None,
        demo: DemoOperations | None = None,
        location: StoreLocation | None = None,
        kiosk: bool = False,
    ) -> None:
        self.runner = runner
        self.store = store
        self.clock = clock
        self.keychain: Keychain = keychain if keychain is not None else NullKeychain()
        self.preferences: Preferences = (
            preferences if preferences is not None else MemoryPreferences()
        )
        self.demo = demo
        self.location = location
        self.kiosk = kiosk
        self.epoch = SessionEpoch()

    @property
    def inbox_offered(self) -> bool:
        """The one condition for offering the demo inbox (every member's sent codes): a demo
        host only, and never at a branch kiosk, where anyone walks up to the screen."""
        return self.demo is not None and not self.kiosk
