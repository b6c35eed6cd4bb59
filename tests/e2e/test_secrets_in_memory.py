"""Finished work keeps no secret alive: after many sign-ins and sign-outs, no object the
collector knows still refers to the member's plaintext password (or a session token)."""

from __future__ import annotations

import gc
import secrets
import types

from sqlalchemy import update

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.hashing import SecretHasher
from desktop_app.store.sql.schema import WebCredential
from desktop_app.testing import context_of, wait_until_idle

from .conftest import NOW


def _holders(value: str) -> list[str]:
    """Describe every live container that refers to a string equal to ``value``, leaving out
    code objects' constants and this test's own frames."""
    found: list[str] = []
    everything = gc.get_objects()
    for obj in everything:
        if isinstance(obj, types.FrameType | types.CodeType):
            continue
        try:
            referents = gc.get_referents(obj)
        except Exception:  # pragma: no cover - exotic extension objects
            continue
        # A plain loop: a generator here would keep ``value`` in a cell of its own.
        holds = False
        for item in referents:
            if isinstance(item, str) and item == value:
                holds = True
                break
        if holds:
            owners = [
                getattr(owner, "__qualname__", type(owner).__qualname__)
                for owner in gc.get_referrers(obj)
                if owner is not found and owner is not everything
            ]
            found.append(f"{type(obj).__qualname__} held by {owners[:3]}")
    return found


def test_no_plaintext_password_survives_sign_ins(drive, store_url):
    from datetime import datetime

    password = "Pw" + secrets.token_hex(6) + "7"  # made at run time: no constant holds it
    store = SqlStore(
        store_url, FixedClock(datetime.fromisoformat(NOW).astimezone(TOKYO)), hash_profile="fast"
    )
    with store.engine.begin() as connection:
        connection.execute(
            update(WebCredential)
            .where(WebCredential.web_id == "yamada2026")
            .values(password_hash=SecretHasher("fast").hash(password))
        )
    store.close()
    d = drive()
    tokens = []
    for _ in range(12):
        d.sign_in_web("yamada2026", password)
        assert d.screen() == "homeScreen"
        tokens.append(context_of(d.window).app_vm.token)
        d.click("logoutButton")
        wait_until_idle(d.window)
    d.qtbot.wait(50)  # let deferred deletions run
    gc.collect()
    assert _holders(password) == []
    while tokens:  # popped, so only this frame (left out) refers to the token checked
        token = tokens.pop()
        assert _holders(token) == []
