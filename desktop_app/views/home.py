"""The top page, read in two seconds: 借入可能額 as the hero figure (for an overdue member what
they owe and by when), the balance and next payment beside it, the notices, tiles to go on,
and the brand's legal display at the foot. Centred, at most ``PAGE_WIDTH`` wide at 標準 (wider
with the font), scrolling when the window is small."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import N_, _
from desktop_app.viewmodels.home import HomeViewModel
from desktop_app.views.binding import bind_label, bind_visible, make_button, make_label, name
from desktop_app.views.home_summary import SummaryCard
from desktop_app.views.widgets.brand_footer import BrandFooter, brand_mark
from desktop_app.views.widgets.page import Column
from desktop_app.views.widgets.reflow import Tiles

PAGE_WIDTH = 960


class HomeView(QWidget):
    """Signals (the member chose where to go): borrow_requested(), repay_requested(),
    history_requested(), promise_requested(), limit_requested(), simulator_requested(),
    interest_requested(), settings_requested()."""

    borrow_requested = Signal()
    repay_requested = Signal()
    history_requested = Signal()
    promise_requested = Signal()
    limit_requested = Signal()
    simulator_requested = Signal()
    interest_requested = Signal()
    settings_requested = Signal()

    def __init__(self, vm: HomeViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "homeScreen")
        self._captions: list[tuple[QLabel, str]] = []
        page = Column(PAGE_WIDTH)  # wider with the font
        page.setObjectName("homePage")
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(10)
        column.addLayout(self._greeting())
        self.card = SummaryCard(vm)
        self.limit_button = self.card.limit_button
        column.addWidget(self.card)
        column.addWidget(self._notices())
        column.addWidget(self._tiles())
        self._column = column
        column.addWidget(self._procedures())
        column.addStretch(1)
        self.footer = BrandFooter(vm.brand, "home", kiosk=vm.kiosk)
        column.addWidget(self.footer)

        holder = QWidget()
        holder.setObjectName("homeScrollContent")
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addStretch(1)
        centred.addWidget(page, 1000)  # all the width up to PAGE_WIDTH, then centred
        centred.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("homeScroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._page = page
        self._scroll = scroll
        self._bind()
        self.retranslate()

    # -- building ---------------------------------------------------------------------------
    def _caption(self, text: str, role: str = "caption") -> QLabel:
        label = QLabel()
        label.setProperty("role", role)
        self._captions.append((label, text))
        return label

    def _greeting(self) -> QHBoxLayout:
        self.mark = brand_mark(self._vm.brand, "homeBrandMark")
        self.member_name = make_label("memberNameLabel", "heading", wrap=True)
        self.last_login = make_label("lastLoginLabel", "muted", wrap=True)
        who = QVBoxLayout()
        who.setSpacing(0)
        who.addWidget(self.member_name)
        who.addWidget(self.last_login)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(who, 1)
        return row

    def _notices(self) -> QFrame:
        box = QFrame()
        box.setObjectName("homeNoticesList")
        self.notices_box = box
        self.notices_title = self._caption(N_("Notices"), "section")
        self.overdue = make_label("overdueBanner", "banner-error", wrap=True)
        self.promise_button = make_button("homePromiseButton")
        self.promise = make_label("promisedDateLabel", "notice", wrap=True)
        self.due_soon = make_label("homeDueSoonNotice", "notice", wrap=True)
        self.interest_free = make_label("interestFreeLabel", "notice", wrap=True)
        self.limit_application = make_label("limitApplicationLabel", "notice", wrap=True)
        self.security = make_label("homeSecurityNotice", "muted", wrap=True)
        promise_row = QHBoxLayout()
        promise_row.addWidget(self.promise_button, 0, Qt.AlignmentFlag.AlignTop)
        promise_row.addWidget(self.promise, 1)
        promise_row.addStretch(0)
        layout = QVBoxLayout(box)
        layout.setSpacing(6)
        layout.addWidget(self.notices_title)
        layout.addWidget(self.overdue)
        layout.addLayout(promise_row)
        for label in (self.due_soon, self.interest_free, self.limit_application, self.security):
            layout.addWidget(label)
        return box

    def _tiles(self) -> Tiles:
        self.borrow_tile = make_button("homeBorrowTile")
        self.repay_tile = make_button("homeRepayTile")
        for tile in (self.borrow_tile, self.repay_tile):  # the keyboard starts on the first
            tile.setProperty("firstFocus", True)  # that can act (返済 while overdue)
        self.history_tile = make_button("homeHistoryTile")
        self.procedures_tile = make_button("homeProceduresTile")
        self.procedures_tile.setCheckable(True)
        self._tile_buttons = (
            self.borrow_tile,
            self.repay_tile,
            self.history_tile,
            self.procedures_tile,
        )
        self.tiles = Tiles(self._tile_buttons)  # 4 a row, 2 a row or one under the other
        return self.tiles

    def _procedures(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("homeProceduresPanel")
        panel.hide()
        self.procedures_panel = panel
        self.simulator_link = make_button("homeSimulatorLink")
        self.interest_link = make_button("homeInterestLink")
        self.settings_link = make_button("homeSettingsLink")
        layout = QHBoxLayout(panel)
        for link in (self.simulator_link, self.interest_link, self.settings_link):
            link.setProperty("role", "link")
            layout.addWidget(link)
        layout.addStretch(1)
        return panel

    # -- binding ----------------------------------------------------------------------------
    def _bind(self) -> None:
        vm = self._vm
        texts = (
            (self.overdue, "overdue_banner", True),
            (self.member_name, "member_name", False),
            (self.last_login, "last_login", True),
            (self.interest_free, "interest_free", True),
            (self.promise, "promise", True),
            (self.due_soon, "due_soon", True),
            (self.limit_application, "limit_application", True),
        )
        for label, field, hide_empty in texts:
            bind_label(label, getattr(vm, f"{field}_changed"), getattr(vm, field), hide_empty)
        bind_visible(self.promise_button, vm.overdue_changed, vm.overdue)
        for signal, button in (
            (self.borrow_requested, self.borrow_tile),
            (self.repay_requested, self.repay_tile),
            (self.history_requested, self.history_tile),
            (self.promise_requested, self.promise_button),
            (self.limit_requested, self.limit_button),
            (self.simulator_requested, self.simulator_link),
            (self.interest_requested, self.interest_link),
            (self.settings_requested, self.settings_link),
        ):
            button.clicked.connect(signal)
        self.procedures_tile.toggled.connect(self.procedures_panel.setVisible)
        vm.member_number_changed.connect(self._fold_procedures)  # another member, or none
        vm.can_borrow_changed.connect(self._show_can_borrow)
        self._show_can_borrow(vm.can_borrow)
        vm.overdue_changed.connect(self._order_for_overdue)
        self._order_for_overdue(vm.overdue)

    @Slot(bool)
    def _order_for_overdue(self, overdue: bool) -> None:
        """An overdue member finds 返済 right under what they owe, before the notices."""
        column = self._column
        column.removeWidget(self.tiles)
        column.insertWidget(column.indexOf(self.notices_box) + (0 if overdue else 1), self.tiles)
        # Tab follows what is seen: the tiles, then the notice's 返済日のお約束.
        QWidget.setTabOrder(
            self.procedures_tile if overdue else self.limit_button, self.promise_button
        )
        QTimer.singleShot(0, self._scroll_to_top)

    def showEvent(self, event: QShowEvent) -> None:
        """The page opens at its top (the focus handed on by the closing login screen made
        the scroll area scroll to it), once the first layout is done."""
        super().showEvent(event)
        self._scroll.verticalScrollBar().setValue(0)
        QTimer.singleShot(0, self._scroll_to_top)

    @Slot()
    def _scroll_to_top(self) -> None:
        self._scroll.verticalScrollBar().setValue(0)

    @Slot(str)
    def _fold_procedures(self, _member_number: str) -> None:
        self.procedures_tile.setChecked(False)
        # Another member's page opens at its top, not where the focus Qt moved on from a
        # tile just disabled made it scroll.
        QTimer.singleShot(0, self._scroll_to_top)

    @Slot(bool)
    def _show_can_borrow(self, can_borrow: bool) -> None:
        """While borrowing is unavailable, repaying becomes the main action (and takes the
        keyboard if the other main action had it: the figures came after the page opened)."""
        main, other = (
            (self.borrow_tile, self.repay_tile)
            if can_borrow
            else (self.repay_tile, self.borrow_tile)
        )
        follow = other.hasFocus()
        self.borrow_tile.setEnabled(can_borrow)
        if follow or (not can_borrow and QApplication.focusWidget() is None and self.isVisible()):
            main.setFocus(Qt.FocusReason.OtherFocusReason)
        for button, primary in ((self.borrow_tile, can_borrow), (self.repay_tile, not can_borrow)):
            button.setProperty("role", "tile-primary" if primary else "tile")
            button.style().unpolish(button)
            button.style().polish(button)

    def retranslate(self) -> None:
        for label, caption in self._captions:
            label.setText(_(caption))
        self.security.setText(_("We will never ask you for a confirmation code or a password."))
        for button, text in (
            (self.borrow_tile, N_("Borrow")),
            (self.repay_tile, N_("Repay")),
            (self.history_tile, N_("History")),
            (self.procedures_tile, N_("Account services")),
            (self.promise_button, N_("Promise a payment date")),
            (self.simulator_link, N_("Repayment simulation")),
            (self.interest_link, N_("Interest inquiry")),
            (self.settings_link, N_("Settings")),
        ):
            button.setText(_(text))
            button.setAccessibleName(button.text())
        self.notices_box.setAccessibleName(_("Notices"))
        self.procedures_panel.setAccessibleName(_("Account services"))
        self.card.retranslate()
