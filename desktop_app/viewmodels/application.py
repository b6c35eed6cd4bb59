"""The application's state: the session, the current screen, the banner message."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.base import CONNECTION_FAULTS, ViewModel
from desktop_app.viewmodels.crash import remember_secret
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services

if TYPE_CHECKING:  # start-up does not pay for the data classes
    from desktop_app.domain.calendar import ServiceCalendar
    from desktop_app.domain.models import AccountSummary, Session
    from desktop_app.domain.terms import ServiceTerms
    from desktop_app.store.demo import DemoOperations
    from desktop_app.viewmodels.store_calls import StoreCallOutcome


SIGNED_OUT = N_("You have signed out. Thank you for using the service.")
# Shown for as long as a member is signed in to a store that cannot be written.
READ_ONLY_NOTICE = N_(
    "The data file cannot be written to, so you can only view your account. Borrowing, "
    "repaying and other changes are not available."
)


class ApplicationViewModel(ViewModel):
    """The session, the banner and what every screen shares: the account summary and the
    store's terms (its rules and calendar: the one place view-models get them from). Where
    the member is belongs to the ``Navigator``; forgetting the member to the one wipe of the
    composition root, which ``signed_out`` sets off.

    Signals:
        signed_in_changed(bool): a member signed in (true) or out (false).
        member_name_changed(str): the signed-in member's name ("" when signed out).
        message_changed(str): the banner sentence above every screen ("" for none; a
            read-only session keeps its notice there).
        summary_changed(object): the latest ``AccountSummary`` (or None).
        terms_changed(object): the store's ``ServiceTerms`` arrived (or were refreshed).
        signed_out(): the member signed out or was signed out: wipe everything of theirs.
        ledger_changed(): money moved; lists of transactions must reload.
        inbox_offered_changed(bool): whether the demo inbox is offered (``Services.
            inbox_offered``: a demo host, not a kiosk), after the store was switched.
    """

    signed_in_changed = Signal(bool)
    member_name_changed = Signal(str)
    message_changed = Signal(str)
    summary_changed = Signal(object)
    terms_changed = Signal(object)
    signed_out = Signal()
    ledger_changed = Signal()
    inbox_offered_changed = Signal(bool)

    signed_in = Observed(False, signed_in_changed)
    member_name = Observed("", member_name_changed)
    message = Observed("", message_changed)
    inbox_offered = Observed(False, inbox_offered_changed)
    KEPT_ON_RESET = frozenset({"inbox_offered"})

    def __init__(
        self,
        services: Services,
        calendar: ServiceCalendar | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(services, parent)
        self._fixed_calendar = calendar  # tests only: used instead of the terms' calendar
        self._calendar = calendar
        self._terms: ServiceTerms | None = None
        self._terms_loading = False
        self._session: Session | None = None
        self._summary: AccountSummary | None = None
        self._message_error: AppError | str | None = None
        self._member_name_raw = ""
        self.inbox_offered = services.inbox_offered
        services.runner.store_call_settled.connect(self._on_store_call_settled)

    # -- the store's terms ------------------------------------------------------------------
    @property
    def terms(self) -> ServiceTerms | None:
        """The store's rules and calendar data (``None`` until they have arrived)."""
        return self._terms

    @property
    def calendar(self) -> ServiceCalendar | None:
        """The service calendar built from the store's terms (``None`` until they arrive)."""
        return self._calendar

    def load_terms(self) -> None:
        """Ask the store for its terms (when it opens, and again once they are stale)."""
        if self._terms_loading:
            return
        self._terms_loading = True
        store = self._services.store
        self._runner.submit(
            "service_terms",
            lambda: store.get().service_terms(),
            self._on_terms,
            self._no_terms,
            retry=self,
        )

    def host_switched(self, demo: DemoOperations | None) -> None:
        """The client now uses another store (the settings screen switched it), whose host
        offers ``demo`` (or no demo interface): its terms are asked for afresh."""
        self._services.demo = demo
        self.inbox_offered = self._services.inbox_offered
        self._terms = None
        self._terms_loading = False
        self._calendar = self._fixed_calendar
        self.load_terms()

    def refresh_terms_if_stale(self) -> None:
        if self._terms is None or self._terms.is_stale(self._services.clock.now()):
            self.load_terms()

    @Slot(object)
    def _on_terms(self, terms: ServiceTerms) -> None:
        from desktop_app.domain.calendar import ServiceCalendar

        self._terms_loading = False
        self._terms = terms
        self._calendar = self._fixed_calendar or ServiceCalendar.from_terms(terms)
        self.terms_changed.emit(terms)

    @Slot(object)
    def _no_terms(self, _error: AppError) -> None:
        """The store is unreachable: the screens stay unready; the next look tries again."""
        self._terms_loading = False

    # -- session -------------------------------------------------------------------------
    @property
    def session(self) -> Session | None:
        return self._session

    @property
    def token(self) -> str:
        if self._session is None:
            raise AppError(ErrorCode.SESSION_EXPIRED)
        return self._session.token

    @property
    def summary(self) -> AccountSummary | None:
        return self._summary

    def start_session(self, session: Session) -> None:
        self._services.epoch.advance()  # what was asked before belongs to no one now
        self._session = session
        remember_secret(session.token)  # masked wherever it shows up in the log
        self._set_message(None)
        self._member_name_raw = session.member_name
        self.member_name = _("{name} (member)").format(name=session.member_name)
        self.signed_in = True
        self.refresh_summary()

    def sign_out(self, reason: AppError | None = None, *, end_in_store: bool = True) -> None:
        """End the session (in the store too, unless the caller ends it there itself) and
        clear every screen; say why, or that the member signed out."""
        session = self._session
        self._services.epoch.advance()  # answers to the leaving member's requests are dropped
        self._session = None
        self._summary = None
        if session is not None and end_in_store:
            store = self._services.store
            self._runner.submit(
                "sign_out", lambda: store.get().sign_out(session.token), self._ignore, self._ignore
            )
        self._member_name_raw = ""
        self.member_name = ""
        self.signed_in = False
        self.summary_changed.emit(None)
        self.signed_out.emit()
        self._set_message(reason if reason or session is None else SIGNED_OUT)

    @Slot(object)
    def _ignore(self, _outcome: object) -> None:
        """Signing out in the store is best effort: the client forgets the session anyway."""

    # -- navigation ----------------------------------------------------------------------
    @Slot(str)
    def on_screen_changed(self, screen: str) -> None:
        """The navigator moved on: "signed out" belongs to the moment of signing out."""
        if screen != "login" and self._message_error == SIGNED_OUT:
            self._set_message(None)

    def clear_signed_out_message(self) -> None:
        """A sign-in was refused: what was said at signing out is over (while signed out)."""
        if self._session is None and self._message_error is not None:
            self._set_message(None)

    # -- shared account summary ------------------------------------------------------------
    def refresh_summary(self) -> None:
        if self._session is None:
            return
        self.refresh_terms_if_stale()
        token = self._session.token
        store = self._services.store
        self._run("summary", lambda: store.get().account_summary(token), self._on_summary)

    @Slot(object)
    def _on_summary(self, summary: AccountSummary) -> None:
        if self._session is None:  # signed out while the summary was on its way
            return
        self._summary = summary
        self.summary_changed.emit(summary)

    def accept_summary(self, summary: AccountSummary) -> None:
        """A screen obtained a fresher summary (after borrowing or repaying)."""
        if self._session is not None:
            self._summary = summary
            self.summary_changed.emit(summary)

    @Slot(object)
    def _on_failure(self, error: AppError) -> None:
        if self.handle_error(error) or self._session is None:
            return
        if error.code is not ErrorCode.STORE_UNAVAILABLE:  # the connection banner says that
            self._set_message(error)

    @Slot(object)
    def _on_store_call_settled(self, outcome: StoreCallOutcome) -> None:
        """Whichever screen asked: a session the store has ended signs the member out."""
        error = outcome.error
        if (
            outcome.delivered
            and error is not None
            and error.code is ErrorCode.SESSION_EXPIRED
            and self._session is not None
        ):
            self.sign_out(reason=error, end_in_store=False)

    def before_retry(self, name: str) -> None:
        super().before_retry(name)
        message = self._message_error
        if isinstance(message, AppError) and message.code in CONNECTION_FAULTS:
            self._set_message(None)

    def handle_error(self, error: AppError) -> bool:
        """Handle what every screen shares: an ended session signs out with a message."""
        if error.code is ErrorCode.SESSION_EXPIRED:
            self.sign_out(reason=error)
            return True
        return False

    # -- banner --------------------------------------------------------------------------
    def _set_message(self, message: AppError | str | None) -> None:
        """Show an error's sentence, or a message id to translate; ``None`` clears. A
        read-only session keeps its notice below whatever else is said."""
        self._message_error = message
        if isinstance(message, AppError):
            text = error_sentence(message)
        else:
            text = _(message) if message else ""
        if self._session is not None and self._session.read_only:
            text = f"{text}\n{_(READ_ONLY_NOTICE)}" if text else _(READ_ONLY_NOTICE)
        self.message = text

    def show_notice(self, message_id: str) -> None:
        """A banner message that is not an error (a message id, translated when shown)."""
        self._set_message(message_id)

    def retranslate(self) -> None:
        super().retranslate()
        self._set_message(self._message_error)
        if self._member_name_raw:
            self.member_name = _("{name} (member)").format(name=self._member_name_raw)
