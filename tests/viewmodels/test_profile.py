"""The profile screen's view-model over a real SQLite store: what is registered, as the
member reads it, refetched when shown; the change history's model (qtmodeltester); the
buttons disabled, with the reason, while loading and in a read-only session."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from desktop_app import i18n
from desktop_app.viewmodels.profile import ProfileViewModel
from tests.viewmodels.conftest import services_of


@pytest.fixture
def signed_in(make_app, sql_store):
    app = make_app(sql_store)
    session = sql_store.sign_in_with_web_id("yamada2026", "Taro2026pass", "device-1")
    app.start_session(session)
    return app, session


def test_what_is_registered_reads_as_the_member_reads_it(signed_in, sql_store, wait_idle):
    app, _session = signed_in
    vm = ProfileViewModel(services_of(app), app)
    assert not vm.can_change  # nothing loaded yet
    vm.shown()
    assert vm.change_hint == "ご登録内容を読み込んでいます…" or vm.busy
    wait_idle()
    assert vm.can_change and vm.change_hint == ""
    assert vm.phone == "090-1234-5678"
    assert vm.bank == "三井住友銀行 本店営業部 普通 ***4567 ﾔﾏﾀﾞ ﾀﾛｳ"
    assert vm.due_day == "毎月25日、次回返済日は2026年11月25日(水)"  # no nested brackets
    assert vm.reminder == "利用しない"
    assert vm.web_id == "yamada2026"
    i18n.set_language("en")
    try:
        vm.retranslate()
        assert vm.due_day.startswith("25th of each month, next due date ")
        assert vm.bank.startswith("SMBC ")
    finally:
        i18n.set_language("ja")


def test_the_change_history_is_refetched_when_the_screen_shows(
    signed_in, sql_store, wait_idle, qtmodeltester
):
    app, session = signed_in
    vm = ProfileViewModel(services_of(app), app)
    vm.shown()
    wait_idle()
    assert vm.history.rowCount() == 0
    assert vm.history_empty == "変更履歴はありません。"
    sql_store.change_phone(session.token, "08098765432")
    vm.shown()
    wait_idle()
    assert vm.phone == "080-9876-5432"
    qtmodeltester.check(vm.history)
    assert vm.history.rowCount() == 1
    assert vm.history_empty == ""
    row = [vm.history.index(0, column).data() for column in range(5)]
    assert row[1:] == ["電話番号", "*******5678", "*******5432", "この端末"], row
    assert [vm.history.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "日時",
        "項目",
        "変更前",
        "変更後",
        "端末",
    ]
    vm.reset()
    assert vm.history.rowCount() == 0 and vm.phone == ""


def test_a_read_only_session_may_look_but_not_change(signed_in, wait_idle):
    app, session = signed_in
    app._session = replace(session, read_only=True)
    vm = ProfileViewModel(services_of(app), app)
    vm.shown()
    wait_idle()
    assert vm.phone == "090-1234-5678"
    assert not vm.can_change
    assert vm.change_hint == (
        "データファイルに書き込めないため、現在はご登録内容の確認のみご利用いただけます。"
    )


def test_an_announced_change_is_said_once(signed_in, wait_idle):
    app, _session = signed_in
    vm = ProfileViewModel(services_of(app), app)
    vm.announce("Your phone number has been changed.")
    vm.shown()
    assert vm.notice == "電話番号を変更しました。"
    wait_idle()
    vm.shown()  # shown again later: the news is old
    assert vm.notice == ""
