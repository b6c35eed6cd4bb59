"""``StaffOperations``: what staff do for a member, not part of the member protocol."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.store.sql.base import StoreBase
from desktop_app.store.sql.schema import Card, CardStatus, WebCredential


class StaffOperations(StoreBase):
    """Unlocking cards and Web-IDs."""

    def unlock_card(self, card_number: str) -> bool:
        """Staff only (not in the protocol): unlock a locked card; False if there is none."""
        lookup = self._keys.card_lookup(card_number)
        with self._transaction() as db:
            card = db.scalar(select(Card).where(Card.card_lookup == lookup).with_for_update())
            if card is None or card.status != CardStatus.LOCKED:
                return False
            card.status = CardStatus.ACTIVE
            card.failed_pin_count = 0
            card.failed_pin_day = None
            self._audit(db, self._now(), card.member_id, "card_unlocked", "by staff")
            return True

    def unlock_web_id(self, web_id: str) -> bool:
        """Staff only (not in the protocol): unlock a locked Web-ID; False if there is none."""
        with self._transaction() as db:
            cred = db.scalar(select(WebCredential).where(WebCredential.web_id == web_id))
            if cred is None or not cred.locked:
                return False
            cred.locked = False
            cred.failed_count = 0
            self._audit(db, self._now(), cred.member_id, "web_id_unlocked", "by staff")
            return True
