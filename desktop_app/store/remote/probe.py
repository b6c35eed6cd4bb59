"""``probe_store``: does a store answer at this URL? The settings screen asks before it
switches to another store (its "check the connection" button), in a worker thread.

A member server is asked for ``GET {base}/health`` (200 once it takes requests), with the
timeouts of the remote store (connect 3 s, read 10 s) and its certificate verified against
the system's CA store or ``ca_file``. A database URL is opened the way ``open_store`` opens it
(checked, created or migrated when it is ours and empty or older) and closed again.
"""

from __future__ import annotations

import logging
import ssl
from typing import TYPE_CHECKING

from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store.remote.urls import check_remote_url, is_remote_url

if TYPE_CHECKING:
    import httpx

CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 10.0
HEALTH = "/health"

_log = logging.getLogger("desktop_app.store")


def probe_store(url: str, *, ca_file: str | None = None) -> None:
    """Return when a store answers at ``url``; else raise ``AppError``:

    STORE_URL_UNSUPPORTED (not a store URL), STORE_URL_INSECURE (``http://`` beyond this
    computer), STORE_CERTIFICATE_INVALID (the server's certificate does not verify),
    STORE_UNAVAILABLE (nothing answers, or not with 200), and for a database what opening
    it raises (STORE_NOT_PERSISTENT, STORE_FOREIGN, STORE_SCHEMA_NEWER, …).
    """
    if is_remote_url(url):
        _probe_server(check_remote_url(url), ca_file)
    elif url.strip().startswith(("sqlite", "postgresql")):
        _probe_database(url.strip())
    else:
        raise AppError(ErrorCode.STORE_URL_UNSUPPORTED)


def _probe_server(base: str, ca_file: str | None) -> None:
    import httpx

    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    verify = _verification(ca_file) if base.startswith("https://") else True
    try:
        with httpx.Client(verify=verify, timeout=timeout) as client:
            response = client.get(base + HEALTH)
    except httpx.HTTPError as error:
        if _certificate_refused(error):
            _log.warning("store probe: the certificate of %s did not verify", base)
            raise AppError(ErrorCode.STORE_CERTIFICATE_INVALID) from None
        _log.info("store probe: %s did not answer (%s)", base, type(error).__name__)
        raise AppError(ErrorCode.STORE_UNAVAILABLE) from None
    _check_health(base, response)


def _verification(ca_file: str | None) -> ssl.SSLContext:
    """The system's CA store, or the bundle ``ca_file`` alone."""
    try:
        return ssl.create_default_context(cafile=ca_file)
    except (OSError, ssl.SSLError):
        _log.warning("store probe: the CA bundle could not be read")
        raise AppError(ErrorCode.STORE_CERTIFICATE_INVALID) from None


def _certificate_refused(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(error)


def _check_health(base: str, response: httpx.Response) -> None:
    if response.status_code != 200:
        _log.info("store probe: %s%s answered %s", base, HEALTH, response.status_code)
        raise AppError(ErrorCode.STORE_UNAVAILABLE)


def _probe_database(url: str) -> None:
    from desktop_app.domain.clock import SystemClock
    from desktop_app.store import open_store

    store = open_store(url, SystemClock(), seed=False)
    store.close()
