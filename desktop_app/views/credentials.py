"""Web-ID registration and password reset screens (two steps each: details, then the code
and the new credentials), and the demo inbox where the codes arrive."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QListWidget, QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.credentials import CodeFlowViewModel, RegisterViewModel, ResetViewModel
from desktop_app.viewmodels.field import FieldViewModel
from desktop_app.viewmodels.inbox import InboxViewModel
from desktop_app.views.binding import (
    bind_combo_index,
    bind_enabled,
    bind_error,
    bind_label,
    bind_visible,
    make_button,
    make_combo,
    make_label,
    name,
)
from desktop_app.views.widgets.date_input import DateInput
from desktop_app.views.widgets.kiosk_input import DIGITS, TEXT, kiosk_input
from desktop_app.views.widgets.page import form_column
from desktop_app.views.widgets.policy_field import PolicyField

# Where a birth date's calendar opens before one is entered.
BIRTH_DATE_START = date(1980, 1, 1)


class CodeFlowView(QWidget):
    """Signals:
    back_requested(): the member goes back to the sign-in screen.
    inbox_requested(): the member opens the demo inbox.
    """

    back_requested = Signal()
    inbox_requested = Signal()

    def __init__(self, vm: CodeFlowViewModel, prefix: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._vm = vm
        self._prefix = prefix
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.step1 = make_label(f"{prefix}Step1Label", wrap=True)
        self.step2 = make_label(f"{prefix}Step2Label", wrap=True)
        # One form for both steps, so their inputs share one caption column: step 1's rows,
        # the send button and the notes, then step 2's rows (kept in ``_step2_rows`` until
        # then, and enabled once the code is sent).
        self.first = QFormLayout()
        self._step2_rows: list[tuple[QLabel, PolicyField]] = []
        self.fields: list[tuple[QLabel, PolicyField, str]] = []
        self.send = make_button(f"{prefix}SendCodeButton", primary=True)
        self.send_hint = make_label(f"{prefix}SendCodeHint", "muted", wrap=True)
        self.submit_hint = make_label(f"{prefix}SubmitHint", "muted", wrap=True)
        self.info = make_label(f"{prefix}Info", "success", wrap=True)
        self.error = make_label(f"{prefix}Error", "error", wrap=True)
        self.submit = make_button(f"{prefix}SubmitButton", primary=True)
        self.back = make_button(f"{prefix}BackButton")
        self.inbox = make_button(f"{prefix}InboxButton")
        self.code = self._add(
            None, vm.code, f"{prefix}CodeInput", half_width_only=True, kiosk=DIGITS
        )

    def _add(
        self,
        form: QFormLayout | None,
        field_vm: FieldViewModel,
        object_name: str,
        *,
        half_width_only: bool = False,
        secret: bool = False,
        kiosk: str = "",
    ) -> PolicyField:
        caption = QLabel()
        field = PolicyField(
            field_vm, object_name, half_width_only=half_width_only, secret=secret, kiosk=kiosk
        )
        if form is None:  # step 2: laid out after step 1
            self._step2_rows.append((caption, field))
        else:
            form.addRow(caption, field)
        self.fields.append((caption, field, ""))
        return field

    def _finish_layout(self) -> None:
        vm = self._vm
        self.new_password = self._add(
            None, vm.new_password, f"{self._prefix}NewPasswordInput", secret=True
        )
        self.confirm_password = self._add(
            None, vm.confirm_password, f"{self._prefix}NewPasswordConfirmInput", secret=True
        )
        form = self.first
        for note in (self.send, self.send_hint, self.info, self.step2):
            form.addRow(note)  # across both columns
        for caption, field in self._step2_rows:
            form.addRow(caption, field)
            bind_enabled(caption, vm.code_sent_changed, vm.code_sent)
            bind_enabled(field, vm.code_sent_changed, vm.code_sent)
        layout = form_column(self)
        layout.addWidget(self.title)
        layout.addWidget(self.step1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.submit)
        layout.addWidget(self.submit_hint)
        links = QHBoxLayout()
        links.addWidget(self.back)
        links.addWidget(self.inbox)
        links.addStretch(1)
        layout.addLayout(links)
        layout.addStretch(1)
        bind_enabled(self.send, vm.can_send_changed, vm.can_send)
        bind_enabled(self.submit, vm.can_submit_changed, vm.can_submit)
        bind_label(self.send_hint, vm.send_hint_changed, vm.send_hint)
        bind_label(self.submit_hint, vm.submit_hint_changed, vm.submit_hint)
        bind_label(self.info, vm.info_changed, vm.info)
        bind_error(self.error, vm.error_changed, vm.error)
        vm.code_sent_changed.connect(self._code_sent)
        self.send.clicked.connect(vm.send_code)
        self.submit.clicked.connect(vm.submit)
        self.back.clicked.connect(self.back_requested)
        self.inbox.clicked.connect(self.inbox_requested)
        # Only a demo host has an inbox.
        bind_visible(self.inbox, vm.inbox_available_changed, vm.inbox_available)

    @Slot(bool)
    def _code_sent(self, sent: bool) -> None:
        """Step 2 is next: the member types the code at once, and sending again is no
        longer the main thing to do (a secondary button, 「確認コードを再送信する」)."""
        self.send.setProperty("role", "" if sent else "primary")
        self.send.style().unpolish(self.send)
        self.send.style().polish(self.send)
        self._send_text()
        if sent:
            self.code.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _send_text(self) -> None:
        sent = self._vm.code_sent
        self.send.setText(_("Send the code again") if sent else _("Send the confirmation code"))
        self.send.setAccessibleName(self.send.text())

    def _captions(self) -> list[str]:
        raise NotImplementedError

    def retranslate(self) -> None:
        for (caption, field, _unused), text in zip(self.fields, self._captions(), strict=True):
            caption.setText(text)
            field.set_accessible(text)
        self._send_text()
        self.submit.setText(_("Confirm"))
        self.back.setText(_("Back to sign-in"))
        self.inbox.setText(_("Open the inbox (demo)"))
        for button in (self.submit, self.back, self.inbox):
            button.setAccessibleName(button.text())
        self.error.setAccessibleName(_("Error"))
        self.step2.setText(self._step2_text())

    def _step2_text(self) -> str:
        return _("Step 2: enter the confirmation code you received and your new password.")


class RegisterView(CodeFlowView):
    def __init__(self, vm: RegisterViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "register", parent)
        name(self, "registerWebIdScreen")
        self.member_number = self._add(
            self.first,
            vm.member_number,
            "registerMemberNumberInput",
            half_width_only=True,
            kiosk=DIGITS,
        )
        self.email = self._add(
            self.first, vm.email, "registerEmailInput", half_width_only=True, kiosk=TEXT
        )
        self.new_web_id = self._add(
            None, vm.new_web_id, "registerNewWebIdInput", half_width_only=True, kiosk=TEXT
        )
        self._finish_layout()
        # The code row was added first; keep captions in the order rows were added.
        self.retranslate()

    def _step2_text(self) -> str:
        return _("Step 2: enter the confirmation code you received, your new Web-ID and password.")

    def _captions(self) -> list[str]:
        return [
            _("Confirmation code (6 digits)"),
            _("Member number (9 digits)"),
            _("Registered email address"),
            _("New Web-ID (8–32 letters and digits)"),
            _("New password"),
            _("New password (again)"),
        ]

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(_("Register a Web-ID"))
        self.step1.setText(
            _("Step 1: enter your member number and the email address you registered with us.")
        )


class ResetView(CodeFlowView):
    def __init__(self, vm: ResetViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, "reset", parent)
        name(self, "resetPasswordScreen")
        self.identifier = self._add(
            self.first, vm.identifier, "resetIdInput", half_width_only=True, kiosk=TEXT
        )
        # The minimum date means not entered; the calendar opens in 1980, not in 1900.
        self.birth = DateInput(
            "resetBirthDateInput",
            vm.days,
            start=lambda: BIRTH_DATE_START,
            optional=True,
            unset_text=lambda: _("Not entered"),
        )
        kiosk_input(self.birth, DIGITS)  # 19850412 on the kiosk's keypad, as typed
        self._birth_caption = QLabel()
        self.first.addRow(self._birth_caption, self.birth)
        self.channel = make_combo("resetChannelCombo")
        self._channel_caption = QLabel()
        self.first.addRow(self._channel_caption, self.channel)
        self._finish_layout()
        self.birth.dateChanged.connect(self._birth_changed)
        vm.birth_date_changed.connect(self._show_birth_date)
        bind_combo_index(self.channel, vm.channel_changed, vm.channel, vm.set_channel)
        self.retranslate()

    @Slot(QDate)
    def _birth_changed(self, _day: QDate) -> None:
        self._vm_reset().set_birth_date(self.birth.value())

    @Slot(object)
    def _show_birth_date(self, day: object) -> None:
        self.birth.set_value(day if isinstance(day, date) else None)

    def _vm_reset(self) -> ResetViewModel:
        assert isinstance(self._vm, ResetViewModel)
        return self._vm

    def _captions(self) -> list[str]:
        return [
            _("Confirmation code (6 digits)"),
            _("Web-ID or member number"),
            _("New password"),
            _("New password (again)"),
        ]

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(_("Reset your password"))
        self.step1.setText(_("Step 1: enter your Web-ID or member number and your date of birth."))
        self._birth_caption.setText(_("Date of birth"))
        self.birth.setAccessibleName(_("Date of birth"))
        self.birth.retranslate()
        self._channel_caption.setText(_("Send the code by"))
        self.channel.setAccessibleName(_("Send the code by"))
        index = self._vm_reset().channel
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItems([_("Email"), _("SMS")])
        self.channel.setCurrentIndex(index)
        self.channel.blockSignals(False)


class InboxView(QWidget):
    """Signals:
    back_requested(): back to where the member came from (the sign-in screen).
    """

    back_requested = Signal()

    def __init__(self, vm: InboxViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "inboxScreen")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.explain = make_label("inboxExplainLabel", "muted", wrap=True)
        self.list = QListWidget()
        name(self.list, "inboxList")
        self.list.setWordWrap(True)
        self.list.setSpacing(8)  # one message clearly apart from the next
        self.list.setAlternatingRowColors(True)
        self.refresh = make_button("inboxRefreshButton")
        self.back = make_button("inboxBackButton")
        layout = form_column(self, 760)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.refresh)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        vm.items_changed.connect(self._fill)
        self._fill(vm.items)
        self.refresh.clicked.connect(vm.refresh)
        self.back.clicked.connect(self.back_requested)
        self.retranslate()

    @Slot(list)
    def _fill(self, items: list[str]) -> None:
        self.list.clear()
        self.list.addItems(items)

    def retranslate(self) -> None:
        self.title.setText(_("Inbox (demo)"))
        self.explain.setText(
            _(
                "In this demo the messages the service sends by email or SMS (confirmation "
                "codes, sign-in alerts) arrive here instead."
            )
        )
        self.list.setAccessibleName(_("Messages"))
        self.refresh.setText(_("Refresh"))
        self.back.setText(_("Back"))  # to the screen the inbox was opened from
        for button in (self.refresh, self.back):
            button.setAccessibleName(button.text())
