"""The command line of ``member-client``: options checked in full, refusals in the interface
language (``--lang``, else the saved setting, else Japanese), before any window opens.

Qt is not needed here: the sentences come straight from the Babel catalogs.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn

from desktop_app.i18n import LANGUAGES, N_, load_catalog

if TYPE_CHECKING:
    from desktop_app.domain.rules import Rules

# The clock may start anywhere in this range (demos and tests); outside it, dates of the
# loan rules and the holiday tables mean nothing.
EARLIEST_NOW = datetime(2000, 1, 1)
LATEST_NOW = datetime(2099, 12, 31, 23, 59)
SEEDS = ("demo", "none")
# ``--idle-seconds``: long enough to read the warning, at most a day.
IDLE_SECONDS_RANGE = (5, 86_400)

# Command-line words ("--now", "member-client") are placeholders: they are never translated.
NOW_FORM = N_("{option} takes a date and time such as {example}.")
NOW_RANGE = N_("{option} must lie between {earliest} and {latest}.")
CHOICES = N_("{option} takes one of: {choices}.")
UNKNOWN_OPTION = N_("{option} is not an option of {program}. See {help}.")
NEEDS_VALUE = N_("{option} needs a value. See {help}.")
UNREADABLE = N_("The command line could not be read ({words}). See {help}.")
IDLE_SECONDS = N_("{option} takes a whole number of seconds from {least} to {most}.")
NEEDS_KIOSK = N_("{option} can only be used together with {needed}.")
NO_FILE = N_("The file {path} given to {option} does not exist.")
NOW_WITH_SERVER = N_(
    "With a member server ({store}) the server's clock is shown, so {option} cannot be used. "
    "Please start the server with {server_option} instead."
)
# The sentences of the store's refusals of a member server's address (as the client says them
# in viewmodels/messages.py: one message id, one translation).
STORE_REFUSALS = {
    "store_url_insecure": N_(
        "An unencrypted address (http://) can only be used for this computer. Please specify "
        "the server's https:// address."
    ),
    "store_url_unsupported": N_(
        "This kind of data location is not supported. Please specify a data file of this "
        "app or its database server."
    ),
}
ERROR_PREFIX = N_("{program}: error: {message}")
PROGRAM = "member-client"
HELP = "member-client --help"


class Options(NamedTuple):
    store_url: str | None = None
    language: str | None = None
    now: str | None = None
    seed: str = "demo"
    kiosk: bool = False
    screenshot_tour: Path | None = None
    rules: Rules | None = None  # a host setting for tests: a local store with other rules
    ca_file: str | None = None  # a CA bundle to verify an https:// member server with
    idle_seconds: int | None = None  # the idle period (kiosk: 60 s; a PC: the setting's)
    warning_seconds: int | None = None  # the countdown (tests; kiosk: 15 s, a PC: 60 s)
    kiosk_demo_reset: bool = False  # every wipe puts the demo store back to the demo members
    set_staff_pin: bool = False  # ask for the kiosk's staff PIN on the terminal, then exit


class CommandLineError(Exception):
    """A refusal of the command line: ``message`` is a message id, ``params`` its values."""

    def __init__(self, message: str, **params: str) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class _Parser(argparse.ArgumentParser):
    """argparse's own refusals (in English) never reach the member: a line it cannot read is
    refused with our sentence, naming the words as typed."""

    words: tuple[str, ...] = ()

    def error(self, message: str) -> NoReturn:
        raise CommandLineError(UNREADABLE, words=" ".join(self.words), help=HELP)


def _parser() -> _Parser:
    parser = _Parser(
        prog=PROGRAM,
        description="Kohaku Loan member client (こはくローン会員サービス)",
        exit_on_error=False,
        allow_abbrev=False,  # "--s" is no option, not a guess among --store, --seed, …
    )
    parser.add_argument(
        "--store", dest="store_url", help="sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
    )
    parser.add_argument("--lang", dest="language", help="ja or en")
    parser.add_argument("--now", help="start the clock at this instant, e.g. 2026-11-24T10:00")
    parser.add_argument("--seed", default="demo", help="demo or none")
    parser.add_argument("--kiosk", action="store_true", help="branch-counter kiosk mode")
    parser.add_argument(
        "--idle-seconds", metavar="N", help="seconds without input before the idle warning"
    )
    parser.add_argument(
        "--kiosk-demo-reset",
        action="store_true",
        help="with --kiosk: the demo store goes back to the demo members on every wipe",
    )
    parser.add_argument(
        "--set-staff-pin", action="store_true", help="set the kiosk's staff PIN, then exit"
    )
    parser.add_argument("--screenshot-tour", type=Path, metavar="DIR")
    parser.add_argument(
        "--ca", dest="ca_file", metavar="FILE", help="CA bundle for an https:// member server"
    )
    return parser


def check_now(text: str) -> str:
    """``--now`` as given, once it is a date and time within the supported range."""
    from desktop_app.domain.clock import parse_instant

    try:
        instant = parse_instant(text)
    except (ValueError, OverflowError):
        raise CommandLineError(NOW_FORM, option="--now", example="2026-11-24T10:00") from None
    local = instant.replace(tzinfo=None)
    if not EARLIEST_NOW <= local <= LATEST_NOW:
        raise CommandLineError(
            NOW_RANGE,
            option="--now",
            earliest=EARLIEST_NOW.strftime("%Y-%m-%dT%H:%M"),
            latest=LATEST_NOW.strftime("%Y-%m-%dT%H:%M"),
        )
    return text


def _options(argv: list[str]) -> Options:
    parser = _parser()
    parser.words = tuple(argv)
    try:
        args, extras = parser.parse_known_args(argv)
    except argparse.ArgumentError as error:
        if error.argument_name and error.message.startswith("expected"):
            raise CommandLineError(NEEDS_VALUE, option=error.argument_name, help=HELP) from None
        raise CommandLineError(UNREADABLE, words=" ".join(argv), help=HELP) from None
    if extras:
        raise CommandLineError(UNKNOWN_OPTION, option=extras[0], program=PROGRAM, help=HELP)
    if args.language is not None and args.language not in LANGUAGES:
        raise CommandLineError(CHOICES, option="--lang", choices=", ".join(LANGUAGES))
    if args.seed not in SEEDS:
        raise CommandLineError(CHOICES, option="--seed", choices=", ".join(SEEDS))
    if args.store_url is not None:
        check_store(args.store_url)
    if args.ca_file is not None and not Path(args.ca_file).is_file():
        raise CommandLineError(NO_FILE, option="--ca", path=args.ca_file)
    if args.now:
        check_now(args.now)
        check_clock_is_ours(args.store_url or _saved("store_url"))
    idle_seconds = None if args.idle_seconds is None else check_idle_seconds(args.idle_seconds)
    if args.kiosk_demo_reset and not args.kiosk:
        raise CommandLineError(NEEDS_KIOSK, option="--kiosk-demo-reset", needed="--kiosk")
    return Options(
        store_url=args.store_url,
        language=args.language,
        now=args.now or None,
        seed=args.seed,
        kiosk=args.kiosk,
        screenshot_tour=args.screenshot_tour,
        ca_file=args.ca_file,
        idle_seconds=idle_seconds,
        kiosk_demo_reset=args.kiosk_demo_reset,
        set_staff_pin=args.set_staff_pin,
    )


def check_idle_seconds(text: str) -> int:
    """``--idle-seconds`` as a number, once it is whole seconds within the range."""
    least, most = IDLE_SECONDS_RANGE
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or not least <= int(digits) <= most:
        raise CommandLineError(
            IDLE_SECONDS, option="--idle-seconds", least=str(least), most=str(most)
        )
    return int(digits)


def check_store(url: str) -> None:
    """A member server's address is refused here already when the client would refuse it:
    ``http://`` beyond this computer, or not an address of a server at all."""
    from desktop_app.domain.errors import AppError
    from desktop_app.store.remote.urls import check_remote_url, is_remote_url

    if is_remote_url(url):
        try:
            check_remote_url(url)
        except AppError as refusal:
            raise CommandLineError(STORE_REFUSALS[refusal.code.value]) from None


def check_clock_is_ours(store_url: str | None) -> None:
    """``--now`` moves the client's clock; with a member server the server's clock is shown."""
    from desktop_app.store.remote.urls import is_remote_url

    if store_url and is_remote_url(store_url):
        raise CommandLineError(
            NOW_WITH_SERVER, option="--now", store=store_url, server_option="member-server --now"
        )


def refusal_language(argv: list[str]) -> str:
    """The language to refuse in: a valid ``--lang`` of the line, else the saved one, else ja."""
    for index, word in enumerate(argv):
        value = None
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--lang="):
            value = word.split("=", 1)[1]
        if value in LANGUAGES:
            return value
    saved = _saved("language")
    return saved if saved in LANGUAGES else "ja"


def _saved(key: str) -> str | None:
    """A setting saved by the client (the language, the store of the settings screen)."""
    import configparser

    from desktop_app.paths import user_config_dir

    saved = configparser.ConfigParser(interpolation=None)
    try:
        saved.read(user_config_dir() / "settings.ini", encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    return saved.get("General", key, fallback=None)


def message_of(error: CommandLineError, language: str) -> str:
    catalog = load_catalog(language)
    text = catalog.gettext(error.message).format(**error.params)
    return catalog.gettext(ERROR_PREFIX).format(program=PROGRAM, message=text)


def parse_args(argv: list[str] | None = None) -> Options:
    """The options of ``argv``; on a refusal, the sentence goes to stderr and the process
    exits with status 2 (as argparse would), in the interface language."""
    words = list(sys.argv[1:] if argv is None else argv)
    if any(word in ("-h", "--help") for word in words):
        _parser().parse_args(["--help"])  # prints the help and exits 0
    try:
        return _options(words)
    except CommandLineError as error:
        print(message_of(error, refusal_language(words)), file=sys.stderr)
        raise SystemExit(2) from None
