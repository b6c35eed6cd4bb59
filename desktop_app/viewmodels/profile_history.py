"""The change history (変更履歴) of the registered details: when, what, the old and the new
value (masked by the store), and from which device."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from desktop_app.domain.profile import ProfileChange
from desktop_app.i18n import N_, _, format_short_datetime
from desktop_app.viewmodels.profile_text import ITEMS
from desktop_app.viewmodels.table import TextTableModel

THIS_DEVICE = N_("This device")


class ChangeColumn(IntEnum):
    AT = 0
    ITEM = 1
    BEFORE = 2
    AFTER = 3
    DEVICE = 4


class ChangeHistoryModel(TextTableModel[ProfileChange]):
    """Rows of 変更履歴, newest first (as the store gives them)."""

    COLUMNS = (
        N_("Date and time"),
        N_("Item"),
        N_("Before"),
        N_("After"),
        N_("Device"),
    )
    LEFT_ALIGNED = frozenset(ChangeColumn)

    def set_rows(self, rows: Sequence[ProfileChange]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def clear(self) -> None:
        if self._rows:
            self.set_rows(())

    def _text(self, row: ProfileChange, column: int) -> str:
        if column == ChangeColumn.AT:
            return format_short_datetime(row.at)
        if column == ChangeColumn.ITEM:
            return _(ITEMS.get(row.item, row.item.value))
        if column == ChangeColumn.BEFORE:
            return row.before
        if column == ChangeColumn.AFTER:
            return row.after
        return _(THIS_DEVICE) if row.this_device else row.device
