"""A hypothesis state machine of the store against the pure model of ``ledger_model``
(issue 13, point 2): 佐藤 花子 (never borrowed, interest-free eligible, due day 15th) signs
in, borrows, repays (金額指定, 一部 = the next payment, 全額), promises a payment date
(返済の約束), changes the due day, and the injected clock moves on by days or months.
After every step the store's 元金, 利息 and 遅延損害金 to the yen, the minimum payment,
次回返済日, the overdue state, the promise and 借入可能額 agree with the model, and so do
its refusals (over the limit, overdue, below the minimum, over the payoff, a due day too
late, a promise out of range, a session that expired while the clock moved). Runs on
SQLite and PostgreSQL; one store per back-end, put back to the demo members at the start
of every example. Not modelled: automatic debit and reminders (Sato has neither), the
service hours other than New Year (the clock stays at 10:00 and skips 1 January)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.errors import AppError
from desktop_app.domain.models import RepayIntent
from desktop_app.store.sql import SqlStore
from tests.store.conftest import NOW, SATO, fresh_database, pg_param

from .ledger_model import Ledger, Refused, pay_by

BANK = "0033"  # PayPay銀行, 佐藤's bank, open for internet repayment
MACHINE = settings(
    max_examples=25,
    stateful_step_count=30,
    deadline=None,
    derandomize=True,
    # No shrinking: over a real store it takes minutes; the failing steps are printed as run.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _fresh_sato() -> Ledger:
    from decimal import Decimal

    return Ledger(credit_limit=300_000, rate=Decimal("0.180"), due_day=15, free_eligible=True)


def run_machine(store: SqlStore, clock: FixedClock) -> None:
    class LedgerMachine(RuleBasedStateMachine):
        @initialize(first=st.one_of(st.none(), st.integers(10, 250).map(lambda n: n * 1_000)))
        def reset(self, first: int | None) -> None:
            """The demo members afresh at the start; most runs begin with a borrowing."""
            clock.advance(NOW - clock.now())
            store.reset_to_demo_members()
            self.model = _fresh_sato()
            self.token: str | None = None
            self.destination = 0
            self.sign_in()
            if first is not None:
                self.borrow(first)

        def today(self):
            return clock.now().astimezone(TOKYO).date()

        # ------------------------------------------------------------ rules

        @precondition(lambda self: self.token is None)
        @rule()
        def sign_in(self) -> None:
            session = store.sign_in_with_card(SATO[0], SATO[1], "machine")
            self.token = session.token
            self.destination = store.bank_accounts(self.token)[0].id

        def _expect(self, action, expected):
            """Run the store's ``action``; the model's ``expected`` (a thunk) must agree:
            both succeed (the model's new ledger is returned) or both refuse alike."""
            try:
                model_result = expected()
            except Refused as refused:
                with pytest.raises(AppError) as caught:
                    action()
                assert caught.value.code.value == refused.code
                return None
            return model_result, action()

        @precondition(lambda self: self.token is not None)
        @rule(amount=st.one_of(st.integers(1, 200).map(lambda n: n * 1_000), st.just(1_500)))
        def borrow(self, amount: int) -> None:
            assert self.token is not None
            token, today = self.token, self.today()
            outcome = self._expect(
                lambda: store.borrow(token, amount, self.destination, uuid.uuid4().hex),
                lambda: self.model.borrow(amount, today),
            )
            if outcome is not None:
                model, receipt = outcome
                assert receipt.principal_after == model.principal
                assert receipt.available_after == model.available()
                assert receipt.minimum_payment == model.minimum
                assert receipt.next_due_date == pay_by(model.due)
                self.model = model

        def _repay(self, intent: RepayIntent, amount: int | None, model_amount: int) -> None:
            assert self.token is not None
            token, today = self.token, self.today()
            outcome = self._expect(
                lambda: store.repay(token, intent, amount, BANK, uuid.uuid4().hex),
                lambda: self.model.repay(model_amount, today),
            )
            if outcome is not None:
                (model, (damages, interest, principal)), receipt = outcome
                assert receipt.amount == model_amount
                assert (receipt.to_damages, receipt.to_interest, receipt.to_principal) == (
                    damages,
                    interest,
                    principal,
                )
                assert receipt.principal_after == model.principal
                assert receipt.next_due_date == pay_by(model.due)
                self.model = model

        @precondition(lambda self: self.token is not None)
        @rule(amount=st.one_of(st.integers(1_000, 60_000), st.integers(0, 999), st.just(10**6)))
        def repay_amount(self, amount: int) -> None:
            self._repay(RepayIntent.AMOUNT, amount, amount)

        @precondition(lambda self: self.token is not None and self.model.principal > 0)
        @rule()
        def repay_full(self) -> None:
            self._repay(RepayIntent.FULL, None, self.model.payoff(self.today()))

        @precondition(
            lambda self: (
                self.token is not None
                and self.model.principal > 0
                and self.model.next_amount(self.today()) > 0
            )
        )
        @rule()
        def repay_next(self) -> None:
            self._repay(RepayIntent.NEXT, None, self.model.next_amount(self.today()))

        @precondition(lambda self: self.token is not None)
        @rule(pick=st.integers(0, 4), after=st.integers(0, 20))
        def promise(self, pick: int, after: int) -> None:
            """An overdue member promises a payment date (返済の約束): yesterday, today, the
            last day allowed, the day after it, or ``after`` days from today."""
            assert self.token is not None
            token, today = self.token, self.today()
            by = pay_by(self.model.due) or today
            day = [
                today - timedelta(days=1),
                today,
                by + timedelta(days=14),
                by + timedelta(days=15),
                today + timedelta(days=after),
            ][pick]
            outcome = self._expect(
                lambda: store.promise_payment(token, day),
                lambda: self.model.promise(day, today),
            )
            if outcome is not None:
                self.model, summary = outcome
                assert summary.promised_date == day

        @precondition(lambda self: self.token is not None)
        @rule(day=st.sampled_from([5, 15, 25, 31]))
        def change_due_day(self, day: int) -> None:
            assert self.token is not None
            token, today = self.token, self.today()
            outcome = self._expect(
                lambda: store.change_due_day(token, day),
                lambda: self.model.change_due_day(day, today),
            )
            if outcome is not None:
                self.model, summary = outcome
                assert summary.next_due_date == pay_by(self.model.due)

        @rule(days=st.one_of(st.integers(1, 10), st.integers(11, 45)))
        def days_pass(self, days: int) -> None:
            self._move(timedelta(days=days))

        @rule(months=st.integers(1, 3))
        def months_pass(self, months: int) -> None:
            now = clock.now()
            index = now.year * 12 + now.month - 1 + months
            target = now.replace(year=index // 12, month=index % 12 + 1, day=min(now.day, 28))
            self._move(target - now)

        def _move(self, delta: timedelta) -> None:
            clock.advance(delta)
            today = self.today()
            if (today.month, today.day) == (1, 1):  # New Year maintenance: the next morning
                clock.advance(timedelta(days=1))
            if self.token is not None:  # idle for days: the session has expired
                with pytest.raises(AppError) as caught:
                    store.account_summary(self.token)
                assert caught.value.code.value == "session_expired"
                self.token = None

        # ------------------------------------------------------------ invariants

        @invariant()
        def agrees_with_the_model(self) -> None:
            if self.token is None:
                return
            today = self.today()
            summary = store.account_summary(self.token)
            interest, damages = self.model.accrual(today)
            assert summary.principal == self.model.principal
            assert summary.available == self.model.available()
            assert summary.accrued_interest == self.model.interest + interest
            assert summary.late_damages == self.model.damages + damages
            assert summary.minimum_payment == self.model.minimum
            assert summary.paid_this_cycle == self.model.paid
            assert summary.next_due_date == pay_by(self.model.due)
            assert summary.overdue == self.model.overdue(today)
            assert summary.interest_free_until == self.model.free_until
            assert summary.promised_date == (self.model.promised if summary.overdue else None)
            inquiry = store.interest_inquiry(self.token)
            assert inquiry.interest_to_today == self.model.interest + interest
            assert inquiry.damages_to_today == self.model.damages + damages

    LedgerMachine.TestCase.settings = MACHINE
    LedgerMachine.TestCase("runTest").runTest()


@pytest.mark.parametrize("backend", ["sqlite", pg_param()])
def test_the_store_keeps_the_ledger_the_rules_say(backend: str, tmp_path: Path) -> None:
    clock = FixedClock(NOW)
    with fresh_database(backend, tmp_path) as url:
        store = SqlStore(url, clock, hash_profile="fast")
        try:
            run_machine(store, clock)
        finally:
            store.close()
