"""The top page, read in two seconds: 借入可能額 as the hero figure (for an overdue member what
they owe and by when), the balance and next payment beside it, the notices, tiles to go on,
and the brand's legal display at the foot. Centred, at most ``PAGE_WIDTH`` wide, scrolling
when the window is small."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import N_, _
from desktop_app.viewmodels.home import HomeViewModel
from desktop_app.views.binding import bind_label, bind_visible, make_button, make_label, name
from desktop_app.views.widgets.brand_footer import BrandFooter, brand_mark

PAGE_WIDTH = 960
HERO_SCALE = 2.4  # the hero figure's size, in multiples of the interface font


def _figure(object_name: str) -> QLabel:
    label = make_label(object_name, "figure")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _direction(wide: bool) -> QBoxLayout.Direction:
    return QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom


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
        page = QWidget()
        page.setObjectName("homePage")
        page.setMaximumWidth(PAGE_WIDTH)
        column = QVBoxLayout(page)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(14)
        column.addLayout(self._greeting())
        column.addWidget(self._summary_card())
        column.addWidget(self._notices())
        column.addLayout(self._tiles())
        column.addWidget(self._procedures())
        column.addStretch(1)
        self.footer = BrandFooter(vm.brand, "home")
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
        self._size_hero()
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

    def _summary_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("summaryCard")
        hero = QVBoxLayout()
        hero.setSpacing(2)
        self.hero_caption = make_label("homeHeroCaption", "caption")
        self.available = _figure("availableLabel")
        self.amount_due = _figure("homeAmountDueLabel")
        self.damages_note = make_label("homeLateDamagesLabel", "muted", wrap=True)
        for widget in (self.hero_caption, self.available, self.amount_due):
            hero.addWidget(widget)
        hero.addWidget(self.damages_note)
        hero.addStretch(1)

        side = QGridLayout()
        side.setHorizontalSpacing(24)
        side.setVerticalSpacing(8)
        self.balance = _figure("balanceLabel")
        self.next_due_date = _figure("nextDueDateLabel")
        self.next_payment = _figure("nextPaymentLabel")
        self.due_date_caption = make_label("homeDueDateCaption", "caption")
        self.next_payment_caption = self._caption(N_("Next payment"))
        rows = (
            (self._caption(N_("Principal balance")), self.balance),
            (self.due_date_caption, self.next_due_date),
            (self.next_payment_caption, self.next_payment),
        )
        for row, (caption, value) in enumerate(rows):
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            side.addWidget(caption, row, 0)
            side.addWidget(value, row, 1)
        side.setRowStretch(len(rows), 1)

        self._hero_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._hero_box.setSpacing(24)
        self._hero_box.addLayout(hero, 1)
        self._hero_box.addLayout(side, 1)
        self._hero_parts = (hero, side)

        self._facts_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._facts_box.setSpacing(28)
        self.credit_limit = make_label("creditLimitLabel", "fact")
        self.member_number = make_label("memberNumberLabel", "fact")
        self.rate = make_label("rateLabel", "fact")
        self.limit_button = make_button("homeLimitButton")
        self.limit_button.setProperty("role", "link")
        self._facts: list[QWidget] = []
        for caption, widgets in (
            (N_("Credit limit"), (self.credit_limit, self.limit_button)),
            (N_("Member number"), (self.member_number,)),
            (N_("Annual interest rate"), (self.rate,)),
        ):
            fact = QWidget()
            stack = QVBoxLayout(fact)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(0)
            stack.addWidget(self._caption(caption, "fact-caption"))
            for widget in widgets:
                stack.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
            stack.addStretch(1)
            self._facts_box.addWidget(fact)
            self._facts.append(fact)
        self._facts_box.addStretch(1)
        self.values = {
            "credit_limit": self.credit_limit,
            "member_number": self.member_number,
            "rate": self.rate,
            "balance": self.balance,
            "next_due_date": self.next_due_date,
            "next_payment": self.next_payment,
        }

        rule = QFrame()
        rule.setObjectName("summaryRule")
        rule.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(card)
        layout.setSpacing(12)
        layout.addLayout(self._hero_box)
        layout.addWidget(rule)
        layout.addLayout(self._facts_box)
        return card

    def _notices(self) -> QFrame:
        box = QFrame()
        box.setObjectName("homeNoticesList")
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

    def _tiles(self) -> QGridLayout:
        self.borrow_tile = make_button("homeBorrowTile")
        self.repay_tile = make_button("homeRepayTile")
        self.history_tile = make_button("homeHistoryTile")
        self.procedures_tile = make_button("homeProceduresTile")
        self.procedures_tile.setCheckable(True)
        self._tile_buttons = (
            self.borrow_tile,
            self.repay_tile,
            self.history_tile,
            self.procedures_tile,
        )
        self._tile_grid = QGridLayout()
        self._tile_grid.setSpacing(12)
        self._tiles_per_row = 0
        self._place_tiles(4)
        return self._tile_grid

    def _place_tiles(self, per_row: int) -> None:
        if per_row == self._tiles_per_row:
            return
        self._tiles_per_row = per_row
        for tile in self._tile_buttons:
            self._tile_grid.removeWidget(tile)
        for index, tile in enumerate(self._tile_buttons):
            self._tile_grid.addWidget(tile, index // per_row, index % per_row)

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
            (self.available, "available", True),
            (self.amount_due, "amount_due", True),
        )
        for label, field, hide_empty in texts:
            bind_label(label, getattr(vm, f"{field}_changed"), getattr(vm, field), hide_empty)
        for field, label in self.values.items():
            bind_label(label, getattr(vm, f"{field}_changed"), getattr(vm, field), False)
        vm.late_damages_changed.connect(self._show_damages)
        vm.overdue_changed.connect(self._show_overdue)
        self._show_overdue(vm.overdue)
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
        vm.can_borrow_changed.connect(self._show_can_borrow)
        self._show_can_borrow(vm.can_borrow)

    @Slot(bool)
    def _show_overdue(self, overdue: bool) -> None:
        """An overdue member sees what they owe and the date that passed, never what they
        might borrow nor the limit increase."""
        self.hero_caption.setText(_("Amount due now") if overdue else _("Available to borrow"))
        self.due_date_caption.setText(_("Payment due date") if overdue else _("Next due date"))
        self.next_due_date.setAccessibleName(self.due_date_caption.text())
        self.next_payment_caption.setVisible(not overdue)
        self.next_payment.setVisible(not overdue)
        self.limit_button.setVisible(not overdue)
        self._show_damages(self._vm.late_damages)

    @Slot(str)
    def _show_damages(self, damages: str) -> None:
        self.damages_note.setText(
            _("Late damages of {damages} included. Due date passed: please repay now.").format(
                damages=damages
            )
            if damages
            else ""
        )
        self.damages_note.setVisible(bool(damages))

    @Slot(bool)
    def _show_can_borrow(self, can_borrow: bool) -> None:
        """While borrowing is unavailable, repaying becomes the main action."""
        self.borrow_tile.setEnabled(can_borrow)
        for button, primary in ((self.borrow_tile, can_borrow), (self.repay_tile, not can_borrow)):
            button.setProperty("role", "tile-primary" if primary else "tile")
            button.style().unpolish(button)
            button.style().polish(button)

    # -- size --------------------------------------------------------------------------------
    def _size_hero(self) -> None:
        """The hero figure in a multiple of the interface font (the style sheet sets one size
        for every widget), so it stays the largest text at every font size."""
        points = max(1, round(QApplication.font().pointSizeF() * HERO_SCALE))
        sheet = f"font-size: {points}pt; font-weight: bold;"
        for label in (self.available, self.amount_due):
            label.setStyleSheet(sheet)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._size_hero()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        """Side by side where the page is wide enough, one under the other where not."""
        viewport = self._scroll.viewport().width() if self._scroll.isVisible() else self.width()
        inner = min(viewport, PAGE_WIDTH) - 96  # the page's and the card's margins
        hero, side = self._hero_parts
        wide = hero.sizeHint().width() + side.sizeHint().width() + 24 <= inner
        self._hero_box.setDirection(_direction(wide))
        facts = sum(fact.sizeHint().width() for fact in self._facts) + 28 * len(self._facts)
        self._facts_box.setDirection(_direction(facts <= inner))
        self._facts_box.setSpacing(28 if facts <= inner else 6)
        tiles = sum(tile.sizeHint().width() for tile in self._tile_buttons) + 36
        self._place_tiles(4 if tiles <= inner + 32 else 2)

    def retranslate(self) -> None:
        for label, caption in self._captions:
            label.setText(_(caption))
        for label, caption in (
            (self.available, N_("Available to borrow")),
            (self.amount_due, N_("Amount due now")),
            (self.balance, N_("Principal balance")),
            (self.credit_limit, N_("Credit limit")),
            (self.member_number, N_("Member number")),
            (self.rate, N_("Annual interest rate")),
            (self.next_payment, N_("Next payment")),
        ):
            label.setAccessibleName(_(caption))
        self.security.setText(
            _("We will never ask you for a confirmation code or a password.")
        )
        for button, text in (
            (self.borrow_tile, N_("Borrow")),
            (self.repay_tile, N_("Repay")),
            (self.history_tile, N_("History")),
            (self.procedures_tile, N_("Procedures")),
            (self.promise_button, N_("Promise a payment date")),
            (self.limit_button, N_("Apply for a higher credit limit")),
            (self.simulator_link, N_("Repayment simulation")),
            (self.interest_link, N_("Interest info")),
            (self.settings_link, N_("Settings")),
        ):
            button.setText(_(text))
            button.setAccessibleName(button.text())
        self._show_overdue(self._vm.overdue)
        self.footer.retranslate()
        self._reflow()

