"""A member who signs out (or is signed out) while a borrowing is on its way leaves nothing
behind: its receipt never reaches the screens of whoever signs in next, and the next member's
own screens load at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QComboBox

from desktop_app.testing import context_of, wait_until_idle
from desktop_app.viewmodels.store_access import StoreHandle


class GatedStore:
    """Passes every call through, but holds ``borrow`` until the gate opens."""

    def __init__(self, store: Any, gate: threading.Event, entered: threading.Event) -> None:
        self._store, self._gate, self._entered = store, gate, entered

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._store, name)
        if name != "borrow":
            return attribute

        def held(*args: Any, **kwargs: Any) -> Any:
            self._entered.set()
            self._gate.wait(10)
            return attribute(*args, **kwargs)

        return held


def test_a_receipt_that_arrives_after_sign_out_is_shown_to_no_one(drive, monkeypatch, qtbot):
    gate, entered = threading.Event(), threading.Event()
    original: Callable[[StoreHandle], Any] = StoreHandle.get
    monkeypatch.setattr(StoreHandle, "get", lambda h: GatedStore(original(h), gate, entered))
    d = drive()
    context = context_of(d.window)
    try:
        d.sign_in_web("yamada2026", "Taro2026pass")
        d.click("navBorrow")
        d.type("borrowAmountInput", "10000")
        d.click("borrowConfirmButton")
        d.dialog().findChild(QAbstractButton, "confirmAcceptButton").click()
        qtbot.waitUntil(entered.is_set, timeout=5000)  # 山田's borrowing is on its way
        context.app_vm.sign_out()  # as the idle timeout would
        d.sign_in_web("hanako0202", "Hanako2026")  # 佐藤 sits down
        assert d.screen() == "homeScreen"
        assert "佐藤" in d.text("memberNameLabel")
    finally:
        gate.set()
    wait_until_idle(d.window)
    d.click("navBorrow")
    assert d.visible_text("borrowResultLabel") == ""  # not 山田's receipt
    destinations = d.find(QComboBox, "borrowDestinationCombo")
    names = [destinations.itemText(i) for i in range(destinations.count())]
    assert names and all("***4567" not in name for name in names), names  # 佐藤's own
    assert "佐藤" in d.text("headerMemberLabel")
