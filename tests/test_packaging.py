"""The wheel carries the catalogs, icons, styles, font and migrations, and runs from them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_resources_catalogs_and_migrations(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("member_client-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "desktop_app/_data/i18n/ja/LC_MESSAGES/messages.mo",
        "desktop_app/_data/i18n/en/LC_MESSAGES/messages.mo",
        "desktop_app/_data/i18n/messages.pot",
        "desktop_app/_data/resources/icons/app.svg",
        "desktop_app/_data/resources/icons/brand-mark.svg",
        "desktop_app/_data/resources/styles/light.qss",
        "desktop_app/_data/resources/styles/dark.qss",
        "desktop_app/_data/resources/fonts/ipaexg.ttf",
        "desktop_app/_data/resources/fonts/IPAexGothic-LICENSE.txt",
        "desktop_app/app.py",
    }
    assert expected <= names
    assert any(n.startswith("desktop_app/store/sql/migrations/versions/") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "member-client = desktop_app.__main__:main" in (
        zipfile.ZipFile(wheel).read(entry_points).decode()
    )
    # Unpacked alone (no checkout beside it), the package finds its own catalogs and styles.
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = (
        "from desktop_app import paths, i18n;"
        "print(paths.data_root());"
        "print(i18n.load_catalog('ja').gettext('Sign in'));"
        "print((paths.resources_dir() / 'styles' / 'light.qss').is_file())"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(unpacked)!r}); {probe}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    root, sign_in, has_style = result.stdout.splitlines()
    assert root == str(unpacked / "desktop_app" / "_data")
    assert sign_in == "ログイン"
    assert has_style == "True"
