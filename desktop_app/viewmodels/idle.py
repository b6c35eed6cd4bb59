"""Sign a member out after a spell of inactivity, with a warning that counts down."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.i18n import _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services

DEFAULT_IDLE_SECONDS = 15 * 60
DEFAULT_WARNING_SECONDS = 60
KIOSK_IDLE_SECONDS = 60  # DOMAIN.md §1: a branch kiosk warns after a minute
KIOSK_WARNING_SECONDS = 15


def idle_periods(
    kiosk: bool,
    setting_minutes: int,
    idle_seconds: int | None = None,
    warning_seconds: int | None = None,
) -> tuple[int, int]:
    """Seconds without input before the warning, and of its countdown: at a kiosk 60 and 15
    (DOMAIN.md §1), on a PC the setting's minutes and 60, unless ``--idle-seconds`` (and the
    harness's ``warning_seconds``) say otherwise."""
    if kiosk:
        idle, warning = KIOSK_IDLE_SECONDS, KIOSK_WARNING_SECONDS
    else:
        idle, warning = setting_minutes * 60, DEFAULT_WARNING_SECONDS
    return idle_seconds or idle, warning_seconds or warning


class IdleViewModel(ViewModel):
    """PC idle timeout: after ``idle_seconds`` without input a warning counts down
    ``warning_seconds``; unless the member stays, they are signed out with a message.

    The store ends a session idle for its own ``Rules.sessions.idle`` (in its terms): the
    warning comes early enough for the countdown to end by then (``period_seconds``), so
    the member is never told "signed out in 60 seconds" of a session the store has ended.

    At a branch kiosk a visitor who touched the screen without signing in (a half-typed
    Web-ID, another language) is forgotten too: ``idle_seconds`` after their last input,
    without a warning (there is no session to keep), ``visitor_left`` asks for the wipe.

    Signals:
        warning_changed(bool): the warning dialog should show (true) or close (false).
        countdown_text_changed(str): the sentence in the warning, updated every second.
        visitor_left(): a kiosk's visitor left the login screen untouched for the idle
            period: wipe what they typed or chose.
    """

    visitor_left = Signal()
    warning_changed = Signal(bool)
    countdown_text_changed = Signal(str)
    warning = Observed(False, warning_changed)
    countdown_text = Observed("", countdown_text_changed)

    def __init__(
        self,
        services: Services,
        app: ApplicationViewModel,
        idle_seconds: int = DEFAULT_IDLE_SECONDS,
        warning_seconds: int = DEFAULT_WARNING_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self._idle_seconds = idle_seconds
        self._warning_seconds = warning_seconds
        self._remaining = 0
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._start_warning)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self._visitor = QTimer(self)
        self._visitor.setSingleShot(True)
        self._visitor.timeout.connect(self._visitor_gone)
        app.signed_in_changed.connect(self._on_signed_in_changed)
        self._on_signed_in_changed(app.signed_in)

    def configure(self, idle_seconds: int, warning_seconds: int = DEFAULT_WARNING_SECONDS) -> None:
        """Change the timeout (settings, tests); restarts the idle period."""
        self._idle_seconds = max(1, idle_seconds)
        self._warning_seconds = max(1, warning_seconds)
        if self._app.session is not None and not self.warning:
            self._idle.start(self.period_seconds * 1000)
        elif self._visitor.isActive():  # a visitor's wait (kiosk) takes the new period too
            self._visitor.start(self._idle_seconds * 1000)

    @property
    def idle_seconds(self) -> int:
        return self._idle_seconds

    @property
    def warning_seconds(self) -> int:
        return self._warning_seconds

    @property
    def period_seconds(self) -> int:
        """Seconds without input before the warning: ``idle_seconds``, shortened so that the
        countdown ends when the store's idle expiry would (once its terms are known)."""
        seconds = self._idle_seconds
        terms = self._app.terms
        if terms is not None:
            store_idle = int(terms.rules.sessions.idle.total_seconds())
            seconds = min(seconds, max(1, store_idle - self._warning_seconds))
        return seconds

    @Slot(bool)
    def _on_signed_in_changed(self, signed_in: bool) -> None:
        self._stop_warning()
        self._visitor.stop()  # a sign-in or a sign-out (and its wipe) ends the visit
        if signed_in:
            self._idle.start(self.period_seconds * 1000)
        else:
            self._idle.stop()

    def activity(self) -> None:
        """The member did something (a key, a click): the idle period starts again.
        While the warning shows, only ``stay()`` dismisses it."""
        if self._app.session is not None and not self.warning:
            self._idle.start(self.period_seconds * 1000)
        elif self._app.session is None and self.kiosk:
            self._visitor.start(self._idle_seconds * 1000)

    @Slot()
    def _visitor_gone(self) -> None:
        if self._app.session is None:
            self.visitor_left.emit()

    def reset(self) -> None:
        super().reset()
        self._visitor.stop()  # the wipe forgot the visitor: nothing left to wait for

    def stay(self) -> None:
        """The member chose to stay signed in."""
        self._stop_warning()
        if self._app.session is not None:
            self._idle.start(self.period_seconds * 1000)

    def sign_out_now(self) -> None:
        """The member chose to sign out from the warning: at once, as with ログアウト."""
        self._stop_warning()
        self._idle.stop()
        if self._app.session is not None:
            self._app.sign_out()

    def warn_now(self) -> None:
        """Show the warning at once (the screenshot tour, a branch demo)."""
        self._idle.stop()
        self._start_warning()

    @Slot()
    def _start_warning(self) -> None:
        if self._app.session is None:
            return
        self._remaining = self._warning_seconds
        self._render()
        self.warning = True
        self._tick.start()

    @Slot()
    def _count_down(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._stop_warning()
            self._app.sign_out(reason=AppError(ErrorCode.IDLE_SIGNED_OUT))
        else:
            self._render()

    def _stop_warning(self) -> None:
        self._tick.stop()
        self.warning = False
        self.countdown_text = ""

    def _render(self) -> None:
        self.countdown_text = _(
            "You have not used the service for a while. For your security you will be "
            "signed out in {seconds} seconds."
        ).format(seconds=self._remaining)

    def retranslate(self) -> None:
        super().retranslate()
        if self.warning:
            self._render()
