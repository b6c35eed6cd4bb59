"""What the forms of the registered details share on screen: a title and an explanation,
the fields under their captions, the refusal, the button with why it is disabled, a way back
to the profile screen; Enter in a field sends the form (the main window presses the form's
primary button); a confirmation (or, for a sensitive
change, the one-time code dialog) before the change is made.

A subclass adds its rows with ``add_field`` (or ``add_row``), then calls ``finish()``."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.change_form import ChangeFormViewModel
from desktop_app.viewmodels.field import FieldViewModel
from desktop_app.views.binding import bind_enabled, bind_label, make_button, make_label, name
from desktop_app.views.confirm import open_confirmation
from desktop_app.views.otp import attach_otp
from desktop_app.views.widgets.page import fit_to_width, form_column
from desktop_app.views.widgets.policy_field import PolicyField


class ChangeFormView(QWidget):
    """Signals:
    back_requested(): the member goes back to the profile screen (without a change).
    """

    back_requested = Signal()

    def __init__(
        self,
        vm: ChangeFormViewModel,
        screen_name: str,
        prefix: str,
        submit_name: str = "",
        error_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, screen_name)
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.explain = make_label(f"{prefix}ExplainLabel", "muted", wrap=True)
        self.form = QFormLayout()
        self.error = make_label(error_name or f"{prefix}Error", "error", wrap=True)
        self.submit = make_button(submit_name or f"{prefix}SubmitButton", primary=True)
        self.submit_hint = make_label(f"{prefix}SubmitHint", "muted", wrap=True)
        self.back = make_button(f"{prefix}BackButton")
        self.back.setFlat(True)
        self.back.setProperty("role", "link")
        self._fields: list[tuple[QLabel, PolicyField, str]] = []
        self.layout_column = form_column(self)
        if vm.otp is not None:
            self.otp = attach_otp(self, vm.otp)

    # -- building ------------------------------------------------------------------------
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
    ) -> PolicyField:
        field = PolicyField(
            field_vm,
            object_name,
            half_width_only=half_width_only,
            secret=secret,
            error_name=error_name,
            notice_name=notice_name,
        )
        caption = QLabel()
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
        """Lay the form out and bind what every form has."""
        layout = self.layout_column
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.submit)
        layout.addWidget(self.submit_hint)
        links = QHBoxLayout()
        links.addWidget(self.back)
        links.addStretch(1)
        layout.addLayout(links)
        layout.addStretch(1)
        vm = self._vm
        bind_label(self.error, vm.error_changed, vm.error)
        bind_label(self.submit_hint, vm.submit_hint_changed, vm.submit_hint)
        bind_enabled(self.submit, vm.can_submit_changed, vm.can_submit)
        self.submit.clicked.connect(vm.submit)
        self.back.clicked.connect(self.back_requested)
        vm.confirmation_requested.connect(self._confirm)
        fit_to_width(self)
        self.retranslate()

    # -- behaviour -----------------------------------------------------------------------
    @Slot(str)
    def _confirm(self, summary: str) -> None:
        if not self.isVisible():
            return
        open_confirmation(self, self.confirm_title(), summary, self._vm)

    def confirm_title(self) -> str:
        return self.title.text()

    def first_field(self) -> QWidget | None:
        return self._fields[0][1].edit if self._fields else None

    def retranslate(self) -> None:
        for caption, field, caption_id in self._fields:
            caption.setText(_(caption_id))
            field.set_accessible(_(caption_id))
        self.back.setText(_("Back to registered details"))
        self.back.setAccessibleName(self.back.text())
        self.submit.setAccessibleName(self.submit.text())
