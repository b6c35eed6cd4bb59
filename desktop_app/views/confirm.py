"""The confirmation dialog: opened non-blocking, so a script can reach its buttons."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.views.binding import name


class ConfirmDialog(QDialog):
    """Shows a summary; ``accepted``/``rejected`` tell the outcome (QDialog's signals)."""

    def __init__(self, title: str, summary: str, parent: QWidget) -> None:
        super().__init__(parent)
        name(self, "confirmDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.summary = QLabel(summary)
        name(self.summary, "confirmSummaryLabel", title)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setProperty("role", "summary")
        self.accept_button = QPushButton(_("Confirm"))
        name(self.accept_button, "confirmAcceptButton", _("Confirm"))
        self.accept_button.setProperty("role", "primary")
        self.accept_button.setDefault(True)
        self.cancel_button = QPushButton(_("Cancel"))
        name(self.cancel_button, "confirmCancelButton", _("Cancel"))
        heading = QLabel(title)
        heading.setProperty("role", "heading")
        question = QLabel(_("Please check the details below."))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(question)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        # One click closes the dialog at once: a second click has nothing left to press.
        self.accept_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.finished.connect(self._dispose)

    @Slot()
    def _dispose(self) -> None:
        """Leave the window at once (a script's next findChild finds only a live dialog),
        and go when the event loop comes round."""
        self.setParent(None)
        self.deleteLater()


class _MovementViewModel(Protocol):
    def confirm(self) -> None: ...
    def cancel_confirmation(self) -> None: ...


def open_confirmation(
    anchor: QWidget, title: str, summary: str, vm: _MovementViewModel
) -> ConfirmDialog:
    """Open the dialog over ``anchor``'s window (non-blocking) and wire its outcome to ``vm``."""
    dialog = ConfirmDialog(title, summary, anchor.window())
    dialog.accepted.connect(vm.confirm)
    dialog.rejected.connect(vm.cancel_confirmation)
    dialog.open()
    return dialog
