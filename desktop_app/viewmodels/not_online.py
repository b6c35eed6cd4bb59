"""What the member service cannot do online (DOMAIN.md §6): for each, how it is done and
what to bring, and the brand's support line with its hours. Needs no session: a member whose
card is locked is sent here from the sign-in screen."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from desktop_app.i18n import N_, _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.messages import support_hours
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services


class Procedure(NamedTuple):
    """Message ids: what, how it is done, what to bring."""

    title: str
    how: str
    bring: str


PROCEDURES = (
    Procedure(
        N_("PIN reset"),
        N_("Please call the support line. We will send you the forms by post."),
        N_("The forms we send, and a copy of an identity document (driving licence etc.)."),
    ),
    Procedure(
        N_("Card reissue"),
        N_("Please call the support line. The new card is sent to your registered address."),
        N_("Nothing. On the phone we confirm your member number and date of birth."),
    ),
    Procedure(
        N_("Name change"),
        N_("At a branch counter, or by post with the forms we send you."),
        N_("An identity document showing the new name (driving licence, My Number card etc.)."),
    ),
    Procedure(
        N_("Consultation on a lower interest rate"),
        N_("Please call the support line. We review it against your use of the service."),
        N_("We may ask for proof of income (a withholding tax statement etc.)."),
    ),
    Procedure(
        N_("Closing the Web-ID"),
        N_("Please call the support line."),
        N_("Nothing."),
    ),
    Procedure(
        N_("Cancelling the contract"),
        N_("Once everything is repaid, by calling the support line or at a branch counter."),
        N_("Your card and an identity document."),
    ),
    Procedure(
        N_("Payoff certificate"),
        N_("Once everything is repaid, please call the support line. We send it by post."),
        N_("Nothing."),
    ),
)


class NotOnlineViewModel(ViewModel):
    """Signals:
    items_changed(list): one text per procedure (what, how, what to bring).
    support_changed(str): the support line, its hours.
    """

    items_changed = Signal(list)
    support_changed = Signal(str)
    items = Observed[list[str]]([], items_changed)
    support = Observed("", support_changed)
    KEPT_ON_RESET = frozenset({"items", "support"})  # nothing of the member's

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._render()

    def _render(self) -> None:
        brand = self._services.brand
        self.support = _(
            "Support line: {phone} ({hours}, every day). Please have your member number ready."
        ).format(phone=brand.support_phone, hours=support_hours(brand))
        self.items = [
            "\n".join(
                (
                    _(item.title),
                    _("How: {how}").format(how=_(item.how)),
                    _("What you need: {bring}").format(bring=_(item.bring)),
                )
            )
            for item in PROCEDURES
        ]

    def retranslate(self) -> None:
        super().retranslate()
        self._render()
