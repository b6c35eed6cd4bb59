"""What every form of the registered details has, whatever it changes (the view:
``views.change_form.ChangeFormView``): the submit button's state and why it is disabled, the
confirmation asked for, and ``changed`` once the change went through. Its kinds:
``ChangeFormViewModel`` (typed fields), ``SettingViewModel`` (the repayment settings, loaded
on each visit) and ``BankFormViewModel`` (the bank account)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.i18n import N_, _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.otp import OtpViewModel
from desktop_app.viewmodels.services import Services

if TYPE_CHECKING:
    from desktop_app.domain.profile import MemberProfile

READ_ONLY = N_("The data file cannot be written to, so your details cannot be changed now.")


def summary_lines(rows: tuple[tuple[str, str], ...]) -> str:
    """「見出し：値」 lines of a confirmation."""
    return "\n".join(_("{caption}: {value}").format(caption=c, value=v) for c, v in rows)


class FormViewModel(ViewModel):
    """Signals:
    can_submit_changed(bool): the form's button is enabled.
    submit_hint_changed(str): why it is not ("" when it is, or while busy).
    confirmation_requested(str): the summary to confirm.
    changed(str): the change went through: the message id the profile screen shows.
    current_changed(str): what is registered now, said above the form ("" for nothing).

    ``otp`` is the one-time code of a change made with one (None for the others).
    """

    can_submit_changed = Signal(bool)
    submit_hint_changed = Signal(str)
    confirmation_requested = Signal(str)
    changed = Signal(str)
    current_changed = Signal(str)
    can_submit = Observed(False, can_submit_changed)
    submit_hint = Observed("", submit_hint_changed)
    current = Observed("", current_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self.otp: OtpViewModel | None = None
        self._registered: Callable[[], MemberProfile | None] = lambda: None

    # -- what is registered now (the profile screen's last answer) ----------------------------
    def use_registered(self, registered: Callable[[], MemberProfile | None]) -> None:
        """Where the form reads what is registered now (the profile screen it is opened
        from); without it the form says nothing of it."""
        self._registered = registered
        self.render_current()

    def registered(self) -> MemberProfile | None:
        return self._registered()

    def render_current(self) -> None:
        profile = self._registered()
        self.current = self._current_text(profile) if profile is not None else ""

    def _current_text(self, profile: MemberProfile) -> str:
        """A subclass's line of what is registered now ("" for none)."""
        return ""

    def _read_only(self) -> bool:
        """The store cannot be written to: no form can be sent."""
        session = self._app.session
        return session is not None and session.read_only

    # -- commands ------------------------------------------------------------------------
    def submit(self) -> None:
        """The form's button (or Enter): ask for the confirmation (or the code)."""
        raise NotImplementedError

    def confirm(self) -> None:
        """The member confirmed the summary: make the change."""
        raise NotImplementedError

    def cancel_confirmation(self) -> None:
        """The member did not confirm: nothing happens."""
