"""The sign-in screen: Web-ID and password on the first tab, card and PIN on the second."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.viewmodels.login import LoginViewModel
from desktop_app.viewmodels.settings import SettingsViewModel
from desktop_app.views.binding import (
    bind_checked,
    bind_enabled,
    bind_error,
    bind_label,
    bind_line_edit,
    bind_visible,
    describe,
    hug_text,
    make_button,
    make_label,
    make_line_edit,
    name,
    retranslate_tab_scrollers,
)
from desktop_app.views.widgets.caps_lock import CapsLockWatcher
from desktop_app.views.widgets.flow import FlowLayout
from desktop_app.views.widgets.kiosk_input import DIGITS, PIN, SECRET, TEXT, kiosk_input
from desktop_app.views.widgets.language_switch import LanguageSwitch
from desktop_app.views.widgets.page import Column, centred, scrolling
from desktop_app.views.widgets.wrap_button import WrapButton

CARD_WIDTH = 500  # at 標準; wider with the font


class TallEnough(QVBoxLayout):
    """A column whose widget is never shorter than its wrapped lines need: a notice that
    appears grows the card at once. Qt lays a shown widget's parents out before the page has
    caught up, and would meanwhile squeeze the tallest item (the sign-in form) to ~20 px."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    def minimumSize(self) -> QSize:
        smallest = super().minimumSize()
        host = self.parentWidget()
        if host is None or not self.hasHeightForWidth():
            return smallest
        return QSize(smallest.width(), max(smallest.height(), self.heightForWidth(host.width())))


class LoginView(QWidget):
    """Signals:
    register_requested(), reset_requested(), inbox_requested(), settings_requested(): the
    member follows a link (the settings: display and the connection, before signing in).
    not_online_requested(): a member whose card is locked asks how to have it unlocked.
    """

    register_requested = Signal()
    reset_requested = Signal()
    inbox_requested = Signal()
    settings_requested = Signal()
    not_online_requested = Signal()

    def __init__(
        self,
        vm: LoginViewModel,
        settings: SettingsViewModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "loginScreen")
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.tabs = QTabWidget()
        name(self.tabs, "loginMethodTabs")

        self.web_id = make_line_edit("webIdInput")
        self.password = make_line_edit("passwordInput")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.card = make_line_edit("cardNumberInput")
        self.pin = make_line_edit("pinInput")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        kiosk_input(self.web_id, TEXT)  # at a branch kiosk: the on-screen keyboard
        kiosk_input(self.password, SECRET)
        kiosk_input(self.card, DIGITS)  # the on-screen keypad
        kiosk_input(self.pin, PIN)  # its digits shuffled, if the kiosk says so

        web_tab, self._web_form = QWidget(), QFormLayout()
        web_tab.setLayout(self._web_form)
        self._web_id_label, self._password_label = QLabel(), QLabel()
        self._web_form.addRow(self._web_id_label, self.web_id)
        self._web_form.addRow(self._password_label, self.password)
        card_tab, self._card_form = QWidget(), QFormLayout()
        card_tab.setLayout(self._card_form)
        self._card_label, self._pin_label = QLabel(), QLabel()
        self._card_form.addRow(self._card_label, self.card)
        self._card_form.addRow(self._pin_label, self.pin)
        self.tabs.addTab(web_tab, "")
        self.tabs.addTab(card_tab, "")

        self.notice = make_label("widthNotice", "notice")
        self.error = make_label("loginError", "error")
        self.caps_hint = make_label("capsLockHint", "notice", wrap=True)
        self.register_link = make_button("registerWebIdLink")
        self.forgot_link = make_button("forgotPasswordLink")
        self.inbox_link = make_button("demoInboxLink")
        self.settings_link = make_button("loginSettingsLink")
        # Under a locked card's error; a long text, which wraps at large sizes.
        self.not_online_link = WrapButton("notOnlineLinkLogin")
        for link in (self.register_link, self.forgot_link, self.inbox_link, self.settings_link):
            link.setFlat(True)
            link.setProperty("role", "link")
        self.remember = QCheckBox()
        name(self.remember, "rememberWebIdCheck")
        hug_text(self.remember)
        # Why the box is greyed out, where no keychain works: said, not only in a tooltip.
        self.remember_hint = make_label("rememberWebIdHint", "muted", wrap=True)
        for label in (self.notice, self.error):
            label.setWordWrap(True)
        self.button = make_button("loginButton")
        self.button_hint = make_label("loginButtonHint", "muted", wrap=True)  # why disabled
        self.button.setDefault(True)
        self.button.setProperty("role", "primary")
        # A member who chose the other language switches back before signing in.
        self.language: LanguageSwitch | None = None
        if settings is not None:
            self.language = LanguageSwitch(settings, "loginLanguageCombo")

        self.tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        card = Column(CARD_WIDTH)  # wider at larger font sizes
        card.setObjectName("loginCard")
        self.card_column = card
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        inner = TallEnough(card)
        inner.addWidget(self.title)
        inner.addWidget(self.tabs)
        inner.addWidget(self.remember)
        inner.addWidget(self.remember_hint)
        inner.addWidget(self.caps_hint)
        inner.addWidget(self.notice)
        inner.addWidget(self.error)
        inner.addWidget(self.not_online_link)
        inner.addWidget(self.button)
        inner.addWidget(self.button_hint)
        links = FlowLayout(spacing=12)  # wraps at large font sizes instead of clipping
        links.addWidget(self.register_link)
        links.addWidget(self.forgot_link)
        links.addWidget(self.inbox_link)
        inner.addLayout(links)
        inner.addWidget(self.settings_link, 0, Qt.AlignmentFlag.AlignRight)
        # Centred by stretches, not by an alignment flag: an aligned item is given its plain
        # size hint, and a wrapped message would then squeeze the inputs.
        outer = QVBoxLayout()
        outer.addStretch(1)
        outer.addLayout(centred(card))
        outer.addStretch(2)
        if self.language is not None:  # in the top bar, but added last: last in the Tab chain
            top_bar = QHBoxLayout()
            top_bar.addStretch(1)
            top_bar.addWidget(self.language)
            outer.insertLayout(0, top_bar)
        self.content = outer  # what scrolls: the host adds the brand's footer under the card
        scrolling(self, outer)  # the largest font size in a small window scrolls
        self._bind()
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown (at start, after signing out): the member types their ID at once."""
        super().showEvent(event)
        self.focus_first_field()
        # Hiding the signed-in screens may move the focus after this: settle it once more.
        QTimer.singleShot(0, self, self._refocus)  # not called once the view is deleted

    def first_field(self) -> QLineEdit:
        """The ID field of the sign-in method shown: Web-ID, or the card number."""
        return self.card if self.tabs.currentIndex() == 1 else self.web_id

    def focus_first_field(self) -> None:
        self.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _refocus(self) -> None:
        if not shiboken6.isValid(self):  # deleted (a closed window) before the timer fired
            return
        focus = self.window().focusWidget()
        if self.isVisible() and (focus is None or not self.isAncestorOf(focus)):
            self.focus_first_field()

    def restrict_input_methods(self) -> None:
        """ID and number fields take half-width input only: keep the IME out of them.

        Called right after the first paint: importing the ``Qt`` namespace makes PySide6
        build all its enums (~20 ms), which the painted login screen need not wait for.
        """
        from PySide6.QtCore import Qt

        for field in (self.web_id, self.card, self.pin):
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            field.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly)
        self.password.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
        )

    def _bind(self) -> None:
        vm = self._vm
        self.tabs.currentChanged.connect(vm.set_method)
        vm.method_changed.connect(self.tabs.setCurrentIndex)
        bind_line_edit(self.web_id, vm.web_id_text_changed, vm.web_id_text, vm.set_web_id_text)
        bind_line_edit(
            self.password, vm.password_text_changed, vm.password_text, vm.set_password_text
        )
        bind_line_edit(self.card, vm.card_text_changed, vm.card_text, vm.set_card_text)
        bind_line_edit(self.pin, vm.pin_text_changed, vm.pin_text, vm.set_pin_text)
        bind_label(self.notice, vm.width_notice_changed, vm.width_notice)
        bind_error(
            self.error, vm.error_changed, vm.error, self.web_id, self.password, self.card, self.pin
        )
        bind_enabled(self.button, vm.can_sign_in_changed, vm.can_sign_in)
        bind_label(self.button_hint, vm.sign_in_hint_changed, vm.sign_in_hint)
        bind_label(self.caps_hint, vm.caps_lock_hint_changed, vm.caps_lock_hint)
        bind_checked(self.remember, vm.remember_changed, vm.remember)
        bind_enabled(self.remember, vm.remember_available_changed, vm.remember_available)
        bind_label(self.remember_hint, vm.remember_hint_changed, vm.remember_hint)
        vm.remember_hint_changed.connect(self.remember.setToolTip)
        self.remember.setToolTip(vm.remember_hint)
        self.remember.toggled.connect(vm.set_remember)
        self.remember.setVisible(not vm.kiosk)  # a kiosk remembers no visitor's Web-ID
        self._caps = CapsLockWatcher(vm.set_caps_lock, self, focused=vm.set_secret_focused)
        for secret in (self.password, self.pin):
            secret.installEventFilter(self._caps)
        self.button.clicked.connect(vm.sign_in)
        self.register_link.clicked.connect(self.register_requested)
        self.forgot_link.clicked.connect(self.reset_requested)
        self.inbox_link.clicked.connect(self.inbox_requested)
        self.settings_link.clicked.connect(self.settings_requested)
        self.not_online_link.clicked.connect(self.not_online_requested)
        bind_visible(self.not_online_link, vm.card_locked_changed, vm.card_locked)
        # Only a demo host has an inbox.
        bind_visible(self.inbox_link, vm.inbox_available_changed, vm.inbox_available)
        for field in (self.web_id, self.password, self.card, self.pin):
            field.returnPressed.connect(vm.sign_in)
        for field in (self.web_id, self.card):
            field.editingFinished.connect(vm.commit_identifier)

    def retranslate(self) -> None:
        self.title.setText(_("Member sign-in"))
        self.tabs.setTabText(0, _("Web-ID"))
        self.tabs.setTabText(1, _("Card number"))
        pairs = (
            (self._web_id_label, self.web_id, _("Web-ID")),
            (self._password_label, self.password, _("Password")),
            (self._card_label, self.card, _("Card number")),
            (self._pin_label, self.pin, _("PIN (4 digits)")),
        )
        for label, field, text in pairs:
            label.setText(text)
            field.setAccessibleName(text)
        self.web_id.setPlaceholderText(_("Half-width letters and digits"))
        self.card.setPlaceholderText(_("No hyphens needed"))
        self.remember.setText(_("Remember my Web-ID on this computer"))
        self.remember.setAccessibleName(_("Remember my Web-ID on this computer"))
        self.caps_hint.setAccessibleName(_("Caps Lock"))
        self.register_link.setText(_("Register a Web-ID"))
        self.forgot_link.setText(_("Forgot your password?"))
        self.inbox_link.setText(_("Inbox (demo)"))
        self.settings_link.setText(_("Settings (display and connection)"))
        self.not_online_link.set_label(_("What cannot be done online"))
        for link in (self.register_link, self.forgot_link, self.inbox_link, self.settings_link):
            link.setAccessibleName(link.text())
        self.button.setText(_("Sign in"))
        self.button.setAccessibleName(_("Sign in"))
        self.tabs.setAccessibleName(_("Sign-in method"))
        retranslate_tab_scrollers(self.tabs)
        describe(self.password, _("Upper and lower case letters are different"))
        if self.language is not None:
            self.language.retranslate()
