"""``python -m desktop_app`` and the ``member-client`` console script."""

from __future__ import annotations

import sys


def main() -> int:
    from desktop_app.app import main as run

    return run(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
