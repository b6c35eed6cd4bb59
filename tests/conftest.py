"""Test-wide settings: Qt offscreen, a cheap password-hash profile, and every user folder
(settings, data, logs) isolated per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MEMBER_CLIENT_HASH_PROFILE"] = "fast"

import pytest


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Fresh XDG folders for each test, so no test sees another's settings or store."""
    home = tmp_path_factory.mktemp("home")
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        path = home / folder
        path.mkdir()
        monkeypatch.setenv(variable, str(path))
    return home
