"""Settings: language (switched live), font size, theme, idle timeout, and where the store
is (接続先: checked, then switched to)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.settings import SettingsViewModel
from desktop_app.viewmodels.store_settings import StoreSettingsViewModel
from desktop_app.views.binding import (
    bind_enabled,
    bind_label,
    bind_line_edit,
    bind_visible,
    make_button,
    make_combo,
    make_label,
    make_line_edit,
    name,
)
from desktop_app.views.widgets.breakable import BreakableLabel
from desktop_app.views.widgets.page import form_column


class StoreSection(QWidget):
    """接続先: the store in use, an address to check (``storeUrlInput``, ``storeTestButton``),
    ``storeSaveButton`` once it answered, and ``storeStatusLabel`` saying what happened."""

    def __init__(self, vm: StoreSettingsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        self.setObjectName("storeSection")
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.current = BreakableLabel()  # a long address wraps after each "/", "_" or "-"
        name(self.current, "storeCurrentLabel")
        self.current_detail = BreakableLabel()  # the data file's full path, muted
        name(self.current_detail, "storeCurrentDetailLabel")
        self.current_detail.setProperty("role", "muted")
        self.url = make_line_edit("storeUrlInput")
        self.hint = BreakableLabel()
        name(self.hint, "storeHintLabel")
        self.hint.setProperty("role", "muted")
        self.test = make_button("storeTestButton")
        self.save = make_button("storeSaveButton", primary=True)
        self.status = make_label("storeStatusLabel", "error", wrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test)
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.current)
        layout.addWidget(self.current_detail)
        layout.addWidget(self.url)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._bind()

    def _bind(self) -> None:
        vm = self._vm
        bind_line_edit(self.url, vm.url_text_changed, vm.url_text, vm.set_url_text)
        bind_label(self.current, vm.current_text_changed, vm.current_text)
        bind_label(self.current_detail, vm.current_detail_changed, vm.current_detail)
        vm.current_detail_changed.connect(self._show_detail)
        self._show_detail(vm.current_detail)
        bind_label(self.status, vm.status_changed, vm.status)
        bind_enabled(self.test, vm.can_test_changed, vm.can_test)
        bind_enabled(self.save, vm.can_save_changed, vm.can_save)
        self.url.setEnabled(vm.available)
        vm.status_ok_changed.connect(self._style_status)
        self._style_status(vm.status_ok)
        self.test.clicked.connect(vm.test)
        self.url.returnPressed.connect(vm.test)
        self.save.clicked.connect(vm.save)

    @Slot(str)
    def _show_detail(self, detail: str) -> None:
        """The full path also as the tool tip of the line it explains; no empty line."""
        self.current.setToolTip(detail)
        self.current_detail.setVisible(bool(detail))

    @Slot(bool)
    def _style_status(self, ok: bool) -> None:
        self.status.setProperty("role", "success" if ok else "error")
        style = self.status.style()
        style.unpolish(self.status)
        style.polish(self.status)

    def retranslate(self) -> None:
        self.heading.setText(_("Connection"))
        self.url.setAccessibleName(_("Address of the connection"))
        self.url.setPlaceholderText(_("Address of the connection"))
        self.hint.setText(self._vm.hint())
        self.test.setText(_("Check the connection"))
        self.test.setAccessibleName(_("Check the connection"))
        self.save.setText(_("Save"))
        self.save.setAccessibleName(_("Save the connection"))
        self.status.setAccessibleName(_("Result of the connection check"))
        self.current.setAccessibleName(_("Connection in use"))
        self.current_detail.setAccessibleName(_("Location of the data"))


class SettingsView(QWidget):
    """Signals:
    back_requested(): back to the screen shown before (offered while signed out, when the
    navigation is hidden).
    """

    back_requested = Signal()

    def __init__(
        self,
        vm: SettingsViewModel,
        store_vm: StoreSettingsViewModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vm = vm
        name(self, "settingsScreen")
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.language = make_combo("languageCombo")
        self.font_size = make_combo("fontSizeCombo")
        self.theme = make_combo("themeCombo")
        self.idle = make_combo("idleTimeoutCombo")
        form = QFormLayout()
        self._captions = [QLabel(), QLabel(), QLabel(), QLabel()]
        form.addRow(self._captions[0], self.language)
        form.addRow(self._captions[1], self.font_size)
        form.addRow(self._captions[2], self.theme)
        form.addRow(self._captions[3], self.idle)
        self.store = StoreSection(store_vm)
        self.back = make_button("settingsBackButton")
        layout = form_column(self, 560)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addSpacing(16)
        layout.addWidget(self.store, 0, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(1)
        # A visitor at a branch kiosk changes nothing that stays for the next one.
        form.setRowVisible(3, not vm.kiosk)
        self.store.setVisible(not store_vm.kiosk)
        self._bind()
        bind_visible(self.back, store_vm.signed_in_changed, store_vm.signed_in, invert=True)
        self.back.clicked.connect(self.back_requested)
        self.retranslate()

    def _bind(self) -> None:
        vm = self._vm
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.font_size.currentIndexChanged.connect(self._font_size_chosen)
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        self.idle.currentIndexChanged.connect(self._idle_chosen)
        vm.language_changed.connect(self._fill)
        # The other choices change no text: their boxes are only set (refilled, each entry
        # refitted the form again during a look change's stall).
        vm.idle_minutes_changed.connect(self._select)
        vm.font_size_changed.connect(self._select)
        vm.theme_changed.connect(self._select)

    def _boxes(self) -> tuple[tuple[QComboBox, Sequence[tuple[object, str]], object], ...]:
        vm = self._vm
        return (
            (self.language, vm.language_choices(), vm.language),
            (self.font_size, vm.font_size_choices(), vm.font_size),
            (self.theme, vm.theme_choices(), vm.theme),
            (self.idle, vm.idle_choices(), vm.idle_minutes),
        )

    @Slot()
    def _fill(self) -> None:
        """Refill the combos (their texts are translated) and select the current values."""
        for combo, choices, current in self._boxes():
            combo.blockSignals(True)
            combo.clear()
            for code, label in choices:
                combo.addItem(label, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    @Slot()
    def _select(self) -> None:
        """Select the current values (a choice made elsewhere, or refused)."""
        for combo, _choices, current in self._boxes():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    @Slot(int)
    def _language_chosen(self, index: int) -> None:
        self._vm.set_language(str(self.language.itemData(index)))

    @Slot(int)
    def _font_size_chosen(self, index: int) -> None:
        self._vm.set_font_size(str(self.font_size.itemData(index)))

    @Slot(int)
    def _idle_chosen(self, index: int) -> None:
        self._vm.set_idle_minutes(int(self.idle.itemData(index)))

    @Slot(int)
    def _theme_chosen(self, index: int) -> None:
        self._vm.set_theme(str(self.theme.itemData(index)))

    def retranslate(self) -> None:
        self.title.setText(_("Settings"))
        captions = (_("Language"), _("Font size"), _("Theme"), _("Automatic sign-out after"))
        for label, combo, text in zip(
            self._captions,
            (self.language, self.font_size, self.theme, self.idle),
            captions,
            strict=True,
        ):
            label.setText(text)
            combo.setAccessibleName(text)
        self._fill()
        self.store.retranslate()
        self.back.setText(_("Back"))
        self.back.setAccessibleName(_("Back"))
