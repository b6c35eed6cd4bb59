"""The store's terms reach the view-models through the application view-model only: loaded
once the store opens, refreshed once stale, and the calendar built from them."""

from __future__ import annotations

from desktop_app.domain.rules import DEFAULT_RULES, LoanRules, Rules
from desktop_app.store.sql import SqlStore
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.borrow import BorrowViewModel

from .conftest import NOW, services_for, services_of


def test_terms_arrive_refresh_when_stale_and_give_the_calendar(
    make_app, sql_store, wait_idle, clock, qtbot
):
    app = make_app(sql_store)
    first = app.terms
    assert first is not None and first.rules == DEFAULT_RULES and first.as_of == NOW
    assert app.calendar is not None and not app.calendar.is_business_day(NOW.date().replace(day=23))
    app.refresh_terms_if_stale()  # still fresh: nothing asked
    wait_idle()
    assert app.terms is first
    clock.advance(first.valid_until - NOW)
    with qtbot.waitSignal(app.terms_changed, timeout=10_000):
        app.refresh_terms_if_stale()
    assert app.terms is not None and app.terms.as_of == first.valid_until


def test_no_terms_no_validation(runner, clock, tmp_path, qtbot):
    """Until the store's terms are known, nothing is validated (so nothing by the defaults)."""
    rules = Rules(loan=LoanRules(borrow_minimum=50_000, borrow_unit=10_000))
    store = SqlStore(f"sqlite:///{tmp_path / 'r.db'}", clock, hash_profile="fast", rules=rules)
    try:
        app = ApplicationViewModel(services_for(runner, store, clock))
        borrow = BorrowViewModel(services_of(app), app)
        assert app.terms is None and app.calendar is None
        assert borrow.amount_hint == ""
        app.load_terms()
        qtbot.waitUntil(lambda: app.terms is not None, timeout=10_000)
        assert borrow.amount_hint == "10,000円単位、50,000円以上"
        runner.wait_for_done()
    finally:
        store.close()
