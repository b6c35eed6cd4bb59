"""The UI contract: every name is there, named for screen readers, and the defaults hold."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.paths import user_data_dir
from desktop_app.testing import close_all, launch_app, wait_until_idle

ROOT = Path(__file__).resolve().parents[2]
BUILT_SCREENS = (
    "main window",
    "loginScreen",
    "homeScreen",
    "borrowScreen",
    "repayScreen",
    "historyScreen",
    "settingsScreen",
    "registerWebIdScreen",
    "resetPasswordScreen",
    "inboxScreen",
    "simulatorScreen",
    "interestScreen",
    "promiseScreen",
    "limitIncreaseScreen",
)


def _contract_names() -> list[str]:
    """Names of the screens this release builds, read from the published contract."""
    names = []
    for line in (ROOT / "docs" / "ui-automation.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| ") and any(screen in line for screen in BUILT_SCREENS):
            names += re.findall(r"`([a-z]+[A-Z][A-Za-z]*)`", line)
    return names


def test_every_contract_name_exists_with_an_accessible_name(drive):
    d = drive()
    names = _contract_names()
    assert len(names) > 50
    missing, unnamed = [], []
    for name in names:
        widget = d.window if name == "mainWindow" else d.window.findChild(QWidget, name)
        if widget is None:
            missing.append(name)
        elif not widget.accessibleName():
            unnamed.append(name)
    assert missing == []
    assert unnamed == []


def test_default_store_is_created_in_the_data_folder_with_the_demo_members(qapp):
    window = launch_app(now="2026-11-24T10:00:00+09:00")  # no store URL: the default
    try:
        wait_until_idle(window)
        database = user_data_dir() / "members.db"
        assert database.is_file()
        with sqlite3.connect(database) as db:
            count = db.execute("select count(*) from members").fetchone()[0]
        assert count == 7
        assert window.findChild(QWidget, "screenStack").currentWidget().objectName() == (
            "loginScreen"
        )
    finally:
        close_all()


def test_the_bundled_japanese_font_is_in_use(drive):
    drive()
    assert QApplication.font().family() == "IPAexGothic"


def test_screenshot_tour_renders_every_screen_in_both_languages(tmp_path):
    out = tmp_path / "tour"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "--now",
            "2026-11-24T10:00",
            "--screenshot-tour",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for language in ("ja", "en"):
        shots = sorted((out / language).glob("*.png"))
        assert len(shots) == 41  # 35 and the bank and repayment settings' 6
        assert all(shot.stat().st_size > 5_000 for shot in shots)
