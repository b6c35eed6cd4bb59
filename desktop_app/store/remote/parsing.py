"""The protocol's data classes from the JSON of an answer (pydantic ``TypeAdapter``, built once
a type): the same definitions the server answers with."""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar, cast

from pydantic import TypeAdapter

T = TypeVar("T")


@cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def parse(kind: type[T], payload: object) -> T:
    """``payload`` (decoded JSON) as an instance of ``kind``."""
    return cast(T, _adapter(cast(Any, kind)).validate_python(payload))


def parse_all(kind: type[T], payload: object) -> tuple[T, ...]:
    """``payload`` (a JSON array) as a tuple of ``kind``."""
    return cast(tuple[T, ...], _adapter(tuple[kind, ...]).validate_python(payload))  # type: ignore[valid-type]
