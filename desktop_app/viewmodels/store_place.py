"""The store in use as a member reads it: 「このパソコン内のデータ（members.db）」, a member
server by its https address, a PostgreSQL database by its host and name — never a raw
developer URL, a user name or a password."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from desktop_app.i18n import N_, _

LOCAL_FILE = N_("Data on this computer ({file})")
LOCAL_MEMORY = N_("Data on this computer (kept only while the app runs)")
LOCAL_PATH = N_("Saved in {path}")
SERVER = N_("The member server {address}")
DATABASE = N_("The database {database} on {host}")
OTHER = N_("The data location {address}")


@dataclass(frozen=True)
class StorePlace:
    """``text``: the line a member reads; ``detail``: where exactly, for a secondary line
    and the tool tip ("" when the text says it all)."""

    text: str
    detail: str = ""


def describe_store(url: str) -> StorePlace:
    """The store at ``url`` in the interface language."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme.startswith("sqlite"):
        return _local(url.split("://", 1)[1])
    if scheme in ("http", "https"):
        return StorePlace(_(SERVER).format(address=_address(url)))
    if scheme.startswith("postgresql"):
        return _database(url)
    return StorePlace(_(OTHER).format(address=_address(url) if scheme else url))


def _local(rest: str) -> StorePlace:
    """``rest``: what follows ``sqlite://`` (``/relative.db``, ``//absolute/path.db``, or
    nothing for a database in memory)."""
    path = rest[1:] if rest.startswith("/") else rest
    path = path.split("?", 1)[0]
    if path in ("", ":memory:"):
        return StorePlace(_(LOCAL_MEMORY))
    file = re.split(r"[\\/]", path)[-1] or path
    return StorePlace(_(LOCAL_FILE).format(file=file), _(LOCAL_PATH).format(path=path))


def _host(url: str) -> str:
    """The host (with its port when one is named) of ``url``: no user name, no password."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address keeps its brackets
    try:
        port = parts.port
    except ValueError:
        port = None
    return f"{host}:{port}" if host and port else host


def _address(url: str) -> str:
    """``https://members.example.jp/api`` — the scheme, host and path; never a user name, a
    password, a query or a fragment."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{_host(url)}{parts.path.rstrip('/')}"


def _database(url: str) -> StorePlace:
    parts = urlsplit(url)
    database = parts.path.lstrip("/") or "postgres"  # never the user name it may default to
    host = _host(url)
    if not host:  # a socket given as ``?host=/run/postgresql``, or libpq's default
        socket = parse_qs(parts.query).get("host", [""])[0]
        host = socket or "localhost"
    return StorePlace(_(DATABASE).format(database=database, host=host))
