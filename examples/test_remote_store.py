"""Example 5: drive the client against a real member server.

The fixture below starts ``member-server`` (here ``python -m desktop_app.server``, the same
program) in demo mode on a free loopback port, over a scratch SQLite file; pass
``--db postgresql+psycopg://…`` for PostgreSQL. ``--demo`` opens the server's operator
endpoints (``/demo``: what it sent, its clock), which ``sent_messages`` and ``advance_clock``
use; ``--now`` starts the server's clock, which is the one the client shows. Never run
``--demo`` in production: anyone who reaches it reads every member's messages.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from desktop_app.testing import advance_clock, sent_messages, wait_until_idle


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A member server in demo mode; yields its address (``http://127.0.0.1:PORT``)."""
    port = _free_port()
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "desktop_app.server",  # = member-server
            "--db", f"sqlite:///{tmp_path / 'server.db'}",
            "--port", str(port),
            "--demo",  # the /demo endpoints the harness uses
            "--now", "2026-11-24T10:00",  # the server's clock starts here, then runs on
            "--hash-profile", "fast",  # test stores only
            "--seed", "demo",  # the demo members, in an empty store
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"  # http:// is allowed to this computer only
    try:
        deadline = time.monotonic() + 60
        while True:  # GET /health answers 200 once the store is open
            assert process.poll() is None, (tmp_path / "server.log").read_text()
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                assert time.monotonic() < deadline, "the member server did not start"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()


def test_sign_in_change_the_email_with_a_code_and_move_the_servers_clock(start, ui, server):
    # A member server's clock is shown: now= is refused with one (use the server's --now).
    window = start(store_url=server, now=None)
    u = ui(window)
    u.sign_in()
    assert u.screen() == "homeScreen"
    assert u.text("nextDueDateLabel") == "2026年11月25日(水)"  # by the server's clock

    # What the server sent: a sign-in from a device it has not seen is announced by email.
    alert = sent_messages(window)[0]
    assert (alert.channel, alert.recipient) == ("email", "y***@example.jp")

    # A change of email is confirmed with a one-time code, sent by SMS to 山田's phone.
    u.click("navProfile")
    u.click("changeEmailButton")
    u.type("emailChangeInput", "taro.new@example.jp")
    u.click("emailSubmitButton")
    dialog = u.find(QDialog, "otpDialog")
    newest = sent_messages(window)[0]  # read a code once: later reads show •••••• instead
    assert newest.channel == "sms"
    code = re.search(r"(?<!\d)\d{4}(?!\d)", newest.body).group()
    field = dialog.findChild(QLineEdit, "otpCodeInput")
    u.qtbot.keyClicks(field, code)
    u.qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter sends the code
    wait_until_idle(window)
    assert u.screen() == "profileScreen"
    assert u.text("profileEmailLabel") == "taro.new@example.jp"

    # The server's clock, three days on: its session expired, and the due day passed.
    now = advance_clock(window, days=3)
    assert now.date().isoformat() == "2026-11-27"
    assert u.screen() == "loginScreen"
    u.sign_in()
    assert "2026年11月25日(水)" in u.text("overdueBanner")
