"""``make bench``: wall-clock budgets, kept out of ``make test`` (a shared machine makes them
fail at random). The benchmarks use the test suite's own fixtures: isolated user folders, the
harness driver and the store on SQLite and PostgreSQL."""

from tests.conftest import isolated_user_dirs, launch, store_url  # noqa: F401  (autouse folders)
from tests.e2e.conftest import drive  # noqa: F401
from tests.store.conftest import bulk_ledger, clock, db_url, open_store, store  # noqa: F401
