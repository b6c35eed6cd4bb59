"""``member-server``: see ``desktop_app.server.cli``."""

from __future__ import annotations


def main() -> int:
    from desktop_app.server.cli import main as run

    return run()


if __name__ == "__main__":
    raise SystemExit(main())
