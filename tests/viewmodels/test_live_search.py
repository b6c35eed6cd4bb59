"""A search run as the member types: only the answer to the latest text is shown, however
late an older answer arrives; the bank form's holder preview is exactly what is stored."""

from __future__ import annotations

import threading

import pytest

from desktop_app.viewmodels.bank import BankFormViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.live_search import LiveSearch
from tests.viewmodels.conftest import services_for, services_of


def test_an_older_answer_arriving_last_is_dropped(runner, clock, sql_store, qtbot):
    gate = threading.Event()

    def search(text: str) -> tuple[str, ...]:
        if text == "み":
            gate.wait(10)  # the first keystroke's search is slow
        return (f"{text}-1", f"{text}-2")

    owner = ViewModel(services_for(runner, sql_store, clock))
    found = LiveSearch[str]("test_search", owner._submit, search, lambda entry: entry)
    shown: list[list[str]] = []
    found.texts_changed.connect(shown.append)
    found.search("み")
    found.search("みず")
    qtbot.waitUntil(lambda: shown == [["みず-1", "みず-2"]], timeout=5000)
    gate.set()
    qtbot.waitUntil(runner.is_idle, timeout=5000)
    assert shown == [["みず-1", "みず-2"]]
    assert found.texts == ["みず-1", "みず-2"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("やまだ　たろう", "ﾔﾏﾀﾞ ﾀﾛｳ"),
        ("ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"),
        ("ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ", "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ"),
        ("yamada taro", "YAMADA TARO"),
        ("山田", ""),  # cannot be converted: no preview, the error says why
    ],
)
def test_the_holder_preview_is_what_will_be_stored(make_app, sql_store, typed, stored):
    app = make_app(sql_store)
    vm = BankFormViewModel(services_of(app), app)
    vm.holder.set_text(typed)
    assert vm.holder_preview == stored
    assert vm.holder.text == typed  # the field keeps what was typed
    assert bool(vm.holder.field_error) == (stored == "")
