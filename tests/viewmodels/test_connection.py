"""The connection banner's view-model: shown on STORE_UNAVAILABLE, hidden by the next answer,
and a retry that runs exactly the failed calls again (a money movement with its request id)."""

from __future__ import annotations

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import HistoryQuery
from desktop_app.viewmodels.borrow import BorrowViewModel
from desktop_app.viewmodels.connection import ConnectionViewModel
from desktop_app.viewmodels.login import LoginViewModel

from .conftest import services_of

BANNER_JA = "サーバーに接続できません。通信環境をご確認のうえ、もう一度お試しください。"
UNKNOWN_JA = "お手続きが完了したかを確認できませんでした"


def _signed_in(make_app, line, wait_idle):
    app = make_app(line)
    connection = ConnectionViewModel(services_of(app))
    login = LoginViewModel(services_of(app), app, "device-1")
    login.set_web_id_text("yamada2026")
    login.set_password_text("Taro2026pass")
    login.sign_in()
    wait_idle()
    assert app.session is not None
    return app, connection


def _sign_in_while_down(make_app, line, wait_idle):
    """Yamada signs in while the store cannot be reached."""
    app = make_app(line)
    connection = ConnectionViewModel(services_of(app))
    login = LoginViewModel(services_of(app), app, "device-1")
    login.set_web_id_text("yamada2026")
    login.set_password_text("Taro2026pass")
    line.down = True
    login.sign_in()
    wait_idle()
    return app, connection, login


def _borrow_with_lost_reply(app, line, wait_idle, amount: str) -> BorrowViewModel:
    """A borrowing the store commits, whose reply is lost on the way back."""
    borrow = BorrowViewModel(services_of(app), app)
    wait_idle()
    line.lose_reply["borrow"] = AppError(ErrorCode.STORE_UNAVAILABLE)
    borrow.set_amount_text(amount)
    borrow.request_confirmation()
    wait_idle()  # the dialog opens once the figures are read again
    borrow.confirm()
    wait_idle()
    return borrow


def _movements(store, app) -> int:
    return store.history(app.token, HistoryQuery(), None, 100).total


def test_the_banner_shows_on_a_fault_and_goes_once_the_store_answers(
    make_app, sql_store, wait_idle, store_line
):
    line = store_line(sql_store)
    app, connection = _signed_in(make_app, line, wait_idle)
    assert not connection.visible and connection.message == ""
    line.down = True
    app.refresh_summary()
    wait_idle()
    assert connection.visible and connection.message == BANNER_JA
    assert connection.pending == ("summary",)
    assert app.message == ""  # said once, by the connection banner

    connection.retry()  # still down: the banner stays, the call waits for the next retry
    assert connection.retrying
    wait_idle()
    assert connection.visible and not connection.retrying
    assert connection.pending == ("summary",)

    line.down = False
    asked = len(line.made("account_summary"))
    connection.retry()
    wait_idle()
    assert not connection.visible and connection.message == "" and connection.pending == ()
    assert len(line.made("account_summary")) == asked + 1
    assert app.summary is not None and app.summary.principal == 120_000


def test_a_lost_reply_is_found_out_by_its_request_id_one_receipt(
    make_app, sql_store, wait_idle, store_line
):
    line = store_line(sql_store)
    app, connection = _signed_in(make_app, line, wait_idle)
    borrow = BorrowViewModel(services_of(app), app)
    wait_idle()
    before = _movements(sql_store, app)
    line.lose_reply["borrow"] = AppError(ErrorCode.STORE_UNAVAILABLE)
    borrow.set_amount_text("10000")
    borrow.request_confirmation()
    wait_idle()  # the dialog opens once the figures are read again
    borrow.confirm()
    wait_idle()
    assert _movements(sql_store, app) == before + 1  # the store committed it…
    assert connection.visible  # …but the member was never told
    assert UNKNOWN_JA in borrow.error and "再試行" in borrow.error
    assert borrow.result == "" and borrow.amount_text == "10000"

    connection.retry()
    assert borrow.busy and not borrow.can_confirm
    wait_idle()
    first, again = line.made("borrow")
    assert first[3] == again[3]  # the same request id
    assert "10,000円" in borrow.result and borrow.error == ""
    assert _movements(sql_store, app) == before + 1
    assert app.summary.principal == 130_000
    assert not connection.visible


def test_a_changed_request_is_not_retried_as_it_was(make_app, sql_store, wait_idle, store_line):
    line = store_line(sql_store)
    app, connection = _signed_in(make_app, line, wait_idle)
    borrow = BorrowViewModel(services_of(app), app)
    wait_idle()
    line.lose_reply["borrow"] = AppError(ErrorCode.STORE_UNAVAILABLE)
    borrow.set_amount_text("10000")
    borrow.request_confirmation()
    wait_idle()  # the dialog opens once the figures are read again
    borrow.confirm()
    wait_idle()
    borrow.set_amount_text("20000")  # the member changed the request: it is a new one
    terms_asked = len(line.made("service_terms"))
    connection.retry()
    wait_idle()
    assert len(line.made("borrow")) == 1  # the old request was not sent again
    assert len(line.made("service_terms")) == terms_asked + 1  # only asked if the store answers
    assert not connection.visible
    assert borrow.amount_text == "20000"


def test_an_unexpected_fault_after_the_commit_is_found_out_by_confirming_again(
    make_app, sql_store, wait_idle, store_line
):
    """The local store: no banner (nothing is wrong with a connection), but the member is
    told it is not known whether it went through, and confirming again shows the receipt."""
    line = store_line(sql_store)
    app, connection = _signed_in(make_app, line, wait_idle)
    borrow = BorrowViewModel(services_of(app), app)
    wait_idle()
    before = _movements(sql_store, app)
    line.lose_reply["borrow"] = RuntimeError
    borrow.set_amount_text("3万")
    borrow.request_confirmation()
    wait_idle()  # the dialog opens once the figures are read again
    borrow.confirm()
    wait_idle()
    assert not connection.visible
    assert UNKNOWN_JA in borrow.error and "処理中にエラー" not in borrow.error
    borrow.request_confirmation()  # nothing changed: the same request
    wait_idle()  # the dialog opens once the figures are read again
    borrow.confirm()
    wait_idle()
    first, again = line.made("borrow")
    assert first[3] == again[3]
    assert "30,000円" in borrow.result and borrow.error == ""
    assert _movements(sql_store, app) == before + 1


def test_a_session_the_store_ended_signs_out_from_any_call(
    make_app, sql_store, wait_idle, store_line
):
    line = store_line(sql_store)
    app, _connection = _signed_in(make_app, line, wait_idle)
    sql_store.sign_out(app.token)  # ended elsewhere (on the server: expired or revoked)
    app.refresh_summary()
    wait_idle()
    assert app.session is None and not app.signed_in
    assert app.message == (
        "一定時間操作がなかったか、別の場所でログアウトされたため、ログアウトしました。"
        "もう一度ログインしてください。"
    )


def test_a_sign_in_that_could_not_reach_the_store_keeps_what_was_typed(
    make_app, sql_store, wait_idle, store_line
):
    line = store_line(sql_store)
    app, connection, login = _sign_in_while_down(make_app, line, wait_idle)
    assert connection.visible and app.session is None
    assert (login.web_id_text, login.password_text) == ("yamada2026", "Taro2026pass")
    line.down = False
    connection.retry()
    wait_idle()
    assert app.session is not None and not connection.visible
    assert login.password_text == ""  # sent and signed in: the secret is gone


def test_a_sign_in_edited_after_the_fault_is_not_sent_as_it_was(
    make_app, sql_store, wait_idle, store_line
):
    line = store_line(sql_store)
    app, connection, login = _sign_in_while_down(make_app, line, wait_idle)
    login.set_password_text("Taro2026pas")  # the member is typing again
    line.down = False
    connection.retry()
    wait_idle()
    assert len(line.made("sign_in_with_web_id")) == 1
    assert app.session is None and not connection.visible


def test_a_fault_of_the_member_who_left_is_not_retried(make_app, sql_store, wait_idle, store_line):
    line = store_line(sql_store)
    app, connection = _signed_in(make_app, line, wait_idle)
    line.down = True
    app.refresh_summary()
    wait_idle()
    assert connection.pending == ("summary",)
    line.down = False
    app.sign_out()
    connection.reset()  # the wipe
    wait_idle()
    asked = len(line.made("account_summary"))
    connection.retry()
    wait_idle()
    assert len(line.made("account_summary")) == asked
    assert not connection.visible


UNCONFIRMED_JA = "お手続きが完了したかどうかはまだ確認できていません"


def test_a_movement_of_unknown_outcome_keeps_the_banner_when_other_calls_succeed(
    make_app, sql_store, wait_idle, store_line
):
    """Seen on a real server paused mid-borrowing: another screen's answer must not make the
    client forget a borrowing that may have gone through."""
    line = store_line(sql_store)
    app, connection = _signed_in(make_app, line, wait_idle)
    before = _movements(sql_store, app)
    borrow = _borrow_with_lost_reply(app, line, wait_idle, "5000")
    assert connection.visible and connection.message == BANNER_JA

    app.refresh_summary()  # the store answers another screen: the connection is back…
    wait_idle()
    assert connection.visible  # …but the borrowing's outcome is still unknown
    assert UNCONFIRMED_JA in connection.message
    assert connection.pending == ("money_movement",)

    connection.retry()
    wait_idle()
    assert "5,000円" in borrow.result
    assert _movements(sql_store, app) == before + 1
    assert not connection.visible and connection.pending == ()


def test_a_movement_changed_after_the_fault_lets_the_banner_go(
    make_app, sql_store, wait_idle, store_line
):
    line = store_line(sql_store)
    app, connection = _signed_in(make_app, line, wait_idle)
    borrow = _borrow_with_lost_reply(app, line, wait_idle, "5000")
    borrow.set_amount_text("7000")  # a new request: the old one is the member's to drop
    app.refresh_summary()
    wait_idle()
    assert not connection.visible and connection.pending == ()
