"""Sessions bound to the device they were issued for.

A session row keeps the device id it was signed in from (cut to ``DEVICE_ID_MAX_LENGTH``).
The member server runs every member call inside ``bound_device(<the request's device id>)``;
while it is active, a token presented from another device is refused as SESSION_EXPIRED,
for reads and writes alike, and the attempt is audited (``session_device_mismatch``), so a
token copied off one device is of no use on another. Outside it nothing is checked: the
local client is one device, and a direct caller (a tool, a test) names none.

The binding is a ``contextvars.ContextVar``: it follows the call into the thread or task
that runs it when the context is copied there (asyncio tasks, ``anyio.to_thread``,
``contextvars.copy_context().run``), and never leaks into another request's call.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

DEVICE_ID_MAX_LENGTH = 64

_bound: ContextVar[str | None] = ContextVar("desktop_app_store_bound_device", default=None)


def stored_device_id(device_id: str) -> str:
    """A device id as a session row keeps it."""
    return device_id[:DEVICE_ID_MAX_LENGTH]


@contextmanager
def bound_device(device_id: str) -> Iterator[None]:
    """Within the block, sessions act only for the device ``device_id``."""
    reset = _bound.set(stored_device_id(device_id))
    try:
        yield
    finally:
        _bound.reset(reset)


def foreign_device(session_device_id: str) -> bool:
    """Whether a session of ``session_device_id`` is presented from another device than the
    one bound now (never, while no device is bound)."""
    bound = _bound.get()
    return bound is not None and bound != session_device_id
