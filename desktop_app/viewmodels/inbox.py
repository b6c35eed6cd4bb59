"""The demo inbox: the messages the service "sent" (codes, alerts), newest first.

It reads through the host's demo interface (``DemoOperations``), never the member protocol;
a host that is not a demo gives none, and the inbox shows nothing (its links are hidden).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.models import CodeChannel, SentMessage
from desktop_app.i18n import _, format_datetime
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services


class InboxViewModel(ViewModel):
    """Signals:
    items_changed(list): one text per message (time, channel, recipient, subject, body).
    """

    items_changed = Signal(list)
    items = Observed[list[str]]([], items_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self._messages: tuple[SentMessage, ...] = ()

    def shown(self) -> None:
        self.refresh()

    @property
    def available(self) -> bool:
        """Whether the host runs a demo (and so offers an inbox to read)."""
        return self._services.demo is not None

    def refresh(self) -> None:
        demo = self._services.demo
        if demo is None:
            return
        self._run("inbox", lambda: demo.sent_messages(50), self._on_messages)

    @Slot(object)
    def _on_messages(self, messages: tuple[SentMessage, ...]) -> None:
        self._messages = tuple(messages)
        self._render()

    def _render(self) -> None:
        self.items = [self._text(message) for message in self._messages]

    @staticmethod
    def _text(message: SentMessage) -> str:
        channel = _("Email") if message.channel is CodeChannel.EMAIL else _("SMS")
        return (
            f"{format_datetime(message.sent_at)}  [{channel}] {message.recipient}\n"
            f"{message.subject}\n{message.body}"
        )

    def retranslate(self) -> None:
        super().retranslate()
        self._render()

    def reset(self) -> None:
        super().reset()
        self._messages = ()
