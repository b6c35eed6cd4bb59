"""History, SQL specifics: 100,000 bulk-inserted rows stay fast and a cursor page seeks in
the index (the behaviour of every store is in contract/test_history.py)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event

from desktop_app.domain.models import HistoryCursor, HistoryQuery
from desktop_app.store.sql import SqlStore

from .conftest import DEVICE, NOW, YAMADA


def test_a_page_by_cursor_seeks_in_the_history_index(store: SqlStore) -> None:
    """The keyset page is an index range from the cursor, in index order: no sort, and no scan
    of the newer rows (SQLite's plan; PostgreSQL's depends on its statistics)."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's query plan")
    session = store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        store.history(session.token, HistoryQuery(), HistoryCursor(NOW, 5), 10)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    statement, parameters = next(s for s in reversed(statements) if "FROM ledger" in s[0])
    with store.engine.connect() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        )
    assert "USING INDEX ix_ledger_member_at_id (member_id=? AND at<?)" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
