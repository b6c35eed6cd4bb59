"""``Observed``: the one typed property helper of the view-models.

    class HomeViewModel(ViewModel):
        balance_changed = Signal(str)
        balance = Observed("", balance_changed)

``vm.balance`` reads a ``str`` (mypy sees the type of the default); ``self.balance = text``
stores it and emits ``balance_changed(text)`` only when the value really changed. Views read
these attributes and listen to the signals; they change state only through the view-model's
methods. ``reset_observed(vm)`` puts every observed value back to its default (the wipe).
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QObject, Signal, SignalInstance

T = TypeVar("T")


class Observed(Generic[T]):
    """A change-only, typed view-model property backed by the instance and a notify signal."""

    __slots__ = ("_default", "_name", "_notify", "_slot")

    def __init__(self, default: T, notify: Signal) -> None:
        self._default = default
        self._notify = notify
        self._name = ""
        self._slot = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name
        self._slot = f"_observed_{name}"

    @property
    def name(self) -> str:
        return self._name

    @property
    def default(self) -> T:
        return self._default

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> Observed[T]: ...

    @overload
    def __get__(self, instance: QObject, owner: type | None = None) -> T: ...

    def __get__(self, instance: QObject | None, owner: type | None = None) -> Observed[T] | T:
        if instance is None:
            return self
        value: T = instance.__dict__.get(self._slot, self._default)
        return value

    def __set__(self, instance: QObject, value: T) -> None:
        if instance.__dict__.get(self._slot, self._default) == value:
            return
        instance.__dict__[self._slot] = value
        signal: SignalInstance = self._notify.__get__(instance, type(instance))
        signal.emit(value)

    def reset(self, instance: QObject) -> None:
        """Back to the default, emitting when that is a change."""
        self.__set__(instance, self._default)


def observed_properties(cls: type) -> list[Observed[Any]]:
    """Every ``Observed`` of ``cls`` and its bases, each once (the subclass's wins)."""
    seen: dict[str, Observed[Any]] = {}
    for klass in cls.__mro__:
        for name, value in vars(klass).items():
            if isinstance(value, Observed) and name not in seen:
                seen[name] = value
    return list(seen.values())


def reset_observed(instance: QObject, *, keep: frozenset[str] = frozenset()) -> None:
    """Put every observed property of ``instance`` (but those in ``keep``) to its default."""
    for prop in observed_properties(type(instance)):
        if prop.name not in keep:
            prop.reset(instance)
