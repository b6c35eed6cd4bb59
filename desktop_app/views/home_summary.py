"""The home page's summary card: the hero figure (借入可能額, or for an overdue member what they
owe), the balance and the next payment beside it, and the smaller facts under a rule."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import N_, _
from desktop_app.viewmodels.home import HomeViewModel
from desktop_app.views.binding import bind_label, make_button, make_label
from desktop_app.views.widgets.reflow import Pairs, preferred, smallest

HERO_SCALE = 2.4  # the hero figure's size, in multiples of the interface font
SPACING = 16  # between the hero and the figures beside it, and a caption and its value
FACT_SPACING = 24


def _figure(object_name: str) -> QLabel:
    label = make_label(object_name, "figure")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def direction(wide: bool) -> QBoxLayout.Direction:
    return QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom


class SummaryCard(QFrame):
    def __init__(self, vm: HomeViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        self.setObjectName("summaryCard")
        self._captions: list[tuple[QLabel, str]] = []
        self._hero_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._hero_box.setSpacing(SPACING)
        self.hero_part = QWidget()
        self.hero_part.setLayout(self._hero())
        self.side = self._side()
        self._hero_box.addWidget(self.hero_part, 1)
        self._hero_box.addWidget(self.side, 0, Qt.AlignmentFlag.AlignTop)
        self._facts_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._facts = self._build_facts()
        rule = QFrame()
        rule.setObjectName("summaryRule")
        rule.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the style sheet's padding is the margin
        layout.setSpacing(8)
        layout.addLayout(self._hero_box)
        layout.addWidget(rule)
        layout.addLayout(self._facts_box)
        # On a line of its own: in the credit limit's column it made that column too wide
        # for the three facts side by side in English.
        layout.addWidget(self.limit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._bind()
        self.size_hero()

    def _caption(self, text: str, role: str = "caption") -> QLabel:
        label = QLabel()
        label.setProperty("role", role)
        self._captions.append((label, text))
        return label

    def _hero(self) -> QVBoxLayout:
        self.hero_caption = make_label("homeHeroCaption", "caption")
        self.available = _figure("availableLabel")
        self.amount_due = _figure("homeAmountDueLabel")
        self.damages_note = make_label("homeLateDamagesLabel", "muted", wrap=True)
        hero = QVBoxLayout()
        hero.setContentsMargins(0, 0, 0, 0)  # in line with the facts under the rule
        hero.setSpacing(2)
        for widget in (self.hero_caption, self.available, self.amount_due, self.damages_note):
            hero.addWidget(widget)
        hero.addStretch(1)
        return hero

    def _side(self) -> Pairs:
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
        return Pairs(rows, SPACING)

    def _build_facts(self) -> list[QWidget]:
        self.credit_limit = make_label("creditLimitLabel", "fact")
        self.member_number = make_label("memberNumberLabel", "fact")
        self.rate = make_label("rateLabel", "fact")
        self.limit_button = make_button("homeLimitButton")
        self.limit_button.setProperty("role", "link")
        facts: list[QWidget] = []
        for caption, widgets in (
            (N_("Credit limit"), (self.credit_limit,)),
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
            facts.append(fact)
        self._facts_box.addStretch(1)
        return facts

    def _bind(self) -> None:
        vm = self._vm
        bind_label(self.available, vm.available_changed, vm.available)
        bind_label(self.amount_due, vm.amount_due_changed, vm.amount_due)
        for field, label in (
            ("credit_limit", self.credit_limit),
            ("member_number", self.member_number),
            ("rate", self.rate),
            ("balance", self.balance),
            ("next_due_date", self.next_due_date),
            ("next_payment", self.next_payment),
        ):
            bind_label(label, getattr(vm, f"{field}_changed"), getattr(vm, field), False)
        vm.late_damages_changed.connect(self._show_damages)
        vm.overdue_changed.connect(self.show_overdue)
        self.show_overdue(vm.overdue)

    @Slot(bool)
    def show_overdue(self, overdue: bool) -> None:
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
            _("Late charges of {damages} included. Due date passed: please repay now.").format(
                damages=damages
            )
            if damages
            else ""
        )
        self.damages_note.setVisible(bool(damages))

    def size_hero(self) -> None:
        """The hero figure in a multiple of the interface font (the style sheet sets one size
        for every widget), so it stays the largest text at every font size."""
        points = max(1, round(self.font().pointSizeF() * HERO_SCALE))
        sheet = f"font-size: {points}pt; font-weight: bold;"
        for label in (self.available, self.amount_due):
            if label.styleSheet() != sheet:
                label.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:
        """A live font size change (the style sheet gives the card its new font)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.size_hero()

    # -- size --------------------------------------------------------------------------------
    def _frame_width(self) -> int:
        return self.width() - self.contentsRect().width()

    def minimumSizeHint(self) -> QSize:
        """What one part under the other needs (the hero figure, each value under its
        caption, the facts one under the other): narrower than that is never asked for."""
        parts = [self.hero_part, self.side, *self._facts]
        widest = max(smallest(part).width() for part in parts)
        return QSize(widest + self._frame_width(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.reflow(event.size().width() - self._frame_width())
        super().resizeEvent(event)

    def reflow(self, inner: int) -> None:
        """Side by side within ``inner`` pixels where they fit, one under the other where not."""
        # The wrapped note under the figure takes the width it is given: not counted.
        figures = (self.hero_caption, self.available, self.amount_due)
        hero = max(preferred(label).width() for label in figures if not label.isHidden())
        wide = hero + SPACING + self.side.wide_width() <= inner
        facts = sum(preferred(fact).width() for fact in self._facts)
        facts_wide = facts + FACT_SPACING * (len(self._facts) - 1) <= inner
        directions = (direction(wide), direction(facts_wide))
        self._facts_box.setSpacing(FACT_SPACING if facts_wide else 8)
        if directions != (self._hero_box.direction(), self._facts_box.direction()):
            self._hero_box.setDirection(directions[0])
            self._facts_box.setDirection(directions[1])
            self.updateGeometry()

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
        self.limit_button.setText(_("Apply for a higher credit limit"))
        self.limit_button.setAccessibleName(self.limit_button.text())
        self.show_overdue(self._vm.overdue)
