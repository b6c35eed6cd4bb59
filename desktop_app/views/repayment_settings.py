"""返済日の変更 (``dueDayForm``) and 口座振替 (``autoDebitForm``): what the change leads to is
shown before the member confirms it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.auto_debit import AutoDebitViewModel
from desktop_app.viewmodels.due_day import DueDayViewModel
from desktop_app.views.binding import bind_enabled, bind_label, make_combo, make_label
from desktop_app.views.change_form import ChangeFormView
from desktop_app.views.choices import bound_check, choose_due_day, offer_button


class DueDayView(ChangeFormView):
    def __init__(self, vm: DueDayViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "dueDay", parent)
        self._vm = vm
        self.current = make_label("dueDayCurrentLabel", "figure")
        self.day = make_combo("dueDayCombo")
        self.effect = make_label("dueDayEffectLabel", "notice", wrap=True)
        self._captions = (self.caption(), self.caption())
        self.form.addRow(self._captions[0], self.current)
        self.form.addRow(self._captions[1], self.day)
        self.form.addRow("", self.effect)
        self.finish()
        choose_due_day(self.day, vm)
        bind_label(self.current, vm.current_changed, vm.current)
        bind_label(self.effect, vm.effect_changed, vm.effect)

    def retranslate(self) -> None:
        self.set_texts(
            _("Change your due day"),
            _(
                "If a due date falls on a bank holiday, it moves to the next business day. The "
                "next due date after the change is shown before you confirm it."
            ),
            _("Change the due day"),
        )
        self._captions[0].setText(_("Due day now"))
        self._captions[1].setText(_("New due day"))
        self.current.setAccessibleName(_("Due day now"))
        self.day.setAccessibleName(_("New due day"))
        self.effect.setAccessibleName(_("Next due date after the change"))
        super().retranslate()


class AutoDebitView(ChangeFormView):
    """Signals:
    bank_requested(): register a bank account first (offered while none is).
    """

    bank_requested = Signal()

    def __init__(self, vm: AutoDebitViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "autoDebit", parent)
        self._vm = vm
        self.account = make_label("autoDebitAccountLabel", "figure", wrap=True)
        self.use = bound_check("autoDebitCheck", vm.enabled_changed, vm.enabled, vm.set_enabled)
        self.day = make_combo("autoDebitDueDayCombo")
        self.notice = make_label("autoDebitNotice", "notice", wrap=True)
        self.register_bank = offer_button(
            "autoDebitBankButton", vm.bank_needed_changed, vm.bank_needed, self.bank_requested
        )
        self._captions = (self.caption(), self.caption())
        self.form.addRow(self._captions[0], self.account)
        self.form.addRow(self.use)  # at the left edge, as in webStatementsForm
        self.form.addRow(self._captions[1], self.day)
        self.column.addWidget(self.notice)
        self.column.addWidget(self.register_bank)
        self.finish()
        choose_due_day(self.day, vm)
        bind_label(self.account, vm.account_changed, vm.account)
        bind_enabled(self.use, vm.bank_needed_changed, vm.bank_needed, invert=True)
        bind_enabled(self.day, vm.day_choosable_changed, vm.day_choosable)
        bind_label(self.notice, vm.notice_changed, vm.notice)

    def retranslate(self) -> None:
        self.set_texts(
            _("Automatic debit"),
            _("The minimum payment is debited from your registered bank account on each due date."),
            _("Change automatic debit"),
        )
        self._captions[0].setText(_("Account debited"))
        self._captions[1].setText(_("Due day"))
        self.account.setAccessibleName(_("Account debited"))
        self.use.setText(_("Use automatic debit"))
        self.use.setAccessibleName(_("Use automatic debit"))
        self.day.setAccessibleName(_("Due day"))
        self.notice.setAccessibleName(_("What automatic debit means for your due day"))
        self.register_bank.setText(_("Register a bank account"))
        self.register_bank.setAccessibleName(_("Register a bank account"))
        super().retranslate()
