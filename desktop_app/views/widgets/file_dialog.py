"""The save dialog of the CSV export: Qt's own file dialog, in the interface language
(i18n.py installs qtbase's catalog and our own for the strings it lacks).

Qt's file list formats sizes and dates in the *system* locale (``2 bytes``, ``12/1/26 2:34
PM`` on an English computer), whatever language the member chose: a proxy model formats them
in the interface language instead (``2 バイト``, ``2.0 KB``, ``2026/12/01 14:34``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

from desktop_app.views.appearance import adopt

SIZE_COLUMN, DATE_COLUMN = 1, 3  # QFileSystemModel's columns: name, size, type, date modified


class LocalizedFileList(QIdentityProxyModel):
    """QFileSystemModel's rows, with sizes and dates in the default (interface) locale."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        source = self.sourceModel()
        column = index.column()
        if (
            role == Qt.ItemDataRole.DisplayRole
            and column in (SIZE_COLUMN, DATE_COLUMN)
            and isinstance(source, QFileSystemModel)
        ):
            inner = self.mapToSource(index)
            locale = QLocale()
            if column == DATE_COLUMN:
                return locale.toString(source.lastModified(inner), QLocale.FormatType.ShortFormat)
            if source.isDir(inner):
                return ""
            return locale.formattedDataSize(
                source.size(inner), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
            )
        return super().data(index, role)


def save_dialog(
    parent: QWidget, title: str, name_filter: str, suggested: Path, object_name: str
) -> QFileDialog:
    """A non-blocking save dialog opened on ``suggested``'s folder with its name filled in
    (the caller connects ``fileSelected`` and calls ``open()``)."""
    dialog = QFileDialog(parent, title)
    adopt(dialog)
    dialog.setObjectName(object_name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(suggested.suffix.lstrip("."))
    # Qt's own dialog, never the system's: it speaks the language the member chose (not the
    # computer's), and a UI tester reaches its widgets like every other dialog's.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setProxyModel(LocalizedFileList(dialog))
    dialog.setDirectory(str(suggested.parent))
    dialog.selectFile(suggested.name)
    dialog.finished.connect(dialog.deleteLater)
    _fit(dialog, parent.window())
    return dialog


def _fit(dialog: QFileDialog, window: QWidget) -> None:
    """Four fifths of the client's window, and never less than the dialog asks for (at the
    largest font Qt's default size cut the places list and the file name short), within the
    window."""
    hint = dialog.sizeHint()
    dialog.resize(
        min(window.width(), max(hint.width(), window.width() * 4 // 5)),
        min(window.height(), max(hint.height(), window.height() * 4 // 5)),
    )
