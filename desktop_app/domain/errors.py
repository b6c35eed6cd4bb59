"""Errors as data: a code and its typed parameters. View-models turn them into sentences.

``PARAMS`` declares, once, the parameters every code carries and their types. The messages
table renders by these types, the tests check every sentence against them, and the server's
OpenAPI schema is generated from them: a code's parameters are part of the member protocol.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType, UnionType
from typing import Any


class ErrorCode(StrEnum):
    # input
    REQUIRED = "required"
    FULL_WIDTH_CHAR = "full_width_char"
    INVALID_CHAR = "invalid_char"
    LENGTH = "length"
    CARD_NUMBER_LENGTH = "card_number_length"
    DIGITS_LENGTH = "digits_length"
    PASSWORD_NEEDS_LETTER_AND_DIGIT = "password_needs_letter_and_digit"
    AMOUNT_INVALID = "amount_invalid"
    AMOUNT_SIGN = "amount_sign"
    AMOUNT_FRACTION = "amount_fraction"
    AMOUNT_ZERO = "amount_zero"
    AMOUNT_TOO_LARGE = "amount_too_large"
    AMOUNT_NOT_THOUSANDS = "amount_not_thousands"
    AMOUNT_BELOW_MINIMUM = "amount_below_minimum"
    AMOUNT_OVER_AVAILABLE = "amount_over_available"
    AMOUNT_OVER_PAYOFF = "amount_over_payoff"
    HALF_WIDTH_CHAR = "half_width_char"
    NOT_KATAKANA = "not_katakana"
    EMAIL_INVALID = "email_invalid"
    PHONE_INVALID = "phone_invalid"
    POSTAL_INVALID = "postal_invalid"
    ACCOUNT_HOLDER_LENGTH = "account_holder_length"
    # sign-in and account state
    SIGNIN_FAILED_CARD = "signin_failed_card"
    SIGNIN_FAILED_WEB = "signin_failed_web"
    CARD_LOCKED = "card_locked"
    WEB_ID_LOCKED = "web_id_locked"
    CARD_INVALID = "card_invalid"
    ACCOUNT_SUSPENDED = "account_suspended"
    ACCOUNT_DORMANT = "account_dormant"
    SESSION_EXPIRED = "session_expired"
    # Web-ID registration and password reset
    DETAILS_MISMATCH = "details_mismatch"
    WEB_ID_ALREADY_REGISTERED = "web_id_already_registered"
    WEB_ID_TAKEN = "web_id_taken"
    NO_CONTACT = "no_contact"
    CODE_WRONG = "code_wrong"
    CODE_EXPIRED = "code_expired"
    CODE_TOO_MANY_TRIES = "code_too_many_tries"
    PASSWORD_CONFIRMATION_DIFFERS = "password_confirmation_differs"
    IDLE_SIGNED_OUT = "idle_signed_out"
    # money movements
    BORROW_BLOCKED_OVERDUE = "borrow_blocked_overdue"
    NOTHING_TO_REPAY = "nothing_to_repay"
    UNKNOWN_DESTINATION = "unknown_destination"
    NO_DESTINATION = "no_destination"
    UNKNOWN_BANK = "unknown_bank"
    REQUEST_ID_REUSED = "request_id_reused"
    REQUEST_ID_INVALID = "request_id_invalid"
    RATE_OUT_OF_RANGE = "rate_out_of_range"
    LIMIT_OVER_TOTAL_VOLUME = "limit_over_total_volume"
    LIMIT_NOT_ABOVE_CURRENT = "limit_not_above_current"
    APPLICATION_PENDING = "application_pending"
    PROMISE_NOT_OVERDUE = "promise_not_overdue"
    PROMISE_DATE_OUT_OF_RANGE = "promise_date_out_of_range"
    EXPORT_CANCELLED = "export_cancelled"
    # service hours
    MAINTENANCE = "maintenance"
    SIMULATION_NEVER_CLEARS = "simulation_never_clears"
    # infrastructure
    STORE_UNAVAILABLE = "store_unavailable"
    UNEXPECTED = "unexpected"
    # the member server
    STORE_URL_INSECURE = "store_url_insecure"
    STORE_CERTIFICATE_INVALID = "store_certificate_invalid"
    REQUEST_INVALID = "request_invalid"
    SIGN_IN_THROTTLED = "sign_in_throttled"
    # store faults and limits
    STORE_NOT_PERSISTENT = "store_not_persistent"
    STORE_URL_INCOMPLETE = "store_url_incomplete"
    STORE_URL_UNSUPPORTED = "store_url_unsupported"
    STORE_FOREIGN = "store_foreign"
    STORE_CORRUPT = "store_corrupt"
    STORE_SCHEMA_NEWER = "store_schema_newer"
    STORE_READ_ONLY = "store_read_only"
    STORE_DISK_FULL = "store_disk_full"
    STORE_KEY_MISMATCH = "store_key_mismatch"
    CODE_REQUEST_TOO_SOON = "code_request_too_soon"
    CODE_REQUESTS_EXHAUSTED = "code_requests_exhausted"
    CODE_GUESSES_EXHAUSTED = "code_guesses_exhausted"
    # registered details and repayment settings
    POSTAL_UNKNOWN = "postal_unknown"
    UNKNOWN_BRANCH = "unknown_branch"
    DUE_DAY_INVALID = "due_day_invalid"
    DUE_DAY_TOO_LATE = "due_day_too_late"
    DUE_DAY_FIXED = "due_day_fixed"  # automatic debit from this bank fixes the due day
    REMINDER_INVALID = "reminder_invalid"
    AUTO_DEBIT_NO_ACCOUNT = "auto_debit_no_account"
    PASSWORD_WRONG = "password_wrong"  # the current password, when changing a secret
    NOTHING_CHANGED = "nothing_changed"
    CHANGE_LOCKED = "change_locked"  # too many wrong codes: this change waits until resume_at
    CODE_NOT_REQUESTED = "code_not_requested"


class Yen(int):
    """The declared type of a parameter that is an amount of yen (an ``int``, shown as
    ``120,000円``); a plain ``int`` parameter is a count (a position, a length, tries)."""


ParamType = type | UnionType  # ``X | None``: the parameter may be left out

# ``char`` is left out where the field is a secret (password, PIN, code): position only.
_CHAR: Mapping[str, ParamType] = {"position": int, "char": str | None}
_FIELD: Mapping[str, ParamType] = {"field": str | None}  # which input, when a store refuses

PARAMS: Mapping[ErrorCode, Mapping[str, ParamType]] = MappingProxyType(
    {
        ErrorCode.FULL_WIDTH_CHAR: _CHAR,
        ErrorCode.INVALID_CHAR: _CHAR,
        ErrorCode.HALF_WIDTH_CHAR: _CHAR,
        ErrorCode.NOT_KATAKANA: _CHAR,
        ErrorCode.LENGTH: {"min": int, "max": int},
        ErrorCode.DIGITS_LENGTH: {"length": int},
        ErrorCode.ACCOUNT_HOLDER_LENGTH: {"max": int},
        ErrorCode.AMOUNT_INVALID: _FIELD,
        ErrorCode.AMOUNT_ZERO: _FIELD,
        ErrorCode.AMOUNT_TOO_LARGE: _FIELD,
        ErrorCode.AMOUNT_NOT_THOUSANDS: {"unit": Yen},
        ErrorCode.AMOUNT_BELOW_MINIMUM: {"minimum": Yen},
        ErrorCode.AMOUNT_OVER_AVAILABLE: {"available": Yen},
        ErrorCode.AMOUNT_OVER_PAYOFF: {"payoff": Yen},
        ErrorCode.CODE_WRONG: {"remaining": int},
        ErrorCode.RATE_OUT_OF_RANGE: {"rate": Decimal, "cap": Decimal},
        ErrorCode.LIMIT_OVER_TOTAL_VOLUME: {"maximum": Yen},
        ErrorCode.LIMIT_NOT_ABOVE_CURRENT: {"current": Yen},
        ErrorCode.PROMISE_DATE_OUT_OF_RANGE: {"latest": date},
        ErrorCode.MAINTENANCE: {"resume_at": datetime},
        ErrorCode.SIMULATION_NEVER_CLEARS: {"minimum": Yen},
        ErrorCode.CODE_REQUEST_TOO_SOON: {"resume_at": datetime},
        ErrorCode.SIGN_IN_THROTTLED: {"retry_after": int},  # seconds
        ErrorCode.DUE_DAY_TOO_LATE: {"latest": date},
        ErrorCode.DUE_DAY_FIXED: {"day": int},
        ErrorCode.CHANGE_LOCKED: {"resume_at": datetime},
    }
)
"""The parameters of each code and their types; a code not listed carries none."""


def _optional(declared: ParamType) -> bool:
    return isinstance(declared, UnionType) and type(None) in declared.__args__


def _fits(value: object, declared: ParamType) -> bool:
    if value is None:
        return _optional(declared)
    kinds = declared.__args__ if isinstance(declared, UnionType) else (declared,)
    for kind in kinds:
        if kind in (int, Yen):
            if isinstance(value, int) and not isinstance(value, bool):
                return True
        elif kind is date:
            if isinstance(value, date) and not isinstance(value, datetime):
                return True
        elif kind is datetime:
            if isinstance(value, datetime) and value.tzinfo is not None:
                return True
        elif kind is not type(None) and isinstance(value, kind):
            return True
    return False


def check_params(code: ErrorCode, params: Mapping[str, object]) -> None:
    """Raise ``TypeError`` unless ``params`` are exactly what ``PARAMS`` declares for ``code``
    (a programming error: the member would see a sentence with a hole in it)."""
    declared = PARAMS.get(code, {})
    unknown = set(params) - set(declared)
    if unknown:
        raise TypeError(f"{code.value} carries no parameter {sorted(unknown)}")
    for name, kind in declared.items():
        if name not in params:
            if not _optional(kind):
                raise TypeError(f"{code.value} needs the parameter {name!r}")
        elif not _fits(params[name], kind):
            raise TypeError(f"{code.value}: {name}={params[name]!r} is not a {kind}")


class AppError(Exception):
    """A refusal with a code and parameters; never a sentence.

    ``params`` hold only what a message may show (a position, a character, a limit);
    never a secret. They are checked against ``PARAMS`` (``TypeError`` when they differ).
    """

    def __init__(self, code: ErrorCode, **params: Any) -> None:
        check_params(code, params)
        super().__init__(code.value)
        self.code = code
        self.params: Mapping[str, Any] = MappingProxyType(dict(params))

    def detached(self) -> AppError:
        """This error as plain data: without its traceback and chained exceptions, whose
        frames would keep every local of the failed call (a password, a session) alive for as
        long as the error is kept. Call it wherever an error is stored or sent on."""
        self.__traceback__ = None
        self.__context__ = None
        self.__cause__ = None
        return self

    def __repr__(self) -> str:
        return f"AppError({self.code.value!r}, {dict(self.params)!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, AppError)
            and self.code == other.code
            and dict(self.params) == dict(other.params)
        )

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items()))))
