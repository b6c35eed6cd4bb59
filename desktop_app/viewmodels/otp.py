"""The one-time code of a sensitive change (email, bank account, Web-ID, password): a 4-digit
code sent to the registered phone (or email), typed into the ``otpDialog``, then the change
itself with that code (what the dialog says and what the refusals mean: ``otp_text``).

A form's view-model owns one ``OtpViewModel`` and, once its own inputs are valid, calls
``start(change, apply, on_done)``: the code is requested in the runner and ``code_needed``
asks the view to open the dialog; the member's code goes to ``apply(code)`` (the form's store
call), also in the runner; its result to ``on_done``. The code is never kept longer than the
dialog is open, never logged and never put in a sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop_app.domain import fields, fields_live
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult
from desktop_app.domain.profile import CodedChange, CodeSent
from desktop_app.domain.rules import ProfileRules
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.field import FieldViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.otp_text import (
    CODE_DEAD,
    CODE_ERRORS,
    NO_CODE,
    info_text,
    resend_after_dead_code,
    resend_after_request_refused,
    resend_text,
    seconds_to,
)
from desktop_app.viewmodels.services import Services

TICK_MS = 500  # how often the resend countdown looks at the clock


class OtpViewModel(ViewModel):
    """Signals:
    code_needed(): a coded change started: open the dialog (``otpDialog``).
    active_changed(bool): a change waits for its code (the dialog is open).
    info_changed(str): where the code went (masked) and until when it is valid.
    can_submit_changed(bool): 確定 is enabled: a code of the right length, a live code.
    can_resend_changed(bool): another code may be asked for now.
    resend_text_changed(str): the resend button's caption (with the seconds left).
    finished(bool): the change went through (true) or was given up (false): close.

    ``code`` is the code's field (its digits' policy; full-width digits convert as typed).
    """

    code_needed = Signal()
    active_changed = Signal(bool)
    info_changed = Signal(str)
    can_submit_changed = Signal(bool)
    can_resend_changed = Signal(bool)
    resend_text_changed = Signal(str)
    finished = Signal(bool)
    active = Observed(False, active_changed)
    info = Observed("", info_changed)
    can_submit = Observed(False, can_submit_changed)
    can_resend = Observed(False, can_resend_changed)
    resend_text = Observed("", resend_text_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self.code = FieldViewModel(services, self._code_policy, self, live=fields_live.digits)
        self._change: CodedChange | None = None
        self._apply: Callable[[str], Any] | None = None
        self._on_done: Callable[[Any], None] | None = None
        self._on_error: Callable[[AppError], None] | None = None
        self._sent: CodeSent | None = None
        self._resend_at: datetime | None = None  # None: no resend (none is possible)
        self._code_alive = False  # a code was sent and may still be typed
        self._requesting = False
        self._earlier = False  # the code sent before the dialog last closed is the one
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._refresh)
        self.code.text_changed.connect(self._refresh)
        self.busy_changed.connect(self._on_busy)
        self._render()

    # -- the code's policy: the store's number of digits -----------------------------------
    @property
    def digits(self) -> int:
        terms = self._app.terms
        return (terms.rules.profile if terms else ProfileRules()).change_code_digits

    def _code_policy(self, raw: str) -> FieldResult:
        return fields.digits_policy(self.digits, secret=True)(raw)

    # -- the flow ------------------------------------------------------------------------
    def start(
        self,
        change: CodedChange,
        apply: Callable[[str], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[AppError], None] | None = None,
    ) -> None:
        """Ask for a code for ``change`` and open the dialog; the code typed goes to
        ``apply`` (run in the runner), its result to ``on_done``. A refusal that is not
        about the code (a Web-ID taken …) closes the dialog and goes to ``on_error`` when
        given (the form shows it), else it is shown in the dialog."""
        if self.active:
            return
        self._clear()
        self._change, self._apply = change, apply
        self._on_done, self._on_error = on_done, on_error
        self.active = True
        self.code_needed.emit()
        self._request()

    def resend(self) -> None:
        if self.can_resend:
            self.code.reset()
            self._request()

    def _request(self) -> None:
        change = self._change
        if change is None:
            return
        store, token = self._services.store, self._app.token
        self._set_error(None)
        self._resend_at = None
        self._sent = None
        self._earlier = False
        self._requesting = True
        self._render()
        self._run(
            "request_change_code",
            lambda: store.get().request_change_code(token, change),
            self._on_sent,
            self._on_request_refused,
        )

    @Slot(object)
    def _on_sent(self, sent: CodeSent) -> None:
        self._requesting = False
        if not self.active:
            return
        self._sent = sent
        self._code_alive = True
        self._resend_at = sent.resend_at
        self._render()

    @Slot(object)
    def _on_request_refused(self, error: AppError) -> None:
        self._requesting = False
        if not self.active:
            return
        if error.code is ErrorCode.CODE_REQUEST_TOO_SOON:
            # The code sent a moment ago (before the dialog was last closed) still counts.
            self._code_alive = self._earlier = True
        elif error.code in NO_CODE:
            self._code_alive = False
        self._resend_at = resend_after_request_refused(error, self._now())
        self._set_error(error)
        self._render()

    def submit(self, code_text: str | None = None) -> None:
        """Send the code (``code_text``, or what the field holds) with the change."""
        if code_text is not None:
            self.code.set_text(code_text)
        if self.code.check() is not None or not self.can_submit or self._apply is None:
            return
        apply, code = self._apply, self.code.value
        self._set_error(None)
        self._run("apply_coded_change", lambda: apply(code), self._on_applied, self._on_refused)

    @Slot(object)
    def _on_applied(self, result: object) -> None:
        if not self.active:
            return
        on_done = self._on_done
        self._close(True)
        if on_done is not None:
            on_done(result)

    @Slot(object)
    def _on_refused(self, error: AppError) -> None:
        if not self.active:
            return
        if error.code not in CODE_ERRORS and self._on_error is not None:
            on_error = self._on_error
            self._close(False)
            on_error(error)
            return
        self.code.reset()
        if error.code in CODE_DEAD:
            self._code_alive = False
            self._resend_at = resend_after_dead_code(error, self._now())
        self._set_error(error)
        self._render()

    def cancel(self) -> None:
        """The member closed the dialog: the change is given up."""
        if self.active:
            self._close(False)

    def _close(self, done: bool) -> None:
        self._clear()
        self.active = False
        self._render()
        self.finished.emit(done)

    def _clear(self) -> None:
        self.code.reset()
        self._set_error(None)
        self._change = self._apply = self._on_done = self._on_error = None
        self._sent = None
        self._resend_at = None
        self._code_alive = self._requesting = self._earlier = False

    # -- state ---------------------------------------------------------------------------
    def _now(self) -> datetime:
        return self._services.clock.now()

    @Slot()
    @Slot(str)
    @Slot(bool)
    def _refresh(self, *_args: object) -> None:
        wait = seconds_to(self._resend_at, self._now()) if self.active else None
        idle = not self.busy
        self.can_resend = self.active and idle and wait == 0
        self.resend_text = resend_text(wait)
        self.can_submit = self.active and idle and self._code_alive and self.code.valid
        if wait and not self._timer.isActive():
            self._timer.start()
        elif not wait and self._timer.isActive():
            self._timer.stop()

    def _render(self) -> None:
        self.info = info_text(self._sent, self._requesting, self._earlier)
        self._refresh()

    @Slot(bool)
    def _on_busy(self, _busy: bool) -> None:
        self._render()

    def reset(self) -> None:
        was_active = self.active
        super().reset()
        self._clear()
        self._timer.stop()
        self._render()
        if was_active:
            self.finished.emit(False)

    def retranslate(self) -> None:
        super().retranslate()
        self.code.retranslate()
        self._render()
