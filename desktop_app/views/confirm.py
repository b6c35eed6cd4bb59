"""The confirmation dialog: opened non-blocking, so a script can reach its buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.i18n import _
from desktop_app.viewmodels.movement import MoneyMovementViewModel
from desktop_app.views.binding import (
    bind_enabled,
    bind_error,
    bind_label,
    bind_line_edit,
    make_button,
    make_label,
    make_line_edit,
    name,
)
from desktop_app.views.completion import MovementPages
from desktop_app.views.widgets.amount_input import amount_input
from desktop_app.views.widgets.fitted_dialog import FittedDialog


class ConfirmDialog(FittedDialog):
    """Shows a summary; ``accepted``/``rejected`` tell the outcome (QDialog's signals)."""

    def __init__(self, title: str, summary: str, parent: QWidget) -> None:
        # Never wider than the window it opens over (the largest font size in 800×600 made
        # it wider than the window, cut on both sides): the texts wrap instead.
        super().__init__(parent, least_width=200)
        name(self, "confirmDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.summary = QLabel(summary)
        name(self.summary, "confirmSummaryLabel", title)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setProperty("role", "summary")
        self.summary.setWordWrap(True)
        self.accept_button = QPushButton(_("Confirm"))
        name(self.accept_button, "confirmAcceptButton", _("Confirm"))
        self.accept_button.setProperty("role", "primary")
        self.accept_button.setDefault(True)
        self.cancel_button = QPushButton(_("Cancel"))
        name(self.cancel_button, "confirmCancelButton", _("Cancel"))
        heading = QLabel(title)
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        question = QLabel(_("Please check the details below."))
        question.setWordWrap(True)
        self._texts = (heading, question, self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)  # within a 600 px window at 最大
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(question)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        # 確定 first in the Tab order, so it has the focus when the dialog opens and Enter
        # confirms (キャンセル, first otherwise, took the focus and Enter with it); Esc cancels.
        QWidget.setTabOrder(self.accept_button, self.cancel_button)
        # One click closes the dialog at once: a second click has nothing left to press.
        self.accept_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self._came_from = QApplication.focusWidget()  # where the focus goes back
        for button in (self.accept_button, self.cancel_button):
            button.installEventFilter(self)
        self.finished.connect(self._dispose)

    def sizeHint(self) -> QSize:
        """As wide as the texts want up to the cap, as tall as they are wrapped to that."""
        hint = super().sizeHint()
        # Each 「見出し：値」 line whole where the window has room (a wrapped label's own hint
        # is a compromise width that split 「普通 ***4567」 and 「130,000円」 off their lines).
        width = min(max(hint.width(), self._natural_width()), self.maximumWidth())
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            return QSize(width, max(hint.height(), layout.totalHeightForWidth(width)))
        return QSize(width, hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """An Enter held down since the confirm button or the amount field repeats: it never
        confirms a dialog the member has not read. Only a fresh press does."""
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.isAutoRepeat()
        ):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.isAutoRepeat():
            event.accept()  # the same held Enter, reaching the dialog itself
            return
        super().keyPressEvent(event)

    def _natural_width(self) -> int:
        widest = 0
        for label in self._texts:
            metrics = label.fontMetrics()
            padding = label.width() - label.contentsRect().width()  # its frame and padding
            for line in label.text().splitlines():
                widest = max(widest, metrics.horizontalAdvance(line) + padding)
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        # and room for the wrapping engine's own rounding (a line measured to fit still wrapped)
        return widest + (margins.left() + margins.right() if margins is not None else 0) + 32

    @Slot()
    def _dispose(self) -> None:
        """Leave the window at once (a script's next findChild finds only a live dialog),
        give the keyboard back to the window and the control it came from, and go when the
        event loop comes round."""
        window = self.parentWidget()
        self.setParent(None)
        self.deleteLater()
        if window is None:
            return
        window.activateWindow()
        came_from = self._came_from
        if (
            came_from is not None
            and isValid(came_from)
            and came_from.isVisible()
            and came_from.isEnabled()
        ):
            came_from.setFocus(Qt.FocusReason.OtherFocusReason)


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


class MovementWidgets(QObject):
    """What the borrowing and repayment screens share, bound to their view-model: the
    amount and its error, the refusal, the confirm button, the confirmation dialog it opens,
    and the pages: the form, then the completion page with the receipt (see
    ``MovementPages``). Names are ``<prefix>AmountInput``, ``<prefix>AmountError``,
    ``<prefix>Error``, ``<prefix>ConfirmButton`` and ``<prefix>ResultLabel``."""

    def __init__(
        self,
        screen: QWidget,
        vm: MoneyMovementViewModel,
        prefix: str,
        dialog_title: Callable[[], str],
        first_field: Callable[[], QWidget] | None = None,
    ) -> None:
        super().__init__(screen)
        self._screen = screen
        self._vm = vm
        self._title = dialog_title
        self.amount = make_line_edit(f"{prefix}AmountInput")
        self.amount_error = make_label(f"{prefix}AmountError", "error", wrap=True)
        self.error = make_label(f"{prefix}Error", "error", wrap=True)
        self.confirm = make_button(f"{prefix}ConfirmButton", primary=True)
        self.result = make_label(f"{prefix}ResultLabel", "summary", wrap=True)
        self.pages = MovementPages(
            screen, vm, prefix, self.result, first_field or (lambda: self.amount)
        )
        bind_line_edit(self.amount, vm.amount_text_changed, vm.amount_text, vm.set_amount_text)
        amount_input(self.amount)  # 「１0000」 → 10000 as typed, 10,000 once left
        bind_error(self.amount_error, vm.amount_error_changed, vm.amount_error, self.amount)
        bind_error(self.error, vm.error_changed, vm.error)
        bind_enabled(self.confirm, vm.can_confirm_changed, vm.can_confirm)
        bind_label(self.result, vm.result_changed, vm.result)
        self.confirm.clicked.connect(vm.request_confirmation)
        self.amount.returnPressed.connect(vm.request_confirmation)
        vm.confirmation_requested.connect(self._open)

    @Slot(str)
    def _open(self, summary: str) -> None:
        if not self._screen.isVisible():  # the member left while the figures were read
            self._vm.cancel_confirmation()
            return
        open_confirmation(self._screen, self._title(), summary, self._vm)
