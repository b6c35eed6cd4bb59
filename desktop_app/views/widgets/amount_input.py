"""What an amount field does while the member types and when they leave it (DOMAIN.md §7):
full-width digits and commas become half-width at once (the cursor stays put), and the
amount is shown grouped (``10,000``) as soon as the field is left. Whatever the field then
shows goes to its view-model as the member's input, as any edit does."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLineEdit

from desktop_app.domain import fields_live
from desktop_app.domain.fields_live import LiveConversion
from desktop_app.views.widgets.kiosk_input import DIGITS, kiosk_input


class _Normaliser(QObject):
    def __init__(self, edit: QLineEdit, live: LiveConversion, group: bool) -> None:
        super().__init__(edit)
        self._edit = edit
        self._live = live
        self._group = group
        # textChanged, not textEdited (Qt overwrites a change made there); connected after
        # the binding, so the view-model hears the converted text last.
        edit.textChanged.connect(self._typed)
        edit.editingFinished.connect(self._left)

    @Slot(str)
    def _typed(self, text: str) -> None:
        converted, _notices = self._live(text)
        if converted != text:  # same length: the cursor stays where the member is
            cursor = self._edit.cursorPosition()
            self._edit.setText(converted)
            self._edit.setCursorPosition(cursor)

    @Slot()
    def _left(self) -> None:
        if not self._group:
            return
        shown = fields_live.amount_display(self._edit.text())
        if shown is not None and shown != self._edit.text():
            self._edit.setText(shown)


def amount_input(edit: QLineEdit) -> QLineEdit:
    """Make ``edit`` an amount field: converted as typed, ``10,000`` once left. Call it
    after binding the field (``bind_line_edit``). The kiosk's keypad serves it."""
    _Normaliser(edit, fields_live.amount, group=True)
    return kiosk_input(edit, DIGITS)


def count_input(edit: QLineEdit) -> QLineEdit:
    """Make ``edit`` a count (months …): full-width digits converted as typed."""
    _Normaliser(edit, fields_live.digits, group=False)
    return kiosk_input(edit, DIGITS)
