"""The one operation runner: every call that may block (store, hashing, export) runs here.

Results and errors come back to the GUI thread by queued signals, into ``@Slot`` methods of
the view-model that submitted the work; never into lambdas. Two lanes, each its own pool:
member operations (sign-in, summaries, movements, pages) and long jobs (CSV exports), so an
export that runs for seconds never holds up a summary or a sign-out.

Busy bookkeeping is the runner's alone: work submitted with an ``owner`` counts as that
owner's until its outcome has been delivered (``Tracked.operation_started/finished``), and
the runner as a whole is idle when nothing is in flight.

Store calls are submitted with a ``retry`` owner: the runner tells ``store_call_settled``
how each ended and, when one failed, hands out the call as it was submitted (``StoreCall``),
so the connection banner can run exactly that call again (the same closure: the same inputs,
the same request id) through ``resubmit``.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.viewmodels.crash import report_current
from desktop_app.viewmodels.store_calls import RetryOwner, StoreCall, StoreCallOutcome

if TYPE_CHECKING:
    import logging

MEMBER_THREADS = 3
LONG_THREADS = 1


def _log() -> logging.Logger:
    import logging  # imported on first use: start-up does not pay for it

    return logging.getLogger(__name__)


class Lane(Enum):
    MEMBER = "member"  # what a member waits for: seconds at most
    LONG = "long"  # exports: may run for a long time, cancellable


class Tracked(Protocol):
    """An owner of work (a view-model): told when its work starts (it answers with a ticket)
    and when that work has finished (it is given the ticket back)."""

    def operation_started(self) -> object: ...

    def operation_finished(self, ticket: object) -> None: ...


class Activity:
    """Counts one owner's work in flight; tells ``on_change`` when it starts and stops being
    active. A view-model's ``busy`` (or an export's ``exporting``) is one of these.

    ``forget()`` (the wipe) makes the work in flight no longer count: the owner is idle at
    once, and the old work's end, when it comes, changes nothing."""

    def __init__(self, on_change: Callable[[bool], None]) -> None:
        self._on_change = on_change
        self._count = 0
        self._generation = 0

    @property
    def active(self) -> bool:
        return self._count > 0

    def operation_started(self) -> object:
        self._count += 1
        if self._count == 1:
            self._on_change(True)
        return self._generation

    def operation_finished(self, ticket: object) -> None:
        if ticket != self._generation:
            return  # work from before a wipe
        self._count = max(0, self._count - 1)
        if self._count == 0:
            self._on_change(False)

    def forget(self) -> None:
        self._generation += 1
        if self._count:
            self._count = 0
            self._on_change(False)


class _Delivery(NamedTuple):
    """Where one operation's outcome goes, and whether it is still wanted when it comes."""

    on_success: Callable[[Any], None]
    on_failure: Callable[[AppError], None]
    owner: Tracked | None
    ticket: object
    wanted: Callable[[], bool] | None
    stamp: int
    call: StoreCall | None  # a store call, kept until its outcome is in


class _Relay(QObject):
    """Carries one operation's outcome from a worker thread to the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Task:
    """One piece of work. It lets go of its closure (which may hold a password, a PIN or a
    session token) the moment it has run, so finished work keeps no secret alive.

    Not a ``QRunnable``: PySide keeps the Python side of every QRunnable it was given alive
    after the pool deleted the C++ side (one leaked object per operation, hundreds after a
    day's sign-ins); the pool calls this object instead (a bound method would leave a weak
    reference behind for each)."""

    __slots__ = ("_name", "_relay", "_work")

    def __init__(self, name: str, work: Callable[[], Any], relay: _Relay) -> None:
        self._name = name
        self._work: Callable[[], Any] | None = work
        self._relay: _Relay | None = relay

    def __call__(self) -> None:
        work, relay = self._work, self._relay
        self._work = self._relay = None
        if work is None or relay is None:
            return
        try:
            result = work()
        except AppError as error:
            _log().info("operation %s refused: %s", self._name, error.code.value)
            relay.failed.emit(error.detached())
        except Exception:
            # The one handler: the traceback, without secrets, goes to the log file; the
            # member sees a sentence and the support line, never this.
            report_current(f"operation {self._name}")
            relay.failed.emit(AppError(ErrorCode.UNEXPECTED))
        else:
            relay.succeeded.emit(result)
        finally:
            del work, relay


class OperationRunner(QObject):
    """Runs blocking work on thread pools and reports back on the GUI thread.

    Signals:
        idle_changed(bool): true when the last operation in flight has finished.
        store_call_settled(object): a store call (submitted with ``retry``) ended: a
            ``StoreCallOutcome``, emitted after its outcome was delivered.
    """

    idle_changed = Signal(bool)
    store_call_settled = Signal(object)

    def __init__(
        self,
        member_threads: int = MEMBER_THREADS,
        long_threads: int = LONG_THREADS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pools: dict[Lane, QThreadPool] = {}
        for lane, threads in ((Lane.MEMBER, member_threads), (Lane.LONG, long_threads)):
            pool = QThreadPool(self)
            pool.setMaxThreadCount(max(1, threads))
            self._pools[lane] = pool
        self._in_flight: dict[_Relay, _Delivery] = {}
        self._stamp = 0

    def is_idle(self) -> bool:
        return not self._in_flight

    def submit(
        self,
        name: str,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[AppError], None],
        *,
        owner: Tracked | None = None,
        lane: Lane = Lane.MEMBER,
        wanted: Callable[[], bool] | None = None,
        retry: RetryOwner | None = None,
    ) -> int:
        """Run ``work()`` off the GUI thread; ``on_success``/``on_failure`` must be slots of
        GUI-thread QObjects. The owner (if any) is told the work has finished just before
        the outcome is delivered, and the runner reports itself idle after it. When
        ``wanted()`` is false by then (the member who asked has signed out), the outcome is
        dropped: it never reaches the screens of whoever uses the client next.

        ``retry`` marks a store call (see ``store_call_settled``); its closure is then kept
        until the outcome is in, so a failed call can be run again as it was. Returns the
        submission's stamp."""
        relay = _Relay(self)
        relay.succeeded.connect(self._succeeded)
        relay.failed.connect(self._failed)
        was_idle = self.is_idle()
        ticket = owner.operation_started() if owner is not None else None
        self._stamp += 1
        call = (
            StoreCall(name, work, on_success, on_failure, owner, lane, wanted, retry)
            if retry is not None
            else None
        )
        self._in_flight[relay] = _Delivery(
            on_success, on_failure, owner, ticket, wanted, self._stamp, call
        )
        if was_idle:
            self.idle_changed.emit(False)
        self._pools[lane].start(_Task(name, work, relay))
        return self._stamp

    def resubmit(self, call: StoreCall) -> int:
        """Submit a failed store call again, exactly as it was; returns the new stamp."""
        return self.submit(
            call.name,
            call.work,
            call.on_success,
            call.on_failure,
            owner=call.owner,
            lane=call.lane,
            wanted=call.wanted,
            retry=call.retry,
        )

    @Slot(object)
    def _succeeded(self, outcome: object) -> None:
        delivery = self._settle()
        wanted = delivery is not None and (delivery.wanted is None or delivery.wanted())
        if delivery is not None and wanted:
            delivery.on_success(outcome)
        self._report_store_call(delivery, None, wanted)
        self._report_idle()

    @Slot(object)
    def _failed(self, error: AppError) -> None:
        delivery = self._settle()
        wanted = delivery is not None and (delivery.wanted is None or delivery.wanted())
        if delivery is not None and wanted:
            delivery.on_failure(error)
        self._report_store_call(delivery, error, wanted)
        self._report_idle()

    def _report_store_call(
        self, delivery: _Delivery | None, error: AppError | None, delivered: bool
    ) -> None:
        if delivery is None or delivery.call is None:
            return
        self._stamp += 1
        call = delivery.call if error is not None and delivered else None
        self.store_call_settled.emit(
            StoreCallOutcome(delivery.stamp, self._stamp, error, delivered, call)
        )

    def _settle(self) -> _Delivery | None:
        """The operation behind the relay that just reported is over: forget it (nothing of
        its outcome stays reachable from here) and tell its owner."""
        relay = self.sender()
        if not isinstance(relay, _Relay):
            return None
        delivery = self._in_flight.pop(relay, None)
        relay.succeeded.disconnect()
        relay.failed.disconnect()
        relay.deleteLater()
        if delivery is not None and delivery.owner is not None:
            delivery.owner.operation_finished(delivery.ticket)
        return delivery

    def _report_idle(self) -> None:
        if not self._in_flight:
            self.idle_changed.emit(True)

    def wait_for_done(self, msecs: int = 10_000) -> bool:
        """Block until every lane's threads are done (only at shutdown)."""
        return all(bool(pool.waitForDone(msecs)) for pool in self._pools.values())
