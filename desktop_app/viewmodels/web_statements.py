"""Web statements (Web明細) on or off, and what that means for the first-time interest-free
period, said before the member confirms: the period is for members who registered an email
address and use web statements; stopping them before the first borrowing loses it; once the
first borrowing is made nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.clock import today
from desktop_app.domain.models import AccountSummary, HistoryQuery, LedgerKind
from desktop_app.domain.profile import MemberProfile
from desktop_app.i18n import N_, _, format_date
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.form import summary_lines
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services
from desktop_app.viewmodels.setting import SettingViewModel

STARTED = N_("You now receive your statements on the web.")
STOPPED = N_("Web statements have been stopped.")
_BORROWINGS = HistoryQuery(kinds=frozenset({LedgerKind.BORROW, LedgerKind.PREPAID_CHARGE}))


class WebStatementsViewModel(SettingViewModel):
    """Signals:
    enabled_changed(bool): Web明細を利用する is checked.
    notice_changed(str): what the choice means for the interest-free period ("" until the
        registered details, the summary and the store's rules are known).
    warning_changed(str): what the member loses by the choice, said as a warning ("" for
        nothing: stopping web statements before a first borrowing loses the interest-free
        period).
    """

    enabled_changed = Signal(bool)
    notice_changed = Signal(str)
    warning_changed = Signal(str)
    enabled = Observed(False, enabled_changed)
    notice = Observed("", notice_changed)
    warning = Observed("", warning_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self._borrowed: bool | None = None  # whether the member has ever borrowed
        self._update()

    def load(self) -> None:
        """The registered details, and whether there has been a first borrowing (the history
        holds one)."""
        token, store = self._app.token, self._services.store

        def work() -> tuple[MemberProfile, bool]:
            opened = store.get()
            page = opened.history(token, _BORROWINGS, None, 1)
            return opened.profile(token), bool(page.entries)

        self._run("profile", work, self._on_loaded)

    @Slot(object)
    def _on_loaded(self, outcome: tuple[MemberProfile, bool]) -> None:
        self._borrowed = outcome[1]
        self._on_profile(outcome[0])

    def _loaded(self, profile: MemberProfile) -> None:
        self.enabled = profile.web_statements

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self._update()

    def _refresh(self) -> None:
        self.warning = self._warning()
        self.notice = "" if self.warning else self._notice()

    def _warning(self) -> str:
        profile, summary, rules = self.profile, self._app.summary, self.rules
        if profile is None or summary is None or rules is None or self._borrowed is None:
            return ""
        stops = not self.enabled and profile.web_statements
        until = summary.interest_free_until
        if not stops or self._borrowed or until is not None:
            return ""
        if not summary.first_borrowing_interest_free:
            return ""
        return _(
            "If you stop web statements before your first borrowing, you will lose the "
            "{days}-day interest-free period."
        ).format(days=rules.loan.interest_free_days)

    def _notice(self) -> str:
        profile, summary, rules = self.profile, self._app.summary, self.rules
        if profile is None or summary is None or rules is None or self._borrowed is None:
            return ""
        days = rules.loan.interest_free_days
        until = summary.interest_free_until
        if until is not None and until >= today(self._services.clock):
            return _(
                "Your interest-free period (until {date}) goes on whether or not you use web "
                "statements."
            ).format(date=format_date(until))
        if self._borrowed or until is not None:
            return _(
                "Your first borrowing has been made, so web statements make no difference to "
                "your interest."
            )
        if not self.enabled:
            return _(
                "A first borrowing is interest-free for {days} days only for members who "
                "registered an email address and use web statements."
            ).format(days=days)
        if summary.first_borrowing_interest_free:
            return _(
                "Your first borrowing is interest-free for {days} days from the day after you "
                "borrow."
            ).format(days=days)
        if profile.email:
            return _(
                "With web statements, your first borrowing will be interest-free for {days} "
                "days from the day after you borrow."
            ).format(days=days)
        return _(
            "A first borrowing is interest-free for {days} days for members who use web "
            "statements and registered an email address. Please register an email address too."
        ).format(days=days)

    def _ready(self) -> bool:
        profile = self.profile
        return profile is not None and self.enabled != profile.web_statements

    def summary(self) -> str:
        use = _("Use") if self.enabled else _("Stop")
        rows = [(_("Web statements"), use)]
        notice = self.warning or self.notice
        text = summary_lines(tuple(rows))
        return f"{text}\n{notice}" if notice else text

    def _change(self) -> tuple[str, Callable[[], Any]]:
        token, store, enabled = self._app.token, self._services.store, self.enabled
        return "set_web_statements", lambda: store.get().set_web_statements(token, enabled)

    def _done(self, outcome: MemberProfile | AccountSummary) -> str:
        on = outcome.web_statements if isinstance(outcome, MemberProfile) else self.enabled
        return STARTED if on else STOPPED

    def reset(self) -> None:
        self._borrowed = None
        super().reset()
