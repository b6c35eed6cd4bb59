"""The interest inquiry: loaded when shown and after money moves; figures ready to show."""

from __future__ import annotations

from datetime import date, datetime

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.models import InterestInquiry
from desktop_app.i18n import _, format_date, format_yen
from desktop_app.viewmodels.interest import InterestViewModel
from desktop_app.viewmodels.login import LoginViewModel
from desktop_app.viewmodels.navigation import Destination, Navigator

from .conftest import services_of


class CountingStore:
    """The real store with a fixed interest inquiry (the protocol's shape), counting calls."""

    def __init__(self, store, inquiry: InterestInquiry | None = None) -> None:
        self._store = store
        self._inquiry = inquiry
        self.inquiries = 0

    def __getattr__(self, name):
        return getattr(self._store, name)

    def interest_inquiry(self, token: str) -> InterestInquiry:
        self.inquiries += 1
        if self._inquiry is None:
            return self._store.interest_inquiry(token)
        return self._inquiry


INQUIRY = InterestInquiry(
    as_of=datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO),
    interest_to_today=1_183,
    damages_to_today=0,
    next_due_date=date(2026, 11, 25),
    interest_to_due_date=1_242,
    damages_to_due_date=0,
    interest_free_until=None,
)


def _signed_in(app, wait_idle, web_id="yamada2026", password="Taro2026pass"):
    login = LoginViewModel(services_of(app), app, "device-1")
    login.set_web_id_text(web_id)
    login.set_password_text(password)
    login.sign_in()
    wait_idle()
    assert app.session is not None
    return app


def _with_damages(interest: int, damages: int) -> str:
    return _("{total} (including late charges of {damages})").format(
        total=format_yen(interest + damages), damages=format_yen(damages)
    )


def _show(app, vm: InterestViewModel | None = None) -> Navigator:
    """A navigator that shows the interest screen (with ``vm`` attached, when given)."""
    navigator = Navigator(app)
    for name in ("login", "home", "interest"):
        navigator.declare(Destination(name, public=name == "login"))
    if vm is not None:
        navigator.attach("interest", vm)
    navigator.go("interest")
    return navigator


def test_figures_load_when_the_screen_is_shown_and_after_money_moves(
    make_app, sql_store, wait_idle
):
    store = CountingStore(sql_store, INQUIRY)
    app = _signed_in(make_app(store), wait_idle)
    vm = InterestViewModel(services_of(app), app)
    assert store.inquiries == 0 and vm.to_date == ""  # not loaded until shown
    _show(app, vm)
    wait_idle()
    assert store.inquiries == 1
    assert vm.to_date == _with_damages(1_183, 0)
    assert "1,183円" in vm.to_date
    assert vm.to_due_date == _("{total} to {date} (including late charges of {damages})").format(
        total=format_yen(1_242), damages=format_yen(0), date=format_date(date(2026, 11, 25))
    )
    assert "2026年11月25日(水)" in vm.to_due_date
    assert vm.free_until == ""  # hidden: no interest-free period
    assert vm.as_of and "365" in vm.explanation and vm.error == ""
    app.ledger_changed.emit()
    wait_idle()
    assert store.inquiries == 2
    app.sign_out()
    vm.reset()  # the composition root's wipe does this for every view-model
    assert vm.to_date == vm.to_due_date == vm.as_of == ""


def test_late_damages_no_due_date_and_the_interest_free_period(make_app, sql_store, wait_idle):
    inquiry = InterestInquiry(
        as_of=datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO),
        interest_to_today=2_000,
        damages_to_today=685,
        next_due_date=None,
        interest_to_due_date=0,
        damages_to_due_date=0,
        interest_free_until=date(2026, 12, 10),
    )
    app = _signed_in(make_app(CountingStore(sql_store, inquiry)), wait_idle)
    navigator = _show(app)
    vm = InterestViewModel(services_of(app), app)
    navigator.attach("interest", vm)  # built while its screen is showing: loads at once
    wait_idle()
    assert vm.to_date == _with_damages(2_000, 685)
    assert "2,685円" in vm.to_date and "685円" in vm.to_date
    assert vm.to_due_date == _("No repayment is due.")
    assert vm.free_until == _("Interest-free until {date}").format(
        date=format_date(date(2026, 12, 10))
    )


def test_the_real_store_answers_through_the_protocol(make_app, sql_store, wait_idle):
    store = CountingStore(sql_store)
    app = _signed_in(make_app(store), wait_idle)
    vm = InterestViewModel(services_of(app), app)
    _show(app, vm)
    wait_idle()
    assert vm.error == ""
    inquiry = sql_store.interest_inquiry(app.token)
    assert vm.to_date == _with_damages(inquiry.interest_to_today, inquiry.damages_to_today)
    assert inquiry.next_due_date is not None
    assert format_date(inquiry.next_due_date) in vm.to_due_date


def test_a_past_due_date_points_to_the_interest_to_today(make_app, sql_store, wait_idle):
    inquiry = InterestInquiry(
        as_of=datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO),
        interest_to_today=4_315,
        damages_to_today=684,
        next_due_date=date(2026, 11, 19),
        interest_to_due_date=4_315,
        damages_to_due_date=684,
        interest_free_until=date(2026, 10, 1),  # over: not shown
    )
    app = _signed_in(make_app(CountingStore(sql_store, inquiry)), wait_idle)
    vm = InterestViewModel(services_of(app), app)
    vm.load()
    wait_idle()
    assert vm.to_date == _with_damages(4_315, 684)
    assert vm.to_due_date == _(
        "The due date {date} has passed: please see the interest to today."
    ).format(date=format_date(date(2026, 11, 19)))
    assert vm.free_until == ""
