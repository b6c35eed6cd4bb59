"""The connection banner: shown while the store cannot be reached, with a retry that runs
exactly the store calls that failed again."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.base import CONNECTION_FAULTS, ViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services
from desktop_app.viewmodels.store_calls import StoreCall, StoreCallOutcome

CANNOT_CONNECT = N_("Cannot connect to the server. Please check your connection and try again.")
UNCONFIRMED = N_(
    "The connection is back, but whether your transaction went through is not confirmed yet. "
    "Please press Retry to find out."
)
CHECK = "connection_check"  # what the retry asks when no failed call is left to run again


class ConnectionViewModel(ViewModel):
    """Watches every store call the runner reports (``store_call_settled``).

    A call that fails with STORE_UNAVAILABLE shows the banner and is kept, as it was sent;
    ``retry()`` runs the kept calls again (the same closures: the same inputs, the same
    request id of a money movement), each delivering to the screen that asked for it. The
    banner goes once a store call asked after the last failure has been answered (a refusal
    is an answer too) — unless a money movement's outcome is still unknown (its reply was
    lost): that one is kept, and the banner says so, until it is run again or the member
    changes it (a new request). What the member left with a sign-out is dropped by the wipe.

    Signals:
        visible_changed(bool): the banner is shown (true) or hidden (false).
        message_changed(str): the banner's sentence ("" while hidden).
        retrying_changed(bool): a retry is running (its button is disabled meanwhile).
    """

    visible_changed = Signal(bool)
    message_changed = Signal(str)
    retrying_changed = Signal(bool)

    visible = Observed(False, visible_changed)
    message = Observed("", message_changed)
    retrying = Observed(False, retrying_changed)
    # The connection belongs to the computer, not to the member who left.
    KEPT_ON_RESET = frozenset({"visible", "message", "retrying"})

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(services, parent)
        self._failed: dict[tuple[int, str], StoreCall] = {}
        self._down_since: int | None = None  # the runner's stamp of the last fault
        self._retries: set[int] = set()  # stamps of the calls the retry submitted
        self._sentence = CANNOT_CONNECT
        self._runner.store_call_settled.connect(self._on_settled)

    @property
    def pending(self) -> tuple[str, ...]:
        """The names of the failed calls a retry would run again (tests, the log)."""
        return tuple(call.name for call in self._failed.values())

    @Slot(object)
    def _on_settled(self, outcome: StoreCallOutcome) -> None:
        self._retries.discard(outcome.stamp)
        error = outcome.error
        if error is not None and error.code is ErrorCode.STORE_UNAVAILABLE:
            self._down_since = outcome.settled_at
            if outcome.call is not None:
                call = outcome.call
                self._failed[(id(call.retry), call.name)] = call
            self._show(True)
        elif self._answered_since_fault(outcome):
            # Calls that failed before this one was asked are moot: the member asks again
            # when looking again. A movement that may have been applied is not: only running
            # it again with its request id tells the member what happened.
            self._down_since = None
            self._failed = {key: call for key, call in self._failed.items() if call.unresolved()}
            self._show(bool(self._failed), UNCONFIRMED)
        self.retrying = bool(self._retries)

    def _answered_since_fault(self, outcome: StoreCallOutcome) -> bool:
        """The store answered (a refusal is an answer) a call asked after the last fault."""
        error = outcome.error
        answered = error is None or error.code not in CONNECTION_FAULTS
        if not answered or not self.visible:
            return False
        # With the connection back and only a movement left unconfirmed, any answer counts.
        return self._down_since is None or outcome.stamp > self._down_since

    def _show(self, shown: bool, sentence: str = CANNOT_CONNECT) -> None:
        self._sentence = sentence
        self.visible = shown
        self.message = _(sentence) if shown else ""

    def retry(self) -> None:
        """Run every failed call again, as it was sent; with none left, ask the store
        whether it answers at all."""
        if self.retrying or not self.visible:
            return
        calls = list(self._failed.values())
        self._failed.clear()
        for call in calls:
            if call.still_wanted():
                call.retry.before_retry(call.name)
                self._retries.add(self._runner.resubmit(call))
        if not self._retries:
            store = self._services.store
            self._retries.add(
                self._submit(CHECK, lambda: store.get().service_terms(), self._checked)
            )
        self.retrying = True

    @Slot(object)
    def _checked(self, _terms: object) -> None:
        """The store answered: the banner goes (see ``_on_settled``)."""

    @Slot(object)
    def _on_failure(self, error: AppError) -> None:
        """The check failed: the banner stays, and says so already."""

    def reset(self) -> None:
        """The member left: their failed calls (tokens, typed inputs) go with them."""
        super().reset()
        self._failed.clear()

    def retranslate(self) -> None:
        super().retranslate()
        self._show(self.visible, self._sentence)
