"""The end of a money flow: the form, then the completion page with the receipt."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop_app.viewmodels.movement import MoneyMovementViewModel
from desktop_app.views.binding import make_button, make_label, name
from desktop_app.views.widgets.flow import FlowLayout

FORM, COMPLETION = 0, 1


class MovementPages(QObject):
    """A ``<prefix>Pages`` stack: ``<prefix>FormPage`` (the form, built by the screen into
    ``form``) and ``<prefix>CompletionPage`` (``<prefix>CompletionTitleLabel``, a sentence,
    the receipt ``<prefix>ResultLabel``, ``<prefix>HomeButton`` and ``<prefix>AgainButton``).
    The page follows ``vm.completed``; "again" asks the view-model for a fresh form.

    Signals:
        home_requested(): the member wants the top page.
    """

    home_requested = Signal()

    def __init__(
        self,
        screen: QWidget,
        vm: MoneyMovementViewModel,
        prefix: str,
        result: QLabel,
        first_field: Callable[[], QWidget],
    ) -> None:
        super().__init__(screen)
        self._screen = screen
        self._first_field = first_field
        self.stack = QStackedWidget()
        name(self.stack, f"{prefix}Pages")
        self.form_page = QWidget()
        name(self.form_page, f"{prefix}FormPage")
        self.form = QVBoxLayout(self.form_page)
        self.form.setContentsMargins(0, 0, 0, 0)

        self.completion_page = QWidget()
        name(self.completion_page, f"{prefix}CompletionPage")
        self.title = make_label(f"{prefix}CompletionTitleLabel", "heading", wrap=True)
        self.lead = make_label(f"{prefix}CompletionLeadLabel", "success", wrap=True)
        self.result = result
        result.setProperty("role", "summary")
        result.setWordWrap(True)  # a long bank name or date wraps at the largest font size
        result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.home = make_button(f"{prefix}HomeButton", primary=True)
        self.again = make_button(f"{prefix}AgainButton")
        buttons = FlowLayout(spacing=12)  # one under the other when side by side is too wide
        buttons.addWidget(self.home)
        buttons.addWidget(self.again)
        page = QVBoxLayout(self.completion_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(12)
        page.addWidget(self.title)
        page.addWidget(self.lead)
        page.addWidget(result)
        page.addLayout(buttons)
        page.addStretch(1)

        self.stack.addWidget(self.form_page)
        self.stack.addWidget(self.completion_page)
        self.home.clicked.connect(self.home_requested)
        self.again.clicked.connect(vm.start_over)
        vm.completed_changed.connect(self._show)
        self._show(vm.completed)

    @Slot(bool)
    def _show(self, completed: bool) -> None:
        self.stack.setCurrentIndex(COMPLETION if completed else FORM)
        if not self._screen.isVisible():
            return
        # The page that was left held the focus: give it to the page shown.
        target = self.home if completed else self._first_field()
        if target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_texts(self, title: str, lead: str, home: str, again: str) -> None:
        self.title.setText(title)
        self.lead.setText(lead)
        for button, text in ((self.home, home), (self.again, again)):
            button.setText(text)
            button.setAccessibleName(text)
