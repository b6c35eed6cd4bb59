"""PostgreSQL going away while a member is signed in (issue 13, point 2), on a scratch
database of its own: its connections are terminated (``pg_terminate_backend``) and it
refuses new ones (``ALLOW_CONNECTIONS false``) until it is brought back. The screen says so
politely, the app keeps running, and once PostgreSQL is back the member goes on; nothing
committed is lost. (The member server going away: tests/e2e/test_remote_connection.py.)"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import NullPool

from desktop_app.testing import close_all

from .conftest import LogFile, assert_no_traceback

PG_URL_ENV = "MEMBER_CLIENT_TEST_PG_URL"
BANNER = "サーバーに接続できません。通信環境をご確認のうえ、もう一度お試しください。"
UNAVAILABLE = "ただいまサービスに接続できません。しばらくしてからもう一度お試しください。"

pytestmark = pytest.mark.skipif(not os.environ.get(PG_URL_ENV), reason=f"{PG_URL_ENV} not set")


class Database:
    """A scratch database that can be taken away and brought back."""

    def __init__(self, admin: Engine, name: str, url: str) -> None:
        self.admin, self.name, self.url = admin, name, url

    def _run(self, statement: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(statement))

    def go_away(self) -> None:
        self._run(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS false')
        self._run(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{self.name}' AND pid <> pg_backend_pid()"
        )

    def come_back(self) -> None:
        self._run(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true')

    def scalar(self, statement: str) -> object:
        engine = create_engine(self.url, poolclass=NullPool)
        try:
            with engine.connect() as connection:
                return connection.execute(text(statement)).scalar()
        finally:
            engine.dispose()


@pytest.fixture
def database() -> Iterator[Database]:
    base = make_url(os.environ[PG_URL_ENV])
    if base.drivername == "postgresql":
        base = base.set(drivername="postgresql+psycopg")
    name = f"faults_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    scratch = Database(admin, name, url)
    try:
        yield scratch
    finally:
        close_all()
        scratch.come_back()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _borrow(d, amount: str) -> tuple[str, str]:
    """Borrow through the screen: (the error shown, the receipt shown)."""
    d.click("navBorrow")
    d.type("borrowAmountInput", amount)
    d.click("borrowConfirmButton")
    dialog = d.window.findChild(QDialog, "confirmDialog")
    if dialog is not None and dialog.isVisible():
        d.confirm_dialog()
    return d.visible_text("borrowError"), d.visible_text("borrowResultLabel")


def test_postgresql_going_away_is_said_politely_and_the_member_goes_on(
    drive, database: Database, log_file: LogFile
) -> None:
    d = drive(store_url=database.url)
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert _borrow(d, "10000")[0] == ""
    d.click("navHome")
    assert d.text("balanceLabel") == "130,000円"

    database.go_away()
    error, receipt = _borrow(d, "20000")
    assert error == UNAVAILABLE
    assert receipt == ""
    assert d.visible_text("connectionBanner") == BANNER
    assert_no_traceback(d.window)
    logged = log_file.text()
    assert "store_unavailable" in logged
    assert "57P01" in logged or "not currently accepting connections" in logged
    d.click("navHome")  # the app keeps running
    assert d.screen() == "homeScreen"

    database.come_back()
    error, receipt = _borrow(d, "20000")
    assert error == ""
    assert "元金残高：150,000円" in receipt
    d.click("navHome")
    assert d.text("balanceLabel") == "150,000円"
    assert d.visible_text("connectionBanner") == ""
    close_all()
    principal = database.scalar(
        "SELECT principal FROM loan_accounts JOIN members ON members.id = loan_accounts.member_id "
        "WHERE members.member_number = '100000001'"
    )
    assert principal == 150_000

    d = drive(store_url=database.url)  # signing in again finds everything committed
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.text("balanceLabel") == "150,000円"


def test_postgresql_away_at_sign_in_and_back(drive, database: Database, log_file: LogFile) -> None:
    d = drive(store_url=database.url)
    database.go_away()
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "loginScreen"
    assert BANNER in d.visible_text("connectionBanner") or UNAVAILABLE in d.visible_text(
        "loginError"
    )
    assert_no_traceback(d.window)
    assert "store_unavailable" in log_file.text()

    database.come_back()
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "homeScreen"
    assert d.text("balanceLabel") == "120,000円"
