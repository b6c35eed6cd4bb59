"""``member-server``: open (migrate, seed) the store once, then serve it with uvicorn workers.

    member-server --db URL [--host 127.0.0.1] [--port 8765] [--workers N] [--now ISO]
                  [--seed demo|none] [--hash-profile owasp|fast] [--pepper-file PATH]

An operator's tool: its messages are in English. The store is opened (and migrated under a
PostgreSQL advisory lock) before any worker starts, so workers only open a migrated store;
every setting reaches the workers through the environment (``ServerConfig``).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile

from desktop_app.domain.clock import SystemClock, parse_instant
from desktop_app.domain.errors import AppError
from desktop_app.server.config import ServerConfig, configure_logging

log = logging.getLogger("desktop_app.server")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="member-server", description="Serve the card-loan member store over HTTP."
    )
    parser.add_argument("--db", required=True, help="sqlite:///PATH or postgresql+psycopg://…")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port to listen on (8765)")
    parser.add_argument(
        "--workers", type=int, default=1, help="worker processes (one per core is right)"
    )
    parser.add_argument("--now", help="start the server's clock here, e.g. 2026-11-24T10:00")
    parser.add_argument(
        "--seed",
        choices=("demo", "none"),
        default="demo",
        help="seed the demo members into an empty store (demo); production: none",
    )
    parser.add_argument("--hash-profile", choices=("owasp", "fast"), default="owasp")
    parser.add_argument(
        "--pepper-file",
        help="file holding the secret mixed into PIN and password hashes (never in the database)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="demo operator endpoints (/demo: sent messages, moving the clock, resetting the "
        "demo members) and a clock shared by the workers; never in production",
    )
    parser.add_argument("--clock-file", help="the demo clock's file (default: a new one)")
    parser.add_argument("--rules", help="JSON of the rules to apply (default: DOMAIN.md's)")
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    if args.now:
        try:
            parse_instant(args.now)
        except ValueError:
            parser.error("--now takes a date and time such as 2026-11-24T10:00")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    for option, path in (("--pepper-file", args.pepper_file), ("--rules", args.rules)):
        if path and not os.path.isfile(path):
            parser.error(f"{option} {path}: no such file")
    if args.clock_file and not args.demo:
        parser.error("--clock-file needs --demo")
    return args


def _demo_clock(args: argparse.Namespace) -> str:
    """The demo clock's file: as given, or a new one starting at ``--now`` (or the machine's
    now) and running on."""
    from desktop_app.server.clock import SharedClock

    path = args.clock_file or os.path.join(tempfile.mkdtemp(prefix="member-server-"), "clock")
    if args.clock_file and os.path.exists(path):
        return str(path)
    start = parse_instant(args.now) if args.now else SystemClock().now()
    with open(path, "w", encoding="utf-8") as out:
        out.write("{}")
    SharedClock(path).set(start, frozen=False)
    return str(path)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    configure_logging(args.log_level)
    config = ServerConfig(
        db=args.db,
        now=args.now,
        now_since=SystemClock().now().timestamp() if args.now else None,
        seed=args.seed == "demo",
        hash_profile=args.hash_profile,
        pepper_file=args.pepper_file,
        demo=args.demo,
        clock_file=_demo_clock(args) if args.demo else None,
        rules_file=args.rules,
        log_level=args.log_level,
    )
    try:
        config.open_store(config.clock()).close()
    except AppError as error:
        print(f"member-server: cannot open the store: {error.code.value}", file=sys.stderr)
        return 2
    if config.seed:
        log.warning("demo members are seeded into an empty store (--seed none for production)")
    os.environ.update(config.to_environment())
    import uvicorn

    uvicorn.run(
        "desktop_app.server.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        server_header=False,
        date_header=True,
    )
    return 0
