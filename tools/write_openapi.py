"""Write the member server's API schema to docs/openapi.json (``make openapi``); a test fails
when the committed file and the server differ."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.server.app import openapi_document

TARGET = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def render() -> str:
    return json.dumps(openapi_document(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
