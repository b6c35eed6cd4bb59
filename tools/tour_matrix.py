"""The screenshot tour in every look a member may choose: window size × font size × theme,
each in Japanese and English, to look at screen by screen.

    .venv/bin/python tools/tour_matrix.py [OUT_DIR] [--sizes 800x600,1920x1080]
        [--fonts medium,xxlarge] [--themes light,dark]

Each combination runs in a process of its own with a scratch settings folder (the font size
and theme are the member's settings), writing OUT_DIR/<size>-<font>-<theme>/<lang>/NN_*.png.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONE = """
import sys
from pathlib import Path
from desktop_app.cli import Options
from desktop_app.tour import run_tour
width, height = (int(x) for x in sys.argv[2].split("x"))
sys.exit(run_tour(Options(now="2026-11-24T10:00"), Path(sys.argv[1]), (width, height)))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default="/tmp/tour-matrix", type=Path)
    parser.add_argument("--sizes", default="800x600,1920x1080")
    parser.add_argument("--fonts", default="medium,xxlarge")
    parser.add_argument("--themes", default="light,dark")
    args = parser.parse_args(argv)
    failed = 0
    for size in args.sizes.split(","):
        for font in args.fonts.split(","):
            for theme in args.themes.split(","):
                config = Path(tempfile.mkdtemp(prefix="tour-config-"))
                (config / "member-client").mkdir()
                (config / "member-client" / "settings.ini").write_text(
                    f"[General]\nfont_size={font}\ntheme={theme}\n", encoding="utf-8"
                )
                out = args.out / f"{size}-{font}-{theme}"
                env = dict(os.environ, XDG_CONFIG_HOME=str(config))
                env.setdefault("QT_QPA_PLATFORM", "offscreen")
                done = subprocess.run(
                    [sys.executable, "-c", ONE, str(out), size], env=env, cwd=ROOT, check=False
                )
                failed += done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
