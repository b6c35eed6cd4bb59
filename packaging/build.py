"""``make dist``: the member's bundle, dist/member-client/ (+ dist/member-client-<version>-
<platform>.tar.gz on Linux, .zip on Windows), with PyInstaller and packaging/member-client.spec.

    python packaging/build.py [--no-archive]

Prints the bundle's size and the build time. The same command builds on Windows and macOS
(docs/deployment.md, "Installer"); PyInstaller does not cross-compile: each system builds its
own bundle.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "member-client.spec"
DIST = ROOT / "dist"
BUNDLE = DIST / "member-client"


def version() -> str:
    import tomllib

    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def archive(bundle: Path) -> Path:
    """The bundle as one file a member downloads: .tar.gz (Linux, macOS) or .zip (Windows)."""
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, "other")
    base = DIST / f"member-client-{version()}-{system}-{platform.machine().lower()}"
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(base), "zip", bundle.parent, bundle.name))
    packed = base.with_name(base.name + ".tar.gz")
    # level 6: far quicker than gzip's 9 here, for under 1 % more bytes
    with tarfile.open(packed, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name)
    return packed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-archive", action="store_true", help="the folder only")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(ROOT / "build" / "pyinstaller"),
        str(SPEC),
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    built = time.perf_counter() - began
    megabytes = size_of(BUNDLE) / 2**20
    print(f"bundle: {BUNDLE.relative_to(ROOT)}/ {megabytes:.0f} MiB, built in {built:.0f} s")
    if not args.no_archive:
        # on macOS the member gets the .app (signed and notarised: docs/deployment.md §9)
        app = DIST / "Member Client.app"
        packed = archive(app if sys.platform == "darwin" and app.is_dir() else BUNDLE)
        print(f"archive: {packed.relative_to(ROOT)} {packed.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
