"""The screenshot tour's kiosk set and its looks: ``--kiosk --screenshot-tour`` writes
DIR/<lang>-kiosk, and tools/tour_matrix.py the largest font size into DIR/<lang>[-kiosk]/<font>/,
without reading or writing this computer's settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.viewmodels.settings import FONT_SIZES

ROOT = Path(__file__).resolve().parent.parent
SHOTS = 41  # as tests/e2e/test_contract.py counts them for ja and en


def _run(command: list[str], config: Path) -> None:
    env = dict(os.environ, XDG_CONFIG_HOME=str(config))
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def _shots(folder: Path) -> list[Path]:
    shots = sorted(folder.glob("*.png"))
    assert all(shot.stat().st_size > 5_000 for shot in shots)
    return shots


@pytest.mark.slow
def test_the_kiosk_tour_renders_every_screen_into_its_own_folder(tmp_path):
    out = tmp_path / "tour"
    command = [sys.executable, "-m", "desktop_app", "--kiosk", "--lang", "ja"]
    _run([*command, "--now", "2026-11-24T10:00", "--screenshot-tour", str(out)], tmp_path)
    assert [folder.name for folder in out.iterdir()] == ["ja-kiosk"]  # --lang: that one only
    shots = _shots(out / "ja-kiosk")
    assert len(shots) == SHOTS
    assert shots[0].name == "01_login.png"


@pytest.mark.slow
def test_the_matrix_renders_the_largest_font_size_in_both_languages(tmp_path):
    out, config = tmp_path / "matrix", tmp_path / "config"
    config.mkdir()
    tool = [sys.executable, str(ROOT / "tools" / "tour_matrix.py"), str(out)]
    _run([*tool, "--modes", "kiosk", "--fonts", "largest"], config)
    largest = FONT_SIZES[-1][0]
    for language in ("ja", "en"):
        assert len(_shots(out / f"{language}-kiosk" / largest)) == SHOTS
    assert [path for path in config.rglob("*") if path.is_file()] == []  # settings in memory
