"""What the screenshot tour shows of each screen, referred to by the screen registry.

Each scene names the demo member signed in for it ("yamada": 山田 by Web-ID, "suzuki": the
overdue 鈴木 by card, None: nobody) and yields None to let the client work or a name to take a
screenshot. The tour (desktop_app/tour.py) signs members in and out between scenes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from desktop_app.screens.kinds import TourScene

if TYPE_CHECKING:
    from desktop_app.screens.kinds import Host

Steps = Iterator[str | None]
YAMADA = "yamada"
SUZUKI = "suzuki"
HANAKO = "hanako"  # 佐藤 花子: never borrowed, email and web statements on


def _login(host: Host) -> Steps:
    from desktop_app.viewmodels.login import LoginMethod

    login = host.login
    host.navigator.go("login")
    yield "login"
    login.set_method(LoginMethod.WEB_ID)
    login.set_web_id_text("yamada2026")
    login.set_password_text("wrong-pass1")
    login.sign_in()
    yield None
    yield "login_error"
    login.set_web_id_text("ｙａｍａｄａ２０２６")
    yield "login_width_notice"
    login.set_caps_lock(True)
    login.set_secret_focused(True)  # the warning shows while the password is typed
    yield "login_caps_lock"
    login.set_caps_lock(False)
    login.set_secret_focused(False)
    login.set_web_id_text("")
    login.set_password_text("")


def _signed_out(host: Host) -> Steps:
    host.app_vm.sign_out()
    yield None
    yield "signed_out"


def _home(host: Host) -> Steps:
    host.navigator.go("home")
    yield None
    yield "home"


def _home_overdue(host: Host) -> Steps:
    host.navigator.go("home")
    yield None
    yield "home_overdue"


def _idle_warning(host: Host) -> Steps:
    host.idle.warn_now()
    yield "idle_warning"
    host.idle.stay()


def _borrow(host: Host) -> Steps:
    from desktop_app.viewmodels.borrow import BorrowViewModel

    borrow = host.view_model("borrow", BorrowViewModel)
    host.navigator.go("borrow")
    borrow.set_amount_text("1万")
    yield None
    yield "borrow"
    borrow.set_amount_text("1234")
    yield "borrow_amount_error"
    borrow.set_amount_text("10,000")
    borrow.request_confirmation()  # the dialog opens once the figures are read again
    yield None
    yield "borrow_confirm"
    host.press("confirmAcceptButton")
    yield None
    yield "borrow_receipt"


def _borrow_blocked(host: Host) -> Steps:
    host.navigator.go("borrow")
    yield None
    yield "borrow_blocked"


def _repay(host: Host) -> Steps:
    from desktop_app.viewmodels.repay import RepayKind, RepayViewModel

    repay = host.view_model("repay", RepayViewModel)
    host.navigator.go("repay")
    repay.set_kind(RepayKind.AMOUNT)
    repay.set_amount_text("10000")
    yield None
    yield "repay"
    repay.request_confirmation()
    yield None
    yield "repay_confirm"
    host.press("confirmAcceptButton")
    yield None
    yield "repay_result"


def _history(host: Host) -> Steps:
    host.navigator.go("history")
    yield None
    yield "history"


def _simulator(host: Host) -> Steps:
    from desktop_app.viewmodels.simulator import SimulatorViewModel

    host.navigator.go("simulator")
    host.view_model("simulator", SimulatorViewModel).set_monthly_text("20,000")
    yield None
    yield "simulator"


def _interest(host: Host) -> Steps:
    host.navigator.go("interest")
    yield None
    yield "interest"


def _promise(host: Host) -> Steps:
    host.navigator.go("promise")
    yield None
    yield "promise"


def _limit(host: Host) -> Steps:
    from desktop_app.viewmodels.limit import LimitIncreaseViewModel

    limit = host.view_model("limit", LimitIncreaseViewModel)
    host.navigator.go("limit")
    limit.income.set_text("600万")
    limit.other_debts.set_text("50万")
    limit.requested.set_text("80万")
    yield None
    yield "limit_increase"


def _settings(host: Host) -> Steps:
    host.navigator.go("settings")
    yield None
    yield "settings"


def _register(host: Host) -> Steps:
    from desktop_app.viewmodels.credentials import RegisterViewModel

    register = host.view_model("register", RegisterViewModel)
    host.navigator.go("register")
    register.member_number.set_text("１０００００００６")
    register.email.set_text("ito@example.jp")
    register.send_code()
    yield None
    yield "register_code_sent"


def _inbox(host: Host) -> Steps:
    host.navigator.go("inbox")
    yield None
    yield "inbox"


def _reset(host: Host) -> Steps:
    from datetime import date

    from desktop_app.viewmodels.credentials import ResetViewModel

    reset = host.view_model("reset", ResetViewModel)
    host.navigator.go("reset")
    reset.identifier.set_text("tanaka0404")
    reset.set_birth_date(date(1990, 4, 4))
    yield None
    yield "reset_password"
    host.navigator.go("login")


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


def _not_online(host: Host) -> Steps:
    from desktop_app.viewmodels.login import LoginMethod

    login = host.login
    host.navigator.go("login")
    login.set_method(LoginMethod.CARD)
    login.set_card_text("4000999988887777")  # 田中: the card is locked
    login.set_pin_text("4444")
    login.sign_in()
    yield None
    yield "login_card_locked"
    host.press("notOnlineLinkLogin")
    yield None
    yield "not_online"
    login.reset()
    host.navigator.go("login")


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


LOGIN = (TourScene(None, _login), TourScene(YAMADA, _signed_out))
HOME = (
    TourScene(YAMADA, _home),
    TourScene(SUZUKI, _home_overdue),
    TourScene(SUZUKI, _idle_warning),
)
BORROW = (TourScene(YAMADA, _borrow), TourScene(SUZUKI, _borrow_blocked))
REPAY = (TourScene(YAMADA, _repay),)
HISTORY = (TourScene(YAMADA, _history),)
SIMULATOR = (TourScene(YAMADA, _simulator),)
INTEREST = (TourScene(YAMADA, _interest),)
PROMISE = (TourScene(SUZUKI, _promise),)
LIMIT = (TourScene(YAMADA, _limit),)
SETTINGS = (TourScene(YAMADA, _settings),)
REGISTER = (TourScene(None, _register),)
INBOX = (TourScene(None, _inbox),)
RESET = (TourScene(None, _reset),)
PROFILE = (TourScene(YAMADA, _profile), TourScene(YAMADA, _other_forms))
ADDRESS = (TourScene(YAMADA, _address),)
EMAIL = (TourScene(YAMADA, _otp),)
NOT_ONLINE = (TourScene(None, _not_online),)
BANK = (TourScene(YAMADA, _bank),)
DUE_DAY = (TourScene(YAMADA, _due_day),)
AUTO_DEBIT = (TourScene(YAMADA, _auto_debit),)
REMINDER = (TourScene(YAMADA, _reminder),)
WEB_STATEMENTS = (TourScene(HANAKO, _web_statements),)
