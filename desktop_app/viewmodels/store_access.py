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

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
