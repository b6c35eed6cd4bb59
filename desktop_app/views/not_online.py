"""What cannot be done online (``notOnlineScreen``): each procedure, how, what to bring, and
the support line. Public: reached from the profile screen and from a locked card's sign-in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QStyle,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.viewmodels.not_online import NotOnlineViewModel
from desktop_app.views.binding import bind_label, make_button, make_label, name
from desktop_app.views.widgets.page import form_column, link_row


class NotOnlineView(QWidget):
    """Signals:
    back_requested(): back to the screen the member came from.
    """

    back_requested = Signal()

    def __init__(self, vm: NotOnlineViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "notOnlineScreen")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.explain = make_label("notOnlineExplainLabel", "muted", wrap=True)
        self.support = make_label("notOnlineSupportLabel", "notice", wrap=True)
        self.list = QListWidget()
        name(self.list, "notOnlineList")
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSpacing(4)
        # As tall as its items: the page scrolls, not a box inside it.
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.installEventFilter(self)  # its font
        self.list.viewport().installEventFilter(self)  # its width, once the list laid it out
        self.back = make_button("notOnlineBackButton")
        self.back.setFlat(True)
        self.back.setProperty("role", "link")
        layout = form_column(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(self.support)
        layout.addWidget(self.list)
        layout.addLayout(link_row(self.back))
        bind_label(self.support, vm.support_changed, vm.support)
        vm.items_changed.connect(self._fill)
        self._fill(vm.items)
        self.back.clicked.connect(self.back_requested)
        layout.addStretch(1)
        self.retranslate()

    @Slot(list)
    def _fill(self, items: list[str]) -> None:
        self.list.clear()
        self.list.addItems(items)
        QTimer.singleShot(0, self._fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (watched is self.list and kind == QEvent.Type.FontChange) or (
            watched is self.list.viewport() and kind == QEvent.Type.Resize
        ):
            self._fit()
        return False

    @Slot()
    def _fit(self) -> None:
        """Every item's height for its text wrapped to the list's width (the view's own size
        hint is the unwrapped line, so a long item was elided and a short one left a gap),
        and the list as tall as its items: the page scrolls, not a box inside it."""
        items = self.list
        spacing = items.spacing()
        width = max(1, items.viewport().width() - 2 * spacing)
        # The style draws an item's text inside a margin on either side.
        margin = items.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, items)
        text_width = max(1, width - 2 * (margin + 1))
        metrics = items.fontMetrics()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        total = 0
        for row in range(items.count()):
            item = items.item(row)
            text = metrics.boundingRect(QRect(0, 0, text_width, 1_000_000), flags, item.text())
            hint = QSize(width, text.height() + 2 * (margin + 1))
            if item.sizeHint() != hint:
                item.setSizeHint(hint)
            total += hint.height() + 2 * spacing
        height = total + 2 * items.frameWidth()
        if items.height() != height:
            items.setFixedHeight(height)

    def retranslate(self) -> None:
        self.title.setText(_("What cannot be done online"))
        self.explain.setText(
            _("These cannot be done in the member service. Here is how to do each of them.")
        )
        self.list.setAccessibleName(_("What cannot be done online"))
        self.support.setAccessibleName(_("Support line"))
        self.back.setText(_("Back"))
        self.back.setAccessibleName(_("Back"))
