"""What a screen reader finds: ``nameless(window)`` walks the accessibility tree of a window
and its open dialogs (QAccessible, as a screen reader does) and lists every control a member
can operate whose accessible name is empty, only its object name (a developer's word such
as 「loginButton」, not something to say), or, for a drop-down list, only the choice it shows
(「最大」 says nothing of what is chosen: the font size)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QDialog, QWidget

Role = QAccessible.Role
# The roles of what a member operates: buttons, inputs, choices, tabs, tables, lists, links.
INTERACTIVE = {
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.EditableText,
    Role.SpinBox,
    Role.Slider,
    Role.ScrollBar,
    Role.PageTab,
    Role.PageTabList,
    Role.Table,
    Role.List,
    Role.ListItem,
    Role.Tree,
    Role.Link,
    Role.ButtonMenu,
    Role.ButtonDropDown,
}
# Whose children are rows and cells named by what they show (a scroll bar's parts too).
_CONTAINERS = {Role.Table, Role.Tree, Role.ScrollBar, Role.ComboBox, Role.SpinBox}
_SKIPPED = {Role.ScrollBar}  # a scroll bar is Qt's own and says so


def walk(interface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    """``interface`` and every visible descendant, depth first."""
    if interface is None or not interface.isValid() or interface.state().invisible:
        return
    yield interface
    if interface.role() in _CONTAINERS:
        return
    for index in range(interface.childCount()):
        yield from walk(interface.child(index))


def _label(interface: QAccessibleInterface) -> str:
    target = interface.object()
    name = target.objectName() if target is not None else ""
    if not name and interface.parent() is not None and interface.parent().object() is not None:
        name = f"{interface.parent().object().objectName()}[{interface.role().name}]"
    return name or interface.role().name


def nameless_in(widget: QWidget) -> list[str]:
    problems = []
    for interface in walk(QAccessible.queryAccessibleInterface(widget)):
        role = interface.role()
        if role not in INTERACTIVE or role in _SKIPPED:
            continue
        if role == Role.ListItem and not interface.state().focusable:
            continue
        spoken = interface.text(QAccessible.Text.Name).strip()
        target = interface.object()
        object_name = target.objectName() if target is not None else ""
        if role == Role.ComboBox and isinstance(target, QWidget):
            # On Linux and macOS Qt reports a drop-down's choice as its name (a screen reader
            # finds the name through the label relation); Windows reports accessibleName.
            spoken = target.accessibleName().strip()
            if spoken == interface.text(QAccessible.Text.Value).strip():
                spoken = ""
        if not spoken or spoken == object_name:
            problems.append(f"{_label(interface)} ({role.name}): {spoken or 'no name'!r}")
    return problems


def nameless(window: QWidget) -> list[str]:
    """Every nameless control of ``window`` and of its open dialogs."""
    problems = nameless_in(window)
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            problems += [f"dialog {dialog.objectName()}: {p}" for p in nameless_in(dialog)]
    return problems
