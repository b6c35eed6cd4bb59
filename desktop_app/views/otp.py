"""The one-time code dialog (``otpDialog``) of a sensitive change, and the one line a form's
view needs to offer it: ``attach_otp(self, vm.otp)``."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop_app.i18n import _
from desktop_app.viewmodels.otp import OtpViewModel
from desktop_app.views.binding import (
    bind_enabled,
    bind_error,
    bind_label,
    make_button,
    make_label,
    name,
)
from desktop_app.views.widgets.fitted_dialog import FittedDialog
from desktop_app.views.widgets.kiosk_input import DIGITS
from desktop_app.views.widgets.policy_field import PolicyField


class OtpDialog(FittedDialog):
    """Modal, opened non-blocking. Enter sends the code, Esc gives the change up; the focus
    starts in the code field. Closes itself when the view-model is finished."""

    def __init__(self, vm: OtpViewModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "otpDialog", _("Confirmation code"))
        self.setWindowTitle(_("Confirmation code"))
        self.setModal(True)
        heading = QLabel(_("Enter the confirmation code"))
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        self.info = make_label("otpInfoLabel", wrap=True)
        self.info.setAccessibleName(_("Where the code was sent"))
        self._caption = QLabel(_("Confirmation code ({digits} digits)").format(digits=vm.digits))
        self.code = PolicyField(
            vm.code, "otpCodeInput", half_width_only=True, error_name="otpCodeError", kiosk=DIGITS
        )
        self.code.set_accessible(_("Confirmation code"))
        self.code.edit.setMaxLength(16)  # room for spaces and hyphens, no more
        self._caption.setBuddy(self.code.edit)
        self.error = make_label("otpError", "error", wrap=True)
        self.sentences = (self.info, self.error)
        self.error.setAccessibleName(_("Confirmation code"))
        self.submit = make_button("otpSubmitButton", primary=True)
        self.submit.setText(_("Confirm"))
        self.submit.setAccessibleName(_("Confirm"))
        self.resend = make_button("otpResendButton")
        self.cancel = make_button("otpCancelButton")
        self.cancel.setText(_("Cancel"))
        self.cancel.setAccessibleName(_("Cancel"))
        for button in (self.submit, self.resend, self.cancel):
            button.setAutoDefault(False)  # Enter is the code field's: it sends the code once
        resend_row = QHBoxLayout()  # a row of its own: with the seconds left it is long
        resend_row.addWidget(self.resend)
        resend_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.info)
        layout.addWidget(self._caption)
        layout.addWidget(self.code)
        layout.addWidget(self.error)
        layout.addLayout(resend_row)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.code.edit, self.submit)
        QWidget.setTabOrder(self.submit, self.resend)
        QWidget.setTabOrder(self.resend, self.cancel)
        self._bind()

    def _bind(self) -> None:
        vm = self._vm
        bind_label(self.info, vm.info_changed, vm.info)
        bind_error(self.error, vm.error_changed, vm.error)
        bind_enabled(self.submit, vm.can_submit_changed, vm.can_submit)
        bind_enabled(self.resend, vm.can_resend_changed, vm.can_resend)
        vm.resend_text_changed.connect(self._set_resend_text)
        self._set_resend_text(vm.resend_text)
        self.submit.clicked.connect(self._submit)
        self.code.edit.returnPressed.connect(self._submit)
        self.resend.clicked.connect(vm.resend)
        self.cancel.clicked.connect(self.reject)
        self.rejected.connect(vm.cancel)
        vm.finished.connect(self._finished)
        for signal in (vm.info_changed, vm.error_changed):
            signal.connect(self._later_refit)
        self.finished.connect(self._dispose)

    @Slot()
    def _refit(self) -> None:
        if isValid(self):
            self.refit()

    @Slot(str)
    def _set_resend_text(self, text: str) -> None:
        self.resend.setText(text)
        self.resend.setAccessibleName(text)

    @Slot()
    def _submit(self) -> None:
        self._vm.submit()

    @Slot(bool)
    def _finished(self, done: bool) -> None:
        if isValid(self) and self.isVisible():
            self.done(QDialog.DialogCode.Accepted if done else QDialog.DialogCode.Rejected)

    @Slot(str)
    def _later_refit(self, _text: str) -> None:
        QTimer.singleShot(0, self._refit)  # once the labels have their new texts laid out

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # never QDialog's default button: the code field sends, once
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # fitted to its sentences, over the window's middle
        self.code.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _dispose(self) -> None:
        """Leave the window at once (a script's next findChild finds only a live dialog)."""
        window = self.parentWidget()
        self.setParent(None)
        self.deleteLater()
        if window is not None:
            window.activateWindow()


class OtpOpener(QObject):
    """Opens an ``OtpDialog`` over ``anchor``'s window whenever ``vm`` needs a code (while
    ``anchor`` is on screen; else the change is given up)."""

    def __init__(self, anchor: QWidget, vm: OtpViewModel) -> None:
        super().__init__(anchor)
        self._anchor = anchor
        self._vm = vm
        self.dialog: OtpDialog | None = None
        vm.code_needed.connect(self._open)

    @Slot()
    def _open(self) -> None:
        if not self._anchor.isVisible():
            self._vm.cancel()
            return
        self.dialog = OtpDialog(self._vm, self._anchor.window())
        self.dialog.open()


def attach_otp(anchor: QWidget, vm: OtpViewModel) -> OtpOpener:
    """Offer the one-time code dialog from a form: ``attach_otp(self, vm.otp)``."""
    return OtpOpener(anchor, vm)
