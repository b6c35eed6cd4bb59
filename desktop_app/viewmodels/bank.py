"""Changing the bank account (口座の変更): the bank and the branch found as the member types
(the 全銀 data, searched in the runner), the account type and number, the holder's name in
全銀 half-width kana as it will be stored, a confirmation, then a one-time code."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop_app.domain import fields, fields_live
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.profile import CodedChange, MemberProfile, NewBankAccount
from desktop_app.domain.reference import BankEntry, BranchEntry
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.bank_account import ACCOUNT_TYPES, HolderField
from desktop_app.viewmodels.bank_search import (
    WARM_UP_AFTER_MS,
    bank_line,
    branch_line,
    branch_search,
    load_banks,
    search_banks,
)
from desktop_app.viewmodels.field import FieldViewModel
from desktop_app.viewmodels.form import READ_ONLY, FormViewModel, summary_lines
from desktop_app.viewmodels.live_search import LiveSearch
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.otp import OtpViewModel
from desktop_app.viewmodels.profile_text import bank_text
from desktop_app.viewmodels.services import Services

DONE = N_("Your bank account has been changed. Money you borrow is transferred to it.")
_CHOOSE_BANK = N_("Please choose your bank from the list.")
_CHOOSE_BRANCH = N_("Please choose the branch from the list.")
_ENTER_NUMBER = N_("Please enter the 7-digit account number.")
_ENTER_HOLDER = N_("Please enter the account holder's name.")


class BankFormViewModel(FormViewModel):
    """Signals:
    bank_text_changed(str), branch_text_changed(str): what the search fields hold (the
        lines found are ``banks.texts_changed`` and ``branches.texts_changed``).
    bank_row_changed(int), branch_row_changed(int): the chosen entry's row (-1: not listed).
    chosen_bank_changed(str), chosen_branch_changed(str): what is chosen ("" for nothing).
    branch_enabled_changed(bool): a bank is chosen, so its branches can be searched.
    account_type_changed(str): "ordinary" or "current".
    holder_preview_changed(str): the holder exactly as it will be stored ("" if it cannot be).
    and ``FormViewModel``'s (``submit_hint``: what is still missing).
    """

    bank_text_changed = Signal(str)
    branch_text_changed = Signal(str)
    bank_row_changed = Signal(int)
    branch_row_changed = Signal(int)
    chosen_bank_changed = Signal(str)
    chosen_branch_changed = Signal(str)
    branch_enabled_changed = Signal(bool)
    account_type_changed = Signal(str)
    holder_preview_changed = Signal(str)

    bank_text = Observed("", bank_text_changed)
    branch_text = Observed("", branch_text_changed)
    bank_row = Observed(-1, bank_row_changed)
    branch_row = Observed(-1, branch_row_changed)
    chosen_bank = Observed("", chosen_bank_changed)
    chosen_branch = Observed("", chosen_branch_changed)
    branch_enabled = Observed(False, branch_enabled_changed)
    account_type = Observed("ordinary", account_type_changed)
    holder_preview = Observed("", holder_preview_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self._bank: BankEntry | None = None
        self._branch: BranchEntry | None = None
        self._warmed = False  # the bank list has been asked to load
        self.banks = LiveSearch[BankEntry]("bank_search", self._submit, search_banks, bank_line)
        self.branches = LiveSearch[BranchEntry](
            "branch_search", self._submit, branch_search(""), branch_line
        )
        self.banks.setParent(self)
        self.branches.setParent(self)
        self.banks.texts_changed.connect(self._on_banks)
        self.branches.texts_changed.connect(self._on_branches)
        self.banks.failed.connect(self._on_failure)
        self.branches.failed.connect(self._on_failure)
        self.account_number = FieldViewModel(
            services, fields.account_number, self, live=fields_live.digits
        )
        self.holder = HolderField(services, self)
        self.otp: OtpViewModel = OtpViewModel(services, app, parent=self)
        for field in (self.account_number, self.holder):
            field.text_changed.connect(self._refresh)
        self.busy_changed.connect(self._refresh)
        self.otp.active_changed.connect(self._refresh)
        self._refresh()

    # -- the bank and the branch -------------------------------------------------------------
    def set_bank_text(self, text: str) -> None:
        """The member typed in the bank search: look it up (name, kana or code)."""
        self.bank_text = text
        self.banks.search(text)

    def set_branch_text(self, text: str) -> None:
        self.branch_text = text
        if self._bank is not None:
            self.branches.search(text)

    @Slot(list)
    def _on_banks(self, _lines: list[str]) -> None:
        self.bank_row = self._row_of(self.banks.entries, self._bank)

    @Slot(list)
    def _on_branches(self, _lines: list[str]) -> None:
        self.branch_row = self._row_of(self.branches.entries, self._branch)

    @staticmethod
    def _row_of(entries: tuple[object, ...], chosen: object) -> int:
        return entries.index(chosen) if chosen is not None and chosen in entries else -1

    def choose_bank(self, row: int) -> None:
        """The member picked line ``row`` of the bank results: its branches are listed."""
        entries = self.banks.entries
        if not 0 <= row < len(entries) or entries[row] == self._bank:
            return
        self._bank = entries[row]
        self.bank_row = row
        self.chosen_bank = bank_line(self._bank)
        self._branch = None
        self.chosen_branch = ""
        self.branch_row = -1
        self.branch_text = ""
        self.branches.retarget(branch_search(self._bank.code))
        self.branch_enabled = True
        self.branches.search("")  # every branch of the bank, to choose from or to narrow
        self._refresh()

    def choose_branch(self, row: int) -> None:
        entries = self.branches.entries
        if not 0 <= row < len(entries):
            return
        self._branch = entries[row]
        self.branch_row = row
        self.chosen_branch = branch_line(self._branch)
        self._refresh()

    def choose_first_bank(self) -> bool:
        """Enter in the bank search: the first line, unless one is chosen already."""
        return self._choose_first(self.banks.entries, self._bank, self.choose_bank)

    def choose_first_branch(self) -> bool:
        return self._choose_first(self.branches.entries, self._branch, self.choose_branch)

    @staticmethod
    def _choose_first(
        entries: tuple[object, ...], chosen: object, choose: Callable[[int], None]
    ) -> bool:
        """Whether an entry listed is chosen (the first one, when none was)."""
        if chosen is not None and chosen in entries:
            return True
        if entries:
            choose(0)
            return True
        return False

    def set_account_type(self, value: str) -> None:
        if value in {kind for kind, _caption in ACCOUNT_TYPES}:
            self.account_type = value

    # -- what can be asked for -------------------------------------------------------------
    @Slot()
    @Slot(str)
    @Slot(bool)
    def _refresh(self, *_args: object) -> None:
        holder = self.holder.result
        self.holder_preview = holder.value if holder.error is None else ""
        self.submit_hint = _(self._missing()) if self._missing() else ""
        self.can_submit = not self._missing() and not self.busy and not self.otp.active

    def _missing(self) -> str:
        if self._read_only():
            return READ_ONLY
        if self._bank is None:
            return _CHOOSE_BANK
        if self._branch is None:
            return _CHOOSE_BRANCH
        if not self.account_number.valid:
            return _ENTER_NUMBER
        if not self.holder.valid:
            return _ENTER_HOLDER
        return ""

    def _account(self) -> NewBankAccount | None:
        if self._bank is None or self._branch is None:
            return None
        return NewBankAccount(
            bank_code=self._bank.code,
            branch_code=self._branch.code,
            account_type=self.account_type,
            account_number=self.account_number.value,
            holder=self.holder.value,
        )

    def summary(self) -> str:
        """What the confirmation shows: the new account, as it will be registered."""
        account = self._account()
        if account is None:
            return ""
        kind = dict(ACCOUNT_TYPES)[account.account_type]
        rows = (
            (_("Bank"), self.chosen_bank),
            (_("Branch"), self.chosen_branch),
            (_("Account type"), _(kind)),
            (_("Account number"), account.account_number),
            (_("Account holder"), account.holder),
        )
        lines = summary_lines(rows)
        profile = self.registered()
        if profile is None or profile.bank_account is None:
            return lines
        before = bank_text(profile.bank_account, holder=False)
        return "\n".join((_("Current: {account}").format(account=before), lines))

    # -- the change --------------------------------------------------------------------------
    def submit(self) -> None:
        """変更する (or Enter): show every error, or ask the member to confirm."""
        checks = [field.check() for field in (self.account_number, self.holder)]
        if any(checks) or not self.can_submit:
            return
        self._set_error(None)
        self.confirmation_requested.emit(self.summary())

    def confirm(self) -> None:
        """Confirmed: a one-time code is sent, and the change made with it."""
        account = self._account()
        if account is None or not self.can_submit:
            return
        store, token = self._services.store, self._app.token
        self.otp.start(
            CodedChange.BANK_ACCOUNT,
            lambda code: store.get().change_bank_account(token, account, code),
            self._on_changed,
            self._on_failure,  # a refusal of the account itself is the form's to show
        )

    @Slot(object)
    def _on_changed(self, _profile: MemberProfile) -> None:
        self._clear_form()
        self._app.refresh_summary()
        self.changed.emit(DONE)

    def _error_text(self, error: AppError) -> str:
        if error.code is ErrorCode.UNKNOWN_BANK:
            return _(_CHOOSE_BANK)
        return super()._error_text(error)

    # -- lifecycle -----------------------------------------------------------------------
    def shown(self) -> None:
        """The first visit loads the 全銀 bank list in the runner while the member reaches
        for the field, so the first keystroke finds it read."""
        if not self._warmed:
            self._warmed = True
            # Once the screen is painted: read meanwhile, the list would hold the GUI thread
            # up (the interpreter's lock) while it paints the form for the first time.
            QTimer.singleShot(WARM_UP_AFTER_MS, self._warm_up)

    @Slot()
    def _warm_up(self) -> None:
        self._submit("bank_data", load_banks, self._on_warm, self._on_warm, retry=False)

    @Slot(object)
    def _on_warm(self, _outcome: object) -> None:
        """The bank list is read (or could not be: the first search will say so)."""

    def _clear_form(self) -> None:
        self._bank = self._branch = None
        self.bank_text = self.branch_text = ""
        self.banks.clear()
        self.branches.clear()
        for field in (self.account_number, self.holder):
            field.reset()
        self.otp.reset()
        self.bank_row = self.branch_row = -1
        self.chosen_bank = self.chosen_branch = ""
        self.branch_enabled = False
        self.account_type = "ordinary"
        self._set_error(None)
        self._refresh()

    @Slot()
    def reset(self) -> None:
        super().reset()
        self._clear_form()

    def retranslate(self) -> None:
        super().retranslate()
        for field in (self.account_number, self.holder):
            field.retranslate()
        self.banks.relabel()
        self.branches.relabel()
        if self._bank is not None:
            self.chosen_bank = bank_line(self._bank)
        if self._branch is not None:
            self.chosen_branch = branch_line(self._branch)
        self._refresh()
