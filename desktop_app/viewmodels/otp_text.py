"""What the one-time code dialog says and what the store's refusals mean for it: where the
code went, whether the code typed can still succeed, which refusals are the dialog's to show
(the others are the form's), and when another code may be asked for. The flow itself:
``otp.OtpViewModel``."""

from __future__ import annotations

from datetime import datetime

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel
from desktop_app.domain.profile import CodeSent
from desktop_app.i18n import N_, _, format_time

SENT_BY_SMS = N_(
    "We have sent a confirmation code to your registered mobile phone ({destination}). It is "
    "valid until {time}."
)
SENT_BY_EMAIL = N_(
    "We have sent a confirmation code to your registered email address ({destination}). It "
    "is valid until {time}."
)
SENDING = N_("Sending a confirmation code…")
EARLIER_CODE = N_("Please enter the confirmation code we sent you a moment ago.")
RESEND = N_("Send the code again")
RESEND_IN = N_("Send the code again ({seconds} s)")
COUNTDOWN_FROM = 60  # seconds: a longer wait is said by the refusal, not counted down

# Refusals after which the code typed can no longer succeed: 確定 stays off until a new code.
CODE_DEAD = frozenset(
    {
        ErrorCode.CODE_EXPIRED,
        ErrorCode.CODE_TOO_MANY_TRIES,
        ErrorCode.CODE_NOT_REQUESTED,
        ErrorCode.CHANGE_LOCKED,
        ErrorCode.CODE_GUESSES_EXHAUSTED,
    }
)
# Refusals of the request that leave no code to type.
NO_CODE = frozenset(
    {
        ErrorCode.CHANGE_LOCKED,
        ErrorCode.CODE_REQUESTS_EXHAUSTED,
        ErrorCode.CODE_GUESSES_EXHAUSTED,
        ErrorCode.NO_CONTACT,
    }
)
# What the dialog itself says; any other refusal of ``apply`` belongs to the form.
CODE_ERRORS = (
    CODE_DEAD
    | NO_CODE
    | {ErrorCode.CODE_WRONG, ErrorCode.CODE_REQUEST_TOO_SOON, ErrorCode.STORE_UNAVAILABLE}
)


def info_text(sent: CodeSent | None, requesting: bool, earlier: bool) -> str:
    """Where the code went (masked) and until when it is valid, or that it is on its way, or
    that the code sent a moment ago counts."""
    if sent is not None:
        template = SENT_BY_SMS if sent.channel is CodeChannel.SMS else SENT_BY_EMAIL
        return _(template).format(destination=sent.destination, time=format_time(sent.expires_at))
    if requesting:
        return _(SENDING)
    if earlier:
        return _(EARLIER_CODE)
    return ""


def resend_text(wait: int | None) -> str:
    """The resend button's caption: the seconds left while a short wait is counted down."""
    counted = wait is not None and 0 < wait <= COUNTDOWN_FROM
    return _(RESEND_IN).format(seconds=wait) if counted else _(RESEND)


def seconds_to(resend_at: datetime | None, now: datetime) -> int | None:
    """Seconds until ``resend_at`` (0: now); None: no resend at all."""
    if resend_at is None:
        return None
    left = (resend_at - now).total_seconds()
    return max(0, int(left + 0.999))


def resend_after_request_refused(error: AppError, now: datetime) -> datetime | None:
    """When another code may be asked for after the request was refused: when the refusal
    says, at once after a fault, or never (today)."""
    resume = error.params.get("resume_at")
    if error.code not in NO_CODE | {ErrorCode.CODE_REQUEST_TOO_SOON}:
        return now  # a fault: may ask again at once
    return resume if isinstance(resume, datetime) else None


def resend_after_dead_code(error: AppError, now: datetime) -> datetime | None:
    """When a new code may be asked for after a refusal in ``CODE_DEAD``."""
    resume = error.params.get("resume_at")
    if isinstance(resume, datetime):
        return resume  # locked: a new code after the lock ends
    if error.code is ErrorCode.CODE_GUESSES_EXHAUSTED:
        return None  # not today
    return now  # expired, killed: a new code at once
