"""``python -m desktop_app`` and the ``member-client`` console script: the command line, then
the screenshot tour or the client."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from desktop_app.cli import parse_args

    options = parse_args(sys.argv[1:] if argv is None else argv)
    if options.screenshot_tour is not None:
        from desktop_app.tour import run_tour

        return run_tour(options, options.screenshot_tour)
    from desktop_app.app import run

    return run(options)


if __name__ == "__main__":
    raise SystemExit(main())
