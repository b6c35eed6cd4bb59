"""What a date input needs to know of the day: today by the injected clock, and which days
are public holidays by the store's calendar (the one business days are counted with)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from desktop_app.domain.clock import TOKYO

if TYPE_CHECKING:
    from desktop_app.viewmodels.application import ApplicationViewModel
    from desktop_app.viewmodels.services import Services


class DayFacts:
    def __init__(self, services: Services, app: ApplicationViewModel) -> None:
        self._services = services
        self._app = app

    def today(self) -> date:
        return self._services.clock.now().astimezone(TOKYO).date()

    def is_holiday(self, day: date) -> bool:
        """A public holiday by the store's terms (they list a month back to 400 days ahead;
        the client has no holiday table of its own, so a day outside them is not one)."""
        calendar = self._app.calendar
        return calendar is not None and calendar.is_public_holiday(day)
