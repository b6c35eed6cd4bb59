"""``python -m desktop_app`` and the ``member-client`` console script: the command line, a
display to open the window on, then the screenshot tour or the client."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    from desktop_app.cli import message_of, parse_args, refusal_language
    from desktop_app.display import display_problem

    words = sys.argv[1:] if argv is None else argv
    options = parse_args(words)
    if options.set_staff_pin:  # on the terminal: no window, no display needed
        from desktop_app.kiosk_file import set_staff_pin

        return set_staff_pin(refusal_language(list(words)))
    problem = display_problem(os.environ)
    if problem is not None:  # say why in one sentence, rather than let Qt abort
        print(message_of(problem, refusal_language(list(words))), file=sys.stderr)
        return 1
    if options.screenshot_tour is not None:
        from desktop_app.tour import run_tour

        return run_tour(options, options.screenshot_tour)
    from desktop_app.app import run

    return run(options)


if __name__ == "__main__":
    raise SystemExit(main())
