"""Lazy, thread-safe access to the store: opened on first use, inside a worker thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.domain.errors import AppError, ErrorCode

if TYPE_CHECKING:
    from desktop_app.store.protocol import Store


class StoreHandle:
    """Opens the store once, on the first worker that needs it; start-up never waits for it."""

    def __init__(self, factory: Callable[[], Store]) -> None:
        self._factory = factory
        self._store: Store | None = None
        self._lock = threading.Lock()

    def get(self) -> Store:
        with self._lock:
            if self._store is None:
                try:
                    self._store = self._factory()
                except AppError:
                    raise
                except Exception as exc:
                    import logging

                    logging.getLogger(__name__).exception("the store could not be opened")
                    raise AppError(ErrorCode.STORE_UNAVAILABLE) from exc
            return self._store

    def replace(self, factory: Callable[[], Store]) -> Store | None:
        """Open the store ``factory`` makes and use it from now on; returns the store used
        until now (for the caller to close), or raises what opening raised, changing nothing.

        The new store is opened under the lock, so a call that asks for the store meanwhile
        waits and gets the new one: nothing signs in to a store that is on its way out."""
        with self._lock:
            try:
                store = factory()
            except AppError:
                raise
            except Exception as exc:
                import logging

                logging.getLogger(__name__).exception("the new store could not be opened")
                raise AppError(ErrorCode.STORE_UNAVAILABLE) from exc
            old, self._store, self._factory = self._store, store, factory
            return old

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
