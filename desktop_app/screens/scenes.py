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
NOT_ONLINE = (TourScene(None, _not_online),)
