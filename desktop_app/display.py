"""Whether the client can open a window at all, asked before Qt is.

On Linux without a display, or without a system library Qt's X11 plugin needs (on a desktop
Ubuntu or Debian usually libxcb-cursor0 alone), Qt aborts with a message about plugins; the
client says instead, in one sentence, why and what to do, and exits with status 1.
Nothing here imports Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping

from desktop_app.cli import CommandLineError
from desktop_app.i18n import N_

NO_DISPLAY = N_(
    "No display was found to open the window on (no {variables} is set): please start "
    "{program} in a desktop session, or set {offscreen} to run it without a screen."
)
MISSING_LIBRARIES = N_(
    "Qt cannot open a window without the system packages {libraries}: please install them "
    "with “{command}” and start {program} again."
)
# What Qt's X11 plugin (libqxcb.so and libQt6XcbQpa) loads beyond Qt itself and the libraries
# Qt's wheels need anyway, with the Debian and Ubuntu package of each.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxcb.so.1", "libxcb1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
)
PROGRAM = "member-client"


def loadable(soname: str) -> bool:
    """The dynamic loader finds ``soname`` (as Qt's plugin will need it)."""
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def display_problem(
    env: Mapping[str, str],
    platform: str = sys.platform,
    can_load: Callable[[str], bool] = loadable,
) -> CommandLineError | None:
    """Why no window can be opened with ``env`` on ``platform`` (None: nothing stands in the
    way that can be known before Qt starts)."""
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    x11, wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if qpa == "xcb":
        missing_display, uses_xcb = not x11, True
    elif qpa.startswith("wayland"):
        missing_display, uses_xcb = not wayland, False
    elif qpa:
        return None  # offscreen, minimal, vnc, eglfs …: no display server is needed
    else:
        missing_display, uses_xcb = not (x11 or wayland), not wayland
    if missing_display:
        variables = {"xcb": "DISPLAY"}.get(qpa, "WAYLAND_DISPLAY" if qpa else "DISPLAY")
        return CommandLineError(
            NO_DISPLAY,
            variables=variables if qpa else "DISPLAY / WAYLAND_DISPLAY",
            program=PROGRAM,
            offscreen="QT_QPA_PLATFORM=offscreen",
        )
    if uses_xcb:
        packages = [package for soname, package in XCB_LIBRARIES if not can_load(soname)]
        if packages:
            return CommandLineError(
                MISSING_LIBRARIES,
                libraries=", ".join(packages),
                command=f"sudo apt install {' '.join(packages)}",
                program=PROGRAM,
            )
    return None
