"""``make bench``: wall-clock budgets, kept out of ``make test`` (a shared machine makes them
fail at random). The benchmarks use the test suite's own fixtures: isolated user folders, the
harness driver and the store on SQLite and PostgreSQL."""

from tests.conftest import isolated_user_dirs, launch, store_url  # noqa: F401  (autouse folders)
from tests.e2e.conftest import drive  # noqa: F401
from tests.store.conftest import bulk_ledger, clock, db_url, open_store, store  # noqa: F401


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Every figure of this run beside its target, and docs/performance.md rewritten."""
    from bench.results import publish, recorded, terminal_lines

    figures = recorded()
    if not figures:
        return
    merged = publish(figures)
    terminalreporter.section("figures beside their targets (docs/performance.md)")
    for line in terminal_lines(merged):
        terminalreporter.write_line(line)
