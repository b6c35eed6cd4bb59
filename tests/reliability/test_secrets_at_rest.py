"""Secrets never in logs, crash reports, settings or the store in plain form (issue 13,
point 2): after a full visit — a sign-in by Web-ID and by card with known secrets, a forced
crash whose message carries them, a password reset through the demo inbox's one-time code,
sign-outs — no file under the user's folders, no byte of the store (with its -wal and
-journal), and nothing written to stdout or stderr holds any of them, as typed or in
full-width form."""

from __future__ import annotations

import re
import secrets
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QObject, Slot
from PySide6.QtWidgets import QDateEdit, QDialog, QListWidget
from sqlalchemy import update

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.hashing import SecretHasher
from desktop_app.store.sql.schema import Card, WebCredential
from desktop_app.testing import close_all, context_of, wait_until_idle
from tests.conftest import NOW
from tests.e2e import conftest as e2e
from tests.e2e.conftest import Driver

drive = e2e.drive  # the harness fixture

CARD = "4000123412341234"


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _pattern(secret: str) -> re.Pattern[bytes]:
    """The secret as bytes, not inside a longer run of letters and digits (a 4-digit PIN
    is in many a hex digest by chance; standing alone it is the PIN)."""
    forms = {secret, _full_width(secret)}
    alternatives = b"|".join(re.escape(form.encode("utf-8")) for form in forms)
    return re.compile(rb"(?<![0-9A-Za-z])(?:" + alternatives + rb")(?![0-9A-Za-z])")


def _pin() -> str:
    while True:  # not the demo's, not a run of one digit: a PIN only this test knows
        pin = f"{secrets.randbelow(10_000):04d}"
        if len(set(pin)) > 2 and pin not in CARD:
            return pin


def _set_secrets(store_url: str, password: str, pin: str) -> None:
    store = SqlStore(
        store_url, FixedClock(datetime.fromisoformat(NOW).astimezone(TOKYO)), hash_profile="fast"
    )
    hasher = SecretHasher("fast")
    with store.engine.begin() as connection:
        connection.execute(
            update(WebCredential)
            .where(WebCredential.web_id == "yamada2026")
            .values(password_hash=hasher.hash(password))
        )
        connection.execute(
            update(Card).where(Card.card_last4 == CARD[-4:]).values(pin_hash=hasher.hash(pin))
        )
    store.close()


class _Receiver(QObject):
    @Slot(object)
    def done(self, _outcome: object) -> None:
        """The forced crash's outcome: an AppError the member never sees as a traceback."""


def _code_from_inbox(d: Driver) -> str:
    d.click("resetInboxButton")
    wait_until_idle(d.window)
    newest = d.find(QListWidget, "inboxList").item(0).text()
    match = re.search(r"\b(\d{6})\b", newest)
    assert match, newest
    d.click("inboxBackButton")
    return match.group(1)


@pytest.mark.qt_no_exception_capture
def test_no_secret_is_left_in_any_file_or_output_after_a_full_visit(
    drive, store_url, isolated_user_dirs, capfd, monkeypatch
):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)  # the client's handler only
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)
    password, new_password = "Pw" + secrets.token_hex(5) + "7", "Nw" + secrets.token_hex(5) + "8"
    pin = _pin()
    d = drive()  # seeds the store
    close_all()
    _set_secrets(store_url, password, pin)
    d = drive()
    tokens: list[str] = []

    d.sign_in_web("yamada2026", password)
    assert d.screen() == "homeScreen"
    context = context_of(d.window)
    tokens.append(context.app_vm.token)
    d.click("logoutButton")

    d.sign_in_card(CARD, pin)
    assert d.screen() == "homeScreen"
    tokens.append(context.app_vm.token)
    token = tokens[-1]

    def crash() -> None:
        raise RuntimeError(f"lost {password} {pin} {token}")

    receiver = _Receiver()
    context.runner.submit("forced_crash", crash, receiver.done, receiver.done)
    wait_until_idle(d.window)
    notice = d.window.findChild(QDialog, "crashNotice")
    d.qtbot.waitUntil(notice.isVisible, timeout=5000)
    notice.accept()
    d.click("logoutButton")

    # A password reset: a one-time code from the demo inbox, then the new password.
    d.sign_in_web("tanaka0404", "Misaki2026")  # locked: the reset is the way back
    d.click("forgotPasswordLink")
    d.type("resetIdInput", "tanaka0404")
    d.find(QDateEdit, "resetBirthDateInput").setDate(QDate(1990, 4, 4))
    d.click("resetSendCodeButton")
    code = _code_from_inbox(d)
    d.type("resetCodeInput", code)
    d.type("resetNewPasswordInput", new_password)
    d.type("resetNewPasswordConfirmInput", new_password)
    d.click("resetSubmitButton")
    d.sign_in_web("tanaka0404", new_password)
    assert d.screen() == "homeScreen"
    tokens.append(context.app_vm.token)
    d.click("logoutButton")
    close_all()

    output = capfd.readouterr()
    places: dict[str, bytes] = {"stdout": output.out.encode(), "stderr": output.err.encode()}
    for path in sorted(Path(isolated_user_dirs).rglob("*")):
        if path.is_file():
            places[str(path)] = path.read_bytes()
    store_file = Path(store_url.removeprefix("sqlite:///"))
    for path in store_file.parent.glob(store_file.name + "*"):  # -wal, -shm, -journal
        places[str(path)] = path.read_bytes()
    assert any(name.endswith("member-client.log") for name in places)
    assert b"forced_crash" in b"".join(places.values())  # the crash was logged

    named = {"password": password, "pin": pin, "code": code, "new password": new_password}
    named |= {f"token {n}": t for n, t in enumerate(tokens)}
    found = [
        f"{what} in {where}"
        for what, value in named.items()
        for where, data in places.items()
        if _pattern(value).search(data)
    ]
    assert found == []
