"""``create_app``: the member server's ASGI application (FastAPI, served by uvicorn).

Refusals are answered as ``{"code": …, "params": {…}}`` with the status of
``desktop_app.store.remote.wire``; a malformed request is 400 ``request_invalid`` and echoes
nothing it was sent (it may hold a password); an error of the server itself is 500
``unexpected`` with no traceback, logged with its exception type only.
"""

from __future__ import annotations

import logging
import math
import traceback
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from anyio.to_thread import run_sync
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.server.config import ServerConfig, configure_logging
from desktop_app.server.middleware import Guard
from desktop_app.server.profile_routes import router as profile_router
from desktop_app.server.routes import ERRORS, Runner, router
from desktop_app.server.schemas import Health
from desktop_app.store.remote.wire import (
    IDEMPOTENCY_HEADER,
    RETRY_AFTER_HEADER,
    Paths,
    error_body,
    status_of,
)

log = logging.getLogger("desktop_app.server")

TITLE = "Card loan member server"
VERSION = "1"

_REQUEST_ID_PLACE = f"header.{IDEMPOTENCY_HEADER}"


def _refusal(error: AppError, now: datetime) -> JSONResponse:
    headers: dict[str, str] = {}
    status = status_of(error.code)
    resume_at = error.params.get("resume_at")
    if error.code is ErrorCode.SIGN_IN_THROTTLED:
        headers[RETRY_AFTER_HEADER] = str(error.params["retry_after"])
    elif status == 429 and isinstance(resume_at, datetime):
        # a code asked for too soon, a change locked by wrong codes: the wait, in seconds
        wait = math.ceil((resume_at - now).total_seconds())
        headers[RETRY_AFTER_HEADER] = str(max(1, wait))
    elif error.code is ErrorCode.SESSION_EXPIRED:
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse(error_body(error), status_code=status, headers=headers)


async def _on_app_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, AppError)
    return _refusal(error, request.app.state.clock.now())


async def _on_malformed(request: Request, error: Exception) -> JSONResponse:
    # Only where the request went wrong, never what it held.
    code = ErrorCode.REQUEST_INVALID
    if isinstance(error, RequestValidationError):
        places = sorted({".".join(str(part) for part in e.get("loc", ())) for e in error.errors()})
        log.info("malformed request to %s: %s", request.url.path, ", ".join(places))
        if places == [_REQUEST_ID_PLACE]:  # what every store says of a malformed request id
            code = ErrorCode.REQUEST_ID_INVALID
    return JSONResponse(error_body(AppError(code)), status_code=status_of(code))


async def _on_http(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    status = error.status_code if 400 <= error.status_code < 500 else 400
    # Keep what the error says to the client (a 405's Allow, which RFC 9110 requires).
    return JSONResponse(
        error_body(AppError(ErrorCode.REQUEST_INVALID)), status_code=status, headers=error.headers
    )


async def _on_unexpected(request: Request, error: Exception) -> JSONResponse:
    frames = "".join(traceback.format_tb(error.__traceback__))
    log.error("unexpected %s on %s\n%s", type(error).__name__, request.url.path, frames)
    return JSONResponse(error_body(AppError(ErrorCode.UNEXPECTED)), status_code=500)


def _lifespan(config: ServerConfig) -> Any:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        clock = config.clock()
        store = await run_sync(config.open_store, clock)
        app.state.runner = Runner(
            store, sign_in_threads=config.sign_in_threads, call_threads=config.call_threads
        )
        app.state.clock = clock
        try:
            yield
        finally:
            await run_sync(store.close)

    return lifespan


# A time of day of the rules (service hours, transfer cut-offs) is Tokyo's and goes on the
# wire without an offset ("09:00:00"), which JSON Schema's "time" format (RFC 3339) does not
# allow: the schema says what is sent.
_LOCAL_TIME = {
    "type": "string",
    "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?$",
    "description": "A time of day in Asia/Tokyo, without an offset.",
}


def _local_times(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("format") == "time":
            del node["format"]
            node.update(_LOCAL_TIME)
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


def _publish(api: FastAPI) -> None:
    """Let ``api.openapi()`` (``GET /openapi.json``) say what the server sends."""
    generate = api.openapi

    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            _local_times(generate())
        assert api.openapi_schema is not None
        return api.openapi_schema

    api.openapi = openapi  # type: ignore[method-assign]


def create_app(config: ServerConfig | None = None) -> Any:
    """The ASGI app (wrapped in ``Guard``); ``None`` reads the settings from the environment
    (the uvicorn workers of ``member-server``)."""
    if config is None:
        config = ServerConfig.from_environment()
        configure_logging(config.log_level)
    api = FastAPI(
        # The member routes are the app's own, not an included router: FastAPI matches an
        # included router's routes through a layer of its own on every request.
        routes=[*router.routes, *profile_router.routes],
        title=TITLE,
        version=VERSION,
        lifespan=_lifespan(config),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    api.add_exception_handler(AppError, _on_app_error)
    api.add_exception_handler(RequestValidationError, _on_malformed)
    api.add_exception_handler(HTTPException, _on_http)
    api.add_exception_handler(Exception, _on_unexpected)
    _publish(api)
    if config.demo:
        from desktop_app.server.demo import router as demo_router

        api.include_router(demo_router)

    @api.get(Paths.HEALTH, response_model=Health, responses={503: ERRORS[503]}, tags=["service"])
    async def health(request: Request) -> Health:
        """200 once the store is open (migrations applied) and answers."""
        runner: Runner = request.app.state.runner
        await runner.call(runner.store.service_terms)
        return Health(status="ok")

    return Guard(api, lambda: api.state.clock.now())


def app_of(asgi: Any) -> FastAPI:
    """The FastAPI app inside ``create_app``'s guard (for its OpenAPI document)."""
    inner = asgi._app
    assert isinstance(inner, FastAPI)
    return inner


def openapi_document() -> dict[str, Any]:
    """The published API schema (what ``GET /openapi.json`` answers; docs/openapi.json)."""
    document: dict[str, Any] = app_of(create_app(ServerConfig(db=""))).openapi()
    return document
