"""Borrowing and repaying: confirm first, move money exactly once, retry safely."""

from __future__ import annotations

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryQuery, RepayIntent
from desktop_app.viewmodels.borrow import BorrowViewModel
from desktop_app.viewmodels.login import LoginViewModel
from desktop_app.viewmodels.repay import RepayKind, RepayViewModel

from .conftest import services_of


class LostReplyStore:
    """The real store, but the first borrow's reply is lost after it committed."""

    def __init__(self, store) -> None:
        self._store = store
        self.borrow_calls: list[str] = []

    def __getattr__(self, name):
        return getattr(self._store, name)

    def borrow(self, token, amount, destination_id, request_id):
        self.borrow_calls.append(request_id)
        receipt = self._store.borrow(token, amount, destination_id, request_id)
        if len(self.borrow_calls) == 1:
            raise AppError(ErrorCode.STORE_UNAVAILABLE)
        return receipt


def _signed_in(make_app, store, wait_idle, web_id="yamada2026", password="Taro2026pass"):
    app = make_app(store)
    login = LoginViewModel(services_of(app), app, "device-1")
    login.set_web_id_text(web_id)
    login.set_password_text(password)
    login.sign_in()
    wait_idle()
    assert app.session is not None
    return app


def _ledger(store, app):
    return store.history(app.token, HistoryQuery(), None, 100).total


def test_confirm_twice_borrows_once(make_app, sql_store, wait_idle, qtbot):
    app = _signed_in(make_app, sql_store, wait_idle)
    borrow = BorrowViewModel(services_of(app), app)
    wait_idle()
    before = _ledger(sql_store, app)
    borrow.set_amount_text("３万")
    assert borrow.can_confirm
    with qtbot.waitSignal(borrow.confirmation_requested) as shown:
        borrow.request_confirmation()
    assert "30,000円" in shown.args[0]
    borrow.confirm()
    borrow.confirm()
    assert borrow.busy and not borrow.can_confirm
    wait_idle()
    assert _ledger(sql_store, app) == before + 1
    assert app.summary.principal == 150_000
    assert "30,000円" in borrow.result


def test_the_amount_shown_grouped_after_the_dialog_opened_is_the_confirmed_request(
    make_app, sql_store, wait_idle, qtbot
):
    """The field reformats 「5000」 to 「5,000」 when the dialog takes the focus: the member
    still confirms the borrowing they saw, and 確定 moves the money (it did nothing)."""
    app = _signed_in(make_app, sql_store, wait_idle)
    borrow = BorrowViewModel(services_of(app), app)
    wait_idle()
    before = _ledger(sql_store, app)
    borrow.set_amount_text("5000")
    with qtbot.waitSignal(borrow.confirmation_requested):
        borrow.request_confirmation()
    borrow.set_amount_text("5,000")  # the field, left for the dialog
    borrow.confirm()
    wait_idle()
    assert _ledger(sql_store, app) == before + 1
    assert "5,000円" in borrow.result
    borrow.set_amount_text("6000")  # another amount is another request: confirmed anew
    borrow.confirm()
    wait_idle()
    assert _ledger(sql_store, app) == before + 1


def test_a_lost_reply_is_retried_with_the_same_request_id(make_app, sql_store, wait_idle):
    flaky = LostReplyStore(sql_store)
    app = _signed_in(make_app, flaky, wait_idle)
    borrow = BorrowViewModel(services_of(app), app)
    wait_idle()
    before = _ledger(sql_store, app)
    borrow.set_amount_text("10000")
    borrow.request_confirmation()
    wait_idle()  # the dialog opens once the figures are read again
    borrow.confirm()
    wait_idle()
    assert borrow.error  # the member is told it did not go through…
    borrow.request_confirmation()  # …and tries again
    wait_idle()  # the dialog opens once the figures are read again
    borrow.confirm()
    wait_idle()
    assert flaky.borrow_calls[0] == flaky.borrow_calls[1]
    assert _ledger(sql_store, app) == before + 1
    assert app.summary.principal == 130_000


def test_amount_errors_are_sentences_next_to_the_field(make_app, sql_store, wait_idle):
    app = _signed_in(make_app, sql_store, wait_idle)
    borrow = BorrowViewModel(services_of(app), app)
    wait_idle()
    borrow.set_amount_text("1500")
    assert borrow.amount_error == "金額は1,000円単位で入力してください。"
    borrow.set_amount_text("50万")
    assert borrow.amount_error == "借入可能額（380,000円）を超えています。"
    borrow.set_amount_text("-1000")
    assert "符号" in borrow.amount_error
    assert not borrow.can_confirm
    borrow.set_amount_text("")
    assert borrow.amount_error == ""


def test_overdue_member_cannot_borrow(make_app, sql_store, wait_idle):
    app = _signed_in(make_app, sql_store, wait_idle, "suzuki0303", "Ichiro2026")
    borrow = BorrowViewModel(services_of(app), app)
    wait_idle()
    assert app.summary.overdue
    assert borrow.blocked_reason.startswith(
        "ご返済が確認できていないため、お借入れはご利用いただけません。"
    )
    assert borrow.blocked
    borrow.set_amount_text("10000")
    assert not borrow.can_confirm


def test_full_repayment_leaves_nothing(make_app, sql_store, wait_idle):
    app = _signed_in(make_app, sql_store, wait_idle)
    repay = RepayViewModel(services_of(app), app)
    repay.set_kind(int(RepayKind.FULL))
    payoff = app.summary.payoff_amount
    assert repay.payoff_text == f"{payoff:,}円"
    repay.request_confirmation()
    wait_idle()  # the dialog opens once the figures are read again
    repay.confirm()
    wait_idle()
    assert app.summary.principal == 0
    assert app.summary.payoff_amount == 0
    assert "元金残高：0円" in repay.result


def test_full_repayment_is_what_the_store_says_when_it_commits(make_app, sql_store, wait_idle):
    """The screen's payoff may be stale when the member confirms: the client sends the
    intent, and the store repays what is owed at that moment."""
    app = _signed_in(make_app, sql_store, wait_idle)
    repay = RepayViewModel(services_of(app), app)
    repay.set_kind(int(RepayKind.FULL))
    shown = app.summary.payoff_amount
    repay.request_confirmation()
    wait_idle()  # the dialog opens once the figures are read again
    # Meanwhile the member repays 10,000 yen on another device: the screen is stale.
    other = sql_store.sign_in_with_card("4000123412341234", "1234", "device-2")
    sql_store.repay(other.token, RepayIntent.AMOUNT, 10_000, "0009", "elsewhere")
    sent: list[tuple] = []
    real = sql_store.repay

    def recording(*args):
        sent.append(args[1:3])
        return real(*args)

    sql_store.repay = recording
    try:
        repay.confirm()
        wait_idle()
    finally:
        del sql_store.repay
    assert sent == [(RepayIntent.FULL, None)]
    assert "111,183円" in repay.result  # not the 121,183 yen still on screen
    assert shown == 121_183
    assert app.summary.payoff_amount == 0


class FiguresLostStore:
    """The real store, but reading the account summary fails while ``down`` is set."""

    def __init__(self, store) -> None:
        self._store = store
        self.down = False

    def __getattr__(self, name):
        return getattr(self._store, name)

    def account_summary(self, token):
        if self.down:
            raise AppError(ErrorCode.STORE_UNAVAILABLE)
        return self._store.account_summary(token)


def test_figures_that_could_not_be_read_never_say_money_may_have_moved(
    make_app, sql_store, wait_idle, qtbot
):
    """A confirmation opened and cancelled sent nothing: when the next read of the figures
    fails, the member is not told a borrowing may have gone through."""
    from desktop_app.i18n import _
    from desktop_app.viewmodels.movement import OUTCOME_UNKNOWN

    store = FiguresLostStore(sql_store)
    app = _signed_in(make_app, store, wait_idle)
    borrow = BorrowViewModel(services_of(app), app)
    wait_idle()
    borrow.set_amount_text("10000")
    with qtbot.waitSignal(borrow.confirmation_requested):
        borrow.request_confirmation()
    borrow.cancel_confirmation()
    store.down = True
    borrow.request_confirmation()
    wait_idle()
    assert borrow.error != _(OUTCOME_UNKNOWN)
