"""The demo/operator interface: what a demo host offers beside the member protocol.

The member ``Store`` protocol is what a stranger on the network may call; reading every
member's sent messages or moving the service's clock is not. A host (the composition root
for a local store, the member server started in demo mode for a remote one) hands this
interface to the client only when it runs a demo; otherwise the client has none and hides
what needs it (the demo inbox).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # the demo host's interface is made at start-up: import no models for it
    from datetime import datetime, timedelta

    from desktop_app.domain.clock import OffsetClock
    from desktop_app.domain.models import SentMessage

SENT_MESSAGES_MAX_LIMIT = 1_000


class DemoOperations(Protocol):
    def sent_messages(self, limit: int = 50) -> tuple[SentMessage, ...]:
        """What the service sent (codes, alerts, notices), newest first. This is the demo's
        delivery channel: a one-time code is in its message the first time it is read, and
        masked (``••••••``) in every read after that."""
        ...

    def advance_clock(self, delta: timedelta) -> datetime:
        """Move the service's clock on by ``delta``; returns the new now."""
        ...

    def reset_to_demo_members(self) -> None:
        """Forget every member, session, movement and message, and seed the demo members
        afresh (a branch kiosk's ``--kiosk-demo-reset``, on every wipe)."""
        ...


@runtime_checkable
class Resettable(Protocol):
    """A store that can go back to the demo members (``SqlStore`` can)."""

    def reset_to_demo_members(self) -> None: ...


@runtime_checkable
class Outbox(Protocol):
    """A store that can list its outbox (``SqlStore`` can): not part of the member protocol."""

    def sent_messages(self, limit: int = 50) -> tuple[SentMessage, ...]: ...


class LocalDemo:
    """The demo interface of a local host: the store's outbox and the host's own clock.

    ``store`` is called (on a worker thread) when the outbox is first read, so a demo host
    does not open the store early.
    """

    def __init__(self, store: Callable[[], object], clock: OffsetClock) -> None:
        self._store = store
        self._clock = clock

    def sent_messages(self, limit: int = 50) -> tuple[SentMessage, ...]:
        store = self._store()
        if not isinstance(store, Outbox):
            raise TypeError(f"{type(store).__name__} keeps no outbox a demo could show")
        return store.sent_messages(limit)

    def advance_clock(self, delta: timedelta) -> datetime:
        return self._clock.advance(delta)

    def reset_to_demo_members(self) -> None:
        store = self._store()
        if not isinstance(store, Resettable):
            raise TypeError(f"{type(store).__name__} cannot go back to the demo members")
        store.reset_to_demo_members()
