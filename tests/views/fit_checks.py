"""What "fits" means for the fit tests (tests/views/test_fit.py, test_small_window.py): a
text fits when the font's metrics say it does in the widget's contents rectangle (wrapped where
the widget wraps), and the widget itself is not cut off by a parent (the window, or a squeezed
layout); only a scroll area may hide it. ``misfits(window)`` lists every visible text of a
window and its open dialogs that does not."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTableView,
    QWidget,
)

from desktop_app.views.widgets.page import SHOWN_WHOLE_BELOW

# The box paints its text a few pixels into the frame around the edit field ("English" fits).
COMBO_SLACK = 4


def _clipped_by_parent(widget: QWidget) -> bool:
    """Whether an ancestor cuts ``widget`` off. A scroll area may hide it above or below (it
    scrolls there), never beside: a screen that scrolls sideways does not fit either."""
    rect = widget.rect()
    current = widget
    while not current.isWindow():
        parent = current.parentWidget()
        rect = rect.translated(current.pos())
        area = parent.parentWidget()
        if isinstance(area, QScrollArea) and parent is area.viewport():
            if rect.left() < 0 or rect.right() > parent.width() - 1:
                return True
            rect = QRect(rect.left(), 0, rect.width(), 1)  # the viewport's height is no limit
        elif not parent.rect().contains(rect):
            return True
        current = parent
    return False


def _text_size(metrics: QFontMetrics, text: str, width: int, wrap: bool, rich: bool, font) -> QRect:
    if rich:
        document = QTextDocument()
        document.setDefaultFont(font)
        document.setHtml(text)
        document.setDocumentMargin(0)
        if wrap:
            document.setTextWidth(width)
        size = document.size()
        return QRect(0, 0, int(size.width() + 0.99), int(size.height() + 0.99))
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if wrap:
        flags |= int(Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text)
    return metrics.boundingRect(QRect(0, 0, 100_000, 100_000), flags, text)


def _label_problem(label: QLabel) -> str:
    text = QLabel.text(label)  # what it shows (a BreakableLabel shows its breaks)
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return ""
    rect = label.contentsRect()
    margin = label.margin()
    rect = rect.adjusted(margin, margin, -margin, -margin)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    needed = _text_size(
        label.fontMetrics(), text, rect.width(), label.wordWrap(), rich, label.font()
    )
    if needed.width() > rect.width() or needed.height() > rect.height():
        return f"needs {needed.width()}×{needed.height()}, has {rect.width()}×{rect.height()}"
    return ""


def _button_problem(button: QAbstractButton) -> str:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return ""
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    if isinstance(button, QCheckBox):
        element = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(button, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonContents
    else:
        element = QStyle.SubElement.SE_PushButtonContents
    rect = button.style().subElementRect(element, option, button)
    if isinstance(button, QPushButton):
        # The style sheet's padding is inside the contents rectangle Qt reports.
        hint = button.sizeHint()
        if hint.width() > button.width():
            return f"needs {hint.width()} px, has {button.width()}"
    metrics = button.fontMetrics()
    width = metrics.horizontalAdvance(text)
    if width > rect.width() or metrics.height() > button.height():
        return f"needs {width}×{metrics.height()}, has {rect.width()}×{button.height()}"
    return ""


def _table_problem(table: QTableView) -> str:
    """A column narrower than its contents shows them elided (「1,1…」); a stretched column
    of a table that wraps its words shows them on more lines, so only its title must fit."""
    header = table.horizontalHeader()
    last = header.count() - 1
    for column in range(header.count()):
        if header.isSectionHidden(column) or (column == last and header.stretchLastSection()):
            continue
        wraps = (
            table.wordWrap() and header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch
        )
        needed = header.sectionSizeHint(column)
        if not wraps:
            needed = max(table.sizeHintForColumn(column), needed)
        if header.sectionSize(column) < needed:
            return f"column {column} is {header.sectionSize(column)} px, needs {needed}"
    return ""


def _combo_problem(combo: QComboBox) -> str:
    """The chosen entry cut short in the closed box (「毎月15日」 as 「毎月1」)."""
    text = combo.currentText()
    if not text or combo.isEditable() or combo.property(SHOWN_WHOLE_BELOW):
        return ""
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = text
    option.subControls = QStyle.SubControl.SC_All
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    width = combo.fontMetrics().horizontalAdvance(text)
    if width > field.width() + COMBO_SLACK:
        return f"needs {width} px, has {field.width()}"
    return ""


def _placeholder_problem(edit: QLineEdit) -> str:
    """An empty field's example cut short (「例：090-12…」)."""
    text = edit.placeholderText()
    if not text or edit.text():
        return ""
    option = QStyleOptionFrame()
    option.initFrom(edit)
    option.lineWidth = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    available = rect.width() - margins.left() - margins.right() - 2 * 2  # the edit's own margin
    width = edit.fontMetrics().horizontalAdvance(text)
    if width > available:
        return f"needs {width} px, has {available}"
    return ""


def _list_problem(items: QListWidget) -> str:
    """An item whose text, wrapped to its row, is taller than its row is shown elided
    (「…」); with its scroll bar off, a list must show its last item whole."""
    margin = items.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, items)
    metrics = items.fontMetrics()
    viewport = items.viewport().rect()
    for row in range(items.count()):
        item = items.item(row)
        rect = items.visualItemRect(item)
        needed = _text_size(
            metrics, item.text(), rect.width() - 2 * (margin + 1), items.wordWrap(), False, None
        )
        if needed.height() > rect.height() or needed.width() > rect.width() - 2 * (margin + 1):
            return f"item {row} needs {needed.width()}×{needed.height()}, has {rect.size()}"
        scrolls = items.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        if not scrolls and not viewport.contains(rect):
            return f"item {row} at {rect} is cut off by the list's {viewport.size()}"
    return ""


def _caption_problems(top: QWidget) -> list[str]:
    """A form's caption broken over lines although it fits the row on one line (「新しいメール
    アド／レス」, "New password / (again)"): a caption on its own line above its field has the
    row's whole width."""
    found: list[str] = []
    for form in top.findChildren(QFormLayout):
        host = form.parentWidget()
        if host is None or not host.isVisible():
            continue
        row_width = form.geometry().width()
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel) or not label.isVisible() or not label.text():
                continue
            metrics = label.fontMetrics()
            one_line = metrics.horizontalAdvance(label.text()) + 2 * label.margin()
            if one_line > row_width or label.contentsRect().height() < 2 * metrics.height():
                continue  # too long for one line anyway, or not broken
            if label.height() > label.heightForWidth(one_line + 1) and label.wordWrap():
                found.append(
                    f"QLabel {label.objectName() or '-'} «{label.text()}»: broken over lines "
                    f"in {label.width()} px, fits the row's {row_width} px on one line"
                )
    return found


def misfits(window: QMainWindow) -> list[str]:
    """Every visible text of the window and its open dialogs that does not fit."""
    found: list[str] = []
    tops: list[QWidget] = [window]
    tops += [d for d in window.findChildren(QDialog) if d.isVisible()]
    for top in tops:
        found += _caption_problems(top)
        for widget in top.findChildren(QWidget):
            if not widget.isVisible() or (widget.window() is not top):
                continue
            if isinstance(widget, QLabel):
                problem = _label_problem(widget)
            elif isinstance(widget, QAbstractButton):
                problem = _button_problem(widget)
            elif isinstance(widget, QTableView):
                problem = _table_problem(widget)
            elif isinstance(widget, QListWidget):
                problem = _list_problem(widget)
            elif isinstance(widget, QComboBox):
                problem = _combo_problem(widget)
            elif isinstance(widget, QLineEdit):
                problem = _placeholder_problem(widget)
            else:
                continue
            if not problem and (isinstance(widget, QLabel | QAbstractButton)):
                text = widget.text()
                if text and _clipped_by_parent(widget):
                    problem = "cut off by its parent"
            if problem:
                text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
                if isinstance(widget, QComboBox):
                    text = widget.currentText()
                elif isinstance(widget, QLineEdit):
                    text = widget.placeholderText()
                found.append(
                    f"{type(widget).__name__} {widget.objectName() or '-'} «{text}»: {problem}"
                )
    return found
