"""The catalogs are complete and compiled, Qt's own buttons speak Japanese, formats hold."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from desktop_app import i18n

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _catalog(lang: str):
    with (ROOT / "i18n" / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_catalog_is_complete_not_fuzzy_and_keeps_placeholders(lang):
    problems = []
    for message in _catalog(lang):
        if not message.id:
            continue
        if not message.string:
            problems.append(("missing", message.id))
        elif message.fuzzy:
            problems.append(("fuzzy", message.id))
        elif sorted(PLACEHOLDER.findall(message.id)) != sorted(PLACEHOLDER.findall(message.string)):
            problems.append(("placeholders", message.id))
    assert problems == []


def _without_allowed_words(text: str) -> str:
    text = PLACEHOLDER.sub("", text)
    for word in ("Web-ID", "CSV", "Caps Lock"):
        text = text.replace(word, "")
    return text


def test_japanese_catalog_has_no_english_sentences():
    leaks = [
        m.string
        for m in _catalog("ja")
        if m.id
        # Web-ID, CSV, SMS and the Caps Lock key are the words members see on screen and keys
        and re.search(r"[A-Za-z]{4,}", _without_allowed_words(m.string))
    ]
    assert leaks == []


def test_template_matches_the_source(tmp_path):
    """Every marked string in the code is in messages.pot (run `make i18n` after edits)."""
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            "-k",
            "_",
            "-k",
            "N_",
            "--no-location",
            "-o",
            str(fresh),
            str(ROOT / "desktop_app"),
        ],
        check=True,
        capture_output=True,
    )
    with fresh.open("rb") as a, (ROOT / "i18n" / "messages.pot").open("rb") as b:
        assert {m.id for m in read_po(a)} == {m.id for m in read_po(b)}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_compiled_catalog_matches_its_source(lang):
    folder = ROOT / "i18n" / lang / "LC_MESSAGES"
    with (folder / "messages.mo").open("rb") as handle:
        compiled = {m.id: m.string for m in read_mo(handle) if m.id}
    source = {m.id: m.string for m in _catalog(lang) if m.id}
    assert compiled == source


def test_qt_standard_buttons_read_japanese(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    i18n.set_language("ja")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "キャンセル"
    finally:
        i18n.set_language("ja")


def test_formats_follow_the_contract(qapp):
    i18n.set_language("ja")
    assert i18n.format_yen(120000) == "120,000円"
    assert i18n.format_date(date(2026, 11, 25)) == "2026年11月25日(水)"
    assert i18n.format_time(datetime(2026, 11, 25, 9, 30)) == "9:30"
    assert i18n.format_rate(Decimal("0.18")) == "18.0%"
    i18n.set_language("en")
    try:
        assert i18n.format_yen(120000) == "¥120,000"
        assert i18n.format_date(date(2026, 11, 25)) == "Wed, Nov 25, 2026"
        assert i18n._("Sign in") == "Sign in"
    finally:
        i18n.set_language("ja")
    assert i18n._("Sign in") == "ログイン"
