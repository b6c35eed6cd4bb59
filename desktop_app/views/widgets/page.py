"""A screen's column: centred on a wide window, at most a readable width (which grows with the
font size), and scrolling when the screen is taller than the window (the largest font size in
an 800×600 window)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from desktop_app.views.widgets.reflow import smallest

FORM_WIDTH = 640
BASE_POINTS = 12.0  # the widths here are for 標準; larger text gets a wider column


class Column(QWidget):
    """A widget at most ``width`` pixels wide at the standard font size, proportionally wider
    at larger sizes (re-measured when the font changes)."""

    def __init__(self, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageColumn")
        self._width = width
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit()
        super().changeEvent(event)

    def _fit(self) -> None:
        scale = max(1.0, self.font().pointSizeF() / BASE_POINTS)
        self.setMaximumWidth(round(self._width * scale))


def centred(column: QWidget) -> QHBoxLayout:
    """A row with ``column`` in the middle: the stretches share what the column does not use."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    row.addWidget(column, 100)
    row.addStretch(1)
    return row


def scrolling(screen: QWidget, content: QLayout) -> QScrollArea:
    """Put ``content`` in a frameless vertical scroll area filling ``screen``."""
    area = QScrollArea()
    area.setObjectName("pageScroll")
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop: the wheel scrolls it
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    inner = QWidget()
    inner.setObjectName("pageContent")
    inner.setLayout(content)
    area.setWidget(inner)
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    return area


def form_column(screen: QWidget, width: int = FORM_WIDTH) -> QVBoxLayout:
    """Give ``screen`` a centred, scrolling column of at most ``width`` pixels (at 標準) and
    return the column's layout."""
    column = Column(width)
    scrolling(screen, centred(column))
    return QVBoxLayout(column)


# A link button's text starts this far inside it (the style sheets' 2 px border, kept for the
# focus frame, and 2 px padding).
LINK_INSET = 4


class _Shifted(QWidgetItem):
    """A layout item placing its widget ``LINK_INSET`` px left of its place (a layout ignores
    negative margins)."""

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect.translated(-LINK_INSET, 0))


def link_row(*links: QWidget) -> QHBoxLayout:
    """A row of link buttons at the left whose text lines up with the text above them (the
    buttons' border and padding reach into the column's margin)."""
    row = QHBoxLayout()
    for link in links:
        row.addItem(_Shifted(link))  # reparented when the row joins the screen's layout
    row.addStretch(1)
    return row


def fit_to_width(screen: QWidget) -> None:
    """Let ``screen`` narrow to the window at any font size: headings wrap, a form's field
    goes below its caption when both do not fit side by side, and a form's combo box fills its
    row instead of asking for its longest choice (the open list shows it whole)."""
    from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSizePolicy

    for label in screen.findChildren(QLabel):
        if label.property("role") == "heading" or label.objectName() == "screenTitle":
            label.setWordWrap(True)
    for form in screen.findChildren(QFormLayout):
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        host = form.parentWidget()
        if host is not None:
            _FormWrap(form, host)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            combo = item.widget() if item is not None else None
            if isinstance(combo, QComboBox):
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                combo.setMinimumContentsLength(8)
                policy = combo.sizePolicy()
                policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
                combo.setSizePolicy(policy)


SHOWN_WHOLE_BELOW = "shownWholeBelow"  # a combo box's property: its entry is also shown whole


def _text_width_wanted(field: QWidget) -> int:
    """The width ``field`` needs to show its combo box's longest entry, or its line edit's
    example, whole (0 when it has neither): the text plus the box's frame, padding and arrow
    as the style lays them out. (Not the current text: the rows do not jump while the member
    chooses or types.)"""
    from PySide6.QtWidgets import (
        QComboBox,
        QLineEdit,
        QStyle,
        QStyleOptionComboBox,
        QStyleOptionFrame,
    )

    wanted = 0
    controls = [field, *field.findChildren(QComboBox), *field.findChildren(QLineEdit)]
    for control in controls:
        style = control.style()
        if isinstance(control, QComboBox) and not control.isEditable():
            entries = [control.itemText(index) for index in range(control.count())]
            if control.property(SHOWN_WHOLE_BELOW) or not entries:
                continue
            combo = QStyleOptionComboBox()
            combo.initFrom(control)
            combo.rect = QRect(0, 0, 1000, max(control.height(), 10))
            combo.subControls = QStyle.SubControl.SC_All
            edit_field = style.subControlRect(
                QStyle.ComplexControl.CC_ComboBox,
                combo,
                QStyle.SubControl.SC_ComboBoxEditField,
                control,
            )
            chrome = 1000 - edit_field.width()
            metrics = control.fontMetrics()
            text = max(metrics.horizontalAdvance(entry) for entry in entries)
            wanted = max(wanted, text + chrome)
        elif isinstance(control, QLineEdit) and control.placeholderText():
            frame = QStyleOptionFrame()
            frame.initFrom(control)
            frame.rect = QRect(0, 0, 1000, max(control.height(), 10))
            frame.lineWidth = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
            contents = style.subElementRect(QStyle.SubElement.SE_LineEditContents, frame, control)
            margins = control.textMargins()
            chrome = 1000 - contents.width() + margins.left() + margins.right() + 2 * 2
            text = control.fontMetrics().horizontalAdvance(control.placeholderText())
            wanted = max(wanted, text + chrome)
    return wanted


def _one_line_width(label: QWidget) -> int:
    from PySide6.QtWidgets import QLabel

    if not isinstance(label, QLabel):
        return label.sizeHint().width()
    margins = label.contentsMargins()
    return (
        label.fontMetrics().horizontalAdvance(label.text())
        + margins.left()
        + margins.right()
        + 2 * label.margin()
    )


class _FormWrap(QObject):
    """Every field of ``form`` under its caption while the fields would get less width than
    the captions on one line (a wrapped sentence beside a caption would be a column of a few
    characters) or than a combo box's longest entry or a field's example needs (they would
    be cut short); side by side again when the form is wide enough.

    A wrapping caption is on one line while it fits the row (a word-wrapped QLabel asks for
    a quarter of 80 characters, and 「新しいメールアドレス」 broke inside the word); it wraps
    only when it is longer than the whole row."""

    def __init__(self, form: QLayout, host: QWidget) -> None:
        from PySide6.QtWidgets import QComboBox

        super().__init__(host)
        from PySide6.QtWidgets import QFormLayout, QLabel

        self._form = form
        self._host = host
        self._wrapping: list[QLabel] = []  # the captions that may wrap
        if isinstance(form, QFormLayout):
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                caption = item.widget() if item is not None else None
                if isinstance(caption, QLabel) and caption.wordWrap():
                    self._wrapping.append(caption)
        host.installEventFilter(self)
        for combo in host.findChildren(QComboBox):  # entries come, and change language
            model = combo.model()
            model.rowsInserted.connect(self._refit)
            model.dataChanged.connect(self._refit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # LayoutRequest: a caption's text or font changed (a new language, a new font size).
        kinds = (QEvent.Type.Resize, QEvent.Type.LayoutRequest)
        if event.type() in kinds and isinstance(watched, QWidget):
            self._fit(watched)
        return False

    def _refit(self, *_args: object) -> None:
        self._fit(self._host)

    def _fit(self, host: QWidget) -> None:
        from PySide6.QtWidgets import QFormLayout

        form = self._form
        if not isinstance(form, QFormLayout):
            return
        captions: list[QWidget] = []
        wanted = 0
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            caption = item.widget() if item is not None else None
            if caption is not None and not caption.isHidden():
                captions.append(caption)
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if field is not None and not field.isHidden():
                wanted = max(wanted, _text_width_wanted(field))
        widest = max((_one_line_width(caption) for caption in captions), default=0)
        outer = host.layout()
        margins = outer.contentsMargins() if outer is not None else form.contentsMargins()
        width = host.contentsRect().width() - margins.left() - margins.right()
        field_width = width - widest - max(0, form.horizontalSpacing())
        policy = (
            QFormLayout.RowWrapPolicy.WrapAllRows
            if field_width < max(widest, wanted)
            else QFormLayout.RowWrapPolicy.WrapLongRows
        )
        if form.rowWrapPolicy() != policy:
            form.setRowWrapPolicy(policy)
        for caption in self._wrapping:
            wrap = _one_line_width(caption) > width
            if caption.wordWrap() != wrap:
                caption.setWordWrap(wrap)


class SideBySide(QWidget):
    """Two widgets side by side while they fit, one above the other when the window (or a
    large font) leaves too little width."""

    def __init__(
        self, first: QWidget, second: QWidget, stretch: int = 1, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._first, self._second = first, second
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.addWidget(first)
        self._box.addWidget(second, stretch)

    def _side_by_side_width(self) -> int:
        spacing = max(0, self._box.spacing())
        return smallest(self._first).width() + smallest(self._second).width() + spacing

    def minimumSizeHint(self) -> QSize:
        """What one above the other needs: narrower than that is never asked for."""
        hints = (smallest(self._first), smallest(self._second))
        return QSize(max(h.width() for h in hints), sum(h.height() for h in hints))

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= self._side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._box.direction() != direction:
            self._box.setDirection(direction)
            self.updateGeometry()
        super().resizeEvent(event)
