"""Start-up through the real entry point (``python -m desktop_app``): after the login's
first paint the screens are built and the store is opened, and the client says it is ready.
Each run is a fresh process in the test's own user folders (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from desktop_app.paths import user_data_dir, user_log_dir


def _start(exit_after: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "MEMBER_CLIENT_EXIT_AFTER": exit_after,
        "MEMBER_CLIENT_HASH_PROFILE": "fast",
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_client_gets_ready_after_its_first_paint():
    """``ready``: every screen built and the demo store open (seeded on this first start)."""
    result = _start("ready", "--lang", "ja")
    assert result.returncode == 0, result.stderr
    assert (user_data_dir() / "members.db").exists()
    log = (user_log_dir() / "member-client.log").read_text(encoding="utf-8")
    assert "store ready" in log


def test_the_first_paint_comes_before_the_store_is_opened():
    """Ending at the first paint, the client has not even created its store yet."""
    result = _start("paint")
    assert result.returncode == 0, result.stderr
    assert not (user_data_dir() / "members.db").exists()
