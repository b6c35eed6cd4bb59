"""The demo inbox: the messages the service "sent" (codes, alerts), newest first."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.models import CodeChannel, InboxMessage
from desktop_app.i18n import _, format_datetime
from desktop_app.viewmodels.application import ApplicationViewModel, Screen
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.observed import Observed


class InboxViewModel(ViewModel):
    """Signals:
    items_changed(list): one text per message (time, channel, recipient, subject, body).
    """

    items_changed = Signal(list)
    items = Observed[list[str]]([], items_changed)

    def __init__(self, app: ApplicationViewModel, parent: QObject | None = None) -> None:
        super().__init__(app.runner, parent)
        self._app = app
        self._messages: tuple[InboxMessage, ...] = ()
        app.screen_changed.connect(self._on_screen_changed)

    @Slot(str)
    def _on_screen_changed(self, screen: str) -> None:
        if screen == Screen.INBOX.value:
            self.refresh()

    def refresh(self) -> None:
        store = self._app.store
        self._run("inbox", lambda: store.get().demo_inbox(50), self._on_messages)

    @Slot(object)
    def _on_messages(self, messages: tuple[InboxMessage, ...]) -> None:
        self._messages = tuple(messages)
        self._render()

    def _render(self) -> None:
        self.items = [self._text(message) for message in self._messages]

    @staticmethod
    def _text(message: InboxMessage) -> str:
        channel = _("Email") if message.channel is CodeChannel.EMAIL else _("SMS")
        return (
            f"{format_datetime(message.at)}  [{channel}] {message.recipient}\n"
            f"{message.subject}\n{message.body}"
        )

    def retranslate(self) -> None:
        super().retranslate()
        self._render()
