"""Set-up: ``make run`` installs the runtime only and says so; without a display (or without
the X11 libraries Qt needs) the client says in one sentence why and what to do, and exits 1
instead of letting Qt abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import message_of
from desktop_app.display import display_problem

ROOT = Path(__file__).resolve().parents[1]


def _start_without_display(*words: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *words],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux display")
def test_without_a_display_the_client_says_why_in_one_sentence():
    result = _start_without_display()
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "画面が見つからない" in lines[0]
    assert "QT_QPA_PLATFORM=offscreen" in lines[0]
    english = _start_without_display("--lang", "en")
    assert english.returncode == 1
    assert english.stderr.startswith("member-client: error: No display was found")


def test_without_libxcb_cursor_the_client_names_the_package():
    def missing_cursor(soname: str) -> bool:
        return soname != "libxcb-cursor.so.0"

    problem = display_problem({"DISPLAY": ":0"}, "linux", missing_cursor)
    assert problem is not None
    text = message_of(problem, "en")
    assert "libxcb-cursor0" in text
    assert "“sudo apt install libxcb-cursor0”" in text
    assert "「sudo apt install libxcb-cursor0」" in message_of(problem, "ja")


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", None),
        ({}, "win32", None),
        ({}, "darwin", None),
        ({"DISPLAY": ":0"}, "linux", None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", None),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", "DISPLAY"),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux", "WAYLAND_DISPLAY"),
        ({}, "linux", "DISPLAY / WAYLAND_DISPLAY"),
    ],
)
def test_which_environments_can_open_a_window(env, platform, expected):
    problem = display_problem(env, platform, lambda soname: True)
    assert (problem.params["variables"] if problem else None) == expected


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_installs_the_runtime_only_and_says_so(tmp_path):
    plan = subprocess.run(
        ["make", "-n", "run", f"VENV={tmp_path / 'fresh'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "[dev]" not in plan
    assert "-e ." in plan
    assert 'echo "Creating' in plan
    assert "about a minute" in plan
