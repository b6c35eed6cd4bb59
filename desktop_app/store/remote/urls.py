"""Which addresses of a member server the client accepts: ``https://`` anywhere, ``http://``
only to this computer (a loopback address), nothing else."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from desktop_app.domain.errors import AppError, ErrorCode

REMOTE_SCHEMES = ("http://", "https://")


def is_remote_url(url: str) -> bool:
    """True when ``url`` names a member server rather than a database."""
    return url.strip().lower().startswith(REMOTE_SCHEMES)


def _loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_remote_url(url: str) -> str:
    """The server's base address (no trailing slash) for ``url``.

    Refuses STORE_URL_UNSUPPORTED (not http(s), no host, a query, a fragment or credentials
    in the address) and STORE_URL_INSECURE (``http://`` to anything but a loopback address:
    passwords and tokens would cross the network in clear).
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port  # raises ValueError on a port out of range
    except ValueError:
        raise AppError(ErrorCode.STORE_URL_UNSUPPORTED) from None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if (
        scheme not in ("http", "https")
        or not host
        or parts.query
        or parts.fragment
        or parts.username is not None
        or parts.password is not None
    ):
        raise AppError(ErrorCode.STORE_URL_UNSUPPORTED)
    if scheme == "http" and not _loopback(host):
        raise AppError(ErrorCode.STORE_URL_INSECURE)
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    path = parts.path.rstrip("/")
    return f"{scheme}://{netloc}{path}"
