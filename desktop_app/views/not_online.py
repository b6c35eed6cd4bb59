"""What cannot be done online (``notOnlineScreen``): each procedure, how, what to bring, and
the support line. Public: reached from the profile screen and from a locked card's sign-in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.viewmodels.not_online import NotOnlineViewModel
from desktop_app.views.binding import bind_label, make_button, make_label, name
from desktop_app.views.widgets.page import form_column


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
        self.list.installEventFilter(self)
        self.back = make_button("notOnlineBackButton")
        self.back.setFlat(True)
        self.back.setProperty("role", "link")
        layout = form_column(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(self.support)
        layout.addWidget(self.list)
        links = QHBoxLayout()
        links.addWidget(self.back)
        links.addStretch(1)
        layout.addLayout(links)
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
        if watched is self.list and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            QTimer.singleShot(0, self._fit)
        return False

    @Slot()
    def _fit(self) -> None:
        """The list's height: every item, wrapped to the list's width."""
        items = self.list
        spacing = items.spacing()
        # The items as laid out (wrapped to the width); sizeHintForRow gives them unwrapped.
        rows = sum(
            items.visualItemRect(items.item(row)).height() + 2 * spacing
            for row in range(items.count())
        )
        height = rows + 2 * items.frameWidth() + 2
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
