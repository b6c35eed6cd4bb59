"""What packaging/check_bundle.py looks at in a built bundle without starting it: the modules
in its archive, the libraries ``ldd`` resolves; and how far a screenshot is from another."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from bundle_rules import EXCLUDED_MODULES, dropped_library

# Libraries that must come from the bundle, never from the system.
OWN = re.compile(r"^lib(Qt6|pyside6|shiboken6|python3)")


class BundleFault(Exception):
    """The bundle would not start on a member's machine: the sentence says why."""


# --------------------------------------------------------------------- 0. contents


def check_contents(executable: Path) -> int:
    """The client's modules are in the bundle's archive; what it leaves out is not (the member
    server and its stack, the test tools, the Qt modules the client does not import)."""
    from PyInstaller.archive.readers import CArchiveReader

    modules = set(CArchiveReader(str(executable)).open_embedded_archive("PYZ.pyz").toc)
    for needed in ("desktop_app.app", "desktop_app.store.sql.store", "desktop_app.store.remote"):
        if needed not in modules:
            raise BundleFault(f"the bundle lacks {needed}")
    for excluded in EXCLUDED_MODULES:
        found = [m for m in modules if m == excluded or m.startswith(excluded + ".")]
        on_disk = list(executable.parent.glob(f"_internal/{excluded.replace('.', '/')}*"))
        if found or on_disk:
            raise BundleFault(f"the bundle holds {excluded}, left out on purpose")
    return len(modules)


# --------------------------------------------------------------------- 1. ldd


def check_libraries(bundle: Path) -> int:
    """Every ELF file of the bundle that is Qt, PySide6 or Python resolves inside it."""
    checked = 0
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink() or not _is_elf(path):
            continue
        if not (OWN.match(path.name) or "plugins" in path.parts or path.suffix == ".so"):
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True)
        checked += 1
        for line in result.stdout.splitlines():
            name, _, where = line.strip().partition(" => ")
            target = where.split(" (")[0].strip()
            if not target:
                continue  # the vdso, the dynamic loader
            if target == "not found" or dropped_library(name):
                raise BundleFault(f"{path.relative_to(bundle)} needs {name}, not in the bundle")
            resolved = Path(target).resolve()
            if OWN.match(name) and not resolved.is_relative_to(bundle.resolve()):
                raise BundleFault(f"{path.relative_to(bundle)}: {name} resolves to {resolved}")
    if checked == 0:
        raise BundleFault(f"no library found in {bundle}")
    return checked


def _is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


# --------------------------------------------------------------------- screenshots


def differing_share(login: Path, reference: Path) -> float:
    """How many of the PNG's pixels differ from ``reference`` (1.0: another size), once it is
    a login-sized picture with text on it (many colours: not a blank window)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage

    def pixels(path: Path) -> tuple[QImage, list[bytes]]:
        image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
        data = bytes(image.constBits())
        return image, [data[i : i + 4] for i in range(0, len(data), 4)]

    image, shot = pixels(login)
    if image.width() < 800 or image.height() < 600:
        raise BundleFault(f"the login screenshot is {image.width()}×{image.height()}")
    if len(set(shot)) < 50:
        raise BundleFault("the login screenshot is blank (fewer than 50 colours)")
    other, expected = pixels(reference)
    if other.size() != image.size():
        return 1.0
    return sum(1 for a, b in zip(shot, expected, strict=True) if a != b) / len(shot)
