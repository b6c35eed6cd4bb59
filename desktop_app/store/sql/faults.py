"""Driver and file-system faults become ``AppError`` codes here, and only here.

Every transaction and the opening of the store run inside ``translated``: a damaged file, a
read-only store, a full disk, a lost server each get their own code, and the cause (the
exception class, the driver's error name or SQLSTATE and its first line) goes to the log.
Never the SQL parameters: SQLAlchemy's message carries them, so it is not logged.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc

from desktop_app.domain.errors import AppError, ErrorCode

logger = logging.getLogger("desktop_app.store")

# SQLite primary result codes (the low byte of an extended code).
_SQLITE_CODES = {
    8: ErrorCode.STORE_READ_ONLY,  # SQLITE_READONLY
    11: ErrorCode.STORE_CORRUPT,  # SQLITE_CORRUPT
    13: ErrorCode.STORE_DISK_FULL,  # SQLITE_FULL
    26: ErrorCode.STORE_CORRUPT,  # SQLITE_NOTADB
}

# PostgreSQL SQLSTATEs, exact first, then by class.
_SQLSTATES = {
    "25006": ErrorCode.STORE_READ_ONLY,  # read_only_sql_transaction
    "53100": ErrorCode.STORE_DISK_FULL,  # disk_full
    "XX001": ErrorCode.STORE_CORRUPT,  # data_corrupted
    "XX002": ErrorCode.STORE_CORRUPT,  # index_corrupted
}

_OS_ERRNOS = {
    errno.EROFS: ErrorCode.STORE_READ_ONLY,
    errno.EACCES: ErrorCode.STORE_READ_ONLY,
    errno.EPERM: ErrorCode.STORE_READ_ONLY,
    errno.ENOSPC: ErrorCode.STORE_DISK_FULL,
    errno.EDQUOT: ErrorCode.STORE_DISK_FULL,
}


def fault_code(exc: BaseException) -> ErrorCode | None:
    """The code for a store fault, or ``None`` when ``exc`` is not one (a constraint firing,
    a programming error: those are the caller's to handle or to let through)."""
    return _fault(exc)[0]


def _fault(exc: BaseException) -> tuple[ErrorCode | None, BaseException]:
    """The code and the exception that tells it. A fault may hide behind the error of the
    clean-up it broke (SQLite rolls a whole transaction back on SQLITE_FULL, so releasing
    the savepoint then fails): the chain of causes is searched for the telling one."""
    code = _own_code(exc)
    if code is None or code is ErrorCode.STORE_UNAVAILABLE:
        earlier = exc.__cause__ or exc.__context__
        for _ in range(8):
            if earlier is None:
                break
            found = _own_code(earlier)
            if found is not None and found is not ErrorCode.STORE_UNAVAILABLE:
                return found, earlier
            earlier = earlier.__cause__ or earlier.__context__
    return code, exc


def _own_code(exc: BaseException) -> ErrorCode | None:
    if isinstance(exc, sa_exc.IntegrityError):
        return None
    if isinstance(exc, sqlite3.Error):  # the driver's own error, found in a chain
        return _SQLITE_CODES.get(getattr(exc, "sqlite_errorcode", 0) & 0xFF)
    if isinstance(exc, sa_exc.DBAPIError):
        orig = exc.orig
        if isinstance(orig, sqlite3.Error):
            code = _SQLITE_CODES.get(getattr(orig, "sqlite_errorcode", 0) & 0xFF)
            if code is not None:
                return code
        sqlstate = getattr(orig, "sqlstate", None)
        if isinstance(sqlstate, str) and sqlstate in _SQLSTATES:
            return _SQLSTATES[sqlstate]
        if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError) or type(exc) in (
            sa_exc.DatabaseError,
            sa_exc.InternalError,
        ):
            return ErrorCode.STORE_UNAVAILABLE
        return None
    if isinstance(exc, sa_exc.TimeoutError):  # no connection free in the pool
        return ErrorCode.STORE_UNAVAILABLE
    if isinstance(exc, OSError):
        return _OS_ERRNOS.get(exc.errno or 0, ErrorCode.STORE_UNAVAILABLE)
    return None


def describe(exc: BaseException) -> str:
    """The cause for the log: class, driver error name or SQLSTATE, the first line."""
    cause = exc.orig if isinstance(exc, sa_exc.DBAPIError) else exc
    name = getattr(cause, "sqlite_errorname", None) or getattr(cause, "sqlstate", None)
    first_line = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    label = f"{type(cause).__module__}.{type(cause).__qualname__}"
    return f"{label} [{name}]: {first_line}" if name else f"{label}: {first_line}"


def log_fault(code: ErrorCode, during: str, cause: str) -> None:
    logger.error("store fault %s while %s: %s", code.value, during, cause)


@contextmanager
def translated(during: str) -> Iterator[None]:
    """Turn a store fault raised inside the block into ``AppError(code)``, logging its cause;
    everything else (refusals, constraint errors, bugs) passes through untouched."""
    try:
        yield
    except AppError:
        raise
    except Exception as exc:
        code, telling = _fault(exc)
        if code is None:
            raise
        log_fault(code, during, describe(telling))
        raise AppError(code) from exc
