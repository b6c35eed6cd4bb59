"""Errors as data: a code and its parameters. View-models turn them into sentences."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
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
    # store faults and limits
    STORE_NOT_PERSISTENT = "store_not_persistent"
    STORE_URL_INCOMPLETE = "store_url_incomplete"
    STORE_URL_UNSUPPORTED = "store_url_unsupported"
    STORE_FOREIGN = "store_foreign"
    STORE_CORRUPT = "store_corrupt"
    STORE_SCHEMA_NEWER = "store_schema_newer"
    STORE_READ_ONLY = "store_read_only"
    STORE_DISK_FULL = "store_disk_full"
    CODE_REQUEST_TOO_SOON = "code_request_too_soon"
    CODE_REQUESTS_EXHAUSTED = "code_requests_exhausted"
    CODE_GUESSES_EXHAUSTED = "code_guesses_exhausted"


class AppError(Exception):
    """A refusal with a code and parameters; never a sentence.

    ``params`` hold only what a message may show (a position, a character, a limit);
    never a secret.
    """

    def __init__(self, code: ErrorCode, **params: Any) -> None:
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
