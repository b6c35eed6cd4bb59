"""The one handler of every unexpected exception: a slot, a lambda connected to a signal, a
timer's callback (Qt hands those to ``sys.excepthook``), a thread (``threading.excepthook``)
and a worker of the operation runner (its failure path calls ``report``).

``report`` writes the traceback to the log with secrets removed and tells the screen
(``reporter().unexpected``, a signal: queued to the GUI thread when raised elsewhere), which
shows the member a polite sentence and the support line (views/crash_notice.py). The app
keeps running.

Secrets never reach the log: a traceback prints no locals, but an exception's message or a
repr may carry a password, a PIN, a code or a session token. ``redact`` removes

- the secrets the client was given lately (``remember_secret``): it keeps only keyed digests
  of them, never the text, so nothing here keeps a password alive in memory; every stretch
  of the text as long as one of them is compared by its digest;
- what looks like one: ``password=…``, ``pin: …``, ``token='…'``, ``Bearer …`` and long
  random-looking runs of letters and digits (session tokens).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import threading
import traceback
from collections import deque
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    import logging

MASK = "[secret]"
_REMEMBERED = 64  # the latest secrets are enough: a session uses a handful
_MIN_SECRET = 4  # a PIN; shorter values are not worth a digest (and would mask at random)
_KEY = os.urandom(16)
_digests: deque[tuple[int, bytes]] = deque(maxlen=_REMEMBERED)
_lock = threading.Lock()

_FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}

_NAMED = re.compile(
    r"(?i)(?P<key>pass(?:word|wd)?|pwd|pin|otp|code|secret|token|session|authorization)"
    r"(?P<sep>['\"]?\s*[:=]\s*)(?P<quote>(?:[bu](?=['\"]))?['\"]?)"
    r"(?P<value>(?:(?:bearer|basic)\s+)?[^\s'\",;)}\]]+)"
)
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{4,}")
# A session token (token_urlsafe): long, and a mix of upper case, lower case and digits.
_RANDOM = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{24,}(?![A-Za-z0-9_-])")


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=_KEY, digest_size=16).digest()


def remember_secret(value: str) -> None:
    """The client holds this secret now (a typed password or PIN, a code, a token): mask it,
    and its full-width form, wherever it shows up in a log line or a report."""
    if len(value) < _MIN_SECRET:
        return
    with _lock:
        for form in {value, value.translate(_FULL_WIDTH)}:
            entry = (len(form), _digest(form))
            if entry not in _digests:
                _digests.append(entry)


def _mask_remembered(text: str) -> str:
    with _lock:
        entries = list(_digests)
    if not entries:
        return text
    wanted: dict[int, set[bytes]] = {}
    for length, digest in entries:
        wanted.setdefault(length, set()).add(digest)
    spans: list[tuple[int, int]] = []
    for length, digests in wanted.items():
        for start in range(len(text) - length + 1):
            if _digest(text[start : start + length]) in digests:
                spans.append((start, start + length))
    if not spans:
        return text
    masked, last = [], 0
    for start, end in sorted(spans):
        if end <= last:
            continue
        masked.append(text[last : max(start, last)])
        masked.append(MASK)
        last = end
    masked.append(text[last:])
    return "".join(masked)


def _looks_random(run: str) -> bool:
    return (
        any(c.isupper() for c in run)
        and any(c.islower() for c in run)
        and any(c.isdigit() for c in run)
    )


def redact(text: str) -> str:
    """``text`` without any secret the client knows of or that looks like one."""
    text = _mask_remembered(text)
    text = _BEARER.sub(lambda m: f"{m[1]} {MASK}", text)
    text = _NAMED.sub(lambda m: f"{m['key']}{m['sep']}{m['quote']}{MASK}", text)
    return _RANDOM.sub(lambda m: MASK if _looks_random(m[0]) else m[0], text)


def redacting_formatter(fmt: str) -> logging.Formatter:
    """A log formatter whose every line (tracebacks included) goes through ``redact``."""
    import logging

    class RedactingFormatter(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            return redact(super().format(record))

    return RedactingFormatter(fmt)


class Reporter(QObject):
    """Signals:
    unexpected(): an unexpected exception was caught (from any thread)."""

    unexpected = Signal()


_reporter: list[Reporter] = []


def reporter() -> Reporter:
    """The one reporter the notices listen to (made on first use, in the GUI thread)."""
    if not _reporter:
        _reporter.append(Reporter())
    return _reporter[0]


def _log() -> logging.Logger:
    import logging

    return logging.getLogger("desktop_app.crash")


def report(
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
    where: str,
) -> None:
    """Log the exception's traceback without secrets and tell the screen. Never raises."""
    try:
        text = redact("".join(traceback.format_exception(kind, error, trace)))
        _log().error("unexpected exception in %s\n%s", where, text.rstrip())
        if _reporter:
            _reporter[0].unexpected.emit()
    except Exception:  # pragma: no cover - the handler itself must never bring the app down
        with contextlib.suppress(Exception):
            sys.__stderr__.write("member-client: the error handler failed\n")  # type: ignore[union-attr]


def report_current(where: str) -> None:
    """``report`` the exception being handled (inside an ``except`` block)."""
    kind, error, trace = sys.exc_info()
    if kind is not None and error is not None:
        report(kind, error, trace, where)


class _Hooks:
    """The hooks in place before ours: chained to when a test tool installed them (pytest-qt
    fails the test on an exception in a slot), never Python's defaults (they print the
    unredacted traceback to stderr)."""

    def __init__(self) -> None:
        self.excepthook = sys.excepthook
        self.threading = threading.excepthook


_previous: list[_Hooks] = []


def _excepthook(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    report(kind, error, trace, "the GUI thread")
    previous = _previous[-1].excepthook if _previous else sys.__excepthook__
    if previous is not sys.__excepthook__:
        previous(kind, error, trace)


def _threading_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "a thread"
    report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")
    previous = _previous[-1].threading if _previous else threading.__excepthook__
    if previous is not threading.__excepthook__:
        previous(args)


def install() -> Reporter:
    """Make ``report`` the handler of ``sys.excepthook`` and ``threading.excepthook``
    (again if something replaced them since); returns the reporter to listen to."""
    hub = reporter()
    if sys.excepthook is not _excepthook or threading.excepthook is not _threading_hook:
        hooks, old = _Hooks(), _previous[-1] if _previous else None
        if hooks.excepthook is _excepthook:
            hooks.excepthook = old.excepthook if old else sys.__excepthook__
        if hooks.threading is _threading_hook:
            hooks.threading = old.threading if old else threading.__excepthook__
        _previous[:] = [hooks]
        sys.excepthook = _excepthook
        threading.excepthook = _threading_hook
    return hub
