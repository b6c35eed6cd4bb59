"""What every form of the registered details shares on screen (the address, phone, email,
workplace, Web-ID and password forms, the bank account and the repayment settings): a title
and an explanation, the rows under their captions, the refusal, the button with why it is
disabled (also its tool tip), the link back to the profile screen, and a confirmation (or,
for a sensitive change, the one-time code dialog) before the change is made. Enter in a field
presses the form's button (the main window does it: ``views.widgets.keyboard``).

``<prefix>Form`` holds ``<prefix>ExplainLabel``, ``<prefix>Error``,
``<prefix>SubmitButton``, ``<prefix>SubmitHint`` and ``<prefix>BackButton``. A subclass adds
its rows with ``add_field`` or ``add_row`` (and may add widgets to ``column`` under them),
calls ``finish()``, and gives its texts in ``retranslate`` (``set_texts``, then
``super().retranslate()``)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.field import FieldViewModel
from desktop_app.viewmodels.form import FormViewModel
from desktop_app.views.binding import (
    bind_enabled,
    bind_error,
    bind_label,
    make_button,
    make_label,
    name,
)
from desktop_app.views.confirm import open_confirmation
from desktop_app.views.otp import attach_otp
from desktop_app.views.widgets.page import fit_to_width, form_column, link_row
from desktop_app.views.widgets.policy_field import PolicyField


class ChangeFormView(QWidget):
    """Signals:
    back_requested(): the member goes back to the profile screen (without a change).
    """

    back_requested = Signal()

    def __init__(
        self,
        vm: FormViewModel,
        prefix: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._form_vm = vm
        name(self, f"{prefix}Form")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.explain = make_label(f"{prefix}ExplainLabel", "muted", wrap=True)
        # What is registered now (the contact forms); hidden when the form says nothing.
        self.registered_now = make_label(f"{prefix}CurrentLabel", "muted", wrap=True)
        self.form = QFormLayout()
        self.error = make_label(f"{prefix}Error", "error", wrap=True)
        self.submit = make_button(f"{prefix}SubmitButton", primary=True)
        self.submit_hint = make_label(f"{prefix}SubmitHint", "muted", wrap=True)
        self.back = make_button(f"{prefix}BackButton")
        self.back.setFlat(True)
        self.back.setProperty("role", "link")
        self._fields: list[tuple[QLabel, PolicyField, str]] = []
        self.column: QVBoxLayout = form_column(self)
        self.column.addWidget(self.title)
        self.column.addWidget(self.explain)
        self.column.addWidget(self.registered_now)
        self.column.addLayout(self.form)
        if vm.otp is not None:
            self.otp = attach_otp(self, vm.otp)

    # -- building ------------------------------------------------------------------------
    def caption(self, text: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def add_field(
        self,
        field_vm: FieldViewModel,
        object_name: str,
        caption_id: str,
        *,
        half_width_only: bool = False,
        secret: bool = False,
        error_name: str = "",
        notice_name: str = "",
        kiosk: str = "",
    ) -> PolicyField:
        """A field under its caption (the message id ``caption_id``, also its accessible
        name)."""
        field = PolicyField(
            field_vm,
            object_name,
            half_width_only=half_width_only,
            secret=secret,
            error_name=error_name,
            notice_name=notice_name,
            kiosk=kiosk,
        )
        caption = self.caption()
        caption.setBuddy(field.edit)
        self.form.addRow(caption, field)
        self._fields.append((caption, field, caption_id))
        return field

    def add_row(self, caption: QLabel | None, widget: QWidget) -> None:
        if caption is None:
            self.form.addRow(widget)
        else:
            self.form.addRow(caption, widget)

    def finish(self) -> None:
        """The common rows below the form; bind them."""
        layout = self.column
        layout.addWidget(self.error)
        layout.addWidget(self.submit)
        layout.addWidget(self.submit_hint)
        layout.addLayout(link_row(self.back))
        layout.addStretch(1)
        vm = self._form_vm
        bind_error(self.error, vm.error_changed, vm.error)
        bind_label(self.registered_now, vm.current_changed, vm.current)
        bind_label(self.submit_hint, vm.submit_hint_changed, vm.submit_hint)
        vm.submit_hint_changed.connect(self.submit.setToolTip)
        self.submit.setToolTip(vm.submit_hint)
        bind_enabled(self.submit, vm.can_submit_changed, vm.can_submit)
        self.submit.clicked.connect(vm.submit)
        self.back.clicked.connect(self.back_requested)
        vm.confirmation_requested.connect(self._confirm)
        fit_to_width(self)
        self.retranslate()

    # -- behaviour -----------------------------------------------------------------------
    @Slot(str)
    def _confirm(self, summary: str) -> None:
        if not self.isVisible():  # the member left meanwhile
            self._form_vm.cancel_confirmation()
            return
        open_confirmation(self, self.title.text(), summary, self._form_vm)

    def set_texts(self, title: str, explain: str, submit: str) -> None:
        """The form's own texts (an empty explanation is hidden)."""
        self.title.setText(title)
        self.explain.setText(explain)
        self.explain.setVisible(bool(explain))
        self.submit.setText(submit)

    def retranslate(self) -> None:
        for caption, field, caption_id in self._fields:
            caption.setText(_(caption_id))
            field.set_accessible(_(caption_id))
        self.back.setText(_("Back to registered details"))
        self.back.setAccessibleName(self.back.text())
        self.submit.setAccessibleName(self.submit.text())
        self.submit_hint.setAccessibleName(_("What is still needed"))
        self.registered_now.setAccessibleName(_("Registered now"))
