"""What the member server and ``HttpStore`` agree on, beside the data classes themselves:
the paths, the headers, the HTTP status of each error code and the error body
``{"code": …, "params": {…}}``. No httpx and no FastAPI here: both sides import it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from types import UnionType
from typing import Any

from desktop_app.domain.errors import PARAMS, AppError, ErrorCode, ParamType, Yen

API = "/v1"


class Paths:
    """Every endpoint, one per ``Store`` operation (``HEALTH`` and ``CLOCK`` beside them)."""

    HEALTH = "/health"
    TERMS = f"{API}/terms"
    SIGN_IN_CARD = f"{API}/sessions/card"
    SIGN_IN_WEB_ID = f"{API}/sessions/web-id"
    SIGN_OUT = f"{API}/sessions/current"
    REGISTRATION_CODE = f"{API}/registration/code"
    REGISTRATION = f"{API}/registration"
    RESET_CODE = f"{API}/password-reset/code"
    RESET = f"{API}/password-reset"
    SUMMARY = f"{API}/account/summary"
    BANK_ACCOUNTS = f"{API}/account/bank-accounts"
    INTEREST = f"{API}/account/interest"
    BORROWINGS = f"{API}/borrowings"
    REPAYMENTS = f"{API}/repayments"
    PROMISES = f"{API}/promises"
    LIMIT_APPLICATIONS = f"{API}/limit-applications"
    HISTORY = f"{API}/history/pages"
    # the registered details and repayment settings (``ProfileStore``)
    PROFILE = f"{API}/profile"
    PROFILE_CHANGES = f"{API}/profile/changes"
    ADDRESS = f"{API}/profile/address"
    PHONE = f"{API}/profile/phone"
    WORKPLACE = f"{API}/profile/workplace"
    CHANGE_CODES = f"{API}/profile/change-codes"
    EMAIL = f"{API}/profile/email"
    BANK_ACCOUNT = f"{API}/profile/bank-account"
    WEB_ID = f"{API}/profile/web-id"
    PASSWORD = f"{API}/profile/password"
    DUE_DAY_EFFECT = f"{API}/profile/due-day/effect"
    DUE_DAY = f"{API}/profile/due-day"
    AUTO_DEBIT = f"{API}/profile/auto-debit"
    REMINDER = f"{API}/profile/reminder"
    WEB_STATEMENTS = f"{API}/profile/web-statements"


DEVICE_HEADER = "X-Device-Id"  # the device the session was issued for
IDEMPOTENCY_HEADER = "Idempotency-Key"  # the request id of a money movement
TIME_HEADER = "X-Server-Time"  # the server clock's now, on every answer
RETRY_AFTER_HEADER = "Retry-After"

MAX_BODY_BYTES = 16 * 1024

_STATUS_GROUPS: dict[int, tuple[ErrorCode, ...]] = {
    400: (ErrorCode.REQUEST_INVALID, ErrorCode.REQUEST_ID_INVALID),
    401: (ErrorCode.SESSION_EXPIRED, ErrorCode.SIGNIN_FAILED_CARD, ErrorCode.SIGNIN_FAILED_WEB),
    403: (
        ErrorCode.CARD_LOCKED,
        ErrorCode.WEB_ID_LOCKED,
        ErrorCode.CARD_INVALID,
        ErrorCode.ACCOUNT_SUSPENDED,
        ErrorCode.ACCOUNT_DORMANT,
        ErrorCode.BORROW_BLOCKED_OVERDUE,
        ErrorCode.STORE_READ_ONLY,
    ),
    404: (
        ErrorCode.UNKNOWN_DESTINATION,
        ErrorCode.UNKNOWN_BANK,
        ErrorCode.UNKNOWN_BRANCH,
        ErrorCode.DETAILS_MISMATCH,
    ),
    409: (
        ErrorCode.REQUEST_ID_REUSED,
        ErrorCode.APPLICATION_PENDING,
        ErrorCode.WEB_ID_TAKEN,
        ErrorCode.WEB_ID_ALREADY_REGISTERED,
        ErrorCode.NOTHING_TO_REPAY,
        ErrorCode.PROMISE_NOT_OVERDUE,
        ErrorCode.NOTHING_CHANGED,  # the registered value is already this one
        ErrorCode.CODE_NOT_REQUESTED,
        ErrorCode.DUE_DAY_FIXED,  # automatic debit from this bank fixes the due day
        ErrorCode.AUTO_DEBIT_NO_ACCOUNT,
    ),
    429: (
        ErrorCode.SIGN_IN_THROTTLED,
        ErrorCode.CODE_REQUEST_TOO_SOON,
        ErrorCode.CODE_REQUESTS_EXHAUSTED,
        ErrorCode.CODE_GUESSES_EXHAUSTED,
        ErrorCode.CODE_TOO_MANY_TRIES,
        ErrorCode.CHANGE_LOCKED,
    ),
    500: (ErrorCode.UNEXPECTED,),
    503: (
        ErrorCode.MAINTENANCE,
        ErrorCode.STORE_UNAVAILABLE,
        ErrorCode.STORE_DISK_FULL,
        ErrorCode.STORE_CORRUPT,
    ),
}
STATUS_OF: Mapping[ErrorCode, int] = {
    code: status for status, codes in _STATUS_GROUPS.items() for code in codes
}
REFUSED = 422  # every other code: a well-formed request the rules refuse


def status_of(code: ErrorCode) -> int:
    return STATUS_OF.get(code, REFUSED)


def _plain(value: object) -> object:
    if isinstance(value, date):  # datetime included
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def error_body(error: AppError) -> dict[str, Any]:
    """The JSON body of a refusal: the code and its declared parameters, never a sentence."""
    return {
        "code": error.code.value,
        "params": {name: _plain(value) for name, value in error.params.items()},
    }


def _typed(value: object, declared: ParamType) -> object:
    if value is None:
        return None
    kinds = declared.__args__ if isinstance(declared, UnionType) else (declared,)
    for kind in kinds:
        if kind is Yen:
            return Yen(int(str(value)))
        if kind is datetime:
            return datetime.fromisoformat(str(value))
        if kind is date:
            return date.fromisoformat(str(value))
        if kind is Decimal:
            return Decimal(str(value))
        if kind in (int, str):
            return kind(value)
    return value


def decode_error(body: object) -> AppError | None:
    """The ``AppError`` an error body names, or ``None`` when it is not one of ours (a proxy's
    page, an unknown code, parameters that do not fit the code)."""
    if not isinstance(body, dict):
        return None
    try:
        code = ErrorCode(str(body.get("code")))
        raw = body.get("params") or {}
        if not isinstance(raw, dict):
            return None
        declared = PARAMS.get(code, {})
        params = {name: _typed(raw[name], declared[name]) for name in raw if name in declared}
        return AppError(code, **params)
    except (ValueError, TypeError, KeyError):
        return None
