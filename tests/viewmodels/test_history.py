"""History: lazy pages through canFetchMore/fetchMore on a long ledger (timings: make bench)."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.viewmodels.history import PAGE_SIZE, HistoryViewModel
from desktop_app.viewmodels.login import LoginViewModel

from .conftest import NOW, services_of


def _signed_in(make_app, store, wait_idle):
    app = make_app(store)
    login = LoginViewModel(services_of(app), app, "device-1")
    login.set_web_id_text("yamada2026")
    login.set_password_text("Taro2026pass")
    login.sign_in()
    wait_idle()
    return app


def test_first_rows_of_100000_arrive_in_one_page_and_the_rest_lazily(
    make_app, sql_store, wait_idle, bulk_ledger, qtmodeltester
):
    bulk_ledger(sql_store, "100000001", 100_000, NOW - timedelta(hours=1))
    app = _signed_in(make_app, sql_store, wait_idle)
    wait_idle()
    history = HistoryViewModel(
        services_of(app), app
    )  # loads its first page as a signed-in member opens it
    wait_idle()
    model = history.model
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    wait_idle()
    assert model.rowCount() == 2 * PAGE_SIZE
    assert history.summary_text == "取引件数：100,003件"
    qtmodeltester.check(model)


def test_period_filter_and_sign_out(make_app, sql_store, wait_idle):
    app = _signed_in(make_app, sql_store, wait_idle)
    history = HistoryViewModel(services_of(app), app)
    wait_idle()
    everything = history.model.rowCount()
    assert everything >= 1
    history.set_period(NOW.date() - timedelta(days=1), NOW.date())
    wait_idle()
    assert history.model.rowCount() == 0  # 山田's seeded rows are older
    history.set_period(date(2000, 1, 1), None)
    wait_idle()
    assert history.model.rowCount() == everything
    app.sign_out()
    wait_idle()
    assert history.model.rowCount() == 0
    assert not history.model.canFetchMore()


def test_csv_export_opens_in_excel_in_japanese(make_app, sql_store, wait_idle, tmp_path):
    app = _signed_in(make_app, sql_store, wait_idle)
    history = HistoryViewModel(services_of(app), app)
    wait_idle()
    target = tmp_path / "history.csv"
    history.export_csv(str(target))
    assert not history.export_enabled  # one export at a time
    wait_idle()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "日時,取引内容,金額,利息,元金,元金残高,金融機関"
    assert len(lines) == 1 + history.model.total
    assert lines[1].split(",")[1:3] == ["借入", "120000"]
    assert history.export_result == f"{history.model.total}件の取引を{target}に保存しました。"
    assert history.export_enabled


def test_a_borrowing_during_an_export_neither_shifts_nor_repeats_rows(
    sql_store, bulk_ledger, tmp_path
):
    """The export streams one statement: a borrowing on another device while it runs is not in
    the file (the ledger as of the export's start), and no row is there twice or missing."""
    from desktop_app.domain.models import HistoryQuery, LedgerKind
    from desktop_app.store.sql.history import LINE_BATCH
    from desktop_app.viewmodels.export import write_csv

    bulk_ledger(sql_store, "100000001", 2 * LINE_BATCH + 500, NOW - timedelta(hours=1))
    session = sql_store.sign_in_with_web_id("yamada2026", "Taro2026pass", "device-1")
    other = sql_store.sign_in_with_card("4000123412341234", "1234", "device-2")
    destination = sql_store.bank_accounts(other.token)[0].id
    total = 2 * LINE_BATCH + 500 + 3
    batches: list[tuple[int, int]] = []

    def progress(done: int, of: int) -> None:
        batches.append((done, of))
        if len(batches) == 1:  # between the first batch and the second
            sql_store.borrow(other.token, 10_000, destination, "during-the-export")

    target = tmp_path / "history.csv"
    header = ["at", "kind", "amount", "interest", "principal", "after", "bank"]
    kinds = {kind: kind.value for kind in LedgerKind}
    written, _path = write_csv(
        sql_store, session.token, HistoryQuery(), target, header, kinds, progress
    )
    rows = target.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert written == len(rows) == total  # the ledger as of the export's start
    assert batches == [(LINE_BATCH, total), (2 * LINE_BATCH, total), (total, total)]
    # No row twice: every bulk row has its own hour, and none is missing.
    assert len(set(rows)) == len(rows)
    stamps = [row.split(",")[0] for row in rows]
    assert stamps == sorted(stamps, reverse=True)
    assert "10000" not in {row.split(",")[2] for row in rows}
    fresh = sql_store.history(session.token, HistoryQuery(), None, 1)
    assert fresh.total == total + 1 and fresh.entries[0].amount == 10_000
