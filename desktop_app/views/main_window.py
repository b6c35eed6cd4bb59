"""The main window: hosts the screens and the navigation, nothing more."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.brand import Brand
from desktop_app.i18n import _, language
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.connection import ConnectionViewModel
from desktop_app.viewmodels.navigation import LOGIN, Navigator
from desktop_app.views.appearance import adopt, freshen
from desktop_app.views.binding import (
    bind_enabled,
    bind_label,
    bind_visible,
    make_button,
    make_label,
    name,
)
from desktop_app.views.widgets.keyboard import (
    enter_pressed,
    focus_first_control,
    free_tab,
    is_plain_enter,
)
from desktop_app.views.widgets.nav_button import NavButton
from desktop_app.views.widgets.page import fit_to_width

# (screen, objectName of its navigation button, label message id), from the screen registry.
NavItem = tuple[str, str, str]
SCREEN_SHARE = 0.6  # the navigation wraps its entries rather than leave the screens less


class MainWindow(QMainWindow):
    """Signals:
    closing(): the window is closing; the application shuts down its work.
    """

    closing = Signal()

    def __init__(
        self,
        vm: ApplicationViewModel,
        navigator: Navigator,
        nav_items: Sequence[NavItem],
        brand: Brand,
        connection: ConnectionViewModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vm = vm
        self._connection = connection
        self._navigator = navigator
        self._nav_items = tuple(nav_items)
        self._brand = brand
        name(self, "mainWindow")
        self.setMinimumSize(800, 600)
        self._fit_to_screen(1000, 700)

        self.brand = QLabel()
        self.brand.setObjectName("brandLabel")
        # Never pushes the member's name or the buttons out: elided to the room left (a
        # kiosk's staff exit at the largest size in 800×600), whole on its accessible name.
        self.brand.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._brand_title = ""
        self.member = QLabel()
        self.member.setObjectName("headerMemberLabel")
        self.logout = make_button("logoutButton")
        header = QWidget()
        header.setObjectName("header")
        header_layout = QHBoxLayout(header)
        header_layout.addWidget(self.brand, 1)  # the room the others leave
        header_layout.addWidget(self.member)
        header_layout.addWidget(self.logout)
        self._header_layout = header_layout

        self.banner = make_label("messageBanner", "banner")
        self.banner.setWordWrap(True)
        self.connection_bar = self._connection_bar()

        self.nav = QWidget()
        self.nav.setObjectName("navBar")
        nav_layout = QVBoxLayout(self.nav)
        # Lit by hand, not by an exclusive QButtonGroup: a group takes every button but the
        # checked one out of the Tab order.
        self.nav_buttons: dict[str, NavButton] = {}
        for screen, object_name, _label in self._nav_items:
            button = NavButton(object_name)  # its text wraps when the window is narrow
            nav_layout.addWidget(button)
            self.nav_buttons[screen] = button
            button.clicked.connect(self._nav_clicked)
        nav_layout.addStretch(1)

        self.stack = QStackedWidget()
        name(self.stack, "screenStack")
        self._pages: dict[str, QWidget] = {}

        body = QHBoxLayout()
        # The entries scroll when the window is too low for them (48 px touch targets at a
        # kiosk, the largest font size): the screens and the kiosk's keys keep their room.
        self.nav_scroll = QScrollArea()
        self.nav_scroll.setObjectName("navScroll")
        self.nav_scroll.setWidget(self.nav)
        self.nav_scroll.setWidgetResizable(True)
        self.nav_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.nav_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # (On a PC the entries fit the smallest window at every size: no bar takes room.)
        self.nav_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body.addWidget(self.nav_scroll)
        body.addWidget(self.stack, 1)
        central = QWidget()
        column = self._column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(header)
        column.addWidget(self.connection_bar)
        column.addWidget(self.banner)
        column.addLayout(body, 1)
        self.setCentralWidget(central)
        for chrome in (header, self.connection_bar, self.banner, self.nav_scroll):
            adopt(chrome)  # the look on the parts, each screen its own (appearance.py)
        self._bind()
        self.retranslate()

    def _connection_bar(self) -> QWidget:
        """The connection banner and its retry button, shown while the store is out of reach."""
        bar = QWidget()
        bar.setObjectName("connectionBar")
        bar.setProperty("role", "banner-error")
        self.connection_banner = make_label("connectionBanner", "banner-error", wrap=True)
        self.connection_retry = make_button("connectionRetryButton")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 4, 12, 4)
        row.addWidget(self.connection_banner, 1)
        row.addWidget(self.connection_retry)
        return bar

    def _bind(self) -> None:
        connection = self._connection
        bind_visible(self.connection_bar, connection.visible_changed, connection.visible)
        bind_label(self.connection_banner, connection.message_changed, connection.message)
        bind_enabled(
            self.connection_retry, connection.retrying_changed, connection.retrying, invert=True
        )
        self.connection_retry.clicked.connect(self._retry_clicked)
        vm = self._vm
        bind_visible(self.nav_scroll, vm.signed_in_changed, vm.signed_in)
        bind_visible(self.logout, vm.signed_in_changed, vm.signed_in)
        bind_label(self.member, vm.member_name_changed, vm.member_name)
        bind_label(self.banner, vm.message_changed, vm.message)
        nav = self._navigator
        nav.screen_changed.connect(self._show_screen)
        nav.lit_changed.connect(self._light)
        self.logout.clicked.connect(self._logout_clicked)

    @Slot()
    def _nav_clicked(self) -> None:
        for screen, button in self.nav_buttons.items():
            if button is self.sender():
                self._navigator.go(screen)
        self._light(self._navigator.lit)  # a click on the lit entry does not unlight it

    @Slot()
    def _focus_screen(self) -> None:
        page = self.stack.currentWidget()
        if page is not None:
            focus_first_control(page)

    @Slot()
    def _retry_clicked(self) -> None:
        self._connection.retry()

    @Slot()
    def _logout_clicked(self) -> None:
        self._vm.sign_out()

    def _fit_to_screen(self, width: int, height: int) -> None:
        """Open at ``width``×``height``, or the screen's free area where that is smaller (an
        800×600 screen showed a 1000×700 window's right and bottom off the screen)."""
        screen = self.screen()
        free = screen.availableGeometry() if screen is not None else None
        if free is not None and free.width() > 0 and free.height() > 0:
            width, height = min(width, free.width()), min(height, free.height())
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))

    def add_input_panel(self, panel: QWidget) -> QVBoxLayout:
        """Kiosk mode: the on-screen keypad and keyboard, under the screens, across the
        window (views/kiosk_panel.py; it shows itself while a field it serves has the focus).
        Returns the layout it sits in. The keys take height from the navigation, whose
        entries then scroll."""
        self.nav_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._column.addWidget(panel)
        return self._column

    def add_to_header(self, widget: QWidget) -> None:
        """A control of the window itself (a kiosk's staff exit), at the header's end."""
        self._header_layout.addWidget(widget)

    def add_screen(self, screen: str, widget: QWidget) -> None:
        free_tab(widget)
        fit_to_width(widget)
        adopt(widget)  # restyled while in sight, else when next shown
        self.stack.addWidget(widget)
        self._pages[screen] = widget
        if screen == self._navigator.screen:
            self._show_screen(screen)

    @Slot(str)
    def _show_screen(self, screen: str) -> None:
        page = self._pages.get(screen)
        if page is not None:
            changed = page is not self.stack.currentWidget()
            freshen(page)  # the current look before it is shown, not after (its layout)
            self.stack.setCurrentWidget(page)
            if changed and screen != LOGIN:  # the sign-in screen places its own focus
                # The keyboard follows into the screen (its first control), once laid out:
                # from the navigation, after signing in, from a completion page's button.
                QTimer.singleShot(0, self._focus_screen)

    @Slot(str)
    def _light(self, screen: str) -> None:
        for entry, button in self.nav_buttons.items():
            button.setChecked(entry == screen)
        QTimer.singleShot(0, self._reveal_lit)  # once the entries are laid out

    @Slot()
    def _reveal_lit(self) -> None:
        """The lit entry in sight, where the entries scroll (a kiosk's keys took the room)."""
        QApplication.sendPostedEvents(self.nav_scroll, QEvent.Type.LayoutRequest)  # its range
        for button in self.nav_buttons.values():
            if button.isChecked():
                self.nav_scroll.ensureWidgetVisible(button, 0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_nav()
        self._fit_header()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ApplicationFontChange, QEvent.Type.LayoutRequest):
            self._fit_nav()
            self._fit_header()
        return super().event(event)

    def _fit_nav(self) -> None:
        """The navigation on one line per entry while that leaves the screens most of the
        window; else (large text, small window) as narrow as its words allow, its entries
        wrapped."""
        one_line = self.nav.sizeHint().width()
        # As few entries wrapped as may be: all but the longest keep their one line.
        hints = sorted(button.sizeHint().width() for button in self.nav_buttons.values())
        frame = one_line - hints[-1] if hints else 0
        second = hints[-2] + frame if len(hints) > 1 else 0
        wrapped = max(self.nav.minimumSizeHint().width(), second)
        room = self.width() - one_line
        width = one_line if room >= SCREEN_SHARE * self.width() else wrapped
        if self.nav.maximumWidth() != width:
            self.nav.setMaximumWidth(width)
        # As tall as the entries wrapped to that width (the scroll area would squeeze them).
        layout = self.nav.layout()
        if layout is not None and layout.hasHeightForWidth():
            tall = layout.totalHeightForWidth(width)
            if self.nav.minimumHeight() != tall:
                self.nav.setMinimumHeight(tall)
                QTimer.singleShot(0, self._reveal_lit)
        # As wide as the entries, and the scroll bar's width more while they scroll.
        scrolls = (
            self.nav_scroll.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            and self.nav.minimumSizeHint().height() > self.nav_scroll.viewport().height()
        )
        bar = self.nav_scroll.verticalScrollBar().sizeHint().width() if scrolls else 0
        if self.nav_scroll.width() != width + bar or self.nav_scroll.minimumWidth() != width + bar:
            self.nav_scroll.setFixedWidth(width + bar)

    def _fit_header(self) -> None:
        """The brand on the header's left, elided to what the name and buttons leave."""
        layout = self._header_layout
        margins = layout.contentsMargins()
        others = [
            item.widget()
            for item in (layout.itemAt(i) for i in range(layout.count()))
            if item is not None and item.widget() not in (None, self.brand)
        ]
        shown = [widget for widget in others if widget is not None and not widget.isHidden()]
        taken = sum(widget.sizeHint().width() for widget in shown)
        taken += layout.spacing() * len(shown) + margins.left() + margins.right()
        room = max(0, self.width() - taken)
        text = self.brand.fontMetrics().elidedText(
            self._brand_title, Qt.TextElideMode.ElideRight, room
        )
        if self.brand.text() != text:
            self.brand.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter that no widget took: press the focused button or submit the focused form."""
        if is_plain_enter(event) and enter_pressed(QApplication.focusWidget(), self.stack):
            event.accept()
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        brand = self._brand.name_ja if language() == "ja" else self._brand.name_en
        title = _("{brand} member service").format(brand=brand)
        self.setWindowTitle(title)
        self._brand_title = title
        self.brand.setAccessibleName(title)
        self._fit_header()
        for screen, _object_name, label in self._nav_items:
            self.nav_buttons[screen].set_label(_(label))
        self.logout.setText(_("Sign out"))
        self.logout.setAccessibleName(_("Sign out"))
        self.banner.setAccessibleName(_("Message"))
        self.connection_banner.setAccessibleName(_("Connection"))
        self.connection_retry.setText(_("Retry"))
        self.connection_retry.setAccessibleName(_("Retry"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
