"""Answers serialised once: a data class straight to JSON bytes with its pydantic
``TypeAdapter`` (built once a type).

FastAPI would first validate what an endpoint returns against its ``response_model`` (it
rebuilds every data class, ~40 µs for an account summary, ~200 µs for a history page of 50),
then dump it. The values are the store's own data classes, built by typed code, so the
endpoints dump them directly; ``response_model`` stays on every route for /openapi.json.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Response
from pydantic import TypeAdapter


@cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def json_answer(kind: Any, value: object, status_code: int = 200) -> Response:
    """``value`` (an instance of ``kind``) as the JSON body of an answer."""
    body = _adapter(kind).dump_json(value)
    return Response(content=body, status_code=status_code, media_type="application/json")
