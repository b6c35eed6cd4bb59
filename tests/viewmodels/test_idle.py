"""The client's idle sign-out ends no later than the store's own idle expiry: the warning's
countdown is over by the time the store would end the session anyway."""

from __future__ import annotations

from datetime import timedelta

from desktop_app.domain.rules import Rules, SessionRules
from desktop_app.store.sql import SqlStore
from desktop_app.viewmodels.idle import IdleViewModel

from .conftest import services_of


def test_the_warning_comes_before_the_stores_idle_expiry(make_app, sql_store, wait_idle):
    app = make_app(sql_store)  # the default rules: the store ends a session idle 15 minutes
    idle = IdleViewModel(services_of(app), app, idle_seconds=30 * 60, warning_seconds=60)
    assert idle.period_seconds == 14 * 60  # warned at 14 minutes, signed out at 15
    idle.configure(15 * 60, warning_seconds=60)
    assert idle.period_seconds == 14 * 60
    idle.configure(5 * 60, warning_seconds=60)
    assert idle.period_seconds == 5 * 60  # a shorter setting of the member's is kept
    assert idle.idle_seconds == 5 * 60
    wait_idle()


def test_the_period_follows_the_stores_rules(make_app, clock, tmp_path, wait_idle):
    rules = Rules(sessions=SessionRules(idle=timedelta(minutes=45)))
    store = SqlStore(f"sqlite:///{tmp_path / 'r.db'}", clock, hash_profile="fast", rules=rules)
    try:
        app = make_app(store)
        idle = IdleViewModel(services_of(app), app, idle_seconds=30 * 60, warning_seconds=60)
        assert idle.period_seconds == 30 * 60  # the store waits longer than the member does
        wait_idle()
    finally:
        store.close()
