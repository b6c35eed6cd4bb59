"""What is registered, as the member reads it (登録内容): the address with its 〒, a phone as
090-1234-5678, a bank account with its number masked, the due day as 毎月25日, the reminder
as 返済日の3日前 9:00. Shared by the profile screen and the forms that change these."""

from __future__ import annotations

from desktop_app.domain.fields import format_phone, format_postal
from desktop_app.domain.models import BankAccount
from desktop_app.domain.profile import Address, ChangeItem, Reminder, Workplace
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.bank_names import bank_name, branch_name

LAST_DAY = 31  # the due day of the month's last day
NOT_REGISTERED = N_("Not registered")
NOT_USED = N_("Not used")
IN_USE = N_("In use")

ITEMS = {
    ChangeItem.ADDRESS: N_("Address"),
    ChangeItem.PHONE: N_("Phone number"),
    ChangeItem.EMAIL: N_("Email address"),
    ChangeItem.WORKPLACE: N_("Workplace"),
    ChangeItem.BANK_ACCOUNT: N_("Bank account"),
    ChangeItem.DUE_DAY: N_("Due day"),
    ChangeItem.AUTO_DEBIT: N_("Automatic debit"),
    ChangeItem.REMINDER: N_("Reminder email"),
    ChangeItem.WEB_STATEMENTS: N_("Web statements"),
    ChangeItem.WEB_ID: N_("Web-ID"),
    ChangeItem.PASSWORD: N_("Password"),
}


def address_text(address: Address | None) -> str:
    """〒100-0001 東京都千代田区千代田１－１."""
    if address is None:
        return _(NOT_REGISTERED)
    return f"{format_postal(address.postal_code)} {address.town}{address.line2}"


def phone_text(phone: str | None) -> str:
    return format_phone(phone) if phone else _(NOT_REGISTERED)


def email_text(email: str | None) -> str:
    return email or _(NOT_REGISTERED)


def workplace_text(workplace: Workplace | None) -> str:
    if workplace is None:
        return _(NOT_REGISTERED)
    return _("{name} (phone {phone})").format(
        name=workplace.name, phone=format_phone(workplace.phone)
    )


def account_type_text(account_type: str) -> str:
    return _("Ordinary") if account_type == "ordinary" else _("Current")


def bank_text(account: BankAccount | None, *, holder: bool = True) -> str:
    """三井住友銀行 本店営業部 普通 ***4567 ﾔﾏﾀﾞ ﾀﾛｳ (without the holder: up to ***4567)."""
    if account is None:
        return _(NOT_REGISTERED)
    bank = bank_name(account.bank_name, account.bank_code)
    branch = branch_name(account.branch_name, account.branch_code)
    kind = account_type_text(account.account_type)
    line = f"{bank} {branch} {kind} {account.masked_number}"
    return f"{line} {account.holder}" if holder else line


MONTH_END_LABEL = N_("The last day of each month")
DAY_LABEL = N_("{ordinal} of each month")  # 毎月{ordinal}日
# The day as an ordinal: English 1st, 2nd, 3rd, 25th; Japanese the plain number (「{day}」).
_ORDINALS = {1: N_("{day}st"), 2: N_("{day}nd"), 3: N_("{day}rd")}
_TH = N_("{day}th")


def ordinal(day: int) -> str:
    """25 → 「25th」 in English, 「25」 in Japanese."""
    teen = 11 <= day % 100 <= 13
    return _(_TH if teen else _ORDINALS.get(day % 10, _TH)).format(day=day)


def due_day_name(day: int) -> str:
    """毎月25日 / 毎月末日 (25th of each month / The last day of each month)."""
    if day >= LAST_DAY:
        return _(MONTH_END_LABEL)
    return _(DAY_LABEL).format(ordinal=ordinal(day))


def reminder_text(reminder: Reminder) -> str:
    """返済日の3日前 9:00 / 利用しない."""
    if not reminder.enabled:
        return _(NOT_USED)
    return _("{days} days before the due date, at {hour}:00").format(
        days=reminder.days_before, hour=reminder.hour
    )


def in_use_text(on: bool) -> str:
    return _(IN_USE) if on else _(NOT_USED)
