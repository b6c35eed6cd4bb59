"""CI's proof that the member's bundle starts with no Python and no system Qt (.ci/run).

    python packaging/check_bundle.py [dist/member-client-<version>-linux-<machine>.tar.gz]

0. The archive holds the client's modules and none of those left out on purpose
   (packaging/bundle_rules.py: the member server, FastAPI, uvicorn, QML, WebEngine, …).
1. ``ldd`` of every Qt, PySide6 and Python library in the bundle: each resolves inside the
   bundle (none from a system Qt or Python), and none of the client's own is missing.
2. The archive a member downloads is unpacked into a fresh folder and started in a mount
   namespace (``unshare -m``) where every Python is hidden under an empty tmpfs (pyenv,
   /usr/lib/python3*, /usr/local/lib/python3*, this checkout with its .venv), with an empty
   environment (no PATH to a Python, no PYTHONPATH/PYTHONHOME) and empty HOME/XDG folders:
   a. first start, no option, offscreen: it creates the demo store in the member's data
      folder as ``member-client`` does (the same tables, the demo members), logs no traceback
      and is still running until it is stopped;
   b. where Xvfb is installed, the same first start on X11 (Qt's xcb plugin);
   c. ``--screenshot-tour DIR --lang ja``: every screen paints, and the login screen's PNG is
      the login screen (its size, not blank, and within a few pixels of
      docs/screenshots/ja/01_login.png, which ``make tour`` renders the same way; if that file
      is stale, of the same tour by the venv's ``member-client``).

Linux only (unshare, ldd, tmpfs); run as root, as CI does. Exits non-zero with the reason.
"""

from __future__ import annotations

import argparse
import glob
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bundle_inspect import (  # packaging/, beside this script
    BundleFault,
    check_contents,
    check_libraries,
    differing_share,
)
from bundle_rules import EXCLUDED_MODULES

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
REFERENCE = ROOT / "docs" / "screenshots" / "ja" / "01_login.png"
NOW = "2026-11-24T10:00"
FIRST_START_SECONDS = 120.0
TOUR_SECONDS = 300.0
MOST_DIFFERING = 0.02  # antialiasing and a caret: a few pixels; another screen: most of them


def hidden_folders() -> list[str]:
    """Every folder a Python (or this checkout's packages) could be found in."""
    candidates = {
        str(Path.home() / ".pyenv"),
        "/root/.pyenv",
        *glob.glob("/usr/lib/python3*"),
        *glob.glob("/usr/local/lib/python3*"),
        *glob.glob("/opt/python*"),
        sys.prefix,
        sys.base_prefix,
        str(ROOT),
    }
    found = [c for c in candidates if c not in ("/", "/usr", "/usr/local") and os.path.isdir(c)]
    # a folder inside one already hidden is hidden with it (and its mount point is gone)
    return sorted(c for c in found if not any(c != o and Path(c).is_relative_to(o) for o in found))


# --------------------------------------------------------------------- 2. hidden Python


def isolated_environment(home: Path) -> dict[str, str]:
    """A member's first session: empty HOME and XDG folders, offscreen, no Python variables."""
    environment = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        Path(environment[key]).mkdir(parents=True, exist_ok=True)
    Path(environment["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
    return environment


def hidden_command(home: Path, command: list[str], display: str | None = None) -> list[str]:
    """``command`` in a mount namespace with every Python hidden and an empty environment."""
    mounts = "".join(
        f"mount -t tmpfs tmpfs {shlex.quote(d)} || exit 96; " for d in hidden_folders()
    )
    proof = (  # no Python left to run: the bundle has to bring its own
        "if command -v python3 >/dev/null 2>&1 && python3 -c pass 2>/dev/null; then "
        "echo 'a Python is still usable' >&2; exit 97; fi; "
    )
    environment = isolated_environment(home)
    if display is not None:  # Qt's X11 plugin, as on a member's Linux desktop
        environment |= {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
    assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in environment.items())
    script = f"{mounts}{proof}exec env -i {assignments} {shlex.join(command)}"
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c", script]


def unpack(archive: Path, into: Path) -> Path:
    shutil.unpack_archive(archive, into)
    executable = into / "member-client" / "member-client"
    if not os.access(executable, os.X_OK):
        raise BundleFault(f"{archive.name} holds no member-client/member-client")
    return executable


def store_summary(database: Path) -> tuple[list[str], int]:
    """The tables of a store and how many members it holds (read-only)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)
    try:
        tables = sorted(
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
        members = connection.execute("SELECT COUNT(*) FROM members").fetchone()[0]
    finally:
        connection.close()
    return tables, int(members)


def first_start(
    command: list[str], home: Path, label: str, env: dict[str, str] | None = None
) -> tuple[list[str], int]:
    """Start ``command`` with no option; the demo store it creates (tables, members)."""
    database = home / "data" / "member-client" / "members.db"
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True, env=env
    )
    deadline = time.monotonic() + FIRST_START_SECONDS
    summary: tuple[list[str], int] | None = None
    try:
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.5)
            if not database.exists():
                continue
            try:
                found = store_summary(database)
            except sqlite3.Error:
                continue  # still being created and migrated
            if found[1] > 0:
                time.sleep(2.0)  # the window is up and the store open: it must keep running
                summary = found
                break
        alive = process.poll() is None
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=30)[0].decode("utf-8", "replace")
    if summary is None or not alive:
        raise BundleFault(
            f"{label}: no demo store in {database} (exit {process.returncode}):\n{output}"
        )
    logs = "\n".join(p.read_text("utf-8", "replace") for p in home.rglob("*.log"))
    if "Traceback" in output or "Traceback" in logs:
        raise BundleFault(f"{label}: a traceback on first start:\n{output}\n{logs}")
    return summary


def on_x11(executable: Path, home: Path) -> bool:
    """With Xvfb installed: the first start on X11 (the xcb plugin and the X libraries it
    loads, from the bundle) stays up with its demo store. False when there is no Xvfb."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        return False
    # -displayfd: Xvfb takes a free display itself and writes its number once it accepts
    # connections (a fixed :97 failed where another X server held it; no sleep either).
    ready, told = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(told), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(told,),
    )
    os.close(told)
    try:
        with os.fdopen(ready) as answer:
            number = answer.readline().strip()  # empty when Xvfb ended without a display
        if not number.isdigit():
            raise BundleFault("Xvfb did not start")
        display = f":{number}"
        first_start(hidden_command(home, [str(executable)], display), home, "the bundle on X11")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return True


def tour_arguments(folder: Path) -> list[str]:
    return ["--now", NOW, "--lang", "ja", "--screenshot-tour", str(folder)]


def painted_login(executable: Path, home: Path) -> Path:
    """The bundle's screenshot tour in Japanese; its login screen's PNG, checked: the right
    size, not blank, and within a few pixels of docs/screenshots/ja/01_login.png — or, when
    that file is stale, of the same tour by the venv's ``member-client``."""
    folder = home / "tour"
    command = hidden_command(home, [str(executable), *tour_arguments(folder)])
    result = subprocess.run(command, capture_output=True, text=True, timeout=TOUR_SECONDS)
    if result.returncode != 0:
        raise BundleFault(f"the screenshot tour failed ({result.returncode}):\n{result.stderr}")
    login = folder / "ja" / "01_login.png"
    if not login.is_file():
        raise BundleFault(f"the tour wrote no {login.relative_to(home)}")
    share = differing_share(login, REFERENCE)
    print(f"login screenshot: {share:.3%} of its pixels differ from {REFERENCE.name} (docs)")
    if share <= MOST_DIFFERING:
        return login
    venv_home = home.with_name(home.name + "-venv")
    environment = isolated_environment(venv_home)
    console_script = Path(sys.executable).parent / "member-client"
    venv_folder = venv_home / "tour"
    subprocess.run(
        [str(console_script), *tour_arguments(venv_folder)],
        env=environment,
        capture_output=True,
        timeout=TOUR_SECONDS,
        check=True,
    )
    share = differing_share(login, venv_folder / "ja" / "01_login.png")
    print(f"login screenshot: {share:.3%} differ from the venv's (run `make tour`: docs is stale)")
    if share > MOST_DIFFERING:
        raise BundleFault(f"the bundle's login screen differs from the venv's in {share:.1%}")
    return login


def default_archive() -> Path:
    found = sorted(DIST.glob("member-client-*-linux-*.tar.gz"))
    if not found:
        raise BundleFault("no dist/member-client-*-linux-*.tar.gz: run `make dist` first")
    return found[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", nargs="?", type=Path)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    try:
        archive = args.archive or default_archive()
        with tempfile.TemporaryDirectory(prefix="member-bundle-") as scratch:
            base = Path(scratch)
            executable = unpack(archive, base / "install")
            print(f"{archive.name}: unpacked into {executable.parent}")
            modules = check_contents(executable)
            print(f"contents: {modules} modules, none of the {len(EXCLUDED_MODULES)} left out")
            checked = check_libraries(executable.parent)
            print(f"ldd: {checked} libraries, every Qt/PySide6/Python one from the bundle")
            print("hidden: " + ", ".join(hidden_folders()))
            bundle_home = base / "home-bundle"
            tables, members = first_start(
                hidden_command(bundle_home, [str(executable)]), bundle_home, "the bundle"
            )
            reference_home = base / "home-venv"
            console_script = Path(sys.executable).parent / "member-client"
            reference = first_start(
                [str(console_script)],
                reference_home,
                "member-client",
                isolated_environment(reference_home),
            )
            if (tables, members) != reference:
                raise BundleFault(
                    f"the bundle's demo store ({len(tables)} tables, {members} members) is not "
                    f"member-client's ({len(reference[0])} tables, {reference[1]} members)"
                )
            print(f"first start: demo store with {len(tables)} tables, {members} members")
            if on_x11(executable, base / "home-x11"):
                print("X11 (Xvfb): the first start stays up with its demo store")
            else:
                print("X11: skipped (no Xvfb on this machine)")
            login = painted_login(executable, base / "home-tour")
            print(f"painted login: {login.name} from the screenshot tour")
    except (BundleFault, subprocess.TimeoutExpired) as fault:
        print(f"check_bundle: {fault}", file=sys.stderr)
        return 1
    print(
        f"the bundle starts with no Python and no system Qt ({time.perf_counter() - began:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
