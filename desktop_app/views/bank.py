"""口座の変更 (``bankForm``): bank and branch searched as the member types, the account type,
number and holder (with the 全銀 half-width form that will be stored), then a confirmation and
the one-time code dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.i18n import _
from desktop_app.viewmodels.bank import BankFormViewModel
from desktop_app.viewmodels.bank_account import ACCOUNT_TYPES
from desktop_app.views.binding import (
    bind_enabled,
    bind_label,
    bind_line_edit,
    make_combo,
    make_label,
    make_line_edit,
    name,
)
from desktop_app.views.change_form import ChangeFormView
from desktop_app.views.widgets.keyboard import is_plain_enter
from desktop_app.views.widgets.kiosk_input import DIGITS
from desktop_app.views.widgets.policy_field import PolicyField

LIST_ROWS = 5  # lines of a result list shown without scrolling


def _result_list(object_name: str) -> QListWidget:
    results = QListWidget()
    name(results, object_name)
    results.setUniformItemSizes(True)
    rows = results.fontMetrics().height() + 6
    results.setMaximumHeight(rows * LIST_ROWS + 2 * results.frameWidth())
    return results


class _DownToList(QObject):
    """↓ in a search field goes to its result list (its first line, when none is current)."""

    def __init__(self, edit: QWidget, results: QListWidget) -> None:
        super().__init__(edit)
        self._results = results
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self._results.count()
        ):
            if self._results.currentRow() < 0:
                self._results.setCurrentRow(0)
            self._results.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False


class BankFormView(ChangeFormView):
    def __init__(self, vm: BankFormViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "bank", parent)
        self._vm = vm
        self.bank_search = make_line_edit("bankSearchInput")
        self.bank_results = _result_list("bankResultList")
        self.bank_chosen = make_label("bankChosenLabel", "figure", wrap=True)
        self.branch_search = make_line_edit("branchSearchInput")
        self.branch_results = _result_list("branchResultList")
        self.branch_chosen = make_label("branchChosenLabel", "figure", wrap=True)
        self.account_type = make_combo("accountTypeCombo")
        self.number = PolicyField(
            vm.account_number, "accountNumberInput", half_width_only=True, kiosk=DIGITS
        )
        self.number.edit.setMaxLength(16)
        self.holder = PolicyField(vm.holder, "accountHolderInput")
        self.preview = make_label("accountHolderPreviewLabel", "figure")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._captions = [self.caption() for _row in range(5)]
        self.form.addRow(self._captions[0], self._block(self.bank_search, self.bank_results))
        self.form.addRow("", self.bank_chosen)
        self.form.addRow(self._captions[1], self._block(self.branch_search, self.branch_results))
        self.form.addRow("", self.branch_chosen)
        self.form.addRow(self._captions[2], self.account_type)
        self.form.addRow(self._captions[3], self.number)
        self.form.addRow(self._captions[4], self.holder)
        self._preview_caption = self.caption()
        self.form.addRow(self._preview_caption, self.preview)
        self.finish()
        vm.otp.code_needed.connect(self._code_dialog_opened)
        _DownToList(self.bank_search, self.bank_results)
        _DownToList(self.branch_search, self.branch_results)
        self._bind()

    @staticmethod
    def _block(search: QWidget, results: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(search)
        layout.addWidget(results)
        return box

    def _bind(self) -> None:
        vm = self._vm
        bind_line_edit(self.bank_search, vm.bank_text_changed, vm.bank_text, vm.set_bank_text)
        bind_line_edit(
            self.branch_search, vm.branch_text_changed, vm.branch_text, vm.set_branch_text
        )
        vm.banks.texts_changed.connect(self._show_banks)
        vm.branches.texts_changed.connect(self._show_branches)
        vm.bank_row_changed.connect(self._select_bank)
        vm.branch_row_changed.connect(self._select_branch)
        self.bank_results.currentRowChanged.connect(vm.choose_bank)
        self.branch_results.currentRowChanged.connect(vm.choose_branch)
        self.bank_results.itemActivated.connect(self._bank_activated)
        self.branch_results.itemActivated.connect(self._branch_activated)
        bind_enabled(self.branch_results, vm.branch_enabled_changed, vm.branch_enabled)
        bind_label(self.bank_chosen, vm.chosen_bank_changed, vm.chosen_bank)
        bind_label(self.branch_chosen, vm.chosen_branch_changed, vm.chosen_branch)
        bind_label(self.preview, vm.holder_preview_changed, vm.holder_preview, hide_empty=False)
        vm.holder_preview_changed.connect(self._show_preview_row)
        self._show_preview_row(vm.holder_preview)
        self.account_type.currentIndexChanged.connect(self._type_chosen)
        vm.account_type_changed.connect(self._show_type)
        bind_enabled(self.branch_search, vm.branch_enabled_changed, vm.branch_enabled)

    # -- the result lists --------------------------------------------------------------------
    @Slot(list)
    def _show_banks(self, lines: list[str]) -> None:
        self._fill(self.bank_results, lines, self._vm.bank_row)

    @Slot(list)
    def _show_branches(self, lines: list[str]) -> None:
        self._fill(self.branch_results, lines, self._vm.branch_row)

    @staticmethod
    def _fill(results: QListWidget, lines: list[str], row: int) -> None:
        results.blockSignals(True)
        results.clear()
        results.addItems(lines)
        results.setCurrentRow(row)
        results.blockSignals(False)

    @Slot(int)
    def _select_bank(self, row: int) -> None:
        self._select(self.bank_results, row)

    @Slot(int)
    def _select_branch(self, row: int) -> None:
        self._select(self.branch_results, row)

    @staticmethod
    def _select(results: QListWidget, row: int) -> None:
        if results.currentRow() != row:
            results.blockSignals(True)
            results.setCurrentRow(row)
            results.blockSignals(False)

    @Slot()
    def _bank_activated(self) -> None:
        self.branch_search.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _branch_activated(self) -> None:
        self.account_type.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str)
    def _show_preview_row(self, preview: str) -> None:
        self.form.setRowVisible(self.preview, bool(preview))

    # -- the account type --------------------------------------------------------------------
    @Slot(int)
    def _type_chosen(self, index: int) -> None:
        value = self.account_type.itemData(index)
        if isinstance(value, str):
            self._vm.set_account_type(value)

    @Slot(str)
    def _show_type(self, value: str) -> None:
        index = self.account_type.findData(value)
        if index != self.account_type.currentIndex():
            self.account_type.blockSignals(True)
            self.account_type.setCurrentIndex(index)
            self.account_type.blockSignals(False)

    @Slot()
    def _code_dialog_opened(self) -> None:
        """The code dialog opens as 確定 of the confirmation is handled, while the window is
        still taking the keyboard back from the confirmation (queued): hand it to the code
        dialog once that is done."""
        QTimer.singleShot(0, self._activate_code_dialog)

    @Slot()
    def _activate_code_dialog(self) -> None:
        dialog = self.otp.dialog
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.activateWindow()
            dialog.code.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- Enter ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a search field (or its list) takes its first (or current) line and goes
        on to the next field; anywhere else it is the window's, as on every form (it presses
        the focused button, or 変更する)."""
        if is_plain_enter(event) and not event.isAutoRepeat() and self._search_enter():
            event.accept()
            return
        super().keyPressEvent(event)

    def _search_enter(self) -> bool:
        focused = QApplication.focusWidget()
        if focused in (self.bank_search, self.bank_results):
            if self._vm.choose_first_bank():
                self.branch_search.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if focused in (self.branch_search, self.branch_results):
            if self._vm.choose_first_branch():
                self.number.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def retranslate(self) -> None:
        self.set_texts(
            _("Change your bank account"),
            _(
                "We pay the money you borrow into this account. If you use automatic debit, "
                "repayments are taken from it."
            ),
            _("Change the account"),
        )
        captions = (
            _("Bank"),
            _("Branch"),
            _("Account type"),
            _("Account number"),
            _("Account holder"),
        )
        for caption, text in zip(self._captions, captions, strict=True):
            caption.setText(text)
        self._preview_caption.setText(_("Registered as"))
        self.preview.setAccessibleName(_("Account holder as registered"))
        self.bank_search.setPlaceholderText(_("Bank name, kana or code"))
        self.bank_search.setAccessibleName(_("Search for your bank"))
        self.bank_results.setAccessibleName(_("Banks found"))
        self.branch_search.setPlaceholderText(_("Branch name, kana or code"))
        self.branch_search.setAccessibleName(_("Search for the branch"))
        self.branch_results.setAccessibleName(_("Branches found"))
        self.bank_chosen.setAccessibleName(_("Bank chosen"))
        self.branch_chosen.setAccessibleName(_("Branch chosen"))
        self.account_type.setAccessibleName(_("Account type"))
        self.account_type.blockSignals(True)
        self.account_type.clear()
        for value, label in ACCOUNT_TYPES:
            self.account_type.addItem(_(label), value)
        self.account_type.setCurrentIndex(self.account_type.findData(self._vm.account_type))
        self.account_type.blockSignals(False)
        self.number.set_accessible(_("Account number"))
        self.number.edit.setPlaceholderText(_("7 digits"))
        self.holder.set_accessible(_("Account holder"))
        self.holder.edit.setPlaceholderText(_("As on your bank book, e.g. YAMADA TARO"))
        super().retranslate()
