"""Random strings typed and pasted into every form of the real window, then submitted: the
shared driver of tests/reliability/test_input_forms.py and bench/bench_input_fuzz.py.

Each step puts one random string into one input of the form (``setText``, a paste; or, for
short strings, real key events by ``QTest.keyClicks`` when ASCII, else what an input
method commits, a ``QInputMethodEvent``), leaves the field, presses the form's
button when it is enabled and closes whatever dialog that opened. After it the form must
hold no silently accepted garbage: every input whose policy refuses its text has a sentence
on the form (the field's error, the button's hint or the form's error). The time each step
keeps the GUI thread is kept: the worst is the worst stall."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QLineEdit, QWidget

from desktop_app.domain import fields
from desktop_app.domain.text import FieldResult
from desktop_app.testing import wait_until_idle

from .random_input import random_string

Policy = Callable[[str], FieldResult]


@dataclass(frozen=True)
class Form:
    screen: str  # the object name of the screen or form widget holding the inputs
    inputs: tuple[str, ...]
    button: str | None  # None: typing only (the simulator computes as it is typed)
    signed_in: bool = True


SIGNED_OUT = (
    Form("loginScreen", ("webIdInput", "passwordInput"), "loginButton", signed_in=False),
    Form("loginScreen", ("cardNumberInput", "pinInput"), "loginButton", signed_in=False),
    Form(
        "registerWebIdScreen",
        ("registerMemberNumberInput", "registerEmailInput", "registerCodeInput"),
        "registerSubmitButton",
        signed_in=False,
    ),
    Form(
        "resetPasswordScreen",
        ("resetIdInput", "resetCodeInput", "resetNewPasswordInput"),
        "resetSubmitButton",
        signed_in=False,
    ),
    Form("settingsScreen", ("storeUrlInput",), None, signed_in=False),  # never saved
)
SIGNED_IN = (
    Form("borrowScreen", ("borrowAmountInput",), "borrowConfirmButton"),
    Form("repayScreen", ("repayAmountInput",), "repayConfirmButton"),
    Form("simulatorScreen", ("simPrincipalInput", "simMonthlyInput", "simMonthsInput"), None),
    Form("addressForm", ("postalCodeInput", "addressLine2Input"), "addressSubmitButton"),
    Form("phoneForm", ("phoneInput",), "phoneSubmitButton"),
    Form("emailForm", ("emailChangeInput",), "emailSubmitButton"),
    Form("workplaceForm", ("workplaceNameInput", "workplacePhoneInput"), "workplaceSubmitButton"),
    Form("webIdForm", ("newWebIdInput", "webIdCurrentPasswordInput"), "webIdSubmitButton"),
    Form(
        "passwordChangeForm",
        ("currentPasswordInput", "newPasswordInput", "newPasswordConfirmInput"),
        "passwordChangeSubmitButton",
    ),
    Form("bankForm", ("accountNumberInput", "accountHolderInput"), "bankSubmitButton"),
    Form(
        "limitIncreaseScreen",
        ("incomeInput", "otherDebtInput", "requestedLimitInput"),
        "limitIncreaseSubmitButton",
    ),
)

# The policy of each input whose text is kept: refused text must be said on the form.
POLICY_OF: dict[str, Policy] = {
    "webIdInput": fields.web_id,
    "passwordInput": fields.password,
    "cardNumberInput": fields.card_number,
    "pinInput": fields.pin,
    "registerMemberNumberInput": fields.member_number,
    "registerEmailInput": fields.email,
    "borrowAmountInput": fields.amount,
    "repayAmountInput": fields.amount,
    "postalCodeInput": fields.postal_code,
    "addressLine2Input": fields.address,
    "phoneInput": fields.phone,
    "emailChangeInput": fields.email,
    "workplaceNameInput": fields.workplace,
    "workplacePhoneInput": fields.phone,
    "newWebIdInput": fields.web_id,
    "accountNumberInput": fields.account_number,
    "accountHolderInput": fields.account_holder,
}


@dataclass
class Outcome:
    steps: int = 0
    submitted: int = 0
    worst_ms: float = 0.0
    worst_step: str = ""
    silent: list[str] = field(default_factory=list)  # refused text with no sentence shown


def _messages(form: QWidget) -> list[str]:
    return [
        label.text()
        for label in form.findChildren(QLabel)
        if label.objectName().endswith(("Error", "Hint")) and label.text().strip()
    ]


def _close_dialogs(window: QWidget) -> None:
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible() and dialog.objectName() != "crashNotice":
            dialog.reject()
    wait_until_idle(window)


def fuzz(window: QWidget, form: Form, count: int, seed: int, outcome: Outcome) -> None:
    """``count`` steps of random input into ``form``; ``outcome`` gathers what happened."""
    rng = random.Random(seed)
    holder = window.findChild(QWidget, form.screen)
    assert holder is not None, form.screen
    inputs = [holder.findChild(QLineEdit, name) for name in form.inputs]
    assert all(inputs), form
    button = holder.findChild(QAbstractButton, form.button) if form.button else None
    assert form.button is None or button is not None, form.button
    for step in range(count):
        line = rng.choice(inputs)
        text = random_string(rng, long_every=200)
        typed = len(text) <= 12 and rng.random() < 0.3
        started = time.perf_counter()
        if typed and text.isascii() and text.isprintable():
            line.clear()
            QTest.keyClicks(line, text)  # key events (QTest sends ASCII keys only)
        elif typed:
            line.clear()
            event = QInputMethodEvent()  # what an input method (IME) commits
            event.setCommitString(text)
            QApplication.sendEvent(line, event)
        else:
            line.setText(text)  # a paste
        line.editingFinished.emit()  # the member leaves the field
        spent = (time.perf_counter() - started) * 1000
        if spent > outcome.worst_ms:
            outcome.worst_ms, outcome.worst_step = spent, f"{line.objectName()} #{step}"
        wait_until_idle(window)
        if button is not None and button.isEnabled():
            started = time.perf_counter()
            button.click()
            spent = (time.perf_counter() - started) * 1000
            if spent > outcome.worst_ms:
                outcome.worst_ms, outcome.worst_step = spent, f"{button.objectName()} #{step}"
            outcome.submitted += 1
            wait_until_idle(window)
            _close_dialogs(window)
        outcome.steps += 1
        for other in inputs:
            policy = POLICY_OF.get(other.objectName())
            shown = other.text()
            if policy is None or not shown or policy(shown).error is None:
                continue
            if not _messages(holder) and button is not None and button.isEnabled():
                outcome.silent.append(f"{other.objectName()}: {shown[:40]!r}")
