"""The screenshot tour in every look a member may choose: Japanese and English, the normal
client and the branch kiosk, font sizes, themes and window sizes, to look at screen by screen.

    .venv/bin/python tools/tour_matrix.py [OUT_DIR] [--modes normal,kiosk]
        [--fonts medium,largest] [--themes light] [--sizes 1000x700]

``make tour-all`` runs it with these defaults: every screen in ja, en, ja-kiosk and en-kiosk,
at 標準 (medium) and the largest size, into OUT_DIR/<lang>[-kiosk]/<font>/NN_*.png. With more
than one window size or theme each combination gets a folder of its own first:
OUT_DIR/<size>-<theme>/<lang>[-kiosk]/<font>/. ``largest`` is the last size of the settings
screen's list. Each look runs in a process of its own, with settings of its own in memory:
nothing of this computer's settings is read or written.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONE = """
import sys
from pathlib import Path
from desktop_app.cli import Options
from desktop_app.tour import run_tour
out, size, kiosk, font, theme = sys.argv[1:]
width, height = (int(x) for x in size.split("x"))
options = Options(now="2026-11-24T10:00", kiosk=kiosk == "kiosk")
sys.exit(run_tour(options, Path(out), (width, height), font_size=font, theme=theme))
"""


def largest_font() -> str:
    sys.path.insert(0, str(ROOT))
    from desktop_app.viewmodels.settings import FONT_SIZES

    return FONT_SIZES[-1][0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default="/tmp/tour-matrix", type=Path)
    parser.add_argument("--modes", default="normal,kiosk")
    parser.add_argument("--fonts", default="medium,largest")
    parser.add_argument("--themes", default="light")
    parser.add_argument("--sizes", default="1000x700")
    args = parser.parse_args(argv)
    sizes, themes = args.sizes.split(","), args.themes.split(",")
    fonts = [largest_font() if font == "largest" else font for font in args.fonts.split(",")]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    failed = 0
    for size in sizes:
        for theme in themes:
            out = args.out if len(sizes) == len(themes) == 1 else args.out / f"{size}-{theme}"
            for mode in args.modes.split(","):
                for font in fonts:
                    done = subprocess.run(
                        [sys.executable, "-c", ONE, str(out), size, mode, font, theme],
                        env=env,
                        cwd=ROOT,
                        check=False,
                    )
                    failed += done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
