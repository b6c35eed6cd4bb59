"""Settings: language (switched live), font size, theme."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.settings import SettingsViewModel
from desktop_app.views.binding import make_combo, name
from desktop_app.views.widgets.page import form_column


class SettingsView(QWidget):
    def __init__(self, vm: SettingsViewModel, parent: QWidget | None = None) -> None:
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
        layout = form_column(self, 480)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addStretch(1)
        self._bind()
        self.retranslate()

    def _bind(self) -> None:
        vm = self._vm
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.font_size.currentIndexChanged.connect(self._font_size_chosen)
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        self.idle.currentIndexChanged.connect(self._idle_chosen)
        vm.idle_minutes_changed.connect(self._fill)
        vm.language_changed.connect(self._fill)
        vm.font_size_changed.connect(self._fill)
        vm.theme_changed.connect(self._fill)

    @Slot()
    def _fill(self) -> None:
        """Refill the combos (their texts are translated) and select the current values."""
        vm = self._vm
        for combo, choices, current in (
            (self.language, vm.language_choices(), vm.language),
            (self.font_size, vm.font_size_choices(), vm.font_size),
            (self.theme, vm.theme_choices(), vm.theme),
            (self.idle, vm.idle_choices(), vm.idle_minutes),
        ):
            combo.blockSignals(True)
            combo.clear()
            for code, label in choices:
                combo.addItem(label, code)
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
        captions = (_("Language"), _("Font size"), _("Theme"), _("Sign out after no use for"))
        for label, combo, text in zip(
            self._captions,
            (self.language, self.font_size, self.theme, self.idle),
            captions,
            strict=True,
        ):
            label.setText(text)
            combo.setAccessibleName(text)
        self._fill()
