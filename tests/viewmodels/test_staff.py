"""The staff exit's view-model: the PIN is checked in a worker (argon2 is slow), with the
client's clock; it is cleared once submitted; what the kiosk says to it."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from desktop_app.domain.staff import StaffCheck, StaffVerdict
from desktop_app.viewmodels.staff import StaffExitViewModel

from .conftest import NOW, services_of


class FakePins:
    """A ``StaffPins`` that records where and when it was asked."""

    def __init__(self, answer: StaffCheck) -> None:
        self.answer = answer
        self.asked: list[tuple[str | None, datetime, bool]] = []

    def state(self, now: datetime) -> StaffCheck:
        on_gui = threading.current_thread() is threading.main_thread()
        self.asked.append((None, now, on_gui))
        return StaffCheck(StaffVerdict.READY)

    def check(self, pin: str, now: datetime) -> StaffCheck:
        on_gui = threading.current_thread() is threading.main_thread()
        self.asked.append((pin, now, on_gui))
        return self.answer


def _staff(make_app, sql_store, answer: StaffCheck) -> tuple[StaffExitViewModel, FakePins]:
    pins = FakePins(answer)
    return StaffExitViewModel(services_of(make_app(sql_store)), pins), pins


def test_the_pin_is_checked_off_the_gui_thread_and_forgotten(make_app, sql_store, wait_idle):
    staff, pins = _staff(make_app, sql_store, StaffCheck(StaffVerdict.ACCEPTED))
    left = []
    staff.leave_requested.connect(lambda: left.append(True))
    staff.begin()
    wait_idle()
    staff.set_pin_text("12３4a56")
    assert staff.pin_text == "12456"
    assert staff.can_submit
    staff.submit()
    assert staff.pin_text == ""  # not kept while it is checked
    wait_idle()
    assert pins.asked == [(None, NOW, False), ("12456", NOW, False)]
    assert left == [True]


def test_a_short_pin_cannot_be_submitted(make_app, sql_store, wait_idle):
    staff, pins = _staff(make_app, sql_store, StaffCheck(StaffVerdict.ACCEPTED))
    staff.set_pin_text("123")
    assert not staff.can_submit
    staff.submit()
    wait_idle()
    assert pins.asked == []


def test_what_the_kiosk_says(make_app, sql_store, wait_idle):
    wrong = StaffCheck(StaffVerdict.WRONG, tries_left=2)
    staff, _pins = _staff(make_app, sql_store, wrong)
    staff.set_pin_text("1111")
    staff.submit()
    wait_idle()
    assert staff.message == (
        "PINが正しくありません（残り2回）。続けて誤ると、係員用の終了は5分間ロックされます。"
    )
    assert staff.can_submit is False  # nothing typed
    staff._pins = FakePins(StaffCheck(StaffVerdict.LOCKED, 0, NOW + timedelta(minutes=5)))
    staff.set_pin_text("2222")
    staff.submit()
    wait_idle()
    assert staff.message.endswith("11月24日(火) 10:05までロックされています。")
    staff.set_pin_text("3333")
    assert not staff.can_submit  # locked
    staff.reset()
    assert (staff.message, staff.pin_text) == ("", "")
