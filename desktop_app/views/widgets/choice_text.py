"""The whole chosen entry of a combo box whose closed box is too narrow to show it (the
largest font size in an 800×600 window cuts 「三井住友銀行 本店営業部 普通 ***4567」 to
「三井住友銀行 本店」): a wrapped line under the box says it in full."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QStyle, QStyleOptionComboBox

from desktop_app.views.binding import make_label


class _FullChoice(QObject):
    def __init__(self, combo: QComboBox, label: QLabel) -> None:
        super().__init__(combo)
        self._combo = combo
        self._label = label
        combo.installEventFilter(self)
        label.installEventFilter(self)
        combo.currentTextChanged.connect(self._show)
        self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._label:
            if kind == QEvent.Type.Resize:
                self._keep_height()
        elif kind in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self._show()
        return False

    def _keep_height(self) -> None:
        """Its wrapped height at the width it has: the page's scroll bar, coming and going
        as the page's height changes, left it one line high at a width needing two."""
        label = self._label
        height = label.heightForWidth(label.width()) if label.text() else 0
        if label.minimumHeight() != max(height, 0):
            label.setMinimumHeight(max(height, 0))

    def _room(self) -> int:
        """The width of the closed box's text."""
        option = QStyleOptionComboBox()
        self._combo.initStyleOption(option)
        field = self._combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self._combo,
        )
        return field.width()

    @Slot()
    def _show(self, _text: str = "") -> None:
        text = self._combo.currentText()
        cut = bool(text) and self._combo.fontMetrics().horizontalAdvance(text) > self._room()
        self._label.setText(text if cut else "")
        self._label.setVisible(cut)
        self._keep_height()


def full_choice(combo: QComboBox, object_name: str) -> QLabel:
    """A muted, wrapped label repeating ``combo``'s chosen entry while the box cuts it (hidden
    while the box shows it whole); put it under the box."""
    label = make_label(object_name, "muted", wrap=True)
    label.hide()
    _FullChoice(combo, label)
    return label
