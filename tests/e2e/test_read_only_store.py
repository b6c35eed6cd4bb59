"""A store file that cannot be written can still be viewed (issue 8, point 9; decision 13):
the member signs in, sees the account and a banner saying only viewing is possible, and a
change is refused with the store's own sentence. Nothing is written to the file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from desktop_app.store.sql import engine as engine_module
from desktop_app.testing import close_all

READ_ONLY_NOTICE = (
    "データファイルに書き込めないため、照会のみご利用いただけます。"
    "お借入れ・ご返済などのお手続きはできません。"
)
NOT_WRITTEN = "書き込み権限をご確認ください"


def _make_read_only(path: Path, monkeypatch) -> None:
    """Take the write permission away (root passes every permission check, so the store's
    check is told so too, as in the store tests)."""
    path.chmod(0o444)
    real_access = engine_module.os.access

    def access(name: Any, mode: int, **kwargs: Any) -> bool:
        if Path(name) == path and mode & os.W_OK:
            return False
        return real_access(name, mode, **kwargs)

    monkeypatch.setattr(engine_module.os, "access", access)


def test_a_read_only_store_file_is_viewed_not_changed(drive, store_url, monkeypatch):
    drive()  # the first start seeds the demo members
    close_all()
    path = Path(store_url.removeprefix("sqlite:///"))
    _make_read_only(path, monkeypatch)
    before = path.read_bytes()

    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "homeScreen"
    assert d.text("memberNameLabel") == "山田 太郎 様"
    assert d.text("balanceLabel") == "120,000円"
    assert d.text("availableLabel") == "380,000円"
    assert d.visible_text("messageBanner") == READ_ONLY_NOTICE

    d.click("navBorrow")
    d.type("borrowAmountInput", "10000")
    d.click("borrowConfirmButton")
    d.confirm_dialog()
    assert NOT_WRITTEN in d.visible_text("borrowError")
    assert d.text("borrowResultLabel") == ""
    assert d.visible_text("messageBanner") == READ_ONLY_NOTICE
    d.click("navHome")
    assert d.text("balanceLabel") == "120,000円"

    d.click("logoutButton")
    assert d.screen() == "loginScreen"
    assert READ_ONLY_NOTICE not in d.text("messageBanner")
    close_all()
    assert path.read_bytes() == before
