"""What the forms of the bank account and the repayment settings share: a heading and its
explanation, the form's rows, the refusal, the submit button (Enter anywhere on the form
presses it), 戻る back to the registered details and the confirmation dialog. Once the change
went through the profile screen shows it (the registry's ``profile_form``)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.views.binding import bind_enabled, bind_label, make_button, make_label, name
from desktop_app.views.confirm import open_confirmation
from desktop_app.views.widgets.page import fit_to_width, form_column


class FormViewModel(Protocol):
    """What ``SettingFormView`` binds (``SettingViewModel`` and ``BankFormViewModel``)."""

    @property
    def error_changed(self) -> SignalInstance: ...
    @property
    def can_submit_changed(self) -> SignalInstance: ...
    @property
    def confirmation_requested(self) -> SignalInstance: ...

    error: str
    can_submit: bool

    def request_confirmation(self) -> None: ...
    def confirm(self) -> None: ...
    def cancel_confirmation(self) -> None: ...


class SettingFormView(QWidget):
    """``<prefix>Form`` with ``<prefix>Error``, ``<prefix>SubmitButton`` and
    ``<prefix>BackButton``. A subclass fills ``form`` (and may add widgets to ``column``
    before ``finish()``), and gives the texts in ``retranslate``.

    Signals:
        back_requested(): 戻る: the member gave the change up.
    """

    back_requested = Signal()

    def __init__(self, vm: FormViewModel, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form_vm = vm
        name(self, f"{prefix}Form")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.explain = make_label(f"{prefix}ExplainLabel", "muted", wrap=True)
        self.form = QFormLayout()
        self.error = make_label(f"{prefix}Error", "error", wrap=True)
        self.submit = make_button(f"{prefix}SubmitButton", primary=True)
        self.back = make_button(f"{prefix}BackButton")
        self.column: QVBoxLayout = form_column(self)
        self.column.addWidget(self.title)
        self.column.addWidget(self.explain)
        self.column.addLayout(self.form)

    def finish(self) -> None:
        """The common rows below the form; bind them."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.submit)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        self.column.addWidget(self.error)
        self.column.addLayout(buttons)
        self.column.addStretch(1)
        vm = self._form_vm
        bind_label(self.error, vm.error_changed, vm.error)
        bind_enabled(self.submit, vm.can_submit_changed, vm.can_submit)
        self.submit.clicked.connect(vm.request_confirmation)
        self.back.clicked.connect(self.back_requested)
        vm.confirmation_requested.connect(self._open_confirmation)
        fit_to_width(self)

    def caption(self, text: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def dialog_title(self) -> str:
        return self.title.text()

    @Slot(str)
    def _open_confirmation(self, summary: str) -> None:
        if not self.isVisible():  # the member left meanwhile
            self._form_vm.cancel_confirmation()
            return
        open_confirmation(self, self.dialog_title(), summary, self._form_vm)

    def enter_pressed(self) -> None:
        """Enter (or Return) on the form: the submit button, when it may be pressed."""
        if self.submit.isEnabled():
            self._form_vm.request_confirmation()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in any field that does not take it itself (a line edit, a combo box or a
        check box) submits the form."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            event.accept()
            self.enter_pressed()
            return
        super().keyPressEvent(event)

    def set_texts(self, title: str, explain: str, submit: str) -> None:
        self.title.setText(title)
        self.explain.setText(explain)
        self.explain.setVisible(bool(explain))
        self.submit.setText(submit)
        self.submit.setAccessibleName(submit)
        from desktop_app.i18n import _

        self.back.setText(_("Back"))
        self.back.setAccessibleName(_("Back"))
