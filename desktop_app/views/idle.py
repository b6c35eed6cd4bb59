"""The idle timeout's view side: noticing input, and the warning that counts down."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.idle import IdleViewModel
from desktop_app.views.appearance import adopt
from desktop_app.views.binding import bind_label, make_button, make_label, name

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class ActivityWatcher(QObject):
    """Installed on the application: any key, click or wheel restarts the idle period."""

    def __init__(self, vm: IdleViewModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vm = vm

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._vm.activity()
        return False


class IdleWarning(QObject):
    """Opens ``idleWarningDialog`` (non-blocking) while the view-model warns."""

    def __init__(self, vm: IdleViewModel, window: QWidget) -> None:
        super().__init__(window)
        self._vm = vm
        self._window = window
        self._dialog: QDialog | None = None
        vm.warning_changed.connect(self._show)

    @Slot(bool)
    def _show(self, warning: bool) -> None:
        if warning and self._dialog is None:
            self._dialog = self._build()
            self._dialog.open()
        elif not warning and self._dialog is not None:
            dialog, self._dialog = self._dialog, None
            dialog.setParent(None)  # gone from the window's children at once
            dialog.deleteLater()

    def _build(self) -> QDialog:
        dialog = QDialog(self._window)
        adopt(dialog)
        name(dialog, "idleWarningDialog", _("Are you still there?"))
        dialog.setWindowTitle(_("Are you still there?"))
        heading = make_label("idleWarningTitle", "heading")
        heading.setText(_("Are you still there?"))
        countdown = make_label("idleCountdownLabel", wrap=True)
        countdown.setAccessibleName(_("Time left before signing out"))
        bind_label(countdown, self._vm.countdown_text_changed, self._vm.countdown_text)
        stay = make_button("idleStayButton", primary=True)
        stay.setText(_("Stay signed in"))
        stay.setAccessibleName(_("Stay signed in"))
        stay.clicked.connect(self._stay)
        leave = make_button("idleSignOutButton")
        leave.setText(_("Sign out now"))
        leave.setAccessibleName(_("Sign out now"))
        leave.setAutoDefault(False)  # Enter keeps the member signed in, as the focus says
        leave.clicked.connect(self._sign_out)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(leave)
        buttons.addWidget(stay)
        stay.setDefault(True)
        stay.setFocus()
        layout = QVBoxLayout(dialog)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading)
        layout.addWidget(countdown)
        layout.addLayout(buttons)
        # A minimum width on the message, not on the dialog: the dialog's layout then keeps
        # it tall enough for the wrapped sentence at any font size.
        countdown.setMinimumWidth(380)
        dialog.rejected.connect(self._stay)  # Esc or closing the dialog means "I am here"
        return dialog

    @Slot()
    def _stay(self) -> None:
        self._vm.stay()

    @Slot()
    def _sign_out(self) -> None:
        self._vm.sign_out_now()
