"""What the screenshot tour shows of the registered details: the profile screen and its
change forms (the scenes of the other screens: ``scenes``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.screens.kinds import TourScene
from desktop_app.screens.scenes import HANAKO, YAMADA, Steps

if TYPE_CHECKING:
    from desktop_app.screens.kinds import Host


def _profile(host: Host) -> Steps:
    host.navigator.go("profile")
    yield None
    yield "profile"


def _address(host: Host) -> Steps:
    from desktop_app.viewmodels.address import AddressViewModel

    address = host.view_model("address", AddressViewModel)
    host.navigator.go("address")
    address.postal.set_text("〒１００－０００１")
    yield None  # Japan Post's data is looked up in the runner
    address.postal.commit()
    address.line2.set_text("1-1")
    address.line2.commit()
    yield "address_filled"
    address.reset()


def _form(host: Host, screen: str) -> Steps:
    host.navigator.go(screen)
    yield None
    yield screen


def _other_forms(host: Host) -> Steps:
    for screen in ("phone", "workplace", "webId", "password"):
        yield from _form(host, screen)


def _otp(host: Host) -> Steps:
    from desktop_app.viewmodels.contact import EmailViewModel

    email = host.view_model("email", EmailViewModel)
    host.navigator.go("email")
    email.email.set_text("taro.new@example.jp")
    yield None
    yield "email"
    email.submit()  # the code is sent, and the dialog opens for it
    yield None
    yield "otp_dialog"
    if email.otp is not None:
        email.otp.cancel()
    email.reset()


# -- the bank account and the repayment settings --------------------------------------------
def _bank(host: Host) -> Steps:
    from desktop_app.viewmodels.bank import BankFormViewModel

    bank = host.view_model("bank", BankFormViewModel)
    host.navigator.go("bank")
    bank.set_bank_text("みずほ")
    yield None
    bank.choose_bank(0)
    yield None
    bank.set_branch_text("東京営業部")
    yield None
    bank.choose_branch(0)
    bank.account_number.set_text("１２３４５６７")
    bank.holder.set_text("やまだ　たろう")
    yield None
    yield "bank_form"
    bank.submit()
    yield "bank_confirm"
    host.press("confirmCancelButton")
    yield None


def _due_day(host: Host) -> Steps:
    from desktop_app.viewmodels.due_day import DueDayViewModel

    due_day = host.view_model("dueDay", DueDayViewModel)
    host.navigator.go("dueDay")
    yield None
    due_day.set_day_index(due_day.days.index(15) if 15 in due_day.days else 0)
    yield None
    yield "due_day_form"


def _auto_debit(host: Host) -> Steps:
    from desktop_app.viewmodels.auto_debit import AutoDebitViewModel

    auto_debit = host.view_model("autoDebit", AutoDebitViewModel)
    host.navigator.go("autoDebit")
    yield None
    auto_debit.set_enabled(True)
    yield None
    yield "auto_debit_form"


def _reminder(host: Host) -> Steps:
    from desktop_app.viewmodels.reminder import ReminderViewModel

    reminder = host.view_model("reminder", ReminderViewModel)
    host.navigator.go("reminder")
    yield None
    reminder.set_enabled(True)
    reminder.set_days_index(reminder.days.index(3) if 3 in reminder.days else 0)
    reminder.set_hour_index(9)
    yield None
    yield "reminder_form"


def _web_statements(host: Host) -> Steps:
    from desktop_app.viewmodels.web_statements import WebStatementsViewModel

    web = host.view_model("webStatements", WebStatementsViewModel)
    host.navigator.go("webStatements")
    yield None
    web.set_enabled(False)  # what stopping them before the first borrowing costs
    yield None
    yield "web_statements_form"


PROFILE = (TourScene(YAMADA, _profile), TourScene(YAMADA, _other_forms))
ADDRESS = (TourScene(YAMADA, _address),)
EMAIL = (TourScene(YAMADA, _otp),)
BANK = (TourScene(YAMADA, _bank),)
DUE_DAY = (TourScene(YAMADA, _due_day),)
AUTO_DEBIT = (TourScene(YAMADA, _auto_debit),)
REMINDER = (TourScene(YAMADA, _reminder),)
WEB_STATEMENTS = (TourScene(HANAKO, _web_statements),)
