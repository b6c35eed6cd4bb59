"""The one-time code of a sensitive change: where it went, the resend countdown from the
injected clock, wrong codes with the tries left, a lock with its end, and a change that went
through. The store side is a stand-in that keeps the code rules of the protocol."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import CodeChannel, Session
from desktop_app.domain.profile import CodedChange, CodeSent
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.otp import OtpViewModel
from tests.viewmodels.conftest import services_for


class CodeStore:
    """The real store's terms; codes by the protocol's rules (5 tries, then locked)."""

    def __init__(self, real, clock) -> None:
        self._real = real
        self._clock = clock
        self.code = "4321"
        self.wrong = 0
        self.applied: list[str] = []
        self.locked_until = None

    def service_terms(self):
        return self._real.service_terms()

    def request_change_code(self, token: str, change: CodedChange) -> CodeSent:
        now = self._clock.now()
        if self.locked_until is not None and now < self.locked_until:
            raise AppError(ErrorCode.CHANGE_LOCKED, resume_at=self.locked_until)
        self.wrong = 0
        expires, resend = now + timedelta(minutes=10), now + timedelta(seconds=60)
        return CodeSent(CodeChannel.SMS, "090-****-5678", expires, resend)

    def apply(self, code: str) -> str:
        if self.locked_until is not None:
            raise AppError(ErrorCode.CHANGE_LOCKED, resume_at=self.locked_until)
        if code != self.code:
            self.wrong += 1
            if self.wrong >= 5:
                self.locked_until = self._clock.now() + timedelta(minutes=10)
                raise AppError(ErrorCode.CHANGE_LOCKED, resume_at=self.locked_until)
            raise AppError(ErrorCode.CODE_WRONG, remaining=5 - self.wrong)
        if code == "0000":
            raise AppError(ErrorCode.WEB_ID_TAKEN)
        self.applied.append(code)
        return "done"


@pytest.fixture
def otp(runner, clock, sql_store, qtbot):
    store = CodeStore(sql_store, clock)
    app = ApplicationViewModel(services_for(runner, store, clock))
    app.load_terms()
    qtbot.waitUntil(lambda: app.terms is not None, timeout=10_000)
    app._session = Session("token", "100000001", "山田 太郎", None)
    vm = OtpViewModel(services_for(runner, store, clock), app)
    return vm, store


def test_the_code_is_sent_and_a_resend_waits_for_the_clock(otp, clock, wait_idle, qtbot):
    vm, _store = otp
    done: list[object] = []
    with qtbot.waitSignal(vm.code_needed):
        vm.start(CodedChange.EMAIL, _store.apply, done.append)
    wait_idle()
    assert vm.info == (
        "ご登録の携帯電話番号（090-****-5678）に確認コードを送信しました。有効期限は10:10です。"
    )
    assert not vm.can_resend and vm.resend_text == "確認コードを再送信する（60秒）"
    clock.advance(timedelta(seconds=45))
    qtbot.waitUntil(lambda: vm.resend_text == "確認コードを再送信する（15秒）", timeout=3000)
    clock.advance(timedelta(seconds=15))
    qtbot.waitUntil(lambda: vm.can_resend, timeout=3000)
    assert vm.resend_text == "確認コードを再送信する"


def test_a_right_code_applies_the_change_and_finishes(otp, wait_idle, qtbot):
    vm, store = otp
    done: list[object] = []
    vm.start(CodedChange.EMAIL, store.apply, done.append)
    wait_idle()
    assert not vm.can_submit  # no code yet
    vm.code.set_text("４３２１")  # full-width digits convert as typed
    assert vm.code.text == "4321" and vm.can_submit
    with qtbot.waitSignal(vm.finished) as finished:
        vm.submit()
    assert finished.args == [True]
    assert done == ["done"] and store.applied == ["4321"]
    assert not vm.active and vm.code.text == ""


def test_wrong_codes_say_the_tries_left_then_lock_the_change(otp, clock, wait_idle):
    vm, store = otp
    vm.start(CodedChange.EMAIL, store.apply, lambda _result: None)
    wait_idle()
    vm.submit("1111")
    wait_idle()
    assert vm.error == "確認コードが正しくありません。あと4回入力できます。"
    assert vm.code.text == ""  # typed again, never kept
    assert "1111" not in vm.error
    for _ in range(4):
        vm.submit("1111")
        wait_idle()
    assert vm.error == (
        "確認コードの入力誤りが規定の回数を超えたため、11月24日(火) 10:10まで"
        "このお手続きはできません。"
    )
    vm.code.set_text("4321")
    assert not vm.can_submit and not vm.can_resend
    assert vm.active  # the dialog stays to say so, until the member closes it


def test_a_refusal_of_the_form_closes_the_dialog_and_goes_to_the_form(otp, wait_idle, qtbot):
    vm, store = otp
    store.code = "0000"
    refused: list[AppError] = []
    vm.start(CodedChange.WEB_ID, store.apply, lambda _r: None, refused.append)
    wait_idle()
    with qtbot.waitSignal(vm.finished) as finished:
        vm.submit("0000")
    assert finished.args == [False]
    assert [error.code for error in refused] == [ErrorCode.WEB_ID_TAKEN]


def test_cancel_and_reset_give_the_change_up(otp, wait_idle, qtbot):
    vm, store = otp
    done: list[object] = []
    vm.start(CodedChange.PASSWORD, store.apply, done.append)
    wait_idle()
    vm.code.set_text("43")
    with qtbot.waitSignal(vm.finished) as finished:
        vm.cancel()
    assert finished.args == [False] and vm.code.text == "" and vm.info == ""
    vm.start(CodedChange.PASSWORD, store.apply, done.append)
    wait_idle()
    with qtbot.waitSignal(vm.finished):
        vm.reset()
    assert done == [] and not vm.active
