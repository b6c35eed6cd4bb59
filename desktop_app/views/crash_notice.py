"""What the member sees when the one handler (viewmodels/crash.py) caught an unexpected
exception: a polite sentence and the support line, in a dialog that blocks nothing (not
modal, and never waited for), at most one at a time. The member closes it and goes on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.brand import Brand
from desktop_app.i18n import _
from desktop_app.viewmodels import crash
from desktop_app.viewmodels.messages import support_hours
from desktop_app.views.binding import name
from desktop_app.views.widgets.fitted_dialog import FittedDialog


def unexpected_sentence() -> str:
    return _(
        "We are sorry. An unexpected error occurred. You can go on using this screen; "
        "please try the last step again."
    )


def support_sentence(brand: Brand) -> str:
    return _("If it happens again, please call {phone} (hours: {hours}).").format(
        phone=brand.support_phone, hours=support_hours(brand)
    )


class CrashNotice(FittedDialog):
    """The notice over ``parent``'s window; shown by ``crash.reporter().unexpected``."""

    def __init__(self, parent: QWidget, brand: Brand) -> None:
        super().__init__(parent, least_width=240)
        self._brand = brand
        name(self, "crashNotice")
        self.setModal(False)
        self.message = QLabel()
        self.support = QLabel()
        for label, object_name in ((self.message, "crashMessage"), (self.support, "crashSupport")):
            name(label, object_name)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setProperty("role", "error")
        self.close_button = QPushButton()
        name(self.close_button, "crashCloseButton")
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.support)
        layout.addLayout(buttons)
        self.sentences = (self.message, self.support)
        crash.install().unexpected.connect(self.show_notice)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Unexpected error"))
        self.message.setText(unexpected_sentence())
        self.support.setText(support_sentence(self._brand))
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close"))

    @Slot()
    def show_notice(self) -> None:
        """Say it once: a second error while the notice is open changes nothing."""
        self.retranslate()  # in the language of the moment
        if self.isVisible():
            return
        self.show()
        self.refit()
