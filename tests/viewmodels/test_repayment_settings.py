"""The repayment settings' view-models over a real SQLite store: the store's answer to the
latest choice is the one shown, and what a change means is said before it is confirmed."""

from __future__ import annotations

import threading

from sqlalchemy import text

from desktop_app.viewmodels.auto_debit import AutoDebitViewModel
from desktop_app.viewmodels.due_day import DueDayViewModel
from desktop_app.viewmodels.reminder import ReminderViewModel
from tests.viewmodels.conftest import services_of


def _signed_in(make_app, store, wait_idle, web_id="yamada2026", password="Taro2026pass"):
    app = make_app(store)
    app.start_session(store.sign_in_with_web_id(web_id, password, "vm-test"))
    wait_idle()
    return app


def test_the_effect_shown_is_the_one_of_the_latest_choice(
    make_app, sql_store, store_line, wait_idle, qtbot
):
    line = store_line(sql_store)
    app = _signed_in(make_app, line, wait_idle)
    vm = DueDayViewModel(services_of(app), app)
    vm.shown()
    wait_idle()
    assert vm.day == 25 and vm.current == "毎月25日"
    line.gate = threading.Event()  # the store answers only when let
    vm.set_day_index(vm.days.index(31))
    vm.set_day_index(vm.days.index(5))  # chosen while the answer about 31 is on its way
    assert vm.effect == "" and not vm.can_submit
    line.gate.set()
    wait_idle()
    assert vm.effect == "変更後の次回返済日は2026年12月7日(月)です。"
    assert [args[1] for args in line.made("due_day_effect")] == [31, 5]
    assert vm.can_submit


def test_automatic_debit_from_smbc_keeps_the_due_day_the_member_chooses(
    make_app, sql_store, wait_idle
):
    app = _signed_in(make_app, sql_store, wait_idle)
    vm = AutoDebitViewModel(services_of(app), app)
    vm.shown()
    wait_idle()
    assert vm.account == "三井住友銀行 本店営業部 普通 ***4567"
    assert vm.notice == "現在、口座振替はご利用になっていません。"
    vm.set_enabled(True)
    wait_idle()
    assert vm.day_choosable
    vm.set_day_index(vm.days.index(31))
    wait_idle()
    assert vm.notice == (
        "三井住友銀行の口座をご利用の場合は、返済日をお選びいただけます。"
        "返済日は毎月末日、次回返済日は2026年11月30日(月)になります。"
    )
    assert vm.summary().splitlines()[-2:] == ["返済日：毎月末日", "次回返済日：2026年11月30日(月)"]


def test_a_reminder_offers_1_to_7_days_and_every_hour(make_app, sql_store, wait_idle):
    app = _signed_in(make_app, sql_store, wait_idle)
    vm = ReminderViewModel(services_of(app), app)
    vm.shown()
    wait_idle()
    assert vm.days == [1, 2, 3, 4, 5, 6, 7]
    assert vm.days_labels[0] == "返済日の1日前" and vm.days_labels[6] == "返済日の7日前"
    assert vm.hour_labels[0] == "0:00" and vm.hour_labels[23] == "23:00"
    assert not vm.enabled and not vm.can_submit  # off, as registered: nothing to save
    vm.set_enabled(True)
    assert vm.can_submit


def test_without_a_bank_account_automatic_debit_says_to_register_one_first(
    make_app, sql_store, wait_idle
):
    with sql_store.engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE bank_accounts SET retired_at = CURRENT_TIMESTAMP WHERE member_id = "
                "(SELECT id FROM members WHERE member_number = '100000001') "
                "AND account_type != 'prepaid'"
            )
        )
    app = _signed_in(make_app, sql_store, wait_idle)
    vm = AutoDebitViewModel(services_of(app), app)
    vm.shown()
    wait_idle()
    assert vm.bank_needed and vm.account == ""
    assert vm.notice == "口座振替に使う口座が登録されていません。先に口座をご登録ください。"
    vm.set_enabled(True)
    assert not vm.can_submit
