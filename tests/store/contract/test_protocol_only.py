"""The contract suite speaks the protocol only: a test here that reached into SQL (or any
concrete store) would not run against the member server."""

from __future__ import annotations

import ast
from pathlib import Path

FORBIDDEN = ("sqlalchemy", "alembic", "desktop_app.store.sql", "psycopg")
HERE = Path(__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_contract_tests_import_no_sql_and_no_concrete_store() -> None:
    tests = sorted(p for p in HERE.glob("test_*.py") if p.name != Path(__file__).name)
    assert len(tests) >= 8
    for path in tests:
        bad = {n for n in _imports(path) if n.startswith(FORBIDDEN)}
        assert not bad, f"{path.name} imports {sorted(bad)}"
        assert ".engine" not in path.read_text(encoding="utf-8"), path.name


def test_the_member_protocol_has_no_demo_operator_or_host_settings() -> None:
    import inspect

    from desktop_app.store.demo import DemoOperations
    from desktop_app.store.protocol import Store

    members = {name for name, _ in inspect.getmembers(Store, inspect.isfunction)}
    members -= {name for name in members if name.startswith("_")}
    assert "service_terms" in members
    operator = {"demo_inbox", "sent_messages", "advance_clock", "unlock_card", "unlock_web_id"}
    assert not members & operator
    assert "admit_sign_in" not in members  # the member server's throttle, never a member's
    for name in members:  # seeding, hashing, the pepper and the clock belong to the host
        parameters = inspect.signature(getattr(Store, name)).parameters
        assert not {"seed", "hash_profile", "clock", "rules", "pepper"} & set(parameters), name
    assert {"sent_messages", "advance_clock"} <= set(dir(DemoOperations))
