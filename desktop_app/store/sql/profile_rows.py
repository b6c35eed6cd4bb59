"""What the profile operations read and write besides the member row: the current bank
account, the last payment, the change history's rows, and the short Japanese texts a change
is shown with (stored as they are shown: the history is shown as it was written)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.models import LedgerKind
from desktop_app.domain.profile import (
    Address,
    ChangeItem,
    ProfileChange,
    mask_address,
    mask_email,
    mask_tail,
)
from desktop_app.domain.rules import MONTH_END
from desktop_app.store.sql.schema import (
    PREPAID_ACCOUNT_TYPE,
    BankAccountRow,
    LedgerRow,
    Member,
    ProfileChangeRow,
)

CHANGE_HISTORY_MAX_LIMIT = 100
DEVICE_LABEL_LENGTH = 8  # the short, non-secret name of a device in the history
NONE = "登録なし"
ON = "登録あり"
SECRET = "********"

# What the notice of each change says happened (「…を変更しました」).
CHANGED = {
    ChangeItem.ADDRESS: "ご登録の住所を変更しました",
    ChangeItem.PHONE: "ご登録の電話番号を変更しました",
    ChangeItem.EMAIL: "ご登録のメールアドレスを変更しました",
    ChangeItem.WORKPLACE: "ご登録の勤務先を変更しました",
    ChangeItem.BANK_ACCOUNT: "お振込先口座を変更しました",
    ChangeItem.DUE_DAY: "ご返済日を変更しました",
    ChangeItem.AUTO_DEBIT: "口座振替の設定を変更しました",
    ChangeItem.REMINDER: "ご返済日のお知らせメールの設定を変更しました",
    ChangeItem.WEB_STATEMENTS: "Web明細の設定を変更しました",
    ChangeItem.WEB_ID: "Web-IDを変更しました",
    ChangeItem.PASSWORD: "パスワードを変更しました",
}
_PAYMENTS = (LedgerKind.REPAY.value, LedgerKind.AUTO_DEBIT.value)
_BORROWINGS = (LedgerKind.BORROW.value, LedgerKind.PREPAID_CHARGE.value)
_ACCOUNT_TYPES = {"ordinary": "普通", "current": "当座"}


# --------------------------------------------------------------------- shown values


def address_of(member: Member) -> Address | None:
    if member.postal_code is None or member.address_town is None:
        return None
    return Address(member.postal_code, member.address_town, member.address_line2 or "")


def address_text(address: Address | None) -> str:
    return NONE if address is None else mask_address(address)


def phone_text(phone: str | None) -> str:
    return NONE if not phone else mask_tail(phone)


def email_text(email: str | None) -> str:
    return NONE if not email else mask_email(email)


def workplace_text(name: str | None, phone: str | None) -> str:
    """The name as registered, the phone masked."""
    if not name:
        return NONE
    return f"{name} {phone_text(phone)}" if phone else name


def bank_text(row: BankAccountRow | None) -> str:
    """``みずほ銀行 東京営業部 普通 ***4567``."""
    if row is None:
        return NONE
    kind = _ACCOUNT_TYPES.get(row.account_type, row.account_type)
    return f"{row.bank_name} {row.branch_name} {kind} {mask_tail(row.account_number)}"


def due_day_text(day: int) -> str:
    """``25日``, ``月末``."""
    return "月末" if day == MONTH_END else f"{day}日"


def on_off_text(enabled: bool) -> str:
    return ON if enabled else NONE


def reminder_text(enabled: bool, days_before: int, hour: int) -> str:
    """``3日前 9:00``."""
    return f"{days_before}日前 {hour}:00" if enabled else NONE


def web_id_text(web_id: str | None) -> str:
    return NONE if not web_id else mask_tail(web_id)


# --------------------------------------------------------------------- rows


def current_bank(db: DbSession, member_id: int) -> BankAccountRow | None:
    """The member's bank account (the borrowing destination and the automatic-debit
    account): the newest one not replaced."""
    return db.scalars(
        select(BankAccountRow)
        .where(
            BankAccountRow.member_id == member_id,
            BankAccountRow.account_type != PREPAID_ACCOUNT_TYPE,
            BankAccountRow.retired_at.is_(None),
        )
        .order_by(BankAccountRow.id.desc())
        .limit(1)
    ).first()


def last_payment(db: DbSession, member_id: int) -> date | None:
    """What a due-day change may not put the next due date more than 35 days after
    (``profile.next_due_after_change``): the day of the last repayment or automatic debit,
    or of the borrowing after it when there is one (a balance borrowed after the last payment
    counts from the day it was borrowed); None with neither on record."""
    at: datetime | None = db.scalar(
        select(func.max(LedgerRow.at)).where(
            LedgerRow.member_id == member_id, LedgerRow.kind.in_(_PAYMENTS + _BORROWINGS)
        )
    )
    return None if at is None else at.astimezone(TOKYO).date()


def add_change(
    db: DbSession,
    member_id: int,
    now: datetime,
    device_id: str,
    item: ChangeItem,
    before: str,
    after: str,
) -> None:
    db.add(
        ProfileChangeRow(
            member_id=member_id,
            at=now,
            item=item.value,
            before=before[:200],
            after=after[:200],
            device_id=device_id,
        )
    )


def changes(db: DbSession, member_id: int, device_id: str, limit: int) -> tuple[ProfileChange, ...]:
    """The member's latest ``limit`` changes, newest first."""
    rows = db.scalars(
        select(ProfileChangeRow)
        .where(ProfileChangeRow.member_id == member_id)
        .order_by(ProfileChangeRow.at.desc(), ProfileChangeRow.id.desc())
        .limit(min(max(0, limit), CHANGE_HISTORY_MAX_LIMIT))
    )
    return tuple(
        ProfileChange(
            at=row.at,
            item=ChangeItem(row.item),
            before=row.before,
            after=row.after,
            device=row.device_id[:DEVICE_LABEL_LENGTH],
            this_device=row.device_id == device_id,
        )
        for row in rows
    )
