"""Deterministic counterpart of the stall benchmark: during a whole visit, no store call (and
so no hashing, SQL or export page) ever runs on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QRadioButton

from desktop_app.testing import context_of, wait_until_idle
from desktop_app.viewmodels.store_access import StoreHandle


class ThreadRecordingStore:
    """Wraps a store: records each call's name and whether it ran on the GUI thread."""

    def __init__(self, store: Any, calls: list[tuple[str, bool]]) -> None:
        self._store = store
        self._calls = calls

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._store, name)
        if not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            on_gui = threading.current_thread() is threading.main_thread()
            self._calls.append((name, on_gui))
            return attribute(*args, **kwargs)

        return call


def test_no_store_call_runs_on_the_gui_thread(drive, monkeypatch, tmp_path):
    calls: list[tuple[str, bool]] = []
    original: Callable[[StoreHandle], Any] = StoreHandle.get
    monkeypatch.setattr(
        StoreHandle, "get", lambda handle: ThreadRecordingStore(original(handle), calls)
    )
    d = drive(seed="demo")
    d.sign_in_web("yamada2026", "Taro2026pass")
    for nav in ("navBorrow", "navRepay", "navHistory", "navSimulator", "navInterest", "navHome"):
        d.click(nav)
    d.click("navBorrow")
    d.type("borrowAmountInput", "20000")
    d.click("borrowConfirmButton")
    d.confirm_dialog()
    d.click("navRepay")
    d.find(QRadioButton, "repayKindAmount").click()
    d.type("repayAmountInput", "10000")
    d.click("repayConfirmButton")
    d.confirm_dialog()
    d.click("navHistory")
    history = context_of(d.window).history
    history.export_csv(str(tmp_path / "history.csv"))
    wait_until_idle(d.window)
    d.click("logoutButton")
    wait_until_idle(d.window)

    names = {name for name, _on_gui in calls}
    assert {"sign_in_with_web_id", "borrow", "repay", "history", "sign_out"} <= names, names
    on_gui = [name for name, gui in calls if gui]
    assert on_gui == [], f"store calls on the GUI thread: {on_gui}"
    assert (tmp_path / "history.csv").exists()
