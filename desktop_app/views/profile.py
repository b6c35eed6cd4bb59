"""The profile screen (登録内容の確認・変更): each registered item with its change button,
the procedures that cannot be done online, and the change history (変更履歴)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, SignalInstance, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import N_, _
from desktop_app.viewmodels.profile import ProfileViewModel
from desktop_app.views.binding import (
    bind_enabled,
    bind_error,
    bind_label,
    make_button,
    make_label,
    name,
)
from desktop_app.views.widgets.keyboard import focus_first_control
from desktop_app.views.widgets.page import SideBySide, form_column
from desktop_app.views.widgets.wrap_button import WrapButton

HISTORY_HEIGHT = 220  # about five rows of two lines; the table scrolls the rest
VALUE_COLUMNS = (2, 3)  # 変更前, 変更後: they share the width left and wrap

# (section caption, ((caption, value label name, view-model property, button name, button
# text, link signal name), …)); a value property "" has no value shown (the password).
SECTIONS = (
    (
        N_("Contact details"),
        (
            (N_("Address"), "profileAddressLabel", "address", "changeAddressButton", "address"),
            (N_("Phone number"), "profilePhoneLabel", "phone", "changePhoneButton", "phone"),
            (N_("Email address"), "profileEmailLabel", "email", "changeEmailButton", "email"),
            (
                N_("Workplace"),
                "profileWorkplaceLabel",
                "workplace",
                "changeWorkplaceButton",
                "workplace",
            ),
        ),
    ),
    (
        N_("Bank account and repayment"),
        (
            (N_("Bank account"), "profileBankLabel", "bank", "changeBankButton", "bank"),
            (N_("Due day"), "profileDueDayLabel", "due_day", "changeDueDayButton", "due_day"),
            (
                N_("Automatic debit"),
                "profileAutoDebitLabel",
                "auto_debit",
                "autoDebitButton",
                "auto_debit",
            ),
            (
                N_("Reminder email"),
                "profileReminderLabel",
                "reminder",
                "reminderButton",
                "reminder",
            ),
            (
                N_("Web statements"),
                "profileWebStatementsLabel",
                "web_statements",
                "webStatementsButton",
                "web_statements",
            ),
        ),
    ),
    (
        N_("Sign-in"),
        (
            (N_("Web-ID"), "profileWebIdLabel", "web_id", "changeWebIdButton", "web_id"),
            (N_("Password"), "profilePasswordLabel", "", "changePasswordButton", "password"),
        ),
    ),
)


class ProfileView(QWidget):
    """Signals (the member follows a change button or a link):
    address_requested(), phone_requested(), email_requested(), workplace_requested(),
    bank_requested(), due_day_requested(), auto_debit_requested(), reminder_requested(),
    web_statements_requested(), web_id_requested(), password_requested(),
    not_online_requested().
    """

    address_requested = Signal()
    phone_requested = Signal()
    email_requested = Signal()
    workplace_requested = Signal()
    bank_requested = Signal()
    due_day_requested = Signal()
    auto_debit_requested = Signal()
    reminder_requested = Signal()
    web_statements_requested = Signal()
    web_id_requested = Signal()
    password_requested = Signal()
    not_online_requested = Signal()

    def __init__(self, vm: ProfileViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "profileScreen")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.notice = make_label("profileNoticeLabel", "success", wrap=True)
        self.hint = make_label("profileChangeHint", "muted", wrap=True)
        self.error = make_label("profileError", "error", wrap=True)
        layout = form_column(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        self._sections: list[tuple[QLabel, str]] = []
        self._rows: list[tuple[QLabel, QLabel, QPushButton, str]] = []
        self.buttons: dict[str, QPushButton] = {}
        self.values: dict[str, QLabel] = {}
        for caption_id, rows in SECTIONS:
            section = QLabel()
            section.setProperty("role", "section")
            section.setWordWrap(True)
            self._sections.append((section, caption_id))
            layout.addSpacing(6)
            layout.addWidget(section)
            for row in rows:
                layout.addWidget(self._row(*row))
        self.not_online = WrapButton("notOnlineLink")  # long: it wraps at large sizes
        layout.addWidget(self.not_online)
        layout.addSpacing(6)
        self.history_title = QLabel()
        self.history_title.setProperty("role", "section")
        layout.addWidget(self.history_title)
        self.history_empty = make_label("changeHistoryEmptyLabel", "muted", wrap=True)
        layout.addWidget(self.history_empty)
        self.history = self._history_table()
        layout.addWidget(self.history)
        layout.addStretch(1)
        self._bind()
        self.retranslate()

    def _row(
        self, caption_id: str, label_name: str, prop: str, button_name: str, link: str
    ) -> SideBySide:
        caption = QLabel()
        caption.setProperty("role", "fact-caption")
        caption.setWordWrap(True)
        value = make_label(label_name, wrap=True)
        button = make_button(button_name)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        text = QWidget()
        text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        lines = QVBoxLayout(text)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(0)
        lines.addWidget(caption)
        lines.addWidget(value)
        # The button beside the value while both fit (an email address does not wrap), else
        # under it.
        row = SideBySide(text, button, stretch=0)
        self._rows.append((caption, value, button, caption_id))
        self.buttons[link] = button
        self.values[prop or link] = value
        signal: SignalInstance = getattr(self, f"{link}_requested")
        button.clicked.connect(signal)
        if prop:
            changed: SignalInstance = getattr(self._vm, f"{prop}_changed")
            bind_label(value, changed, getattr(self._vm, prop), hide_empty=False)
        bind_enabled(button, self._vm.can_change_changed, self._vm.can_change)
        return row

    def _history_table(self) -> QTableView:
        table = QTableView()
        name(table, "changeHistoryTable")
        table.setModel(self._vm.history)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The values wrap in their columns rather than push the table sideways (it scrolls
        # sideways only when even the column titles cannot fit: the largest text, 800×600).
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in VALUE_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        table.setMinimumHeight(HISTORY_HEIGHT)
        return table

    def _bind(self) -> None:
        vm = self._vm
        bind_label(self.notice, vm.notice_changed, vm.notice)
        bind_label(self.history_empty, vm.history_empty_changed, vm.history_empty)
        bind_label(self.hint, vm.change_hint_changed, vm.change_hint)
        bind_error(self.error, vm.error_changed, vm.error)
        self.not_online.clicked.connect(self.not_online_requested)
        vm.can_change_changed.connect(self._buttons_ready)

    @Slot(bool)
    def _buttons_ready(self, ready: bool) -> None:
        """The change buttons were disabled while the details loaded, so the keyboard landed
        on the link below them: it moves to the first button once they can be used."""
        focus = QApplication.focusWidget()
        if ready and self.isVisible() and (focus is None or focus is self.not_online):
            focus_first_control(self)

    def retranslate(self) -> None:
        self.title.setText(_("Check and change your registered details"))
        for section, caption_id in self._sections:
            section.setText(_(caption_id))
        for caption, value, button, caption_id in self._rows:
            text = _(caption_id)
            caption.setText(text)
            value.setAccessibleName(text)
            button.setText(_("Change"))
            button.setAccessibleName(_("Change: {item}").format(item=text))
        self.values["password"].setText(_("Not shown, for your security"))
        self.not_online.set_label(_("What cannot be done online"))
        self.history_title.setText(_("Change history"))
        self.history.setAccessibleName(_("Change history"))
        self.history_empty.setAccessibleName(_("Change history"))
        self._fit_history_header()

    def _fit_history_header(self) -> None:
        """No column narrower than its title, in this language and at this text size."""
        header = self.history.horizontalHeader()
        widest = max(header.sectionSizeHint(column) for column in range(header.count()))
        header.setMinimumSectionSize(widest)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_history_header()
