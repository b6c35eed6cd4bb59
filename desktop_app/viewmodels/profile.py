"""The profile screen (登録内容の確認・変更): what is registered, asked for afresh every time
the screen is shown, and the change history (変更履歴)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.profile import MemberProfile, ProfileChange
from desktop_app.i18n import N_, _, format_date
from desktop_app.viewmodels import profile_text as text
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.profile_history import ChangeHistoryModel
from desktop_app.viewmodels.services import Services

HISTORY_ROWS = 50
READ_ONLY = N_("The data file cannot be written to, so your details can only be viewed now.")
LOADING = N_("Loading your registered details…")


class ProfileViewModel(ViewModel):
    """Signals (each a display string, "" until the profile has arrived):
    address_changed, phone_changed, email_changed, workplace_changed, bank_changed,
    due_day_changed, auto_debit_changed, reminder_changed, web_statements_changed,
    web_id_changed(str): one registered item each.
    can_change_changed(bool): the change buttons are enabled (the details have arrived,
        and the store can be written).
    change_hint_changed(str): why they are not ("" when they are).
    notice_changed(str): what was just changed (from a form; "" otherwise).
    history_empty_changed(str): that nothing has been changed yet ("" while there are
        changes, or before the history has arrived).

    ``history`` is the change history's table model.
    """

    address_changed = Signal(str)
    phone_changed = Signal(str)
    email_changed = Signal(str)
    workplace_changed = Signal(str)
    bank_changed = Signal(str)
    due_day_changed = Signal(str)
    auto_debit_changed = Signal(str)
    reminder_changed = Signal(str)
    web_statements_changed = Signal(str)
    web_id_changed = Signal(str)
    can_change_changed = Signal(bool)
    change_hint_changed = Signal(str)
    notice_changed = Signal(str)
    history_empty_changed = Signal(str)
    address = Observed("", address_changed)
    phone = Observed("", phone_changed)
    email = Observed("", email_changed)
    workplace = Observed("", workplace_changed)
    bank = Observed("", bank_changed)
    due_day = Observed("", due_day_changed)
    auto_debit = Observed("", auto_debit_changed)
    reminder = Observed("", reminder_changed)
    web_statements = Observed("", web_statements_changed)
    web_id = Observed("", web_id_changed)
    can_change = Observed(False, can_change_changed)
    change_hint = Observed("", change_hint_changed)
    notice = Observed("", notice_changed)
    history_empty = Observed("", history_empty_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self._profile: MemberProfile | None = None
        self._notice_id = ""
        self._notice_fresh = False  # announced just before the screen shows: keep it
        self._history_known = False  # the change history has arrived
        self.history = ChangeHistoryModel(self)
        self.busy_changed.connect(self._refresh)

    @property
    def profile(self) -> MemberProfile | None:
        return self._profile

    def shown(self) -> None:
        if not self._notice_fresh:
            self._set_notice("")
        self._notice_fresh = False
        self.load()

    def load(self) -> None:
        if self._app.session is None:
            return
        store, token = self._services.store, self._app.token
        self._set_error(None)

        def work() -> tuple[MemberProfile, tuple[ProfileChange, ...]]:
            current = store.get()
            return current.profile(token), current.change_history(token, HISTORY_ROWS)

        self._run("profile", work, self._on_loaded)

    @Slot(object)
    def _on_loaded(self, loaded: tuple[MemberProfile, tuple[ProfileChange, ...]]) -> None:
        if self._app.session is None:
            return
        self._profile, changes = loaded
        self.history.set_rows(changes)
        self._history_known = True
        self._render()

    @Slot(str)
    def announce(self, message_id: str) -> None:
        """A form changed something: say so here when the screen shows next (now)."""
        self._set_notice(message_id)
        self._notice_fresh = True

    def _set_notice(self, message_id: str) -> None:
        self._notice_id = message_id
        self.notice = _(message_id) if message_id else ""

    def _render(self) -> None:
        empty = self._history_known and self.history.rowCount() == 0
        self.history_empty = _("No changes yet.") if empty else ""
        profile = self._profile
        if profile is None:
            for prop in self._items():
                prop.__set__(self, "")
        else:
            self.address = text.address_text(profile.address)
            self.phone = text.phone_text(profile.phone)
            self.email = text.email_text(profile.email)
            self.workplace = text.workplace_text(profile.workplace)
            self.bank = text.bank_text(profile.bank_account)
            self.due_day = self._due_day_text(profile)
            self.auto_debit = text.in_use_text(profile.auto_debit)
            self.reminder = text.reminder_text(profile.reminder)
            self.web_statements = text.in_use_text(profile.web_statements)
            self.web_id = profile.web_id or _(text.NOT_REGISTERED)
        self._refresh()

    @staticmethod
    def _items() -> tuple[Observed[str], ...]:
        cls = ProfileViewModel
        return (
            cls.address,
            cls.phone,
            cls.email,
            cls.workplace,
            cls.bank,
            cls.due_day,
            cls.auto_debit,
            cls.reminder,
            cls.web_statements,
            cls.web_id,
        )

    @staticmethod
    def _due_day_text(profile: MemberProfile) -> str:
        day = text.due_day_name(profile.due_day)
        if profile.next_due_date is None:
            return day
        return _("{day}, next due date {date}").format(
            day=day, date=format_date(profile.next_due_date)
        )

    @Slot()
    @Slot(bool)
    def _refresh(self, *_args: object) -> None:
        session = self._app.session
        read_only = session is not None and session.read_only
        loaded = self._profile is not None  # (a reload shows the last answer meanwhile)
        self.can_change = loaded and not read_only
        if read_only:
            self.change_hint = _(READ_ONLY)
        elif session is not None and not loaded and not self.error:
            self.change_hint = _(LOADING)
        else:
            self.change_hint = ""

    def reset(self) -> None:
        super().reset()
        self._profile = None
        self._history_known = False
        self._notice_id = ""
        self._notice_fresh = False
        self.history.clear()
        self._render()

    def retranslate(self) -> None:
        super().retranslate()
        self._set_notice(self._notice_id)
        self._render()
        self.history.retranslate()
