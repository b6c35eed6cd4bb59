"""A language switch for screens before sign-in: 日本語 / English, each in its own language,
switched live and remembered like the settings screen's (the same view-model command)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QWidget

from desktop_app.i18n import _
from desktop_app.viewmodels.settings import SettingsViewModel


class LanguageSwitch(QComboBox):
    def __init__(
        self, vm: SettingsViewModel, object_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vm = vm
        self.setObjectName(object_name)
        for code, label in vm.language_choices():
            self.addItem(label, code)
        self._show(vm.language)
        vm.language_changed.connect(self._show)
        self.currentIndexChanged.connect(self._chosen)
        self.retranslate()

    @Slot(str)
    def _show(self, code: str) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(code)))
        self.blockSignals(False)

    @Slot(int)
    def _chosen(self, index: int) -> None:
        self._vm.set_language(str(self.itemData(index)))

    def retranslate(self) -> None:
        self.setAccessibleName(_("Language"))
        self.setToolTip(_("Language"))
