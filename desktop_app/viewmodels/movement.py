"""What borrowing and repaying share: confirm first, then move money exactly once."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain import fields_live
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.models import AccountSummary
from desktop_app.domain.rules import LoanRules
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import CONNECTION_FAULTS, ViewModel
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.movement_text import due_date_text
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services

# A request that may not have reached the store (or whose reply was lost after it committed)
# is retried with the same request id: the store answers a repeat with the first receipt.
_RETRYABLE = CONNECTION_FAULTS
MOVEMENT = "money_movement"
CONFIRMATION = "confirmation_figures"  # the summary read just before the confirmation opens
# What the member is told when the outcome of a movement is not known.
OUTCOME_UNKNOWN = N_(
    "The connection was lost before the result arrived, so it is not known whether this was "
    "accepted. Please press Retry, or confirm again without changing anything: if it was "
    "accepted you will see its receipt, and it is never carried out twice."
)
OUTCOME_UNKNOWN_LOCAL = N_(
    "Something went wrong before the result arrived, so it is not known whether this was "
    "accepted. Please confirm again without changing anything: if it was accepted you will "
    "see its receipt, and it is never carried out twice. If this happens again, please call "
    "{phone}."
)


class MoneyMovementViewModel(ViewModel):
    """Confirmation and idempotent execution of a borrowing or a repayment.

    Signals:
        confirmation_requested(str): show the confirmation dialog with this summary.
        can_confirm_changed(bool): whether the screen's confirm button is enabled.
        result_changed(str): the receipt of the last success, line by line ("" for none).
        completed_changed(bool): the completion page shows (the receipt) instead of the form.
        next_due_text_changed(str): 次回返済日 by the latest summary ("" when none).
        amount_text_changed(str), amount_error_changed(str): the amount input and its error.
        amount_hint_changed(str): what the amount field accepts, by the store's rules.
    """

    confirmation_requested = Signal(str)
    can_confirm_changed = Signal(bool)
    result_changed = Signal(str)
    completed_changed = Signal(bool)
    next_due_text_changed = Signal(str)
    amount_text_changed = Signal(str)
    amount_error_changed = Signal(str)
    amount_hint_changed = Signal(str)

    can_confirm = Observed(False, can_confirm_changed)
    result = Observed("", result_changed)
    completed = Observed(False, completed_changed)
    next_due_text = Observed("", next_due_text_changed)
    amount_text = Observed("", amount_text_changed)
    amount_error = Observed("", amount_error_changed)
    amount_hint = Observed("", amount_hint_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self._request_id: str | None = None
        self._sent_request_id: str | None = None  # the request id of the last call sent
        self._pending = False
        self._receipt: Any = None
        self._amount_problem: AppError | None = None
        app.summary_changed.connect(self._on_summary_changed)
        app.terms_changed.connect(self._on_summary_changed)
        self.busy_changed.connect(self._on_busy_changed)

    # -- to be provided by the screen ----------------------------------------------------
    def _validated_amount(self) -> int:
        """The amount to move, or raise the ``AppError`` to show under the field."""
        raise NotImplementedError

    def _confirmation_text(self, amount: int) -> str:
        raise NotImplementedError

    def _work(self, token: str, amount: int, request_id: str) -> Callable[[], Any]:
        """Built on the GUI thread; the returned store call runs in a worker thread."""
        raise NotImplementedError

    def _receipt_text(self, receipt: Any) -> str:
        raise NotImplementedError

    def _extra_ready(self) -> bool:
        return True

    def _amount_hint(self, rules: LoanRules) -> str:
        """The placeholder of the amount field, by the store's rules."""
        raise NotImplementedError

    # -- shared flow ---------------------------------------------------------------------
    @property
    def summary(self) -> AccountSummary | None:
        return self._app.summary

    @property
    def loan_rules(self) -> LoanRules:
        """The store's loan rules, from its terms (validated against before it is asked)."""
        terms = self._app.terms
        if terms is None:  # not yet known: nothing can be checked, so nothing is sent
            raise AppError(ErrorCode.STORE_UNAVAILABLE)
        return terms.rules.loan

    def set_amount_text(self, text: str) -> None:
        if not fields_live.same_amount(text, self.amount_text):
            self._request_id = None  # a changed request is a new request
        self.amount_text = text
        self._revalidate()

    def _revalidate(self) -> None:
        self._amount_problem = None
        amount_ok = False
        if self.summary is not None and self._app.terms is not None:
            try:
                self._validated_amount()
                amount_ok = True
            except AppError as problem:
                if not (problem.code is ErrorCode.REQUIRED and not self.amount_text):
                    self._amount_problem = problem.detached()
        self._render_amount_error()
        self.can_confirm = amount_ok and self._extra_ready() and not self.busy

    def _render_amount_error(self) -> None:
        self.next_due_text = due_date_text(self.summary)
        problem = self._amount_problem
        self.amount_error = error_sentence(problem) if problem else ""
        terms = self._app.terms
        self.amount_hint = self._amount_hint(terms.rules.loan) if terms is not None else ""

    @Slot(bool)
    def _on_busy_changed(self, _busy: bool) -> None:
        self._revalidate()

    @Slot(object)
    def _on_summary_changed(self, _summary: object) -> None:
        self._revalidate()

    def request_confirmation(self) -> None:
        """Validate, read the store's figures afresh, then ask the view to show the
        confirmation dialog with them (the balance after and, for a repayment, the breakdown
        are worked out from the summary read just now, not from the one on screen)."""
        if not self.can_confirm:
            return
        self._set_error(None)
        try:
            token = self._app.token
        except AppError as error:
            self._app.handle_error(error)
            return
        store = self._services.store
        self._run(
            CONFIRMATION,
            lambda: store.get().account_summary(token),
            self._on_confirmation_figures,
            self._on_confirmation_failed,
        )

    @Slot(object)
    def _on_confirmation_figures(self, summary: AccountSummary) -> None:
        self._app.accept_summary(summary)  # every screen shows the figures just read
        try:
            amount = self._validated_amount()  # the figures may have moved: check again
        except AppError:
            return  # the field's error says why (set by the revalidation)
        if not self._extra_ready():
            return
        if self._request_id is None:
            self._request_id = uuid.uuid4().hex
        self._pending = True
        self.confirmation_requested.emit(self._confirmation_text(amount))

    @Slot(object)
    def _on_confirmation_failed(self, error: AppError) -> None:
        """Reading the figures failed: nothing was sent, the request (and its id) stands."""
        if not self._app.handle_error(error):
            self._set_error(error)

    def cancel_confirmation(self) -> None:
        self._pending = False

    def confirm(self) -> None:
        """The member confirmed: move the money once, however often this is called."""
        if not self._pending or self._request_id is None:
            return
        try:
            amount = self._validated_amount()
            token = self._app.token
        except AppError as error:
            self._pending = False
            self._set_error(error)
            return
        if self._run(MOVEMENT, self._work(token, amount, self._request_id), self._on_succeeded):
            self._pending = False
            self._sent_request_id = self._request_id

    def may_retry(self, name: str) -> bool:
        """A movement runs again only as the member confirmed it: a changed amount, account
        or kind is a new request (it must be confirmed anew)."""
        return name != MOVEMENT or self._outcome_unknown()

    def outcome_unknown(self, name: str) -> bool:
        """A movement sent and unanswered may have been applied: only running it again with
        its request id tells (the store answers with the first receipt)."""
        return name == MOVEMENT and self._outcome_unknown()

    def before_retry(self, name: str) -> None:
        super().before_retry(name)
        if name == MOVEMENT:
            self._pending = False

    def _error_text(self, error: AppError) -> str:
        # Only a movement that was sent may have moved money (a confirmation opened and then
        # cancelled, or figures that could not be read, sent nothing).
        if error.code is ErrorCode.STORE_UNAVAILABLE and self._outcome_unknown():
            return _(OUTCOME_UNKNOWN)
        if error.code is ErrorCode.UNEXPECTED and self._outcome_unknown():
            return _(OUTCOME_UNKNOWN_LOCAL).format(phone=self._services.brand.support_phone)
        return super()._error_text(error)

    @Slot(object)
    def _on_succeeded(self, receipt: Any) -> None:
        self._request_id = None
        self._sent_request_id = None
        self._set_error(None)
        self._receipt = receipt
        self.result = self._receipt_text(receipt)
        self.amount_text = ""
        self._clear_choices()
        self.completed = True
        self._app.refresh_summary()
        self._app.ledger_changed.emit()

    # -- the completion page and the fresh form ------------------------------------------
    def _clear_choices(self) -> None:
        """What the member chose for the movement just made that must be chosen anew."""

    def _outcome_unknown(self) -> bool:
        """A movement was sent and its outcome is not known: the form must stay as it was
        confirmed, so that confirming again repeats that request (never a second one)."""
        return self._sent_request_id is not None and self._request_id == self._sent_request_id

    @Slot()
    def start_over(self) -> None:
        """A fresh form: no receipt, no amount, no choice left armed, the figures read again
        from the store."""
        if self.busy or self._outcome_unknown():
            return
        self._clear_choices()
        self._clear_form()
        self._app.refresh_summary()

    def _clear_form(self) -> None:
        """No request, no receipt, no amount, no error."""
        self._request_id = None
        self._sent_request_id = None
        self._pending = False
        self._receipt = None
        self.result = ""
        self.completed = False
        self.amount_text = ""
        self._set_error(None)
        self._revalidate()

    def shown(self) -> None:
        """Coming to the screen (after a movement, or from the navigation) starts afresh."""
        if self._app.session is not None:
            self.start_over()

    @Slot(object)
    def _on_failure(self, error: AppError) -> None:
        if error.code not in _RETRYABLE:
            self._request_id = None
        if not self._app.handle_error(error):
            self._set_error(error)

    @Slot()
    def reset(self) -> None:
        super().reset()
        self._clear_form()

    def retranslate(self) -> None:
        super().retranslate()
        self._revalidate()  # every figure again, in the new language's format (¥373,817)
        if self._receipt is not None:
            self.result = self._receipt_text(self._receipt)
