"""``HistoryOperations``: the transaction history, paged by keyset (at DESC, id DESC).

A page is the entries strictly older than the cursor the previous page ended at, so entries
written while a member pages (or exports) never shift or repeat a later page. The
``(member_id, at, id)`` index serves both the order and the cursor condition. The total is
counted once, for the first page. The statements are ``reads``' (SQLAlchemy Core).
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.models import HistoryCursor, HistoryPage, HistoryQuery
from desktop_app.store.sql.reads import history_page
from desktop_app.store.sql.schema import SessionRow
from desktop_app.store.sql.sessions import SessionBase

HISTORY_MAX_LIMIT = 1_000


class HistoryOperations(SessionBase):
    """The member's ledger, newest first, a page at a time."""

    def history(
        self, token: str, query: HistoryQuery, before: HistoryCursor | None, limit: int
    ) -> HistoryPage:
        limit = min(max(0, limit), HISTORY_MAX_LIMIT)
        return self._with_session(
            token, partial(self._history, query=query, before=before, limit=limit), write=False
        )

    @staticmethod
    def _history(
        db: DbSession,
        session: SessionRow,
        now: datetime,
        *,
        query: HistoryQuery,
        before: HistoryCursor | None,
        limit: int,
    ) -> HistoryPage:
        return history_page(db, session.member_id, query, before, limit)
