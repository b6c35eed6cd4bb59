"""``HttpDemo``: the demo/operator interface of a member server started with ``--demo``
(what it sent, moving its clock, back to the demo members), for test harnesses and demos."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx
from pydantic import TypeAdapter

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import SentMessage
from desktop_app.store.remote.urls import check_remote_url

_MESSAGES: TypeAdapter[tuple[SentMessage, ...]] = TypeAdapter(tuple[SentMessage, ...])


class HttpDemo:
    def __init__(self, url: str, *, ca_file: str | None = None) -> None:
        self._client = httpx.Client(
            base_url=check_remote_url(url),
            timeout=httpx.Timeout(30.0, connect=3.0),
            verify=ca_file or True,
        )

    def _call(self, method: str, path: str, **options: Any) -> Any:
        try:
            response = self._client.request(method, path, **options)
        except httpx.HTTPError:
            raise AppError(ErrorCode.STORE_UNAVAILABLE) from None
        if response.status_code == 404:
            raise TypeError("this member server runs no demo (start it with --demo)")
        if not response.is_success:
            raise AppError(ErrorCode.STORE_UNAVAILABLE)
        return response.json()

    def sent_messages(self, limit: int = 50) -> tuple[SentMessage, ...]:
        return _MESSAGES.validate_python(
            self._call("GET", "/demo/sent-messages", params={"limit": limit})
        )

    def advance_clock(self, delta: timedelta) -> datetime:
        answer = self._call("POST", "/demo/clock", json={"seconds": delta.total_seconds()})
        return datetime.fromisoformat(answer["now"])

    def reset(self, now: datetime | None = None, *, frozen: bool = True) -> datetime:
        """Back to the demo members (seeded relative to ``now``, when given); the clock stands
        at ``now`` when ``frozen``, else runs on from it."""
        body = {"now": None if now is None else now.isoformat(), "frozen": frozen}
        return datetime.fromisoformat(self._call("POST", "/demo/reset", json=body)["now"])

    def reset_to_demo_members(self) -> None:
        """Back to the demo members, the server's clock running on."""
        self.reset(frozen=False)

    def close(self) -> None:
        self._client.close()
