"""Request ids: the client's name for one money movement, so a retry moves money once.

One validation for every store (local or remote), before anything touches a database: a
NUL, a non-ASCII letter or an over-long id is the same refusal everywhere.
"""

from __future__ import annotations

import re

from desktop_app.domain.errors import AppError, ErrorCode

REQUEST_ID_MAX_LENGTH = 64
REQUEST_ID_PATTERN = rf"^[A-Za-z0-9_-]{{1,{REQUEST_ID_MAX_LENGTH}}}$"  # as published in the API
_REQUEST_ID = re.compile(REQUEST_ID_PATTERN)


def check_request_id(value: object) -> str:
    """``value`` when it is 1–64 characters of ``[A-Za-z0-9_-]``; else REQUEST_ID_INVALID."""
    if not isinstance(value, str) or _REQUEST_ID.fullmatch(value) is None:
        raise AppError(ErrorCode.REQUEST_ID_INVALID)
    return value
