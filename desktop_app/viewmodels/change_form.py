"""What the forms of the registered details share: fields bound to their policies, one
button enabled once every input is valid (and why not, said under it), then either a
confirmation and the store call, or, for a sensitive change, the one-time code
(``OtpViewModel``) and the store call with it. When the change went through the form is
emptied and ``changed`` tells the profile screen what to say.

A subclass makes its fields with ``_field`` in its ``__init__``, calls ``_start()``, and
implements ``_work`` (the store call, for a confirmed change) or ``_coded_work`` (for a change
with a code: ``CODED`` names it), ``_summary`` and ``DONE``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Slot

from desktop_app.domain.fields import FieldResult
from desktop_app.domain.fields_live import LiveConversion
from desktop_app.domain.profile import CodedChange
from desktop_app.i18n import _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.field import Display, FieldViewModel
from desktop_app.viewmodels.form import READ_ONLY, FormViewModel
from desktop_app.viewmodels.hints import missing, typed_problem
from desktop_app.viewmodels.otp import OtpViewModel
from desktop_app.viewmodels.services import Services


class ChangeFormViewModel(FormViewModel):
    """A form of typed fields (``FormViewModel``'s signals); ``otp`` is the one-time code of
    a ``CODED`` change (None for the others)."""

    CODED: ClassVar[CodedChange | None] = None
    DONE: ClassVar[str] = ""  # message id: what the profile screen says afterwards
    NAME: ClassVar[str] = "change"  # the runner's name of the store call

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self._captions: dict[FieldViewModel, str] = {}
        if self.CODED is not None:
            self.otp = OtpViewModel(services, app, self)

    # -- building ------------------------------------------------------------------------
    def _field(
        self,
        policy: Callable[[str], FieldResult],
        caption: str,
        live: LiveConversion | None = None,
        *,
        secret: bool = False,
        display: Display | None = None,
    ) -> FieldViewModel:
        field = FieldViewModel(
            self._services, policy, self, live=live, secret=secret, display=display
        )
        self._captions[field] = caption
        return field

    def _start(self) -> None:
        for field in self.fields():
            field.text_changed.connect(self._refresh)
        self.busy_changed.connect(self._refresh)
        if self.otp is not None:
            self.otp.active_changed.connect(self._refresh)
        self._refresh()

    def fields(self) -> list[FieldViewModel]:
        return list(self._captions)

    # -- state ---------------------------------------------------------------------------
    def _problem(self) -> str:
        """Why the form cannot be sent ("" when it can): a typed input that is wrong, one
        still empty, then the form's own reason."""
        inputs = ((self._captions[f], f.text, f.result) for f in self.fields())
        typed = typed_problem(inputs)
        if typed is not None:
            return typed
        empty = [self._captions[f] for f in self.fields() if not f.text]
        return missing(empty) or self._extra_problem()

    def _extra_problem(self) -> str:
        """A subclass's reason the form cannot be sent yet ("" for none)."""
        return ""

    def _working(self) -> bool:
        return self.busy or (self.otp is not None and self.otp.active)

    @Slot()
    @Slot(str)
    @Slot(bool)
    def _refresh(self, *_args: object) -> None:
        problem = _(READ_ONLY) if self._read_only() else self._problem()
        working = self._working()
        self.can_submit = not working and not problem
        self.submit_hint = "" if working else problem

    # -- commands ------------------------------------------------------------------------
    def submit(self) -> None:
        """Show every field's error; when none, ask for the code or the confirmation."""
        errors = [field.check() for field in self.fields()]
        if any(errors) or not self.can_submit:
            return
        self._set_error(None)
        if self.otp is not None and self.CODED is not None:
            self.otp.start(self.CODED, self._coded_work(), self._on_changed, self._set_error)
        else:
            self.confirmation_requested.emit(self._summary())

    def confirm(self) -> None:
        """The member confirmed the summary: send the change."""
        if not self.can_submit:
            return
        self._run(self.NAME, self._work(), self._on_changed)

    @Slot(object)
    def _on_changed(self, _result: object) -> None:
        self.after_change(_result)
        self.reset()
        self.changed.emit(self.DONE)

    def after_change(self, result: object) -> None:
        """A subclass's follow-up of a change that went through (before the form empties)."""

    # -- what a subclass says ------------------------------------------------------------
    def _work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def _coded_work(self) -> Callable[[str], Any]:
        raise NotImplementedError

    def _summary(self) -> str:
        return ""

    def shown(self) -> None:
        if not self.busy:
            self._set_error(None)
        self.render_current()
        self._refresh()

    def reset(self) -> None:
        super().reset()
        for field in self.fields():
            field.reset()
        if self.otp is not None:
            self.otp.reset()
        self._refresh()

    def retranslate(self) -> None:
        super().retranslate()
        for field in self.fields():
            field.retranslate()
        if self.otp is not None:
            self.otp.retranslate()
        self.render_current()
        self._refresh()
