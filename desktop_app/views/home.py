"""The top page: name, member number, limit, balance, available amount, next payment."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QWidget,
)

from desktop_app.i18n import N_, _
from desktop_app.viewmodels.home import HomeViewModel
from desktop_app.views.binding import bind_label, bind_visible, make_button, make_label, name
from desktop_app.views.widgets.flow import FlowLayout
from desktop_app.views.widgets.page import form_column


class HomeView(QWidget):
    """Signals:
    borrow_requested(), repay_requested(), promise_requested(), limit_requested(): the
    member chose a shortcut.
    """

    borrow_requested = Signal()
    repay_requested = Signal()
    promise_requested = Signal()
    limit_requested = Signal()

    # (view-model field, objectName, caption)
    _ROWS = (
        ("member_number", "memberNumberLabel", N_("Member number")),
        ("credit_limit", "creditLimitLabel", N_("Credit limit")),
        ("balance", "balanceLabel", N_("Principal balance")),
        ("available", "availableLabel", N_("Available to borrow")),
        ("rate", "rateLabel", N_("Annual interest rate")),
        ("next_due_date", "nextDueDateLabel", N_("Next due date")),
        ("next_payment", "nextPaymentLabel", N_("Next payment")),
    )

    def __init__(self, vm: HomeViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "homeScreen")
        self.overdue = make_label("overdueBanner", "banner-error")
        self.member_name = make_label("memberNameLabel", "heading")
        self.last_login = make_label("lastLoginLabel", "muted")
        self.promise = make_label("promisedDateLabel", "notice", wrap=True)
        self.limit_application = make_label("limitApplicationLabel", "notice", wrap=True)
        self.interest_free = make_label("interestFreeLabel", "notice")
        for label in (self.overdue, self.interest_free, self.last_login):
            label.setWordWrap(True)

        card = QFrame()
        card.setObjectName("summaryCard")
        grid = QGridLayout(card)
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(10)
        self._captions: list[tuple[QLabel, QLabel, str]] = []
        self.values: dict[str, QLabel] = {}
        for row, (field, object_name, caption) in enumerate(self._ROWS):
            caption_label = QLabel()
            value_label = QLabel()
            name(value_label, object_name)
            value_label.setProperty("role", "figure")
            value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption_label, row, 0)
            grid.addWidget(value_label, row, 1)
            self._captions.append((caption_label, value_label, caption))
            self.values[field] = value_label

        self.borrow_button = make_button("homeBorrowButton", primary=True)
        self.repay_button = make_button("homeRepayButton")
        self.promise_button = make_button("homePromiseButton")
        self.limit_button = make_button("homeLimitButton")
        buttons = FlowLayout()  # wraps at large font sizes
        buttons.addWidget(self.borrow_button)
        buttons.addWidget(self.repay_button)
        buttons.addWidget(self.promise_button)
        buttons.addWidget(self.limit_button)

        layout = form_column(self, 760)  # centred; scrolls when it cannot fit
        layout.addWidget(self.overdue)
        layout.addWidget(self.member_name)
        layout.addWidget(self.last_login)
        layout.addSpacing(8)
        layout.addWidget(card)
        layout.addWidget(self.interest_free)
        layout.addWidget(self.promise)
        layout.addWidget(self.limit_application)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._bind()
        self.retranslate()

    def _bind(self) -> None:
        vm = self._vm
        bind_label(self.overdue, vm.overdue_banner_changed, vm.overdue_banner)
        bind_label(self.member_name, vm.member_name_changed, vm.member_name, hide_empty=False)
        bind_label(self.last_login, vm.last_login_changed, vm.last_login)
        bind_label(self.interest_free, vm.interest_free_changed, vm.interest_free)
        bind_label(self.promise, vm.promise_changed, vm.promise)
        bind_label(self.limit_application, vm.limit_application_changed, vm.limit_application)
        bind_visible(self.promise_button, vm.overdue_changed, vm.overdue)
        self.promise_button.clicked.connect(self.promise_requested)
        self.limit_button.clicked.connect(self.limit_requested)
        for field, label in self.values.items():
            bind_label(label, getattr(vm, f"{field}_changed"), getattr(vm, field), False)
        vm.can_borrow_changed.connect(self._show_can_borrow)
        self._show_can_borrow(vm.can_borrow)
        self.borrow_button.clicked.connect(self.borrow_requested)
        self.repay_button.clicked.connect(self.repay_requested)

    @Slot(bool)
    def _show_can_borrow(self, can_borrow: bool) -> None:
        """While borrowing is unavailable, repaying becomes the main action."""
        self.borrow_button.setEnabled(can_borrow)
        for button, primary in (
            (self.borrow_button, can_borrow),
            (self.repay_button, not can_borrow),
        ):
            button.setProperty("role", "primary" if primary else "")
            button.style().unpolish(button)
            button.style().polish(button)

    def retranslate(self) -> None:
        for caption_label, value_label, caption in self._captions:
            caption_label.setText(_(caption))
            value_label.setAccessibleName(_(caption))
        self.borrow_button.setText(_("Borrow"))
        self.repay_button.setText(_("Repay"))
        self.promise_button.setText(_("Promise a payment date"))
        self.limit_button.setText(_("Apply for a higher limit"))
        for button in (
            self.borrow_button,
            self.repay_button,
            self.promise_button,
            self.limit_button,
        ):
            button.setAccessibleName(button.text())
