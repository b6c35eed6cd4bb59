"""Error codes and conversion notices become translated sentences here, at the last moment."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.brand import DEFAULT_BRAND
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import Notice
from desktop_app.i18n import N_, _, format_day_and_time, format_rate, format_yen

_SENTENCES: dict[ErrorCode, str] = {
    ErrorCode.REQUIRED: N_("Please enter this item."),
    ErrorCode.FULL_WIDTH_CHAR: N_(
        "Character {position} “{char}” is full-width. Please use half-width characters."
    ),
    ErrorCode.INVALID_CHAR: N_("Character {position} “{char}” cannot be used here."),
    ErrorCode.LENGTH: N_("Please enter {min} to {max} characters."),
    ErrorCode.CARD_NUMBER_LENGTH: N_("A card number has 10, 15 or 16 digits."),
    ErrorCode.DIGITS_LENGTH: N_("Please enter {length} digits."),
    ErrorCode.PASSWORD_NEEDS_LETTER_AND_DIGIT: N_(
        "A password contains at least one letter and one digit."
    ),
    ErrorCode.AMOUNT_INVALID: N_("Please enter the amount in digits, for example 30000 or 3万."),
    ErrorCode.AMOUNT_SIGN: N_("Please enter the amount without a sign."),
    ErrorCode.AMOUNT_FRACTION: N_("Please enter the amount in whole yen."),
    ErrorCode.AMOUNT_ZERO: N_("Please enter an amount greater than zero."),
    ErrorCode.AMOUNT_TOO_LARGE: N_("The amount is too large."),
    ErrorCode.AMOUNT_NOT_THOUSANDS: N_("Please enter the amount in units of {unit}."),
    ErrorCode.AMOUNT_BELOW_MINIMUM: N_("Please enter {minimum} or more."),
    ErrorCode.AMOUNT_OVER_AVAILABLE: N_(
        "The amount exceeds what you can borrow now ({available})."
    ),
    ErrorCode.AMOUNT_OVER_PAYOFF: N_("The amount exceeds the full repayment amount ({payoff})."),
    ErrorCode.SIGNIN_FAILED_WEB: N_(
        "The Web-ID or password you entered is incorrect. Please check and try again."
    ),
    ErrorCode.SIGNIN_FAILED_CARD: N_(
        "The card number or PIN you entered is incorrect. Please check and try again."
    ),
    ErrorCode.CARD_LOCKED: N_(
        "This card is locked because a wrong PIN was entered too many times. To unlock it, "
        "please call {phone} ({hours}, every day)."
    ),
    ErrorCode.WEB_ID_LOCKED: N_(
        "This Web-ID is locked because a wrong password was entered too many times. To unlock "
        "it, please reset your password or call {phone} ({hours}, every day)."
    ),
    ErrorCode.CARD_INVALID: N_(
        "This card has been reported lost or is no longer valid. Please sign in with your "
        "Web-ID, or call {phone} ({hours}, every day)."
    ),
    ErrorCode.ACCOUNT_SUSPENDED: N_(
        "The member service is not available for this account. Please call {phone} "
        "({hours}, every day)."
    ),
    ErrorCode.ACCOUNT_DORMANT: N_(
        "This account is dormant because it has not been used for a long time. To reactivate "
        "it, please call {phone} ({hours}, every day)."
    ),
    ErrorCode.SESSION_EXPIRED: N_("Your session has ended. Please sign in again."),
    ErrorCode.BORROW_BLOCKED_OVERDUE: N_(
        "You cannot borrow while a repayment is overdue. Please repay first."
    ),
    ErrorCode.NOTHING_TO_REPAY: N_("There is nothing to repay."),
    ErrorCode.UNKNOWN_DESTINATION: N_("Please choose where to transfer the money."),
    ErrorCode.UNKNOWN_BANK: N_("Please choose a bank for internet repayment."),
    ErrorCode.REQUEST_ID_REUSED: N_(
        "This request was already processed with other details. Please start again."
    ),
    ErrorCode.MAINTENANCE: N_("The service is under maintenance. Please use it after {when}."),
    ErrorCode.RATE_OUT_OF_RANGE: N_("The interest rate is above the legal limit ({cap})."),
    ErrorCode.SIMULATION_NEVER_CLEARS: N_(
        "With this monthly amount the balance never decreases. Please enter {minimum} or more."
    ),
    ErrorCode.STORE_UNAVAILABLE: N_(
        "The service cannot be reached right now. Please wait a moment and try again."
    ),
    ErrorCode.UNEXPECTED: N_(
        "Sorry, something went wrong. Please try again; if it happens again, call {phone}."
    ),
}

_NOTICES: dict[Notice, str] = {
    Notice.FULL_WIDTH_ALNUM_CONVERTED: N_("Full-width letters and digits were made half-width."),
    Notice.FULL_WIDTH_DIGITS_CONVERTED: N_("Full-width digits were made half-width."),
    Notice.SEPARATORS_REMOVED: N_("Hyphens and spaces were removed."),
}

_YEN_PARAMS = {"available", "payoff", "minimum", "unit"}


def error_sentence(error: AppError) -> str:
    """The translated sentence for ``error``; never empty, never English in Japanese."""
    template = _SENTENCES.get(error.code, _SENTENCES[ErrorCode.UNEXPECTED])
    params: dict[str, Any] = {
        "phone": DEFAULT_BRAND.support_phone,
        "hours": DEFAULT_BRAND.support_hours,
    }
    for key, value in error.params.items():
        if key in _YEN_PARAMS and isinstance(value, int):
            value = format_yen(value)
        elif key == "cap":
            value = format_rate(value)
        params[key] = value
    if "resume_at" in error.params:
        params["when"] = format_day_and_time(error.params["resume_at"])
    try:
        return _(template).format(**params)
    except (KeyError, IndexError):
        return _(template)


def notice_sentence(notices: tuple[Notice, ...]) -> str:
    return " ".join(_(_NOTICES[notice]) for notice in notices)
