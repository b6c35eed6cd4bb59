"""A search run as the member types: each keystroke searches in the runner, and only the
answer to the latest text is shown (an older answer arriving late is dropped)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.errors import AppError
from desktop_app.viewmodels.runner import Activity

Entry = TypeVar("Entry")
Submit = Callable[..., int]
"""``ViewModel._submit`` of the view-model the search belongs to."""


class LiveSearch(QObject, Generic[Entry]):
    """The entries found for the latest text, as the list shows them.

    Signals:
        texts_changed(list): the lines of the result list (``label`` of each entry).
        searching_changed(bool): a search is on its way.
        failed(object): the latest search failed (an ``AppError``).
    """

    texts_changed = Signal(list)
    searching_changed = Signal(bool)
    failed = Signal(object)

    def __init__(
        self,
        name: str,
        submit: Submit,
        search: Callable[[str], tuple[Entry, ...]],
        label: Callable[[Entry], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._submit = submit
        self._search = search
        self._label = label
        self._generation = 0
        self._entries: tuple[Entry, ...] = ()
        self._text = ""
        self._activity = Activity(self._set_searching)
        self.searching = False

    @property
    def text(self) -> str:
        return self._text

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    @property
    def texts(self) -> list[str]:
        return [self._label(entry) for entry in self._entries]

    def search(self, text: str) -> None:
        """Look ``text`` up in a worker; whatever was asked before is no longer wanted."""
        self._text = text
        self._generation += 1
        generation, search = self._generation, self._search
        self._submit(
            self._name,
            lambda: (generation, search(text)),
            self._on_found,
            self._on_failed,
            activity=self._activity,
            retry=False,  # reference data read in the client, not a store call
        )

    @Slot(object)
    def _on_found(self, outcome: tuple[int, tuple[Any, ...]]) -> None:
        generation, entries = outcome
        if generation != self._generation:
            return  # the member has typed on since: a newer answer is coming
        self._entries = tuple(entries)
        self.texts_changed.emit(self.texts)

    @Slot(object)
    def _on_failed(self, error: AppError) -> None:
        self.failed.emit(error)

    def clear(self) -> None:
        """No text, no entries; an answer still on its way is dropped."""
        self._generation += 1
        self._text = ""
        self._activity.forget()
        if self._entries:
            self._entries = ()
            self.texts_changed.emit([])

    def retarget(self, search: Callable[[str], tuple[Entry, ...]]) -> None:
        """Search elsewhere from now on (another bank's branches): cleared first."""
        self.clear()
        self._search = search

    def relabel(self) -> None:
        """The language changed: the lines again."""
        self.texts_changed.emit(self.texts)

    def _set_searching(self, searching: bool) -> None:
        self.searching = searching
        self.searching_changed.emit(searching)
