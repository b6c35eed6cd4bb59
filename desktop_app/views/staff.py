"""The branch kiosk's staff exit: ``staffExitButton`` in the window's header opens
``staffPinDialog`` (``staffPinInput``, ``staffPinError``)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRegularExpression, QTimer, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from desktop_app.i18n import _, hub
from desktop_app.viewmodels.staff import StaffExitViewModel
from desktop_app.views.binding import (
    bind_enabled,
    bind_label,
    bind_line_edit,
    make_button,
    make_label,
    make_line_edit,
    name,
)
from desktop_app.views.widgets.fitted_dialog import FittedDialog
from desktop_app.views.widgets.kiosk_input import PIN, kiosk_input


class StaffExit(QObject):
    """The small 係員用 button (``button``, for the window's header) and its PIN dialog."""

    def __init__(self, vm: StaffExitViewModel, window: QWidget) -> None:
        super().__init__(window)
        self._vm = vm
        self._window = window
        self.button = make_button("staffExitButton")
        self.button.setProperty("role", "link")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self._open)
        self._dialog: QDialog | None = None
        hub().language_changed.connect(self._retranslate)
        self._retranslate()

    @Slot()
    def _open(self) -> None:
        if self._dialog is None:
            self._dialog = self._build()
        self._vm.begin()
        self._dialog.open()
        self._input.setFocus()

    def _build(self) -> QDialog:
        dialog = FittedDialog(self._window)
        dialog.setModal(True)
        name(dialog, "staffPinDialog")
        self._heading = make_label("staffPinTitle", "heading")
        self._info = make_label("staffPinInfo", wrap=True)
        self._input = make_line_edit("staffPinInput")
        self._input.setEchoMode(QLineEdit.EchoMode.Password)
        self._input.setMaxLength(self._vm.max_length)
        digits = QRegularExpression(f"[0-9]{{0,{self._vm.max_length}}}")  # half-width only
        self._input.setValidator(QRegularExpressionValidator(digits, self._input))
        kiosk_input(self._input, PIN)  # typed on the kiosk's keypad, digits shuffled
        self._error = make_label("staffPinError", "error", wrap=True)
        self._submit = make_button("staffPinSubmitButton", primary=True)
        self._cancel = make_button("staffPinCancelButton")
        self._cancel.setAutoDefault(False)
        vm = self._vm
        bind_line_edit(self._input, vm.pin_text_changed, vm.pin_text, vm.set_pin_text)
        bind_label(self._error, vm.message_changed, vm.message)
        bind_enabled(self._submit, vm.can_submit_changed, vm.can_submit)
        bind_enabled(self._input, vm.configured_changed, vm.configured)
        self._submit.clicked.connect(vm.submit)
        self._input.returnPressed.connect(vm.submit)
        self._cancel.clicked.connect(dialog.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._submit)
        layout = QVBoxLayout(dialog)
        layout.setContentsMargins(24, 20, 24, 20)
        for widget in (self._heading, self._info, self._input, self._error):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        dialog.sentences = (self._info, self._error)
        # A sentence that comes or goes (a wrong PIN, the lock) gets its room at once.
        vm.message_changed.connect(lambda _text: QTimer.singleShot(0, dialog.refit))
        dialog.rejected.connect(vm.reset)  # nothing typed stays behind
        self._dialog = dialog
        self._retranslate()
        return dialog

    @Slot(str)
    @Slot()
    def _retranslate(self, _language: str = "") -> None:
        title = _("Staff exit")
        self.button.setText(title)
        self.button.setAccessibleName(_("Staff exit (staff only)"))
        if self._dialog is None:
            return
        self._dialog.setWindowTitle(title)
        self._dialog.setAccessibleName(title)
        self._heading.setText(title)
        self._info.setText(_("Staff: please enter the staff PIN to leave kiosk mode."))
        self._input.setAccessibleName(_("Staff PIN"))
        self._error.setAccessibleName(_("Staff PIN error"))
        for button, text in ((self._submit, _("Leave kiosk mode")), (self._cancel, _("Cancel"))):
            button.setText(text)
            button.setAccessibleName(text)
