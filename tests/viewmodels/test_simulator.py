"""The repayment simulator over a real SQLite store: the schedule shown is the domain's."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from desktop_app.domain.calendar import ServiceCalendar
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.simulation import by_monthly_amount, by_months
from desktop_app.i18n import _, format_yen
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.login import LoginViewModel
from desktop_app.viewmodels.simulator import MONTHS_INVALID, SimulatorViewModel
from desktop_app.viewmodels.simulator_model import debt_from_summary, nominal_due_date

from .conftest import services_for, services_of


def _signed_in(app, wait_idle, web_id="yamada2026", password="Taro2026pass"):
    login = LoginViewModel(services_of(app), app, "device-1")
    login.set_web_id_text(web_id)
    login.set_password_text(password)
    login.sign_in()
    wait_idle()
    assert app.session is not None and app.summary is not None
    return app


def _expected(app, principal=None, monthly=None, months=None):
    calendar = ServiceCalendar()
    summary = app.summary
    debt = debt_from_summary(
        summary,
        summary.principal if principal is None else principal,
        services_of(app).clock.now().date(),
        calendar,
    )
    if monthly is not None:
        return by_monthly_amount(debt, monthly, calendar)
    return by_months(debt, months, calendar)


def test_a_monthly_amount_shows_the_domain_schedule_and_its_sums(
    make_app, sql_store, wait_idle, qtbot, qtmodeltester
):
    app = _signed_in(make_app(sql_store), wait_idle)
    vm = SimulatorViewModel(services_of(app), app)
    assert vm.principal_text == "120,000"
    with qtbot.waitSignal(vm.computed):
        vm.set_monthly_text("１万")  # full-width digits and 万, as a member types them
    expected = _expected(app, monthly=10_000)
    rows = vm.model.rows
    assert rows == expected.rows and len(rows) > 1
    assert rows[0].day == app.summary.next_due_date
    assert rows[-1].remaining == 0
    assert sum(row.principal for row in rows) == 120_000
    total_interest = sum(row.interest for row in rows)
    total_payment = sum(row.payment for row in rows)
    assert total_interest == expected.total_interest
    assert vm.total_interest == _("Total interest: {amount}").format(
        amount=format_yen(total_interest)
    )
    assert f"{total_interest:,}円" in vm.total_interest
    assert vm.total_payment == _("Total repayment: {amount}").format(
        amount=format_yen(total_payment)
    )
    assert vm.payments_count == _("Number of payments: {count}").format(count=len(rows))
    assert vm.monthly_result == ""  # only the months mode finds a monthly amount
    assert vm.error == ""
    model = vm.model
    assert model.rowCount() == len(rows) and model.columnCount() == 6
    last = len(rows) - 1
    assert model.data(model.index(0, 0)) == "1"
    assert model.data(model.index(0, 2)) == "10,000円"
    assert model.data(model.index(last, 5)) == "0円"
    assert model.data(model.index(0, 3)) == format_yen(rows[0].interest)
    assert vm.chart_points[0] == (services_of(app).clock.now().date(), 120_000)
    assert vm.chart_points[1:] == [(row.day, row.remaining) for row in rows]
    qtmodeltester.check(model)


def test_an_amount_that_never_clears_names_the_minimum(make_app, sql_store, wait_idle, qtbot):
    app = _signed_in(make_app(sql_store), wait_idle)
    vm = SimulatorViewModel(services_of(app), app)
    with pytest.raises(AppError) as refused:
        _expected(app, monthly=1_000)
    assert refused.value.code is ErrorCode.SIMULATION_NEVER_CLEARS
    minimum = refused.value.params["minimum"]
    with qtbot.waitSignal(vm.computed):
        vm.set_monthly_text("1000")
    assert format_yen(minimum) in vm.error
    assert vm.model.rowCount() == 0
    assert vm.total_interest == vm.payments_count == vm.total_payment == ""
    assert vm.chart_points == []
    with qtbot.waitSignal(vm.computed):  # the minimum it names does clear the debt
        vm.set_monthly_text(str(minimum))
    assert vm.error == "" and vm.model.rowCount() > 0


def test_months_mode_clears_the_monthly_field_and_finds_the_amount(
    make_app, sql_store, wait_idle, qtbot
):
    app = _signed_in(make_app(sql_store), wait_idle)
    vm = SimulatorViewModel(services_of(app), app)
    with qtbot.waitSignal(vm.computed):
        vm.set_monthly_text("5000")
    with qtbot.waitSignal(vm.computed):
        vm.set_months_text("１２")
    assert vm.monthly_text == ""  # the member fills one of the two
    expected = _expected(app, months=12)
    assert vm.model.rows == expected.rows
    assert expected.payments <= 12
    assert vm.monthly_result == _("Monthly payment: {amount}").format(
        amount=format_yen(expected.rows[0].payment)
    )
    with qtbot.waitSignal(vm.computed):
        vm.set_monthly_text("2万")
    assert vm.months_text == "" and vm.monthly_result == ""
    refusal = _(MONTHS_INVALID).format(max=600)
    for wrong in ("0", "601", "1.5", "abc"):
        vm.set_months_text(wrong)  # refused without a trip to the runner
        qtbot.waitUntil(lambda: vm.error == refusal, timeout=2_000)
        assert vm.model.rowCount() == 0
        vm.set_months_text("")
        qtbot.waitUntil(lambda: vm.error == "", timeout=2_000)


def test_typing_fast_shows_the_last_input_only(make_app, sql_store, wait_idle, qtbot):
    app = _signed_in(make_app(sql_store), wait_idle)
    vm = SimulatorViewModel(services_of(app), app)
    shown: list[str] = []
    vm.computed.connect(lambda: shown.append(vm.payments_count or vm.error))
    for text in ("1", "15", "150", "1500", "15000"):
        vm.set_monthly_text(text)
    qtbot.waitUntil(lambda: vm.payments_count != "", timeout=5_000)
    wait_idle()
    # "1" was computed at once but was stale on arrival; "15000" once typing paused
    assert shown == [vm.payments_count]
    assert vm.model.rows == _expected(app, monthly=15_000).rows


class GatedCalendar(ServiceCalendar):
    """Holds the first computation that reaches it after ``arm()`` until ``release()``."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._armed = False
        self._held: int | None = None
        self._gate = threading.Event()

    def arm(self) -> None:
        self._armed = True

    def release(self) -> None:
        self._gate.set()

    def effective_due_date(self, nominal: date) -> date:
        with self._lock:
            if self._armed:
                self._armed, self._held = False, threading.get_ident()
        if threading.get_ident() == self._held:
            self._gate.wait(10)
        return super().effective_due_date(nominal)


def test_a_late_result_of_an_older_input_is_dropped(runner, clock, sql_store, wait_idle, qtbot):
    calendar = GatedCalendar()
    app = ApplicationViewModel(services_for(runner, sql_store, clock), calendar)
    _signed_in(app, wait_idle)
    vm = SimulatorViewModel(services_of(app), app)
    calendar.arm()
    vm.set_monthly_text("1万")  # computed at once, and held in the calendar
    vm.set_monthly_text("2万")  # computed once typing pauses, and shown first
    qtbot.waitUntil(lambda: vm.payments_count != "", timeout=5_000)
    newer = _expected(app, monthly=20_000)
    assert vm.model.rows == newer.rows
    calendar.release()
    wait_idle()  # the held result of "1万" arrives now…
    assert vm.model.rows == newer.rows  # …and is dropped
    assert vm.total_interest == _("Total interest: {amount}").format(
        amount=format_yen(newer.total_interest)
    )


def test_without_a_balance_a_principal_can_be_simulated_and_sign_out_forgets(
    make_app, sql_store, wait_idle, qtbot
):
    app = _signed_in(make_app(sql_store), wait_idle, "hanako0202", "Hanako2026")
    assert app.summary.principal == 0
    vm = SimulatorViewModel(services_of(app), app)
    assert vm.principal_text == ""
    with qtbot.waitSignal(vm.computed):
        vm.set_monthly_text("1万")
    assert vm.model.rowCount() == 0 and vm.error == ""  # nothing owed, nothing to repay
    with qtbot.waitSignal(vm.computed):
        vm.set_principal_text("30万")
    expected = _expected(app, principal=300_000, monthly=10_000)
    assert vm.model.rows == expected.rows
    assert sum(row.principal for row in vm.model.rows) == 300_000
    vm.set_principal_text("3.5")
    qtbot.waitUntil(lambda: vm.error != "", timeout=2_000)
    assert vm.model.rowCount() == 0
    app.sign_out()
    vm.reset()  # the composition root's wipe does this for every view-model
    assert vm.monthly_text == vm.months_text == vm.principal_text == ""
    assert vm.model.rowCount() == 0 and vm.error == "" and vm.basis == ""


def test_the_nominal_due_date_behind_a_shifted_one():
    calendar = ServiceCalendar()
    # 25 July 2026 is a Saturday: paid on Monday the 27th
    assert nominal_due_date(date(2026, 7, 27), calendar) == (25, date(2026, 7, 25))
    # 31 October 2026 is a Saturday: paid on Monday 2 November
    assert nominal_due_date(date(2026, 11, 2), calendar) == (31, date(2026, 10, 31))
    assert nominal_due_date(date(2026, 11, 30), calendar) == (31, date(2026, 11, 30))
    assert nominal_due_date(date(2026, 11, 25), calendar) == (25, date(2026, 11, 25))
