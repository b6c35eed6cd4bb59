"""The binding helper: values flow both ways and never echo."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from desktop_app.views.binding import bind_combo_index, bind_label, bind_line_edit


class Model(QObject):
    text_changed = Signal(str)
    index_changed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[object] = []

    def set_text(self, text: str) -> None:
        self.writes.append(text)

    def set_index(self, index: int) -> None:
        self.writes.append(index)


def test_line_edit_both_ways_without_echo(qtbot):
    model, edit = Model(), QLineEdit()
    qtbot.addWidget(edit)
    bind_line_edit(edit, model.text_changed, "start", model.set_text)
    assert edit.text() == "start"
    assert model.writes == []  # the initial value is not "input"
    model.text_changed.emit("from the model")
    assert edit.text() == "from the model"
    assert model.writes == []  # writing to the widget does not come back
    qtbot.keyClicks(edit, "!")
    assert model.writes == ["from the model!"]
    edit.setText("pasted")  # setText counts as the member's input
    assert model.writes[-1] == "pasted"


def test_label_hides_when_empty(qtbot):
    model, label = Model(), QLabel()
    qtbot.addWidget(label)
    label.show()
    bind_label(label, model.text_changed, "")
    assert label.isHidden()
    model.text_changed.emit("エラーです")
    assert label.isVisible() and label.text() == "エラーです"
    model.text_changed.emit("")
    assert label.isHidden()


def test_combo_index_both_ways(qtbot):
    model, combo = Model(), QComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["a", "b", "c"])
    bind_combo_index(combo, model.index_changed, 1, model.set_index)
    assert combo.currentIndex() == 1
    model.index_changed.emit(2)
    assert combo.currentIndex() == 2 and model.writes == []
    combo.setCurrentIndex(0)
    assert model.writes == [0]
