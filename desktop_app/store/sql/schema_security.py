"""The tables of the store's keys and of the sign-in throttle (re-exported by ``schema``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.sql.schema_types import Base, UtcDateTime


class StoreKey(Base):
    """A fingerprint of a key the store was set up with (``HMAC(key, "key-check")``, which
    tells nothing of the key): a store opened with another pepper is refused, instead of
    finding no card and verifying no secret. Never the key, never the pepper."""

    __tablename__ = "store_keys"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))


class SignInThrottle(Base):
    """Sign-in attempts in the current window, per client address and per identifier.

    ``key`` is a keyed hash (HMAC-SHA256) of the address or identifier, never the card
    number, Web-ID or address itself. One row per (scope, key); the window starts at its
    first attempt. Every worker of the member server counts in the same rows."""

    __tablename__ = "sign_in_throttle"
    __table_args__ = (
        CheckConstraint("scope IN ('address', 'identifier')", name="scope"),
        Index("ix_sign_in_throttle_window_start", "window_start"),
    )

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime)
    count: Mapped[int] = mapped_column(Integer)
