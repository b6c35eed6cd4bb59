"""One input field bound to a domain input policy: what the member typed, what it becomes,
what was converted, and what is wrong with it (as sentences)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.messages import error_sentence, notice_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services

# Errors about a character are shown while typing; the rest (too short, empty …) only when
# the member tries to go on, so a half-typed value is not scolded.
_WHILE_TYPING = {ErrorCode.FULL_WIDTH_CHAR, ErrorCode.INVALID_CHAR}


class FieldViewModel(ViewModel):
    """Signals:
    text_changed(str): the raw text (cleared by ``reset``).
    notice_changed(str): what the policy converted ("" for nothing).
    field_error_changed(str): what is wrong, next to the field ("" when nothing, yet).
    """

    text_changed = Signal(str)
    notice_changed = Signal(str)
    field_error_changed = Signal(str)
    text = Observed("", text_changed)
    notice = Observed("", notice_changed)
    field_error = Observed("", field_error_changed)

    def __init__(
        self,
        services: Services,
        policy: Callable[[str], FieldResult],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(services, parent)
        self._policy = policy
        self._result = policy("")
        self._strict = False  # every error shows, after a submit attempt

    @property
    def result(self) -> FieldResult:
        return self._result

    @property
    def value(self) -> str:
        """The value to store or send (converted), valid or not."""
        return self._result.value

    @property
    def valid(self) -> bool:
        return self._result.error is None

    def set_text(self, text: str) -> None:
        # The result first: whoever listens to text_changed reads a fresh ``valid``/``value``.
        self._result = self._policy(text)
        self._render()
        self.text = text

    def commit(self) -> None:
        """The member left the field: show the converted value in it, and keep saying what
        was converted (DOMAIN.md §7: the field converts and says so)."""
        result = self._result
        if result.error is None and result.notices and result.value != self.text:
            said = notice_sentence(result.notices)
            self.set_text(result.value)
            if said:
                self.notice = said

    def check(self) -> AppError | None:
        """The member wants to go on: show every error now and return it."""
        self._strict = True
        self._render()
        return self._result.error

    def reset(self) -> None:
        super().reset()
        self._strict = False
        self.set_text("")

    def _render(self) -> None:
        self.notice = notice_sentence(self._result.notices)
        error = self._result.error
        shown = error is not None and (self._strict or error.code in _WHILE_TYPING)
        self.field_error = error_sentence(error) if shown and error else ""

    def retranslate(self) -> None:
        super().retranslate()
        self._render()
