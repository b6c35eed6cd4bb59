"""The store's keys: card numbers kept as a keyed hash, the sign-in throttle's keys, and the
check that a store is opened with the pepper it was set up with.

A card number is found by ``HMAC-SHA256(card key, number)`` (``cards.card_lookup``) and shown
by its last four digits (``cards.card_last4``); the number itself is never stored. The card
key is derived from the pepper of the member server (``HMAC(pepper, "card-lookup")``), so a
copied database does not give the card numbers away. Without a pepper (the member's own
local store: the demo on their own computer, where the database and the program lie side by
side anyway) a fixed key built in here is used: it keeps the numbers out of plain sight, not
away from someone who reads this file.

A store keeps the key it was first opened with: ``store_keys`` holds a fingerprint of it, and
opening with another pepper (or none, or one where there was none) is refused with
STORE_KEY_MISMATCH instead of silently finding no card and verifying no secret. Changing the
pepper needs a rehash run that this client does not have: every card's lookup made again from
the card numbers (which only the card issuer holds) and every member setting a new PIN and
password.

A store made before revision 0006 still holds plain card numbers: the first time it is opened
(with its key) they are replaced by their lookup and last four digits.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import NoReturn

from sqlalchemy import Engine, insert, select, update

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store.sql.engine import READ, TRANSACTION
from desktop_app.store.sql.faults import log_fault
from desktop_app.store.sql.schema import Card, StoreKey

# The local demo store's fixed keys (no pepper): see the module's docstring.
LOCAL_CARD_KEY = b"kohaku-member-store/local-demo/card-lookup/v1"
LOCAL_THROTTLE_KEY = b"kohaku-member-store/local-demo/sign-in-throttle/v1"
CARD_KEY_NAME = "card_lookup"


def _mac(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


class StoreKeys:
    """The keys derived from a pepper (or the local store's fixed ones). Never logged."""

    def __init__(self, pepper: bytes | None) -> None:
        self._card = LOCAL_CARD_KEY if pepper is None else _mac(pepper, b"card-lookup")
        self._throttle = LOCAL_THROTTLE_KEY if pepper is None else _mac(pepper, b"sign-in-throttle")

    def __repr__(self) -> str:
        return "StoreKeys(…)"

    def card_lookup(self, card_number: str) -> str:
        """The lookup of a (normalised) card number: 64 hex digits."""
        return _mac(self._card, card_number.encode("ascii", "replace")).hex()

    def throttle_key(self, scope: str, value: str) -> str:
        """The key of a sign-in throttle row: never the address or identifier itself."""
        return _mac(self._throttle, f"{scope}\0{value}".encode()).hex()

    @property
    def card_fingerprint(self) -> str:
        """What ``store_keys`` keeps of the card key: it tells whether a key is the same one,
        and nothing of the key."""
        return _mac(self._card, b"key-check").hex()


def last4(card_number: str) -> str:
    return card_number[-4:]


def keying_due(engine: Engine, keys: StoreKeys) -> bool:
    """Whether the store still needs ``key_cards`` (a store made before revision 0006, or one
    never opened with a key); refuses STORE_KEY_MISMATCH when it was set up with other keys.
    Reads only."""
    with engine.execution_options(**{TRANSACTION: READ}).connect() as connection:
        stored = connection.scalar(
            select(StoreKey.fingerprint).where(StoreKey.name == CARD_KEY_NAME)
        )
        plain = connection.scalar(
            select(Card.id).where(Card.legacy_card_number.is_not(None)).limit(1)
        )
    if stored is not None and not hmac.compare_digest(stored, keys.card_fingerprint):
        _refuse(ErrorCode.STORE_KEY_MISMATCH, "the store was set up with another pepper")
    return stored is None or plain is not None


def key_cards(engine: Engine, keys: StoreKeys) -> None:
    """Set the store's key (its fingerprint) and replace every plain card number by its
    lookup and last four digits, in one transaction (under the opening lock)."""
    with engine.begin() as connection:
        stored = connection.scalar(
            select(StoreKey.fingerprint).where(StoreKey.name == CARD_KEY_NAME).with_for_update()
        )
        if stored is None:
            connection.execute(
                insert(StoreKey).values(name=CARD_KEY_NAME, fingerprint=keys.card_fingerprint)
            )
        elif not hmac.compare_digest(stored, keys.card_fingerprint):
            _refuse(ErrorCode.STORE_KEY_MISMATCH, "the store was set up with another pepper")
        rows = connection.execute(
            select(Card.id, Card.legacy_card_number)
            .where(Card.legacy_card_number.is_not(None))
            .with_for_update()
        ).all()
        for card_id, number in rows:
            if number is None:
                continue
            connection.execute(
                update(Card)
                .where(Card.id == card_id)
                .values(
                    {
                        Card.card_lookup: keys.card_lookup(number),
                        Card.card_last4: last4(number),
                        Card.legacy_card_number: None,
                    }
                )
            )


def _refuse(code: ErrorCode, why: str) -> NoReturn:
    log_fault(code, "opening the store", why)
    raise AppError(code)
