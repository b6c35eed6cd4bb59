"""What the forms of the repayment settings share (due day, automatic debit, reminder, web
statements): the registered details loaded on each visit, one store call to change them
(after a confirmation where the change has consequences), and the way back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.errors import AppError
from desktop_app.domain.models import AccountSummary
from desktop_app.domain.profile import DueDayEffect, MemberProfile
from desktop_app.domain.rules import MONTH_END, Rules
from desktop_app.i18n import N_, _, language
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.form import READ_ONLY, FormViewModel
from desktop_app.viewmodels.messages import in_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.profile_text import due_day_name
from desktop_app.viewmodels.services import Services


def due_day_label(day: int) -> str:
    """「毎月15日」, 「毎月末日」 (31 stands for the month's last day)."""
    return due_day_name(MONTH_END if day == MONTH_END else day)


def sentences(parts: list[str]) -> str:
    """Sentences one after the other: Japanese puts no space after 。, English one."""
    return ("" if language() == "ja" else " ").join(part for part in parts if part)


def day_in_sentence(day: int) -> str:
    """``due_day_label`` inside a sentence (English: 「5th of each month」, 「the last day of
    each month」)."""
    return in_sentence(due_day_label(day))


class SettingViewModel(FormViewModel):
    """A form of choices (``FormViewModel``'s signals). A subclass renders its state in
    ``_refresh`` (from ``profile`` and its own choices), says whether anything is to change
    in ``_ready``, and makes the change in ``_change``."""

    CONFIRMED = True  # whether the change is confirmed in a dialog first

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self.profile: MemberProfile | None = None
        self._question: tuple[object, Callable[[], Any]] | None = None  # the latest wanted
        self._asked: object = None  # the key of the question on its way
        self._asking = False
        self.busy_changed.connect(self._update)
        app.terms_changed.connect(self._update)
        app.summary_changed.connect(self._update)

    @property
    def rules(self) -> Rules | None:
        """The store's rules (None until its terms have arrived)."""
        terms = self._app.terms
        return terms.rules if terms is not None else None

    # -- loading -------------------------------------------------------------------------
    def shown(self) -> None:
        """Every visit starts from what is registered now."""
        if self._app.session is None:
            return
        self._set_error(None)
        self.load()

    def load(self) -> None:
        token, store = self._app.token, self._services.store
        self._run("profile", lambda: store.get().profile(token), self._on_profile)

    @Slot(object)
    def _on_profile(self, profile: MemberProfile) -> None:
        if self._app.session is None:
            return
        self.profile = profile
        self._loaded(profile)
        self._update()

    def _loaded(self, profile: MemberProfile) -> None:
        """Take the form's choices from what is registered."""

    @Slot(object)
    def _on_failure(self, error: AppError) -> None:
        if not self._app.handle_error(error):
            self._set_error(error)

    # -- state -------------------------------------------------------------------------------
    @Slot()
    @Slot(object)
    @Slot(bool)
    def _update(self, *_args: object) -> None:
        self._refresh()
        writable = self._app.session is not None and not self._read_only()
        self.submit_hint = "" if writable or self._app.session is None else _(READ_ONLY)
        self.can_submit = writable and self.profile is not None and not self.busy and self._ready()

    def _refresh(self) -> None:
        """Render the notices of the current choices."""

    def _ready(self) -> bool:
        """Whether the choices change anything (and may be asked for)."""
        return False

    def summary(self) -> str:
        """What the confirmation shows."""
        return ""

    # -- asking the store what a choice would do -----------------------------------------
    def _ask(self, key: object, work: Callable[[], Any]) -> None:
        """Ask the store (``work``, in the runner) what the choice ``key`` would do. One
        question at a time: a newer choice made meanwhile is asked once the answer comes,
        and the answer to an older one is dropped."""
        self._question = (key, work)
        if not self._asking:
            self._send_question()

    def _forget_question(self) -> None:
        """Nothing to ask about the current choice: an answer on its way is dropped."""
        self._question = None

    def _send_question(self) -> None:
        if self._question is None:
            return
        key, work = self._question
        self._asking, self._asked = True, key
        self._submit("setting_effect", work, self._on_answer, self._on_answer_failed)

    def _still_wanted(self) -> bool:
        """The answer that just came is to the current choice (else ask that instead)."""
        self._asking = False
        if self._question is None:
            return False
        if self._question[0] != self._asked:
            self._send_question()
            return False
        return True

    @Slot(object)
    def _on_answer(self, answer: object) -> None:
        if self._still_wanted():
            self._answered(answer, None)
            self._update()

    @Slot(object)
    def _on_answer_failed(self, error: AppError) -> None:
        if self._app.handle_error(error):
            return
        if self._still_wanted():
            self._answered(None, error.detached())
            self._update()

    def _answered(self, answer: object, error: AppError | None) -> None:
        """The store's answer to the current choice (or its refusal)."""

    # -- the change --------------------------------------------------------------------------
    def submit(self) -> None:
        """The submit button or Enter: confirm first, or change at once."""
        if not self.can_submit:
            return
        self._set_error(None)
        if self.CONFIRMED:
            self.confirmation_requested.emit(self.summary())
        else:
            self.confirm()

    def confirm(self) -> None:
        if not self.can_submit:
            return
        name, work = self._change()
        self._run(name, work, self._on_changed)

    def _change(self) -> tuple[str, Callable[[], Any]]:
        """(the store call's name, the call) of the change the choices ask for."""
        raise NotImplementedError

    @Slot(object)
    def _on_changed(self, outcome: MemberProfile | AccountSummary) -> None:
        if isinstance(outcome, AccountSummary):
            self._app.accept_summary(outcome)
        else:
            self.profile = outcome
            self._app.refresh_summary()
        self.changed.emit(self._done(outcome))

    def _done(self, outcome: MemberProfile | AccountSummary) -> str:
        """The message id of what the profile screen says afterwards."""
        return N_("Your registered details have been changed.")

    def reset(self) -> None:
        super().reset()
        self.profile = None
        self._question = None
        self._asking = False
        self._update()

    def retranslate(self) -> None:
        super().retranslate()
        self._update()


class DueDayChoiceViewModel(SettingViewModel):
    """A setting that chooses the due day (返済日の変更, 口座振替): the days the store's rules
    offer, the one chosen, and the store's answer to what it leads to (``_effect``, or its
    refusal ``_refusal``).

    Signals:
    days_changed(list): the due days offered (5, 15, 25, 31 for the month's last day).
    day_labels_changed(list): their captions (毎月5日 … 毎月末日).
    day_index_changed(int): the chosen one (-1 before the registered details arrive).
    """

    days_changed = Signal(list)
    day_labels_changed = Signal(list)
    day_index_changed = Signal(int)
    days = Observed[list[int]]([], days_changed)
    day_labels = Observed[list[str]]([], day_labels_changed)
    day_index = Observed(-1, day_index_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self._effect: DueDayEffect | None = None
        self._refusal: AppError | None = None
        self._update()

    @property
    def day(self) -> int | None:
        days = self.days
        return days[self.day_index] if 0 <= self.day_index < len(days) else None

    def _offer_days(self) -> None:
        rules = self.rules
        days = list(rules.loan.due_days) if rules is not None else []
        if days != self.days:
            self.days = days
        self.day_labels = [due_day_label(day) for day in days]

    def set_day_index(self, index: int) -> None:
        """The member chose the due day at ``index`` of ``days``."""
        raise NotImplementedError

    def _index_of(self, day: int) -> int:
        return self.days.index(day) if day in self.days else -1

    def reset(self) -> None:
        self._effect, self._refusal = None, None
        super().reset()
