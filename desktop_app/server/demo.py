"""The demo operator endpoints of a server started with ``--demo``: what the service sent,
moving its clock, and putting the store back to the demo members. Never part of the member
API (not in /openapi.json), never on a production server: anyone who can reach them can
read every member's messages."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Protocol, runtime_checkable

from fastapi import APIRouter, Query, Request
from pydantic import AwareDatetime, Field

from desktop_app.domain.models import SentMessage
from desktop_app.server.clock import SharedClock
from desktop_app.server.routes import Runner
from desktop_app.server.schemas import Body

DEMO = "/demo"
RESET = f"{DEMO}/reset"
CLOCK = f"{DEMO}/clock"
SENT_MESSAGES = f"{DEMO}/sent-messages"

router = APIRouter(include_in_schema=False)


@runtime_checkable
class DemoStore(Protocol):
    """What a demo server's store offers its operator (``SqlStore`` does)."""

    def reset_to_demo_members(self) -> None: ...

    def sent_messages(self, limit: int = 50) -> tuple[SentMessage, ...]: ...


class Reset(Body):
    now: AwareDatetime | None = None
    frozen: bool = True


class Advance(Body):
    seconds: Annotated[float, Field(ge=-(10**9), le=10**9)]


class Now(Body):
    now: AwareDatetime


def _parts(request: Request) -> tuple[Runner, DemoStore, SharedClock]:
    runner: Runner = request.app.state.runner
    store = runner.store
    assert isinstance(store, DemoStore)
    return runner, store, request.app.state.clock


@router.post(RESET, response_model=Now)
async def reset(body: Reset, request: Request) -> Now:
    runner, store, clock = _parts(request)
    if body.now is not None:
        clock.set(body.now, frozen=body.frozen)
    await runner.call(store.reset_to_demo_members)
    return Now(now=clock.now())


@router.post(CLOCK, response_model=Now)
async def advance_clock(body: Advance, request: Request) -> Now:
    _, _, clock = _parts(request)
    return Now(now=clock.advance(timedelta(seconds=body.seconds)))


@router.get(SENT_MESSAGES, response_model=tuple[SentMessage, ...])
async def sent_messages(
    request: Request, limit: Annotated[int, Query(ge=0, le=10**6)] = 50
) -> tuple[SentMessage, ...]:
    runner, store, _ = _parts(request)
    return await runner.call(lambda: store.sent_messages(limit))
