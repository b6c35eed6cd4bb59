"""The settings screen offers every font size up to 最大 (twice 標準) and a theme that follows
the computer, and a choice applies at once."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox


def test_the_settings_offer_every_font_size_and_the_system_theme(drive):
    d = drive()
    d.click("loginSettingsLink")
    sizes = d.find(QComboBox, "fontSizeCombo")
    assert [sizes.itemText(i) for i in range(sizes.count())] == ["小", "標準", "大", "特大", "最大"]
    themes = d.find(QComboBox, "themeCombo")
    assert themes.itemData(themes.count() - 1) == "system"
    sizes.setCurrentIndex(sizes.count() - 1)  # 最大, live
    assert QApplication.font().pointSize() == 24
    sizes.setCurrentIndex(1)
    assert QApplication.font().pointSize() == 12
