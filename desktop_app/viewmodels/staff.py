"""The branch kiosk's staff exit: a staff PIN (its hash in the kiosk's configuration file)
leaves kiosk mode; three wrong PINs lock the exit for five minutes."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.staff import (
    STAFF_LOCK,
    STAFF_PIN_LENGTHS,
    StaffCheck,
    StaffVerdict,
)
from desktop_app.i18n import _, format_day_and_time
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services


class StaffPins(Protocol):
    """Where the staff PIN is checked (desktop_app/kiosk_file.py). Both calls block (argon2,
    the disk): run them in the runner."""

    def state(self, now: datetime) -> StaffCheck: ...

    def check(self, pin: str, now: datetime) -> StaffCheck: ...


class StaffExitViewModel(ViewModel):
    """The staff PIN dialog's state. The PIN is kept only while it is typed: it is cleared
    when submitted, and never logged.

    Signals:
        pin_text_changed(str): the digits typed so far.
        message_changed(str): what the dialog says (a wrong PIN, the lock, no PIN set).
        can_submit_changed(bool): a PIN may be submitted now.
        configured_changed(bool): a staff PIN is set on this kiosk (else the exit is closed).
        leave_requested(): the right PIN: sign out, wipe, close the client.
    """

    pin_text_changed = Signal(str)
    message_changed = Signal(str)
    can_submit_changed = Signal(bool)
    configured_changed = Signal(bool)
    leave_requested = Signal()

    pin_text = Observed("", pin_text_changed)
    message = Observed("", message_changed)
    can_submit = Observed(False, can_submit_changed)
    configured = Observed(True, configured_changed)

    def __init__(self, services: Services, pins: StaffPins, parent: QObject | None = None) -> None:
        super().__init__(services, parent)
        self._pins = pins
        self._check: StaffCheck | None = None
        self.busy_changed.connect(self._update)

    @property
    def max_length(self) -> int:
        return STAFF_PIN_LENGTHS[1]

    def begin(self) -> None:
        """The dialog opens: nothing typed yet; ask whether a PIN may be tried."""
        self.reset()
        pins, now = self._pins, self._services.clock.now()
        self._run("staff_state", lambda: pins.state(now), self._on_check, retry=False)

    def set_pin_text(self, text: str) -> None:
        self.pin_text = "".join(c for c in text if c.isascii() and c.isdigit())[: self.max_length]
        self._update()

    def submit(self) -> None:
        if not self.can_submit:
            return
        pin, self.pin_text = self.pin_text, ""
        pins, now = self._pins, self._services.clock.now()
        self._run("staff_check", lambda: pins.check(pin, now), self._on_check, retry=False)
        self._update()

    @Slot(object)
    def _on_check(self, check: StaffCheck) -> None:
        self._check = check
        self.configured = check.verdict is not StaffVerdict.NOT_CONFIGURED
        self._render()
        self._update()
        if check.verdict is StaffVerdict.ACCEPTED:
            self.leave_requested.emit()

    @Slot(bool)
    def _update(self, _busy: bool = False) -> None:
        check = self._check
        locked = check is not None and check.verdict is StaffVerdict.LOCKED
        self.can_submit = (
            self.configured
            and not locked
            and not self.busy
            and len(self.pin_text) >= STAFF_PIN_LENGTHS[0]
        )

    def _render(self) -> None:
        check = self._check
        if check is None or check.verdict in (StaffVerdict.READY, StaffVerdict.ACCEPTED):
            self.message = ""
        elif check.verdict is StaffVerdict.WRONG:
            self.message = _(
                "The PIN is not correct (tries left: {tries}). Then the staff exit is locked "
                "for {minutes} minutes."
            ).format(tries=check.tries_left, minutes=STAFF_LOCK.seconds // 60)
        elif check.verdict is StaffVerdict.LOCKED:
            assert check.locked_until is not None
            until = check.locked_until.astimezone(self._services.clock.now().tzinfo)
            self.message = _(
                "The PIN was wrong too many times. The staff exit is locked until {time}."
            ).format(time=format_day_and_time(until))
        else:
            self.message = _(
                "No staff PIN is set on this kiosk, so it cannot be left here. Staff, please "
                "set one with {command}."
            ).format(command="member-client --set-staff-pin")

    def reset(self) -> None:
        super().reset()
        self._check = None
        self._update()

    def retranslate(self) -> None:
        super().retranslate()
        self._render()
