"""Where packaged data and the user's folders are.

In a wheel, resources/ and i18n/ are packaged as ``desktop_app/_data``; in a checkout (or an
editable install) they sit at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "member-client"
APP_AUTHOR = "KohakuLoan"

_PACKAGE = Path(__file__).resolve().parent


def data_root() -> Path:
    packaged = _PACKAGE / "_data"
    return packaged if packaged.is_dir() else _PACKAGE.parent


def resources_dir() -> Path:
    return data_root() / "resources"


def catalogs_dir() -> Path:
    return data_root() / "i18n"


def user_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, ensure_exists=True))


def user_config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR, ensure_exists=True))


def user_log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR, ensure_exists=True))


def default_store_url() -> str:
    return f"sqlite:///{user_data_dir() / 'members.db'}"
