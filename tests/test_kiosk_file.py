"""The kiosk's configuration file and ``member-client --set-staff-pin``: the PIN is asked
twice without echo, checked, stored as an argon2 hash only, and never printed or logged."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest

from desktop_app.__main__ import main
from desktop_app.domain.clock import TOKYO
from desktop_app.domain.staff import StaffVerdict
from desktop_app.kiosk_file import KioskFile, kiosk_file_path, set_staff_pin

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)
PIN = "24681357"


def _answers(*texts: str):
    given = list(texts)
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return given.pop(0)

    ask.prompts = prompts  # type: ignore[attr-defined]
    return ask


def test_the_pin_is_asked_twice_and_only_its_hash_is_kept(capsys, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    ask = _answers(PIN, PIN)
    monkeypatch.setattr("getpass.getpass", ask)
    assert main(["--set-staff-pin", "--lang", "en"]) == 0
    assert ask.prompts == ["Staff PIN (4 to 8 digits): ", "The same staff PIN again: "]
    stored = kiosk_file_path().read_text(encoding="utf-8")
    assert "$argon2id$" in stored and PIN not in stored
    said = capsys.readouterr()
    assert PIN not in said.out + said.err
    assert "The staff PIN of this kiosk has been set" in said.err
    assert all(PIN not in record.getMessage() for record in caplog.records)
    assert KioskFile().check(PIN, NOW).verdict is StaffVerdict.ACCEPTED


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        (("123",), "A staff PIN has 4 to 8 half-width digits. Nothing was changed."),
        (("１２３４",), "A staff PIN has 4 to 8 half-width digits. Nothing was changed."),
        (("1234", "4321"), "The two PINs are not the same. Nothing was changed."),
    ],
    ids=["short", "full-width", "mismatch"],
)
def test_a_pin_that_will_not_do_changes_nothing(capsys, answers, said):
    KioskFile().set_pin("9999")
    before = kiosk_file_path().read_text(encoding="utf-8")
    assert set_staff_pin("en", ask=_answers(*answers)) == 2
    assert capsys.readouterr().err.strip() == said
    assert kiosk_file_path().read_text(encoding="utf-8") == before


def test_the_terminal_speaks_japanese_by_default(capsys):
    assert set_staff_pin("ja", ask=_answers("12", "12")) == 2
    assert capsys.readouterr().err.strip() == (
        "係員用PINは半角数字4～8桁です。何も変更していません。"
    )


def test_no_file_means_no_pin():
    assert KioskFile().state(NOW).verdict is StaffVerdict.NOT_CONFIGURED
    assert KioskFile().check("1234", NOW).verdict is StaffVerdict.NOT_CONFIGURED


def test_the_lock_is_kept_in_the_file_and_survives_a_restart():
    KioskFile().set_pin(PIN)
    assert KioskFile().check("0000", NOW).tries_left == 2
    assert KioskFile().check("0000", NOW).tries_left == 1
    locked = KioskFile().check("0000", NOW)
    assert (locked.verdict, locked.locked_until) == (
        StaffVerdict.LOCKED,
        NOW + timedelta(minutes=5),
    )
    restarted = KioskFile(kiosk_file_path())  # a new process reads the same file
    assert restarted.check(PIN, NOW + timedelta(minutes=4)).verdict is StaffVerdict.LOCKED
    assert restarted.check(PIN, NOW + timedelta(minutes=5)).verdict is StaffVerdict.ACCEPTED
    assert restarted.state(NOW).tries_left == 3  # the right PIN starts the count again


def test_a_new_pin_ends_a_lock():
    KioskFile().set_pin(PIN)
    for _ in range(3):
        KioskFile().check("0000", NOW)
    KioskFile().set_pin("1357")
    assert KioskFile().check("1357", NOW).verdict is StaffVerdict.ACCEPTED


def test_a_file_that_holds_no_hash_holds_no_pin():
    kiosk_file_path().write_text("[staff]\npin_hash = 1234\n", encoding="utf-8")
    assert KioskFile().check("1234", NOW).verdict is StaffVerdict.NOT_CONFIGURED
