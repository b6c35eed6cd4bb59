"""A navigation entry whose text wraps between words when the navigation is narrow (the largest
font size in an 800×600 window), so the navigation never takes half the window for one long
entry (「返済シミュレーション」, "Repayment simulation") nor is squeezed below its texts.

A QPushButton never wraps its text, so the button shows it in a child label (``<name>Text``):
one line while it fits, else broken at spaces and between kanji and katakana
(返済／シミュレーション), never inside a word.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

# Where a line may break: after a space, or where kanji meet katakana (either way round).
_KANJI, _KATAKANA = "[\u4e00-\u9fff]", "[\u30a0-\u30ff]"
_BREAKS = re.compile(rf"(?<= )|(?<={_KANJI})(?={_KATAKANA})|(?<={_KATAKANA})(?={_KANJI})")


def segments(text: str) -> list[str]:
    """``text`` cut where a line may break (the spaces stay at the end of their segment)."""
    return [part for part in _BREAKS.split(text) if part]


def lines(text: str, width: int, metrics: QFontMetrics) -> list[str]:
    """The fewest lines of whole segments, each within ``width`` where a segment allows."""
    result: list[str] = []
    for part in segments(text):
        if result and metrics.horizontalAdvance((result[-1] + part).rstrip()) <= width:
            result[-1] += part
        else:
            result.append(part)
    return [line.rstrip() for line in result] or [""]


class NavButton(QPushButton):
    """A checkable navigation button; ``set_label`` gives it its (wrapping) text and its
    accessible name. The label is lit (bold, in the accent colour) while the button is checked."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setCheckable(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)  # narrower than its one line of text, down to a word
        self._text = ""
        self.label = QLabel(self)
        self.label.setObjectName(f"{object_name}Text")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setProperty("lit", False)
        self.toggled.connect(self._light)

    def set_label(self, text: str) -> None:
        self._text = text
        self.setAccessibleName(text)
        self.label.setAccessibleName(text)  # whole, wherever it is broken
        self._relayout()

    # -- measuring ---------------------------------------------------------------------------
    def _metrics(self) -> QFontMetrics:
        """The wider of the label's font and its bold form (lit), so lighting moves nothing."""
        bold = QFont(self.label.font())
        bold.setBold(True)
        return QFontMetrics(bold)

    def _frame(self, contents: QSize) -> QSize:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, contents, self
        )

    def _text_size(self, text_lines: list[str]) -> QSize:
        """What the lines take in the label's font and in its bold form."""
        text = "\n".join(text_lines)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        size = QSize(0, 0)
        for metrics in (self.label.fontMetrics(), self._metrics()):
            needed = metrics.boundingRect(0, 0, 100_000, 100_000, flags, text)
            size = size.expandedTo(needed.size())
        return QSize(size.width() + 2, size.height())

    def _padding(self) -> int:
        return self._frame(QSize(0, 0)).width()

    def sizeHint(self) -> QSize:
        return self._frame(self._text_size([self._text]))

    def minimumSizeHint(self) -> QSize:
        metrics = self._metrics()
        parts = segments(self._text)
        widest = max((metrics.horizontalAdvance(part.rstrip()) for part in parts), default=0)
        return self._frame(self._text_size(lines(self._text, widest, self._metrics())))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        inner = max(0, width - self._padding())
        return self._frame(self._text_size(lines(self._text, inner, self._metrics()))).height()

    # -- showing -----------------------------------------------------------------------------
    def _relayout(self) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        inner = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        text_lines = lines(self._text, max(0, self.width() - self._padding()), self._metrics())
        shown = "\n".join(text_lines)
        if shown != self.label.text():
            self.label.setText(shown)
            self.updateGeometry()  # another number of lines: another height
        size = self._text_size(text_lines)
        # Left-aligned like the navigation's text, centred vertically in the contents.
        top = inner.top() + max(0, (inner.height() - size.height()) // 2)
        self.label.setGeometry(inner.left(), top, max(size.width(), inner.width()), size.height())

    def _light(self, checked: bool) -> None:
        self.label.setProperty("lit", checked)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._relayout()  # the look may have changed while it was hidden

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Hidden (signed out, a kiosk's login), a look change is laid out when it shows: each
        # style sheet or font change sends every button both events, and start-up three.
        if self.isVisible() and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._relayout()
