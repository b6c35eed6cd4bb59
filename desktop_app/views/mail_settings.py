"""返済日お知らせメール (``reminderForm``) and Web明細 (``webStatementsForm``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.reminder import HOURS, ReminderViewModel
from desktop_app.viewmodels.web_statements import WebStatementsViewModel
from desktop_app.views.binding import bind_enabled, bind_error, bind_label, make_combo, make_label
from desktop_app.views.change_form import ChangeFormView
from desktop_app.views.choices import ChoiceCombo, bound_check, offer_button


class ReminderView(ChangeFormView):
    """Signals:
    email_requested(): register an email address first (offered while none is).
    """

    email_requested = Signal()

    def __init__(self, vm: ReminderViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "reminder", parent)
        self._vm = vm
        self.use = bound_check(
            "reminderEnabledCheck", vm.enabled_changed, vm.enabled, vm.set_enabled
        )
        self.days = make_combo("reminderDaysCombo")
        self.hour = make_combo("reminderHourCombo")
        self.notice = make_label("reminderNotice", "notice", wrap=True)
        self.register_email = offer_button(
            "reminderEmailButton", vm.email_needed_changed, vm.email_needed, self.email_requested
        )
        self._captions = (self.caption(), self.caption())
        self.form.addRow(self.use)  # at the left edge, as in webStatementsForm
        self.form.addRow(self._captions[0], self.days)
        self.form.addRow(self._captions[1], self.hour)
        self.column.addWidget(self.notice)
        self.column.addWidget(self.register_email)
        self.finish()
        ChoiceCombo(
            self.days,
            (vm.days_labels_changed, lambda: vm.days_labels),
            lambda: vm.days,
            (vm.days_index_changed, lambda: vm.days_index),
            vm.set_days_index,
        )
        ChoiceCombo(
            self.hour,
            (vm.hour_labels_changed, lambda: vm.hour_labels),
            lambda: list(HOURS),
            (vm.hour_index_changed, lambda: vm.hour_index),
            vm.set_hour_index,
        )
        for combo in (self.days, self.hour):
            bind_enabled(combo, vm.enabled_changed, vm.enabled)
        bind_label(self.notice, vm.notice_changed, vm.notice)

    def retranslate(self) -> None:
        self.set_texts(
            _("Reminder email"),
            _("We email you a reminder of your due date and the amount to repay."),
            _("Change the reminder email"),
        )
        self.use.setText(_("Receive a reminder email"))
        self.use.setAccessibleName(_("Receive a reminder email"))
        self._captions[0].setText(_("When"))
        self._captions[1].setText(_("Time"))
        self.days.setAccessibleName(_("Days before the due date"))
        self.hour.setAccessibleName(_("Time of the reminder"))
        self.notice.setAccessibleName(_("Reminder email"))
        self.register_email.setText(_("Register an email address"))
        self.register_email.setAccessibleName(_("Register an email address"))
        super().retranslate()


class WebStatementsView(ChangeFormView):
    def __init__(self, vm: WebStatementsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "webStatements", parent)
        self._vm = vm
        self.use = bound_check("webStatementsCheck", vm.enabled_changed, vm.enabled, vm.set_enabled)
        self.notice = make_label("webStatementsNotice", "notice", wrap=True)
        # What stopping loses (the interest-free period): said as a warning.
        self.warning = make_label("webStatementsWarning", "error", wrap=True)
        self.form.addRow(self.use)
        self.column.addWidget(self.warning)
        self.column.addWidget(self.notice)
        self.finish()
        bind_label(self.notice, vm.notice_changed, vm.notice)
        bind_error(self.warning, vm.warning_changed, vm.warning)

    def retranslate(self) -> None:
        self.set_texts(
            _("Web statements"),
            _(
                "With web statements you see your statements in the member service instead of "
                "receiving them by post."
            ),
            _("Change web statements"),
        )
        self.use.setText(_("Use web statements"))
        self.use.setAccessibleName(_("Use web statements"))
        self.notice.setAccessibleName(_("What this means for the interest-free period"))
        self.warning.setAccessibleName(_("What this means for the interest-free period"))
        super().retranslate()
