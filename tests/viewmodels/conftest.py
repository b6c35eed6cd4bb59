"""View-models over a real SQLite store, with a fixed clock; no widgets."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop_app.domain.calendar import ServiceCalendar
from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.store.sql import SqlStore
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.runner import OperationRunner
from desktop_app.viewmodels.services import Services
from desktop_app.viewmodels.store_access import StoreHandle

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def sql_store(tmp_path, clock):
    store = SqlStore(f"sqlite:///{tmp_path / 'vm.db'}", clock, seed=True, hash_profile="fast")
    yield store
    store.close()


@pytest.fixture
def runner(qapp):
    runner = OperationRunner()
    yield runner
    runner.wait_for_done()


def services_for(runner: OperationRunner, store, clock) -> Services:
    """The bundle the composition root would hand out, over ``store`` (no keychain, in-memory
    preferences)."""
    return Services(runner=runner, store=StoreHandle(lambda: store), clock=clock)


def services_of(app: ApplicationViewModel) -> Services:
    """The services ``app`` was made with, for the view-models a test makes beside it."""
    return app._services


@pytest.fixture
def make_app(runner, clock, qtbot):
    """An application view-model over ``store`` that has the store's terms, as it has once the
    store is open (the composition root asks for them then)."""

    def make(store, calendar: ServiceCalendar | None = None) -> ApplicationViewModel:
        app = ApplicationViewModel(services_for(runner, store, clock), calendar)
        app.load_terms()
        qtbot.waitUntil(lambda: app.terms is not None, timeout=10_000)
        return app

    return make


@pytest.fixture
def wait_idle(qtbot, runner):
    def wait() -> None:
        qtbot.waitUntil(runner.is_idle, timeout=10_000)

    return wait


@pytest.fixture(autouse=True)
def japanese(qapp):
    from desktop_app import i18n

    i18n.set_language("ja")


@pytest.fixture
def bulk_ledger():
    from desktop_app.store.sql.bulk import insert_ledger_rows

    return insert_ledger_rows
