"""What a member leaves on screen: the shared search of the wipe tests (sign-out, idle,
kiosk). A trace is a text that identifies 山田 (DOMAIN.md §8) or his money."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QWidget,
)

# His name (kanji, kana, the 全銀 half-width form), member number, card number, Web-ID,
# password, bank account number, and any amount of money.
TRACES = (
    "山田",
    "ヤマダ",
    "ﾔﾏﾀﾞ",
    "100000001",
    "4000123412341234",
    "yamada2026",
    "Taro2026pass",
    "1234567",
    "円",
    "¥",
)
# Inputs that hold this computer's settings, not the member's: the store's address.
DEVICE_INPUTS = ("qt_spinbox_lineedit", "storeUrlInput")  # (and a date input's own text)
# Item views whose rows are the service's, not a member's (a date input's month grid).
SERVICE_VIEWS = ("qt_calendar_calendarview",)


def _traced(text: str) -> bool:
    return any(trace in text for trace in TRACES)


def _model_texts(model: QAbstractItemModel) -> list[str]:
    texts = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model's is private
        columns = 1
    for row in range(min(model.rowCount(QModelIndex()), 200)):
        for column in range(columns):
            value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if value is not None:
                texts.append(str(value))
    return texts


def visible_traces(window: QWidget) -> list[str]:
    """Everything of a member left in ``window``: a label, tool tip or accessible text with a
    trace, any text in an input, a table with rows, a combo or list item with a trace, an
    open dialog (of any kind)."""
    found = []
    for widget in window.findChildren(QWidget):
        for kind, text in (
            ("tool tip", widget.toolTip()),
            ("accessible name", widget.accessibleName()),
            ("accessible description", widget.accessibleDescription()),
        ):
            if _traced(text):
                found.append(f"{kind} of {widget.objectName() or '?'}: {text!r}")
    for label in window.findChildren(QLabel):
        if _traced(label.text()):
            found.append(f"label {label.objectName() or '?'}: {label.text()!r}")
    for field in window.findChildren(QLineEdit):
        if field.text() and field.objectName() not in DEVICE_INPUTS:
            found.append(f"input {field.objectName() or '?'}: {field.text()!r}")
    for editor in (*window.findChildren(QTextEdit), *window.findChildren(QPlainTextEdit)):
        if editor.toPlainText():
            found.append(f"text {editor.objectName() or '?'}: {editor.toPlainText()[:40]!r}")
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or view.objectName() in SERVICE_VIEWS:
            continue
        if isinstance(view, QTableView) and model.rowCount() > 0:
            found.append(f"table {view.objectName()}: {model.rowCount()} rows")
        elif any(_traced(text) for text in _model_texts(model)):
            found.append(f"list {view.objectName() or '?'}: {_model_texts(model)[:3]!r}")
    for combo in window.findChildren(QComboBox):
        items = [combo.itemText(index) for index in range(combo.count())]
        if any(_traced(item) for item in items):
            found.append(f"combo {combo.objectName()}: {items[:3]!r}")
    destinations = window.findChild(QComboBox, "borrowDestinationCombo")  # the member's accounts
    if destinations is not None and destinations.count() > 0:
        found.append(f"combo borrowDestinationCombo: {destinations.count()} accounts")
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            found.append(f"dialog {dialog.objectName()}")
    return found


def stored_sessions(store_url: str, token: str | None = None) -> int:
    """Sessions in the SQLite store at ``store_url`` (of ``token`` only, when given), read
    from the file itself: the client may have closed its store."""
    import hashlib
    import sqlite3

    with sqlite3.connect(store_url.removeprefix("sqlite:///")) as db:
        if token is None:
            return db.execute("SELECT count(*) FROM sessions").fetchone()[0]
        digest = hashlib.sha256(token.encode()).hexdigest()
        query = "SELECT count(*) FROM sessions WHERE token_hash = ?"
        return db.execute(query, (digest,)).fetchone()[0]
