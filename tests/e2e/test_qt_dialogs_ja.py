"""Qt's own file dialog speaks Japanese in a Japanese client (qtbase_ja plus our own
translations for what it lacks), and the CSV export proposes ご利用履歴_YYYYMMDD.csv in the
member's Documents folder (else Downloads, else home), never the program's folder."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A home folder of the test's own (Qt reads $HOME for Documents and Downloads)."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def _open_export_dialog(drive, qtbot, language: str = "ja") -> QFileDialog:
    driver = drive(language=language)
    driver.sign_in_web("yamada2026", "Taro2026pass")
    driver.click("navHistory")
    driver.click("exportCsvButton")
    dialog = driver.window.findChild(QFileDialog, "exportCsvDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _model_texts(view: QAbstractItemView, file_names: set[str]) -> list[str]:
    """Header sections and every cell but the file names of the view's current folder."""
    model, root = view.model(), view.rootIndex()
    texts = [
        str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for column in range(model.columnCount(root))
    ]
    for row in range(model.rowCount(root)):
        for column in range(model.columnCount(root)):
            text = str(model.index(row, column, root).data() or "")
            if text not in file_names:
                texts.append(text)
    return texts


def _visible_texts(dialog: QFileDialog, file_names: set[str]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = [("title", dialog.windowTitle())]
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__} {widget.objectName()}"
        texts: list[str] = [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox) and widget.objectName() != "lookInCombo":  # folders
            texts += [widget.itemText(index) for index in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.objectName() != "sidebar":
            texts += _model_texts(widget, file_names)
        found += [(where, text) for text in texts if text]
    return found


def test_the_csv_dialog_reads_japanese_everywhere(drive, qtbot, home):
    documents = home / "Documents"
    (documents / "明細").mkdir(parents=True)
    (documents / "report.csv").write_text("x\n", encoding="utf-8")
    dialog = _open_export_dialog(drive, qtbot)
    # the detail view shows the type column ("Folder" in Qt's Japanese catalog is missing)
    detail = dialog.findChild(QAbstractButton, "detailModeButton")
    qtbot.mouseClick(detail, Qt.MouseButton.LeftButton)
    tree = dialog.findChild(QAbstractItemView, "treeView")
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) == 2)
    qtbot.waitUntil(
        lambda: all(
            tree.model().index(row, 2, tree.rootIndex()).data()
            for row in range(tree.model().rowCount(tree.rootIndex()))
        )
    )
    names = {"明細", "report.csv", "ご利用履歴_20261124.csv"}
    english = [
        (where, text)
        for where, text in _visible_texts(dialog, names)
        # "CSV" is the word members see for the format, as in our own catalog; KB and MB are
        # the units of sizes in Japanese file lists
        if ENGLISH_WORD.search(re.sub(r"CSV|csv|\b[KMGT]B\b", "", text))
    ]
    assert english == []
    dialog.reject()


def test_the_csv_dialog_proposes_todays_file_in_documents(drive, qtbot, home):
    (home / "Documents").mkdir()
    dialog = _open_export_dialog(drive, qtbot)
    assert Path(dialog.directory().absolutePath()) == home / "Documents"
    assert dialog.selectedFiles() == [str(home / "Documents" / "ご利用履歴_20261124.csv")]
    dialog.reject()


def test_without_documents_the_csv_goes_to_downloads_then_home(drive, qtbot, home):
    """In English the name is English too: no Japanese in the English UI."""
    (home / "Downloads").mkdir()
    dialog = _open_export_dialog(drive, qtbot, language="en")
    assert dialog.selectedFiles() == [str(home / "Downloads" / "history_20261124.csv")]
    dialog.reject()
    (home / "Downloads").rmdir()
    from desktop_app.viewmodels.export import suggested_export_path

    assert suggested_export_path(date(2026, 11, 24)) == home / "history_20261124.csv"


def test_qt_strings_follow_a_live_language_switch(qapp):
    from PySide6.QtCore import QCoreApplication

    from desktop_app import i18n

    try:
        i18n.set_language("ja")
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "場所(&L):"
        assert QCoreApplication.translate("QFileDialog", "File &name:") == "ファイル名(&N):"
        i18n.set_language("en")
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "Folder"
    finally:
        i18n.set_language("ja")
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "フォルダー"


def test_qt_button_boxes_and_message_boxes_read_japanese(qapp):
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    from desktop_app import i18n

    i18n.set_language("ja")
    every = QDialogButtonBox.StandardButton.NoButton
    for button in QDialogButtonBox.StandardButton:
        every |= button
    box = QDialogButtonBox(every)
    texts = [button.text() for button in box.buttons()]
    message = QMessageBox(QMessageBox.Icon.Question, "", "")
    message.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    message.setDetailedText("…")
    texts += [button.text() for button in message.buttons()]
    # "OK" is what Japanese dialogs say too
    assert [text for text in texts if text != "OK" and ENGLISH_WORD.search(text)] == []
