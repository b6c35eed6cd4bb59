"""One endpoint per ``Store`` operation. Each runs the store call in a worker thread: sign-ins
and other argon2 work on a small pool of their own (CPU-bound by design), so they never queue
in front of the reads and movements of members already signed in."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, TypeVar

from anyio import CapacityLimiter
from anyio.to_thread import run_sync
from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import DBAPIError

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import (
    AccountSummary,
    BankAccount,
    BorrowReceipt,
    HistoryCursor,
    HistoryPage,
    HistoryQuery,
    InterestInquiry,
    LimitApplication,
    RepayIntent,
    RepayReceipt,
    Session,
)
from desktop_app.domain.requests import REQUEST_ID_PATTERN
from desktop_app.domain.terms import ServiceTerms
from desktop_app.server import schemas
from desktop_app.server.answers import json_answer
from desktop_app.store.remote.wire import DEVICE_HEADER, IDEMPOTENCY_HEADER, Paths
from desktop_app.store.sql import SqlStore, bound_device

T = TypeVar("T")

_ERROR = {"model": schemas.ErrorBody}
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {**_ERROR, "description": text}
    for status, text in (
        (400, "The request is malformed (unknown field, wrong type, missing header)."),
        (401, "Signed out: no valid session, or the sign-in details do not match."),
        (403, "Locked, suspended or not allowed for this member."),
        (404, "Not one of this member's accounts, or no such member."),
        (
            409,
            "Conflicts with what was done before or is registered (a reused request id, a "
            "pending application, a value already registered).",
        ),
        (413, "The request body is larger than 16 KiB."),
        (422, "Refused by the rules (an amount, a date, a field's policy)."),
        (429, "Too many attempts or requests: wait and try again (see Retry-After)."),
        (500, "An error of the server itself (never expected)."),
        (503, "Under maintenance, or the database cannot be reached."),
    )
}

_bearer = HTTPBearer(auto_error=False, description="The token of a sign-in.")


def _stale_connection(error: AppError) -> bool:
    """The store could not be reached over a pooled connection that the database had dropped
    (a restart, a proxy's idle timeout): SQLAlchemy has invalidated the pool, so the next
    try connects afresh (there is no pre-ping: ``desktop_app.store.sql.pool``)."""
    cause = error.__cause__
    return (
        error.code is ErrorCode.STORE_UNAVAILABLE
        and isinstance(cause, DBAPIError)
        and cause.connection_invalidated
    )


class Runner:
    """The store and the thread pools of one worker process."""

    def __init__(self, store: SqlStore, *, sign_in_threads: int, call_threads: int) -> None:
        self.store = store
        self._sign_ins = CapacityLimiter(sign_in_threads)
        self._calls = CapacityLimiter(call_threads)

    async def call(self, work: Callable[[], T], *, idempotent: bool = False) -> T:
        """Run ``work`` in a call thread; an ``idempotent`` one (a read, or a movement with
        its request id) is tried once more when it met a dropped connection."""
        try:
            return await run_sync(work, limiter=self._calls)
        except AppError as error:
            if not (idempotent and _stale_connection(error)):
                raise
        return await run_sync(work, limiter=self._calls)

    async def hashing(self, work: Callable[[], T]) -> T:
        return await run_sync(work, limiter=self._sign_ins)


async def runner_of(request: Request) -> Runner:
    # async: FastAPI runs a plain ``def`` dependency in a thread of its own, every request
    runner: Runner = request.app.state.runner
    return runner


Pools = Annotated[Runner, Depends(runner_of)]


class Member:
    """The signed-in member of a request: the bearer token and the device it was issued for.
    Every member endpoint acts on this token's member alone; nothing in a path or body names
    a member."""

    def __init__(self, runner: Runner, token: str, device_id: str) -> None:
        self._runner = runner
        self.store = runner.store
        self.token = token
        self.device_id = device_id

    async def call(self, operation: Callable[..., T], *args: Any, idempotent: bool = False) -> T:
        work = partial(self._bound, operation, *args)
        return await self._runner.call(work, idempotent=idempotent)

    async def hashing(self, operation: Callable[..., T], *args: Any) -> T:
        """A call that checks or hashes a password (argon2): on the sign-in pool."""
        return await self._runner.hashing(partial(self._bound, operation, *args))

    async def read(self, kind: Any, operation: Callable[..., object], *args: Any) -> Response:
        """A read for this member, answered as ``kind`` (``answers``)."""
        return json_answer(kind, await self.call(operation, *args, idempotent=True))

    async def change(self, kind: Any, operation: Callable[..., object], *args: Any) -> Response:
        """A change for this member (never tried again), answered as ``kind``."""
        return json_answer(kind, await self.call(operation, *args))

    def _bound(self, operation: Callable[..., T], *args: Any) -> T:
        with bound_device(self.device_id):  # a token is good only on its own device
            return operation(self.token, *args)


async def member_of(
    runner: Pools,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    device_id: Annotated[str | None, Header(alias=DEVICE_HEADER, max_length=128)] = None,
) -> Member:
    if credentials is None or not credentials.credentials or not device_id:
        raise AppError(ErrorCode.SESSION_EXPIRED)
    return Member(runner, credentials.credentials, device_id)


Signed = Annotated[Member, Depends(member_of)]
# The request id of a money movement, as every store takes it (``check_request_id``).
RequestId = Annotated[str, Header(alias=IDEMPOTENCY_HEADER, pattern=REQUEST_ID_PATTERN)]

router = APIRouter(responses=ERRORS)


@router.get(Paths.TERMS, response_model=ServiceTerms, operation_id="service_terms")
async def service_terms(runner: Pools) -> Response:
    return json_answer(ServiceTerms, await runner.call(runner.store.service_terms, idempotent=True))


def _address(request: Request) -> str:
    """The client's address (the proxy's ``X-Forwarded-For`` when uvicorn trusts it)."""
    return request.client.host if request.client else "unknown"


def _admitted(
    store: SqlStore, address: str, identifier: str, sign_in: Callable[[], Session]
) -> Session:
    store.admit_sign_in(address, identifier)  # SIGN_IN_THROTTLED, shared by every worker
    return sign_in()


@router.post(Paths.SIGN_IN_CARD, response_model=Session, operation_id="sign_in_with_card")
async def sign_in_with_card(body: schemas.CardSignIn, runner: Pools, request: Request) -> Session:
    store = runner.store
    sign_in = partial(store.sign_in_with_card, body.card_number, body.pin, body.device_id)
    return await runner.hashing(
        partial(_admitted, store, _address(request), body.card_number, sign_in)
    )


@router.post(Paths.SIGN_IN_WEB_ID, response_model=Session, operation_id="sign_in_with_web_id")
async def sign_in_with_web_id(
    body: schemas.WebIdSignIn, runner: Pools, request: Request
) -> Session:
    store = runner.store
    sign_in = partial(store.sign_in_with_web_id, body.web_id, body.password, body.device_id)
    return await runner.hashing(partial(_admitted, store, _address(request), body.web_id, sign_in))


@router.delete(Paths.SIGN_OUT, status_code=204, operation_id="sign_out")
async def sign_out(member: Signed) -> Response:
    await member.call(member.store.sign_out)
    return Response(status_code=204)


@router.post(Paths.REGISTRATION_CODE, status_code=204, operation_id="request_registration_code")
async def request_registration_code(
    body: schemas.RegistrationCodeRequest, runner: Pools
) -> Response:
    store = runner.store
    await runner.call(partial(store.request_registration_code, body.member_number, body.email))
    return Response(status_code=204)


@router.post(Paths.REGISTRATION, status_code=204, operation_id="register_web_id")
async def register_web_id(body: schemas.Registration, runner: Pools) -> Response:
    store = runner.store
    await runner.hashing(
        partial(store.register_web_id, body.member_number, body.code, body.web_id, body.password)
    )
    return Response(status_code=204)


@router.post(Paths.RESET_CODE, status_code=204, operation_id="request_password_reset")
async def request_password_reset(body: schemas.ResetCodeRequest, runner: Pools) -> Response:
    store = runner.store
    await runner.call(
        partial(store.request_password_reset, body.identifier, body.birth_date, body.channel)
    )
    return Response(status_code=204)


@router.post(Paths.RESET, status_code=204, operation_id="reset_password")
async def reset_password(body: schemas.PasswordReset, runner: Pools) -> Response:
    store = runner.store
    await runner.hashing(
        partial(store.reset_password, body.identifier, body.code, body.new_password)
    )
    return Response(status_code=204)


@router.get(Paths.SUMMARY, response_model=AccountSummary, operation_id="account_summary")
async def account_summary(member: Signed) -> Response:
    return await member.read(AccountSummary, member.store.account_summary)


@router.get(
    Paths.BANK_ACCOUNTS, response_model=tuple[BankAccount, ...], operation_id="bank_accounts"
)
async def bank_accounts(member: Signed) -> Response:
    return await member.read(tuple[BankAccount, ...], member.store.bank_accounts)


@router.get(Paths.INTEREST, response_model=InterestInquiry, operation_id="interest_inquiry")
async def interest_inquiry(member: Signed) -> Response:
    return await member.read(InterestInquiry, member.store.interest_inquiry)


@router.post(Paths.BORROWINGS, response_model=BorrowReceipt, operation_id="borrow")
async def borrow(body: schemas.Borrowing, member: Signed, request_id: RequestId) -> Response:
    store = member.store
    receipt = await member.call(
        store.borrow, body.amount, body.destination_id, request_id, idempotent=True
    )
    return json_answer(BorrowReceipt, receipt)


@router.post(Paths.REPAYMENTS, response_model=RepayReceipt, operation_id="repay")
async def repay(body: schemas.Repayment, member: Signed, request_id: RequestId) -> Response:
    store = member.store
    # An intent the protocol does not know goes to the store as sent: it refuses it.
    intent = RepayIntent(body.intent) if body.intent in set(RepayIntent) else body.intent
    receipt = await member.call(
        store.repay, intent, body.amount, body.bank_code, request_id, idempotent=True
    )
    return json_answer(RepayReceipt, receipt)


@router.post(Paths.PROMISES, response_model=AccountSummary, operation_id="promise_payment")
async def promise_payment(body: schemas.Promise, member: Signed) -> AccountSummary:
    return await member.call(member.store.promise_payment, body.day)


@router.post(
    Paths.LIMIT_APPLICATIONS, response_model=LimitApplication, operation_id="apply_limit_increase"
)
async def apply_limit_increase(body: schemas.LimitIncrease, member: Signed) -> LimitApplication:
    store = member.store
    return await member.call(
        store.apply_limit_increase, body.annual_income, body.other_debts, body.requested_limit
    )


@router.post(Paths.HISTORY, response_model=HistoryPage, operation_id="history")
async def history(body: schemas.HistoryRequest, member: Signed) -> Response:
    query = HistoryQuery(
        since=body.since,
        until=body.until,
        kinds=None if body.kinds is None else frozenset(body.kinds),
    )
    before = None if body.before is None else HistoryCursor(body.before.at, body.before.id)
    history = partial(member.store.history, count=body.count)
    return await member.read(HistoryPage, history, query, before, body.limit)
