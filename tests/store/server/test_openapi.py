"""docs/openapi.json is what the server publishes, and what it publishes is the member API."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))

from write_openapi import TARGET, render  # noqa: E402

from desktop_app.store.remote.wire import Paths  # noqa: E402


def test_the_committed_schema_is_the_servers() -> None:
    assert TARGET.read_text(encoding="utf-8") == render(), "run `make openapi` and commit it"


def test_every_operation_is_published_with_error_answers_and_nothing_of_the_demo() -> None:
    document = json.loads(TARGET.read_text(encoding="utf-8"))
    published = set(document["paths"])
    wanted = {value for name, value in vars(Paths).items() if name.isupper()}
    assert published == wanted
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if path == Paths.HEALTH:
                continue
            for status in ("400", "401", "422", "429", "503"):
                schema = operation["responses"][status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (method, path)
    assert not any(path.startswith("/demo") for path in published)
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_a_running_server_answers_the_same_schema(http_server_url: str) -> None:
    served = httpx.get(f"{http_server_url}/openapi.json", timeout=5).json()
    assert served == json.loads(TARGET.read_text(encoding="utf-8"))
