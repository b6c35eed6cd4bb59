"""A link button whose text wraps (a QPushButton never wraps its own): for a long link such as
「オンラインではお手続きできないもの」, which at the largest font size would otherwise make
its screen wider than an 800×600 window. The text is shown in a child label
(``<name>Text``); ``text()`` of the button stays empty, its accessible name is the text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget


class WrapButton(QPushButton):
    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFlat(True)
        self.setProperty("role", "link")
        policy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.label = QLabel(self)
        self.label.setObjectName(f"{object_name}Text")
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_label(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.label.setAccessibleName(text)
        self.updateGeometry()
        self._place()

    def _frame(self) -> QSize:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, QSize(0, 0), self
        )

    def sizeHint(self) -> QSize:
        metrics = self.label.fontMetrics()
        one_line = QSize(metrics.horizontalAdvance(self.label.text()) + 2, metrics.height())
        return one_line + self._frame()

    def minimumSizeHint(self) -> QSize:
        frame = self._frame()
        width = min(self.sizeHint().width(), 8 * self.label.fontMetrics().averageCharWidth())
        return QSize(width, self.heightForWidth(width) or frame.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        frame = self._frame()
        inner = max(1, width - frame.width())
        return self.label.heightForWidth(inner) + frame.height()

    def _place(self) -> None:
        frame = self._frame()
        left, top = frame.width() // 2, frame.height() // 2
        inner = max(1, self.width() - frame.width())
        self.label.setGeometry(left, top, inner, self.label.heightForWidth(inner))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()
