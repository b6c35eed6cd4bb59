"""Error codes and conversion notices become translated sentences here, at the last moment."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from desktop_app.domain.brand import DEFAULT_BRAND, Brand
from desktop_app.domain.errors import PARAMS, AppError, ErrorCode, ParamType, Yen
from desktop_app.domain.fields import Notice
from desktop_app.i18n import (
    N_,
    _,
    format_date,
    format_day_and_time,
    format_rate,
    format_yen,
    language,
)

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
    ErrorCode.HALF_WIDTH_CHAR: N_(
        "Character {position} “{char}” is half-width. Please use full-width characters."
    ),
    ErrorCode.NOT_KATAKANA: N_(
        "Character {position} “{char}” is not katakana. Please enter the reading in katakana."
    ),
    ErrorCode.EMAIL_INVALID: N_("This email address is not valid. Please check it."),
    ErrorCode.PHONE_INVALID: N_(
        "Please enter a phone number of 10 or 11 digits starting with 0, for example 090-1234-5678."
    ),
    ErrorCode.POSTAL_INVALID: N_("Please enter a postal code of 7 digits, for example 100-0001."),
    ErrorCode.ACCOUNT_HOLDER_LENGTH: N_(
        "Please enter the account holder name in {max} half-width characters or fewer "
        "(ﾞ and ﾟ count as one character each)."
    ),
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
    ErrorCode.SESSION_EXPIRED: N_(
        "You were signed out because the service was not used for a while or you signed out "
        "elsewhere. Please sign in again."
    ),
    ErrorCode.DETAILS_MISMATCH: N_(
        "The details you entered do not match our records. Please check and try again."
    ),
    ErrorCode.WEB_ID_ALREADY_REGISTERED: N_(
        "A Web-ID is already registered for this member number. Please sign in with it, or "
        "reset your password if you have forgotten it."
    ),
    ErrorCode.WEB_ID_TAKEN: N_("This Web-ID is already in use. Please choose another."),
    ErrorCode.NO_CONTACT: N_(
        "We have no address registered for this way of sending. Please choose the other one, "
        "or call {phone} ({hours}, every day)."
    ),
    ErrorCode.CODE_WRONG: N_(
        "The confirmation code is incorrect. You can try {remaining} more times."
    ),
    ErrorCode.CODE_EXPIRED: N_("The confirmation code has expired. Please have a new code sent."),
    ErrorCode.CODE_TOO_MANY_TRIES: N_(
        "The confirmation code was entered wrongly too many times. Please have a new code sent."
    ),
    ErrorCode.PASSWORD_CONFIRMATION_DIFFERS: N_(
        "The two passwords you entered differ. Please enter the same password twice."
    ),
    ErrorCode.IDLE_SIGNED_OUT: N_(
        "You were signed out because the service was not used for a while. Please sign in again."
    ),
    ErrorCode.BORROW_BLOCKED_OVERDUE: N_(
        "You cannot borrow while a repayment is overdue. Please repay first."
    ),
    ErrorCode.NOTHING_TO_REPAY: N_("There is nothing to repay."),
    ErrorCode.UNKNOWN_DESTINATION: N_("Please choose where to transfer the money."),
    ErrorCode.NO_DESTINATION: N_(
        "No bank account is registered for transfers. Please call {phone} ({hours}, every "
        "day) to register one."
    ),
    ErrorCode.EXPORT_CANCELLED: N_("The export was cancelled."),
    ErrorCode.LIMIT_OVER_TOTAL_VOLUME: N_(
        "Under the total-volume rule the largest credit limit you can apply for is {maximum}."
    ),
    ErrorCode.LIMIT_NOT_ABOVE_CURRENT: N_(
        "Please enter an amount above your current credit limit ({current})."
    ),
    ErrorCode.APPLICATION_PENDING: N_(
        "An application is already under review. Please wait for its result."
    ),
    ErrorCode.PROMISE_NOT_OVERDUE: N_(
        "A payment date can be promised only while a repayment is overdue."
    ),
    ErrorCode.PROMISE_DATE_OUT_OF_RANGE: N_("Please choose a date from today to {latest}."),
    ErrorCode.UNKNOWN_BANK: N_("Please choose a bank for internet repayment."),
    ErrorCode.REQUEST_ID_REUSED: N_(
        "This request was already processed with other details. Please start again."
    ),
    ErrorCode.REQUEST_ID_INVALID: N_(
        "This request could not be accepted. Nothing was changed. Please start again."
    ),
    ErrorCode.MAINTENANCE: N_("The service is under maintenance. Please use it after {resume_at}."),
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
    # the member server
    ErrorCode.STORE_URL_INSECURE: N_(
        "An unencrypted address (http://) can only be used for this computer. Please specify "
        "the server's https:// address."
    ),
    ErrorCode.STORE_CERTIFICATE_INVALID: N_(
        "The server's certificate could not be verified, so no connection was made. Please "
        "check the address of the server."
    ),
    ErrorCode.REQUEST_INVALID: N_(
        "This request could not be accepted. Nothing was changed. Please start again."
    ),
    ErrorCode.SIGN_IN_THROTTLED: N_(
        "There have been too many sign-in attempts. Please wait {retry_after} seconds and try "
        "again."
    ),
    # store faults and limits
    ErrorCode.STORE_NOT_PERSISTENT: N_(
        "This data location would lose everything when the app closes, so it cannot be used. "
        "Please specify a data file that is kept on disk."
    ),
    ErrorCode.STORE_URL_INCOMPLETE: N_(
        "The database location lacks the server name or the database name. Please specify both."
    ),
    ErrorCode.STORE_URL_UNSUPPORTED: N_(
        "This kind of data location is not supported. Please specify a data file of this "
        "app or its database server."
    ),
    ErrorCode.STORE_FOREIGN: N_(
        "The specified data location holds another application's data, so it was left "
        "untouched. Please specify this app's data file or an empty location."
    ),
    ErrorCode.STORE_CORRUPT: N_(
        "The data file is damaged and cannot be read. Please restore it from a backup, or "
        "call {phone} ({hours}, every day)."
    ),
    ErrorCode.STORE_SCHEMA_NEWER: N_(
        "The data was saved by a newer version of this app. Please update the app to the "
        "latest version."
    ),
    ErrorCode.STORE_READ_ONLY: N_(
        "The data file or its folder cannot be written to, so this cannot be done now "
        "(nothing was changed). Please check the write permission of the data folder."
    ),
    ErrorCode.STORE_DISK_FULL: N_(
        "The disk is full, so this could not be saved (nothing was changed). Please free "
        "some disk space and try again."
    ),
    ErrorCode.STORE_KEY_MISMATCH: N_(
        "This data is protected by another secret key, so it was not opened. Please use it "
        "through the member server that holds its key."
    ),
    ErrorCode.CODE_REQUEST_TOO_SOON: N_(
        "A confirmation code cannot be requested again so soon. Please request it again "
        "after {resume_at}."
    ),
    ErrorCode.CODE_REQUESTS_EXHAUSTED: N_(
        "Confirmation codes have been requested as many times as allowed today. Please try "
        "again tomorrow."
    ),
    ErrorCode.CODE_GUESSES_EXHAUSTED: N_(
        "A wrong confirmation code has been entered too many times today. Please try again "
        "tomorrow."
    ),
    # registered details and repayment settings
    ErrorCode.POSTAL_UNKNOWN: N_(
        "No address is known for this postal code. Please check the postal code."
    ),
    ErrorCode.UNKNOWN_BRANCH: N_("Please choose the branch from the list."),
    ErrorCode.DUE_DAY_INVALID: N_(
        "Please choose the 5th, the 15th, the 25th or the last day of the month as the due day."
    ),
    ErrorCode.DUE_DAY_TOO_LATE: N_(
        "With this due day the next due date would be too long after your last payment. "
        "Please choose a due day whose next due date is on or before {latest}."
    ),
    ErrorCode.DUE_DAY_FIXED: N_(
        "With automatic debit from this bank, the due day can only be day {day} of each month."
    ),
    ErrorCode.REMINDER_INVALID: N_(
        "Please choose a reminder from 1 to 7 days before the due date, and the hour to send it."
    ),
    ErrorCode.AUTO_DEBIT_NO_ACCOUNT: N_(
        "No bank account is registered for automatic debit. Please register a bank account first."
    ),
    ErrorCode.PASSWORD_WRONG: N_("The current password is incorrect. Please check it."),
    ErrorCode.NOTHING_CHANGED: N_("This is what is registered now, so nothing was changed."),
    ErrorCode.CHANGE_LOCKED: N_(
        "A wrong confirmation code was entered too many times, so this change cannot be made "
        "until {resume_at}."
    ),
    ErrorCode.CODE_NOT_REQUESTED: N_(
        "No confirmation code has been sent for this change. Please have a code sent."
    ),
}

# The same refusals for a secret's character: its position only, never the character.
_POSITION_ONLY: dict[ErrorCode, str] = {
    ErrorCode.FULL_WIDTH_CHAR: N_(
        "Character {position} is full-width. Please use half-width characters."
    ),
    ErrorCode.INVALID_CHAR: N_("Character {position} cannot be used here."),
    ErrorCode.HALF_WIDTH_CHAR: N_(
        "Character {position} is half-width. Please use full-width characters."
    ),
    ErrorCode.NOT_KATAKANA: N_(
        "Character {position} is not katakana. Please enter the reading in katakana."
    ),
}

_NOTICES: dict[Notice, str] = {
    Notice.FULL_WIDTH_ALNUM_CONVERTED: N_(
        "Full-width letters and digits were converted to half-width."
    ),
    Notice.FULL_WIDTH_DIGITS_CONVERTED: N_("Full-width digits were converted to half-width."),
    Notice.SEPARATORS_REMOVED: N_("Hyphens and spaces were removed."),
    Notice.FULL_WIDTH_ASCII_CONVERTED: N_(
        "Full-width letters, digits and symbols were converted to half-width."
    ),
    Notice.HALF_WIDTH_ASCII_CONVERTED: N_(
        "Letters, digits and symbols were converted to Japanese full-width characters."
    ),
    Notice.HALF_WIDTH_KANA_CONVERTED: N_("Half-width katakana were converted to full-width."),
    Notice.HIRAGANA_CONVERTED: N_("Hiragana were converted to katakana."),
    Notice.KANA_MADE_HALF_WIDTH: N_("Kana were converted to half-width katakana."),
    Notice.SMALL_KANA_ENLARGED: N_("Small kana such as ｯ and ｬ were converted to full-size."),
    Notice.CASE_CONVERTED: N_("Lower-case letters were converted to upper-case."),
    Notice.MARKS_CONVERTED: N_("“ー” was converted to “-” and “・” to “.”."),
    Notice.SPACES_MADE_FULL_WIDTH: N_("Spaces were converted to a single full-width space."),
    Notice.SPACES_MADE_HALF_WIDTH: N_("Spaces were converted to a single half-width space."),
    Notice.SURROUNDING_SPACES_REMOVED: N_("Spaces before and after were removed."),
    Notice.EMAIL_DOMAIN_LOWERCASED: N_("The part after @ was converted to lower-case."),
    Notice.PHONE_SEPARATORS_REMOVED: N_("Hyphens, parentheses and spaces were removed."),
    Notice.AMOUNT_NORMALISED: N_("The amount was converted to plain digits."),
}

BRAND_PARAMS = frozenset({"phone", "hours"})
"""What every sentence may name besides its code's parameters: the brand's support line."""

_brand: list[Brand] = [DEFAULT_BRAND]


def use_brand(brand: Brand) -> None:
    """The brand whose support line the sentences name (the composition root's)."""
    _brand[0] = brand


def support_hours(brand: Brand) -> str:
    """The support line's hours as the interface language writes a range (9:00～21:00)."""
    return _("{opens}–{closes}").format(opens=brand.support_opens, closes=brand.support_closes)


def _shown(value: Any, declared: ParamType) -> Any:
    """A parameter as the member reads it, by its declared type (``PARAMS``)."""
    if value is None:
        return ""
    kinds = getattr(declared, "__args__", (declared,))
    if Yen in kinds:
        return format_yen(value)
    if datetime in kinds:
        return format_day_and_time(value)
    if date in kinds:
        return format_date(value)
    if Decimal in kinds:
        return format_rate(value)
    return value


def in_sentence(caption: str) -> str:
    """A translated caption inside a sentence: English writes it in lower case after the
    first letter of the sentence (「新しいWeb-ID」, "new Web-ID"), keeping a word that is
    capitalised throughout (Web-ID, PIN, SMS)."""
    first = caption.split(" ", 1)[0]
    if not caption or not caption[0].isupper() or any(c.isupper() for c in first[1:]):
        return caption
    return caption[0].lower() + caption[1:]


def error_sentence(error: AppError) -> str:
    """The translated sentence for ``error``; never empty, never English in Japanese."""
    template = _SENTENCES.get(error.code, _SENTENCES[ErrorCode.UNEXPECTED])
    if error.code in _POSITION_ONLY and error.params.get("char") is None:
        template = _POSITION_ONLY[error.code]
    brand = _brand[0]
    params: dict[str, Any] = {"phone": brand.support_phone, "hours": support_hours(brand)}
    declared = PARAMS.get(error.code, {})
    for name, kind in declared.items():
        params[name] = _shown(error.params.get(name), kind)
    return _(template).format(**params)


# Writing 3万 for 30,000 is how amounts are meant to be typed: no need to say so.
_SILENT = {Notice.AMOUNT_NORMALISED}


def notice_sentence(notices: tuple[Notice, ...]) -> str:
    """The notices' sentences one after the other: Japanese puts no space after 。."""
    joint = "" if language() == "ja" else " "
    return joint.join(_(_NOTICES[notice]) for notice in notices if notice not in _SILENT)
