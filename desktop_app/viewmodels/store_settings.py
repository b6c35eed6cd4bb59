"""The settings screen's 接続先 (where the store is): check an address, then switch to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot

from desktop_app.domain.errors import AppError
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.application import ApplicationViewModel
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import STORE_URL_KEY, Services, StoreLocation
from desktop_app.viewmodels.store_place import describe_store

if TYPE_CHECKING:
    from desktop_app.store.demo import DemoOperations

IN_USE = N_("In use: {where}")
EXAMPLES = N_("For example {server} (a member server) or {file} (a data file)")
TESTING = N_("Checking the connection…")
CONNECTED = N_("Connected. Press Save to use this connection from now on.")
SWITCHING = N_("Switching the connection…")
SWITCHED = N_("The connection was switched. It is also used the next time the app starts.")
NOT_SWITCHED = N_("The connection was not changed.")
SIGNED_OUT_FOR_SWITCH = N_(
    "You were signed out because the connection was switched. Please sign in again."
)
SWITCH_FAILED = N_(
    "The connection could not be switched, so the previous one is still used. Please check "
    "it in the settings."
)


def _probe(location: StoreLocation, url: str) -> str:
    """Runs in a worker: the URL, once a store answers there."""
    location.probe(url)
    return url


class StoreSettingsViewModel(ViewModel):
    """Where the store is: the address in use, a check of another one, and the switch.

    Save is possible only once the address now in the field has been checked. Saving signs
    the member out (ending the session in the store used until now), opens the new store
    in the runner, closes the old one and remembers the address in the preferences, for the
    next start too (where ``--store`` still wins).

    Signals:
        url_text_changed(str): the address in the field.
        current_text_changed(str): which store is in use, as a member reads it
            (「現在の接続先：このパソコン内のデータ（members.db）」; never a password).
        current_detail_changed(str): where exactly, for a secondary line and the tool tip
            (the data file's full path; "" when the first line says it all).
        status_changed(str): what the check or the switch found ("" for nothing).
        status_ok_changed(bool): the status is good news (false: a refusal).
        can_test_changed(bool), can_save_changed(bool): the buttons' state.
    """

    url_text_changed = Signal(str)
    current_text_changed = Signal(str)
    current_detail_changed = Signal(str)
    status_changed = Signal(str)
    status_ok_changed = Signal(bool)
    can_test_changed = Signal(bool)
    can_save_changed = Signal(bool)

    url_text = Observed("", url_text_changed)
    current_text = Observed("", current_text_changed)
    current_detail = Observed("", current_detail_changed)
    status = Observed("", status_changed)
    status_ok = Observed(False, status_ok_changed)
    can_test = Observed(False, can_test_changed)
    can_save = Observed(False, can_save_changed)

    def __init__(
        self, services: Services, app: ApplicationViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(services, parent)
        self._app = app
        self._location = services.location
        self._tested: str | None = None  # the address that answered the last check
        self._said: tuple[str | AppError, ...] = ()  # the status, to translate again
        self._ok = False
        self._signed_out_for_switch = False
        self.url_text = self._location.url if self._location is not None else ""
        self._render()
        self.busy_changed.connect(self._on_busy)

    @property
    def available(self) -> bool:
        """The host lets the store be changed here (not in tests or a kiosk without one)."""
        return self._location is not None

    @property
    def signed_in(self) -> bool:
        return self._app.signed_in

    @property
    def signed_in_changed(self) -> SignalInstance:
        """Emits whether a member is signed in (the screen offers a way back without one)."""
        return self._app.signed_in_changed

    def hint(self) -> str:
        return _(EXAMPLES).format(
            server="https://members.example.jp", file="sqlite:///…/members.db"
        )

    # -- inputs ----------------------------------------------------------------------------
    def set_url_text(self, text: str) -> None:
        if text == self.url_text:
            return
        self.url_text = text
        if text.strip() != self._tested:
            self._tested = None
            if not self.busy:
                self._say(False)
        self._refresh()

    # -- commands --------------------------------------------------------------------------
    def test(self) -> None:
        """Ask (in the runner) whether a store answers at the address in the field."""
        location, url = self._location, self.url_text.strip()
        if location is None or not url or not self.can_test:
            return
        self._tested = None
        if self._run(
            "probe_store",
            lambda: _probe(location, url),
            self._on_probed,
            self._on_probe_failed,
            retry=False,  # another address than the store in use: not the connection banner's
        ):
            self._say(True, TESTING)

    @Slot(object)
    def _on_probed(self, url: str) -> None:
        if url != self.url_text.strip():
            return  # the member typed another address meanwhile: that one is not checked
        self._tested = url
        self._say(True, CONNECTED)
        self._refresh()

    @Slot(object)
    def _on_probe_failed(self, error: AppError) -> None:
        self._say(False, error.detached())
        self._refresh()

    def save(self) -> None:
        """Switch to the checked address: sign out, open the new store, close the old one."""
        location, url = self._location, self._tested
        if location is None or url is None or not self.can_save:
            return
        session = self._app.session
        token = session.token if session is not None else None
        self._signed_out_for_switch = session is not None
        if session is not None:
            self._app.sign_out(end_in_store=False)  # ended in the old store by the switch
        if self._run(
            "switch_store",
            lambda: location.switch(url, token),
            self._on_switched,
            self._on_switch_failed,
            retry=False,
        ):
            self._say(True, SWITCHING)

    @Slot(object)
    def _on_switched(self, demo: DemoOperations | None) -> None:
        if self._location is None:
            return
        preferences = self._services.preferences
        preferences.set_value(STORE_URL_KEY, self._location.url)
        preferences.sync()
        self._app.host_switched(demo)
        if self._signed_out_for_switch:
            self._app.show_notice(SIGNED_OUT_FOR_SWITCH)
        self._tested = None
        self._say(True, SWITCHED)
        self._render()

    @Slot(object)
    def _on_switch_failed(self, error: AppError) -> None:
        self._tested = None
        self._say(False, error.detached(), NOT_SWITCHED)
        if self._signed_out_for_switch:
            self._app.show_notice(SWITCH_FAILED)
        self._refresh()

    # -- state -----------------------------------------------------------------------------
    @Slot(bool)
    def _on_busy(self, _busy: bool) -> None:
        self._refresh()

    def _refresh(self) -> None:
        url = self.url_text.strip()
        self.can_test = self.available and bool(url) and not self.busy
        self.can_save = (
            self.available and self._tested is not None and self._tested == url and not self.busy
        )

    def _say(self, ok: bool, *parts: str | AppError) -> None:
        self._ok = ok
        self._said = parts
        self._render_status()

    def _render_status(self) -> None:
        texts = [error_sentence(p) if isinstance(p, AppError) else _(p) for p in self._said]
        self.status = " ".join(texts)
        self.status_ok = self._ok

    def _render(self) -> None:
        location = self._location
        if location is None:
            self.current_text = self.current_detail = ""
        else:
            place = describe_store(location.url)
            self.current_text = _(IN_USE).format(where=place.text)
            self.current_detail = place.detail
        self._render_status()
        self._refresh()

    def reset(self) -> None:
        """Where the store is belongs to this computer, not to the member: a wipe keeps it
        (and a switch that signed the member out goes on)."""

    def retranslate(self) -> None:
        super().retranslate()
        self._render()
