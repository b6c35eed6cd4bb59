"""The screens of the registered details' change forms: each is built like ``standard``,
lights 登録内容, goes back to the profile screen, and once its change went through the profile
screen says so (its view-model's ``changed(str)``) and shows what is registered now."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from desktop_app.screens.builders import Link, standard
from desktop_app.screens.kinds import Built, Host, ScreenSpec

PROFILE = "profile"


def profile_form(view_model: str, view: str) -> Callable[[Host], Built]:
    """The builder of a form of the registered details (see the module)."""

    def build(host: Host) -> Built:
        from desktop_app.viewmodels.form import FormViewModel
        from desktop_app.viewmodels.profile import ProfileViewModel

        vm, widget = standard(view_model, view)(host)
        profile = host.view_model(PROFILE, ProfileViewModel)
        if isinstance(vm, FormViewModel):  # it says what is registered now
            vm.use_registered(lambda: profile.profile)
        changed = vm.changed  # type: ignore[union-attr]
        changed.connect(profile.announce)
        changed.connect(Link(host.navigator, PROFILE, widget).follow)
        return vm, widget

    return build


def _web_id_form(host: Host) -> Built:
    vm, widget = profile_form(
        "sign_in_change:WebIdChangeViewModel", "sign_in_change:WebIdChangeView"
    )(host)
    vm.web_id_replaced.connect(host.login.replace_remembered_web_id)  # type: ignore[union-attr]
    return vm, widget


def _form(
    name: str,
    build: Callable[[Host], Built] | tuple[str, str],
    tour: str = "",
    links: Mapping[str, str] | None = None,
) -> ScreenSpec:
    """A form's screen: ``build`` is a builder or (view-model, view) for ``profile_form``;
    ``links`` are its own besides going back to the profile screen."""
    builder = profile_form(*build) if isinstance(build, tuple) else build
    return ScreenSpec(
        name,
        builder,
        lights=PROFILE,
        links={"back_requested": PROFILE, **(links or {})},
        tour_ref=tour,
    )


def contact_forms() -> tuple[ScreenSpec, ...]:
    """The address, the phone, email and workplace, the Web-ID and the password."""
    return (
        _form(
            "address", ("address:AddressViewModel", "address:AddressView"), "scenes_profile:ADDRESS"
        ),
        _form("phone", ("contact:PhoneViewModel", "contact:PhoneView")),
        _form("email", ("contact:EmailViewModel", "contact:EmailView"), "scenes_profile:EMAIL"),
        _form("workplace", ("contact:WorkplaceViewModel", "contact:WorkplaceView")),
        _form("webId", _web_id_form),
        _form(
            "password",
            ("sign_in_change:PasswordChangeViewModel", "sign_in_change:PasswordChangeView"),
        ),
    )


def settings_forms() -> tuple[ScreenSpec, ...]:
    """The bank account and the repayment settings."""
    return (
        _form("bank", ("bank:BankFormViewModel", "bank:BankFormView"), "scenes_profile:BANK"),
        _form(
            "dueDay",
            ("due_day:DueDayViewModel", "repayment_settings:DueDayView"),
            "scenes_profile:DUE_DAY",
        ),
        _form(
            "autoDebit",
            ("auto_debit:AutoDebitViewModel", "repayment_settings:AutoDebitView"),
            "scenes_profile:AUTO_DEBIT",
            {"bank_requested": "bank"},
        ),
        _form(
            "reminder",
            ("reminder:ReminderViewModel", "mail_settings:ReminderView"),
            "scenes_profile:REMINDER",
            {"email_requested": "email"},
        ),
        _form(
            "webStatements",
            ("web_statements:WebStatementsViewModel", "mail_settings:WebStatementsView"),
            "scenes_profile:WEB_STATEMENTS",
        ),
    )
