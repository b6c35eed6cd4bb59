"""The staff PIN's rules: 4 to 8 half-width digits; 3 wrong PINs lock for 5 minutes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.staff import StaffLock, StaffVerdict, is_staff_pin

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)


@pytest.mark.parametrize("pin", ["1234", "12345678", "0000"])
def test_four_to_eight_half_width_digits_are_a_pin(pin):
    assert is_staff_pin(pin)


@pytest.mark.parametrize("pin", ["123", "123456789", "１２３４", "12a4", "12 34", ""])
def test_anything_else_is_not(pin):
    assert not is_staff_pin(pin)


def test_the_third_wrong_pin_locks_for_five_minutes():
    lock = StaffLock()
    lock = lock.after_failure(NOW)
    assert lock.check(NOW).tries_left == 2
    lock = lock.after_failure(NOW)
    assert lock.check(NOW).tries_left == 1
    lock = lock.after_failure(NOW)
    assert lock.check(NOW).verdict is StaffVerdict.LOCKED
    assert lock.locked_until == NOW + timedelta(minutes=5)
    assert lock.locked(NOW + timedelta(minutes=4, seconds=59))
    later = NOW + timedelta(minutes=5)
    assert lock.check(later).verdict is StaffVerdict.READY
    assert lock.check(later).tries_left == 3  # the count starts again after the lock
    assert lock.after_failure(later).check(later).tries_left == 2
