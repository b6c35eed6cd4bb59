"""Store calls as the runner keeps them: who may have one run again, the call as it was
submitted, and how it ended (``OperationRunner.store_call_settled``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from desktop_app.domain.errors import AppError

if TYPE_CHECKING:
    from desktop_app.viewmodels.runner import Lane, Tracked


class RetryOwner(Protocol):
    """Who submitted a store call, asked before it is run again after a connection fault:
    whether it may still be run as it was (the member has not changed what it sends), and
    told just before it is (to clear the refusal it showed)."""

    def may_retry(self, name: str) -> bool: ...

    def outcome_unknown(self, name: str) -> bool:
        """Whether the failed call ``name`` may have taken effect without the member knowing
        (a money movement whose reply was lost): it is kept until it is run again."""
        ...

    def before_retry(self, name: str) -> None: ...


class StoreCall(NamedTuple):
    """A store call exactly as it was submitted: enough to submit it again."""

    name: str
    work: Callable[[], Any]
    on_success: Callable[[Any], None]
    on_failure: Callable[[AppError], None]
    owner: Tracked | None
    lane: Lane
    wanted: Callable[[], bool] | None
    retry: RetryOwner

    def still_wanted(self) -> bool:
        return (self.wanted is None or self.wanted()) and self.retry.may_retry(self.name)

    def unresolved(self) -> bool:
        """Still wanted, and its outcome unknown until it is run again."""
        return self.still_wanted() and self.retry.outcome_unknown(self.name)


class StoreCallOutcome(NamedTuple):
    """How one store call ended (``OperationRunner.store_call_settled``).

    ``stamp`` numbers its submission and ``settled_at`` its end on one counter, so a success
    can be told from one that was asked before a failure was known. ``call`` is the call
    itself when it failed and its outcome was still wanted (the member who asked is there).
    """

    stamp: int
    settled_at: int
    error: AppError | None
    delivered: bool
    call: StoreCall | None
