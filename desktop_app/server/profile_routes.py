"""The endpoints of the registered details and repayment settings, one per ``ProfileStore``
operation, on the signed-in member's token and device (``routes.Signed``) like every member
call.

Reads (the profile, the change history, a due-day change's effect) are idempotent and tried
again on a dropped connection. Every change is a POST, as every change of the API is: sent
twice it would not do the same (the second is NOTHING_CHANGED, or finds its one-time code
spent), so neither the client nor a proxy may send it again once it may have arrived (a PUT
a proxy may resend after a timeout, by HTTP's rules). Passwords and codes travel in request
bodies only, never in a path or a query (which the access log keeps). The current password
of a Web-ID or password change is checked with argon2: those two run on the sign-in pool.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from desktop_app.domain.models import AccountSummary
from desktop_app.domain.profile import (
    CodeSent,
    DueDayEffect,
    MemberProfile,
    NewBankAccount,
    ProfileChange,
    Reminder,
)
from desktop_app.server import schemas
from desktop_app.server.answers import json_answer
from desktop_app.server.routes import ERRORS, Signed
from desktop_app.store.remote.wire import Paths

router = APIRouter(responses=ERRORS)

# How many rows of the change history: any integer a client may pass to a local store, which
# answers none for one below 1 and at most its own maximum.
HistoryLimit = Annotated[int, Query(ge=-(2**31), le=2**31 - 1)]


@router.get(Paths.PROFILE, response_model=MemberProfile, operation_id="profile")
async def profile(member: Signed) -> Response:
    return await member.read(MemberProfile, member.store.profile)


@router.get(
    Paths.PROFILE_CHANGES,
    response_model=tuple[ProfileChange, ...],
    operation_id="change_history",
)
async def change_history(member: Signed, limit: HistoryLimit) -> Response:
    return await member.read(tuple[ProfileChange, ...], member.store.change_history, limit)


@router.post(Paths.ADDRESS, response_model=MemberProfile, operation_id="change_address")
async def change_address(body: schemas.AddressChange, member: Signed) -> Response:
    store = member.store
    return await member.change(
        MemberProfile, store.change_address, body.postal_code, body.town, body.line2
    )


@router.post(Paths.PHONE, response_model=MemberProfile, operation_id="change_phone")
async def change_phone(body: schemas.PhoneChange, member: Signed) -> Response:
    return await member.change(MemberProfile, member.store.change_phone, body.phone)


@router.post(Paths.WORKPLACE, response_model=MemberProfile, operation_id="change_workplace")
async def change_workplace(body: schemas.WorkplaceChange, member: Signed) -> Response:
    return await member.change(MemberProfile, member.store.change_workplace, body.name, body.phone)


@router.post(Paths.CHANGE_CODES, response_model=CodeSent, operation_id="request_change_code")
async def request_change_code(body: schemas.ChangeCodeRequest, member: Signed) -> Response:
    return await member.change(CodeSent, member.store.request_change_code, body.change)


@router.post(Paths.EMAIL, response_model=MemberProfile, operation_id="change_email")
async def change_email(body: schemas.EmailChange, member: Signed) -> Response:
    return await member.change(MemberProfile, member.store.change_email, body.email, body.code)


@router.post(Paths.BANK_ACCOUNT, response_model=MemberProfile, operation_id="change_bank_account")
async def change_bank_account(body: schemas.BankAccountChange, member: Signed) -> Response:
    given = body.account
    account = NewBankAccount(
        bank_code=given.bank_code,
        branch_code=given.branch_code,
        account_type=given.account_type,
        account_number=given.account_number,
        holder=given.holder,
    )
    return await member.change(MemberProfile, member.store.change_bank_account, account, body.code)


@router.post(Paths.WEB_ID, response_model=MemberProfile, operation_id="change_web_id")
async def change_web_id(body: schemas.WebIdChange, member: Signed) -> Response:
    store = member.store
    changed = await member.hashing(store.change_web_id, body.web_id, body.password, body.code)
    return json_answer(MemberProfile, changed)


@router.post(Paths.PASSWORD, status_code=204, operation_id="change_password")
async def change_password(body: schemas.PasswordChange, member: Signed) -> Response:
    store = member.store
    await member.hashing(store.change_password, body.password, body.new_password, body.code)
    return Response(status_code=204)


@router.post(Paths.DUE_DAY_EFFECT, response_model=DueDayEffect, operation_id="due_day_effect")
async def due_day_effect(body: schemas.DueDayQuestion, member: Signed) -> Response:
    """What a change of due day would do; changes nothing (a read, with a body)."""
    return await member.read(
        DueDayEffect, member.store.due_day_effect, body.due_day, body.auto_debit
    )


@router.post(Paths.DUE_DAY, response_model=AccountSummary, operation_id="change_due_day")
async def change_due_day(body: schemas.DueDayChange, member: Signed) -> Response:
    return await member.change(AccountSummary, member.store.change_due_day, body.due_day)


@router.post(Paths.AUTO_DEBIT, response_model=AccountSummary, operation_id="set_auto_debit")
async def set_auto_debit(body: schemas.AutoDebitChange, member: Signed) -> Response:
    store = member.store
    return await member.change(AccountSummary, store.set_auto_debit, body.enabled, body.due_day)


@router.post(Paths.REMINDER, response_model=MemberProfile, operation_id="set_reminder")
async def set_reminder(body: schemas.ReminderChange, member: Signed) -> Response:
    reminder = Reminder(enabled=body.enabled, days_before=body.days_before, hour=body.hour)
    return await member.change(MemberProfile, member.store.set_reminder, reminder)


@router.post(Paths.WEB_STATEMENTS, response_model=MemberProfile, operation_id="set_web_statements")
async def set_web_statements(body: schemas.WebStatementsChange, member: Signed) -> Response:
    return await member.change(MemberProfile, member.store.set_web_statements, body.enabled)
