"""The request bodies of the API, one per ``Store`` operation that takes arguments.

Every body refuses unknown fields and bounds every value (a string's length and characters,
an integer's range) so that nothing a client sends can reach the database in a form it
cannot hold; the store's own policies then decide, as for the local client. Answers are the
protocol's data classes themselves (``desktop_app.domain.models``), so both sides share one
definition of each.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
)

from desktop_app.domain.models import CodeChannel, LedgerKind
from desktop_app.domain.profile import CodedChange

# No control characters (NUL in particular, which PostgreSQL cannot store) and no more than
# any field of the protocol needs; the store applies the real policy of each field.
_PRINTABLE = r"^[^\x00-\x1f\x7f]*$"
Text = Annotated[str, StringConstraints(max_length=256, pattern=_PRINTABLE)]
Secret = Annotated[str, StringConstraints(max_length=256, pattern=_PRINTABLE)]
# A value of the registered details, which a field policy of the store judges character by
# character (INVALID_CHAR and its position for a control character, as on a local store):
# only NUL is refused here, which no policy lets through and PostgreSQL cannot store.
Policed = Annotated[str, StringConstraints(max_length=256, pattern=r"^[^\x00]*$")]
DeviceId = Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=_PRINTABLE)]
# An amount as the client sent it: the store refuses a fraction or a sign with its own code.
Yen = (
    Annotated[StrictInt, Field(ge=-(10**12), le=10**12)]
    | Annotated[StrictFloat, Field(allow_inf_nan=False)]
    | StrictBool
)


def _number(value: object) -> object:
    """An integer as JSON Schema has it (1 and 1.0 alike), never a boolean or a text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("expected a number")
    return value


def _text(value: object) -> object:
    """A date or an instant as the schema says: ISO text, never a number (a timestamp)."""
    if not isinstance(value, str):
        raise ValueError("expected ISO 8601 text")
    return value


RowId = Annotated[int, Field(ge=0, le=2**31 - 1), BeforeValidator(_number)]
PageSize = Annotated[int, Field(ge=0, le=10**6), BeforeValidator(_number)]  # the store: ≤ 1,000
# A small number the store checks against its rules (a due day, days before it, an hour).
Number = Annotated[int, Field(ge=-(2**31), le=2**31 - 1), BeforeValidator(_number)]


Day = Annotated[date, BeforeValidator(_text)]
Instant = Annotated[AwareDatetime, BeforeValidator(_text)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CardSignIn(Body):
    card_number: Text
    pin: Secret
    device_id: DeviceId


class WebIdSignIn(Body):
    web_id: Text
    password: Secret
    device_id: DeviceId


class RegistrationCodeRequest(Body):
    member_number: Text
    email: Text


class Registration(Body):
    member_number: Text
    code: Secret
    web_id: Text
    password: Secret


class ResetCodeRequest(Body):
    identifier: Text
    birth_date: Day
    channel: CodeChannel


class PasswordReset(Body):
    identifier: Text
    code: Secret
    new_password: Secret


class Borrowing(Body):
    amount: Yen
    destination_id: RowId


class Repayment(Body):
    intent: Annotated[str, StringConstraints(max_length=16, pattern=_PRINTABLE)]  # RepayIntent
    amount: Yen | None = None
    bank_code: Text


class Promise(Body):
    day: Day


class LimitIncrease(Body):
    annual_income: Yen
    other_debts: Yen
    requested_limit: Yen


class Cursor(Body):
    at: Instant
    id: RowId


class HistoryRequest(Body):
    since: Day | None = None
    until: Day | None = None
    kinds: list[LedgerKind] | None = Field(default=None, max_length=len(LedgerKind))
    before: Cursor | None = None
    limit: PageSize = 100
    count: StrictBool = True  # the total on a first page (false: the rows without waiting for it)


# -- the registered details and repayment settings (``ProfileStore``) -----------------------
class AddressChange(Body):
    postal_code: Policed
    town: Policed
    line2: Policed


class PhoneChange(Body):
    phone: Policed


class WorkplaceChange(Body):
    name: Policed
    phone: Policed


class ChangeCodeRequest(Body):
    change: CodedChange


class EmailChange(Body):
    email: Policed
    code: Policed


class NewAccount(Body):
    """``NewBankAccount``: the holder already in 全銀 half-width kana."""

    bank_code: Policed
    branch_code: Policed
    # 普通 or 当座: any other is malformed, on every store (REQUEST_INVALID)
    account_type: Literal["ordinary", "current"]
    account_number: Policed
    holder: Policed


class BankAccountChange(Body):
    account: NewAccount
    code: Policed


class WebIdChange(Body):
    web_id: Policed
    password: Policed  # the current one
    code: Policed


class PasswordChange(Body):
    password: Policed  # the current one
    new_password: Policed
    code: Policed


class DueDayQuestion(Body):
    due_day: Number
    auto_debit: StrictBool | None = None  # None: as registered


class DueDayChange(Body):
    due_day: Number


class AutoDebitChange(Body):
    enabled: StrictBool
    due_day: Number


class ReminderChange(Body):
    """``Reminder``."""

    enabled: StrictBool
    days_before: Number
    hour: Number


class WebStatementsChange(Body):
    enabled: StrictBool


class ErrorBody(Body):
    """Every refusal: an error code of ``desktop_app.domain.errors.ErrorCode`` and its
    declared parameters; the client turns it into a sentence, never the server."""

    code: str
    params: dict[str, int | str | None] = Field(default_factory=dict)


class Health(Body):
    status: str
