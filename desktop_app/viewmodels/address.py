"""Changing the address: the postal code (〒, full-width digits and hyphens accepted) looks
up 都道府県・市区町村・町域 in Japan Post's data (in the runner: the data is large), a code
with several towns offers them as a choice, and 番地・建物名 is typed through the address
policy (half-width becomes full-width, and the field says so)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain import fields, fields_live
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.fields import FieldResult, format_postal
from desktop_app.domain.profile import MemberProfile
from desktop_app.domain.reference import Town
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.change_form import ChangeFormViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.profile_text import address_text
from desktop_app.viewmodels.services import Services

CHOOSE_TOWN = N_("Please choose your town from the list.")
LOOKING_UP = N_("Looking up the address…")


def look_up_towns(postal_code: str) -> tuple[str, tuple[Town, ...]]:
    """The towns of ``postal_code`` (run in the runner: Japan Post's data loads on first
    use), with the code asked for."""
    from desktop_app.store.reference import towns

    return postal_code, towns(postal_code)


class AddressViewModel(ChangeFormViewModel):
    """Signals:
    town_choices_changed(list): the towns to choose from (shown only when more than one).
    town_index_changed(int): the town chosen (-1: none yet).
    town_address_changed(str): 都道府県・市区町村・町域 of the code ("" until known).
    duty_changed(str): the duty to report a move, with its days (from the store's rules).
    """

    town_choices_changed = Signal(list)
    town_index_changed = Signal(int)
    town_address_changed = Signal(str)
    duty_changed = Signal(str)
    town_choices = Observed[list[str]]([], town_choices_changed)
    town_index = Observed(-1, town_index_changed)
    town_address = Observed("", town_address_changed)
    duty = Observed("", duty_changed)

    DONE = N_("Your address has been changed.")
    NAME = "change_address"

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, app, parent)
        self._towns: tuple[Town, ...] = ()
        self._looked_up = ""  # the code whose towns are known (or being looked up)
        self._unknown: set[str] = set()  # codes Japan Post does not know
        self._lookup_failed = False
        self.postal = self._field(
            self._postal_policy,
            N_("Postal code"),
            fields_live.digits,
            display=fields_live.postal_display,  # 100-0001 once left; sent as 7 digits
        )
        self.line2 = self._field(fields.address, N_("Street number and building"))
        self.postal.text_changed.connect(self._postal_typed)
        app.terms_changed.connect(self._render_duty)
        self._start()
        self._render_duty()

    def _postal_policy(self, raw: str) -> FieldResult:
        result = fields.postal_code(raw)
        if result.error is None and result.value in self._unknown:
            return FieldResult(result.value, result.notices, AppError(ErrorCode.POSTAL_UNKNOWN))
        return result

    # -- the look-up ---------------------------------------------------------------------
    @Slot(str)
    def _postal_typed(self, _text: str) -> None:
        code = self.postal.value if self.postal.valid else ""
        if code == self._looked_up:
            return
        self._looked_up = code
        self._set_towns(())
        if code:
            self._lookup_failed = False
            self._submit(
                "postal_towns",
                lambda: look_up_towns(code),
                self._on_towns,
                self._on_lookup_failed,
                retry=False,
            )

    @Slot(object)
    def _on_towns(self, found: tuple[str, tuple[Town, ...]]) -> None:
        code, towns = found
        if code != self._looked_up:
            return  # the member typed another code meanwhile
        if not towns:
            self._unknown.add(code)
            self.postal.revalidate()
        self._set_towns(towns)

    @Slot(object)
    def _on_lookup_failed(self, error: AppError) -> None:
        self._looked_up = ""
        self._lookup_failed = True
        self._set_error(error)
        self._refresh()

    def _set_towns(self, towns: tuple[Town, ...]) -> None:
        self._towns = towns
        self.town_choices = [town.address for town in towns] if len(towns) > 1 else []
        self.town_index = 0 if len(towns) == 1 else -1
        self._render_town()

    def choose_town(self, index: int) -> None:
        if len(self._towns) > 1:
            self.town_index = index if 0 <= index < len(self._towns) else -1
            self._render_town()

    def _render_town(self) -> None:
        town = self._town()
        self.town_address = town.address if town is not None else ""
        self._refresh()

    def _town(self) -> Town | None:
        index = self.town_index
        return self._towns[index] if 0 <= index < len(self._towns) else None

    # -- the form ------------------------------------------------------------------------
    def _extra_problem(self) -> str:
        if self._town() is not None:
            return ""
        if len(self._towns) > 1:
            return _(CHOOSE_TOWN)
        return "" if self._lookup_failed else _(LOOKING_UP)

    def _current_text(self, profile: MemberProfile) -> str:
        return _("Current address: {address}").format(address=address_text(profile.address))

    def _summary(self) -> str:
        return _("New address: {address}").format(address=self.new_address())

    def new_address(self) -> str:
        """〒100-0001 東京都千代田区千代田１－１ (as it will be registered)."""
        return f"{format_postal(self.postal.value)} {self.town_address}{self.line2.value}"

    def _work(self) -> Callable[[], Any]:
        store, token = self._services.store, self._app.token
        postal, town, line2 = self.postal.value, self.town_address, self.line2.value
        return lambda: store.get().change_address(token, postal, town, line2)

    @Slot()
    @Slot(object)
    def _render_duty(self, *_args: object) -> None:
        terms = self._app.terms
        if terms is None:  # said once the store's rules are known
            self.duty = ""
            return
        days = terms.rules.profile.report_move_within_days
        self.duty = _(
            "Under the member terms, please tell us your new address within {days} days of moving."
        ).format(days=days)

    def reset(self) -> None:
        self._towns = ()
        self._looked_up = ""
        self._lookup_failed = False
        super().reset()
        self._set_towns(())
        self._render_duty()  # the store's rule, not the member's: said again at once

    def retranslate(self) -> None:
        super().retranslate()
        self._render_duty()
