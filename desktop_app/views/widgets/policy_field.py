"""The input widget every form uses: a line edit bound to a policy field, with its
conversion notice and its error right below it."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop_app.viewmodels.field import FieldViewModel
from desktop_app.views.binding import (
    bind_error,
    bind_label,
    bind_line_edit,
    make_label,
    make_line_edit,
)
from desktop_app.views.widgets.kiosk_input import SECRET, kiosk_input


class PolicyField(QWidget):
    """``objectName`` goes to the line edit (the name testers use); the error label is
    ``<name>Error`` and the notice ``<name>Notice`` unless given.

    ``half_width_only`` keeps the input method out (ID and number fields); ``secret`` hides
    the text (passwords, PINs, codes are never shown). ``kiosk`` is the on-screen input the
    field takes at a branch kiosk (widgets/kiosk_input.py; a secret takes the keyboard unless
    told otherwise)."""

    def __init__(
        self,
        vm: FieldViewModel,
        object_name: str,
        *,
        half_width_only: bool = False,
        secret: bool = False,
        error_name: str = "",
        notice_name: str = "",
        kiosk: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vm = vm
        self.edit: QLineEdit = make_line_edit(object_name)
        stem = object_name.removesuffix("Input")
        self.notice = make_label(notice_name or f"{stem}Notice", "notice", wrap=True)
        self.error = make_label(error_name or f"{stem}Error", "error", wrap=True)
        if secret:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        if kiosk or secret:
            kiosk_input(self.edit, kiosk or SECRET)
        if half_width_only or secret:
            from PySide6.QtCore import Qt

            self.edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            hint = Qt.InputMethodHint.ImhLatinOnly
            if secret:
                hint |= Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhHiddenText
            self.edit.setInputMethodHints(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        bind_line_edit(self.edit, vm.text_changed, vm.text, vm.set_text)
        self.edit.editingFinished.connect(vm.commit)
        bind_label(self.notice, vm.notice_changed, vm.notice)
        bind_error(self.error, vm.field_error_changed, vm.field_error, self.edit)

    def set_accessible(self, caption: str) -> None:
        self.edit.setAccessibleName(caption)
        self.error.setAccessibleName(caption)
        self.notice.setAccessibleName(caption)
