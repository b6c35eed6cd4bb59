"""Faults of the store file, met through the real widgets (issue 13, point 2): a full disk
(a real tmpfs filled up while a member is signed in), a read-only folder (the same tmpfs
remounted read-only), a corrupted file and a store from a newer schema version. Each shows
a clear Japanese sentence, writes a log line, shows no traceback, and loses nothing that was
committed before; a damaged or newer file is never written to."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.testing import close_all

from .conftest import LogFile, assert_no_traceback, file_path, shown_text

DISK_FULL = (
    "ディスクの空き容量が不足しているため、保存できませんでした（内容は変更されていません）。"
    "空き容量を確保してから、もう一度お試しください。"
)
READ_ONLY_NOTICE = (
    "データファイルに書き込めないため、照会のみご利用いただけます。"
    "お借入れ・ご返済などのお手続きはできません。"
)
NOT_WRITTEN = "書き込み権限をご確認ください"
CORRUPT = "データファイルが破損しているため、読み込めません。バックアップから復元するか、"
NEWER = (
    "データが新しいバージョンのアプリで保存されているため、このバージョンでは開けません。"
    "アプリを最新版に更新してください。"
)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 16 MiB tmpfs (unmounted at the end); skipped, saying why, where mount is not
    permitted."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m,mode=0755", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"a tmpfs cannot be mounted here: {mounted.stderr.strip() or 'not root'}")
    try:
        yield folder
    finally:
        close_all()
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> Path:
    """Write a file until the disk has no byte left; the filler's path."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(descriptor, bytes(64 * 1024))
    except OSError as exc:
        assert exc.errno == 28
    try:
        while True:
            os.write(descriptor, b"\0")
    except OSError as exc:
        assert exc.errno == 28
    os.close(descriptor)
    return filler


def _borrow(d, amount: str) -> str:
    d.click("navBorrow")
    d.type("borrowAmountInput", amount)
    d.click("borrowConfirmButton")
    d.confirm_dialog()
    error = d.visible_text("borrowError")
    d.click("navHome")
    return error


def _ledger_rows(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        (rows,) = db.execute("SELECT COUNT(*) FROM ledger").fetchone()
    db.close()
    return int(rows)


def test_a_full_disk_refuses_a_borrowing_and_keeps_what_was_saved(
    drive, small_disk: Path, log_file: LogFile
) -> None:
    url = f"sqlite:///{small_disk / 'members.db'}"
    d = drive(store_url=url)
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert _borrow(d, "10000") == ""
    assert d.text("balanceLabel") == "130,000円"
    rows = _ledger_rows(small_disk / "members.db")

    filler = _fill(small_disk)
    assert DISK_FULL in _borrow(d, "20000")
    assert_no_traceback(d.window)
    assert d.text("balanceLabel") == "130,000円"
    assert d.text("availableLabel") == "370,000円"
    assert "store_disk_full" in log_file.text()
    assert "SQLITE_FULL" in log_file.text()
    assert d.screen() == "homeScreen"  # still signed in, still running

    filler.unlink()  # space freed: the next try goes through
    assert _borrow(d, "20000") == ""
    assert d.text("balanceLabel") == "150,000円"
    close_all()
    assert _ledger_rows(small_disk / "members.db") == rows + 1  # nothing half-saved

    d = drive(store_url=url)
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.text("balanceLabel") == "150,000円"


def test_a_store_in_a_read_only_folder_is_viewed_not_changed(
    drive, small_disk: Path, log_file: LogFile
) -> None:
    """The folder is a real read-only file system (the tmpfs remounted read-only): root
    cannot write there either, so nothing is faked."""
    url = f"sqlite:///{small_disk / 'members.db'}"
    d = drive(store_url=url)
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert _borrow(d, "10000") == ""
    close_all()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    before = {p.name: p.read_bytes() for p in small_disk.iterdir()}

    d = drive(store_url=url)
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "homeScreen"
    assert d.text("balanceLabel") == "130,000円"
    assert d.visible_text("messageBanner") == READ_ONLY_NOTICE
    assert NOT_WRITTEN in _borrow(d, "10000")
    assert d.text("balanceLabel") == "130,000円"
    assert_no_traceback(d.window)
    assert "store_read_only" in log_file.text()
    close_all()
    assert {p.name: p.read_bytes() for p in small_disk.iterdir()} == before


def _corrupt_header(path: Path) -> tuple[int, int]:
    data = bytearray(path.read_bytes())
    data[:100] = os.urandom(100)
    path.write_bytes(bytes(data))
    return 0, len(data)  # nothing can be read: the whole file stays as it is


def _corrupt_accounts_page(path: Path) -> tuple[int, int]:
    """Random bytes over the root page of the loan accounts' table (signing in, before the
    account is read, still records the session elsewhere in the file: that page stays)."""
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        (root,) = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'loan_accounts'"
        ).fetchone()
    db.close()
    with open(path, "r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(os.urandom(page_size))
    return (root - 1) * page_size, page_size


@pytest.mark.parametrize("damage", [_corrupt_header, _corrupt_accounts_page])
def test_a_corrupted_file_is_named_and_never_overwritten(
    drive, store_url: str, log_file: LogFile, damage
) -> None:
    drive()
    close_all()
    path = file_path(store_url)
    start, size = damage(path)
    before = path.read_bytes()[start : start + size]

    d = drive()
    d.sign_in_web("yamada2026", "Taro2026pass")
    if d.screen() == "loginScreen":  # the damage is met at start-up or signing in
        assert CORRUPT in d.visible_text("loginError")
    else:  # or, with the members' pages intact, when the account is read: no figure shown
        assert d.screen() == "homeScreen"
        assert CORRUPT in shown_text(d.window)
        assert d.text("balanceLabel") == ""
        assert d.text("availableLabel") == ""
    assert_no_traceback(d.window)
    assert "store_corrupt" in log_file.text()
    close_all()
    assert path.read_bytes()[start : start + size] == before  # never "repaired" over


def test_a_store_from_a_newer_version_is_refused_and_left_as_it_is(
    drive, store_url: str, log_file: LogFile
) -> None:
    drive()
    close_all()
    path = file_path(store_url)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("UPDATE alembic_version SET version_num = '0099'")
    db.close()
    before = {p.name: p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name)}

    d = drive()
    assert d.visible_text("loginError") == NEWER
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "loginScreen"
    assert d.visible_text("loginError") == NEWER
    assert_no_traceback(d.window)
    assert "0099" in log_file.text()
    close_all()
    after = {p.name: p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name)}
    assert after == before
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("0099",)]
    db.close()
