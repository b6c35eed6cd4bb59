"""One input field bound to a domain input policy: what the member typed, what it becomes,
what was converted, and what is wrong with it (as sentences).

What a notice says has happened is always what the field shows: the conversions that keep
the text's length (full-width digits …) run as the member types, the others (separators
removed, 「3万」 → 30,000, an amount grouped as ``10,000``) when the member leaves the field,
and only then does their notice appear. A secret is never converted at all.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop_app.domain import fields, fields_live
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult, Notice
from desktop_app.domain.fields_live import LiveConversion
from desktop_app.domain.text import ordered
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.crash import remember_secret
from desktop_app.viewmodels.messages import error_sentence, notice_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services

# Errors about a character are shown while typing, and what a look-up found (a postal code
# Japan Post does not know); the rest (too short, empty …) only when the member tries to go
# on, so a half-typed value is not scolded.
_WHILE_TYPING = {ErrorCode.FULL_WIDTH_CHAR, ErrorCode.INVALID_CHAR, ErrorCode.POSTAL_UNKNOWN}

Display = Callable[[str], str | None]
"""Raw text → what the field shows once left (None: as the policy's value)."""


class FieldViewModel(ViewModel):
    """Signals:
    text_changed(str): the text the field shows (converted as typed; cleared by ``reset``).
    notice_changed(str): what was converted in it ("" for nothing).
    field_error_changed(str): what is wrong, next to the field ("" when nothing, yet).

    ``live`` converts while typing (``fields_live``); ``display`` gives the text shown once
    the field is left (an amount as ``10,000``); a ``secret`` is never converted.
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
        *,
        live: LiveConversion | None = None,
        display: Display | None = None,
        secret: bool = False,
    ) -> None:
        super().__init__(services, parent)
        self._policy = policy
        self._live = None if secret else live
        self._display = display
        self._secret = secret
        self._result = policy("")
        self._said: set[Notice] = set()  # what was converted in the text shown
        self._strict = False  # every error shows, after a submit attempt

    @classmethod
    def amount(
        cls,
        services: Services,
        parent: QObject | None = None,
        policy: Callable[[str], FieldResult] | None = None,
    ) -> FieldViewModel:
        """An amount: full-width digits convert as typed; ``10,000`` once left."""
        return cls(
            services,
            policy or fields.amount,
            parent,
            live=fields_live.amount,
            display=fields_live.amount_display,
        )

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
        """The member typed: convert what can be converted in place, at once."""
        shown = text
        if self._live is not None:
            shown, converted = self._live(text)
            self._said.update(converted)
        self._show(shown)

    def _show(self, text: str) -> None:
        if not text.strip():
            self._said.clear()  # nothing left of what was converted
        # The result first: whoever listens to text_changed reads a fresh ``valid``/``value``.
        self._result = self._policy(text)
        self._render()
        self.text = text

    def commit(self) -> None:
        """The member left the field: show the converted value in it, and say what was
        converted (DOMAIN.md §7: the field converts and says so). A secret stays as typed."""
        result = self._result
        if self._secret or result.error is not None:
            return
        shown = self._display(self.text) if self._display is not None else None
        if shown is None and result.notices:
            shown = result.value
        if shown is not None and shown != self.text:
            said = set(result.notices)
            if self._display is not None:  # it puts its own separators (10,000, 100-0001)
                said.discard(Notice.SEPARATORS_REMOVED)
            self._said.update(said)
            self._show(shown)

    def revalidate(self) -> None:
        """Apply the policy again to the text shown (what it knows has changed: a look-up
        answered)."""
        self._result = self._policy(self.text)
        self._render()

    def check(self) -> AppError | None:
        """The member wants to go on: show every error now and return it."""
        self._strict = True
        self._render()
        if self._secret:
            remember_secret(self._result.value)  # masked wherever it shows up in the log
        return self._result.error

    def reset(self) -> None:
        super().reset()
        self._strict = False
        self._said.clear()
        self._show("")

    def _render(self) -> None:
        error = self._result.error
        shown = error is not None and (self._strict or error.code in _WHILE_TYPING)
        self.field_error = error_sentence(error) if shown and error else ""
        # A notice only for what the field shows converted, and not beside an error.
        self.notice = "" if self.field_error else notice_sentence(ordered(self._said))

    def retranslate(self) -> None:
        super().retranslate()
        self._render()
