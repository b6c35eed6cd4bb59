"""The command line refuses what it cannot use, before any window, in the interface language."""

from __future__ import annotations

import pytest

from desktop_app.cli import parse_args


def _refusal(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        parse_args(list(argv))
    assert stopped.value.code == 2
    return capsys.readouterr().err.strip()


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (
            ("--now", "0001-01-01T00:00"),
            "member-client: エラー: --now には 2000-01-01T00:00 から 2099-12-31T23:59 までの日時を"
            "指定してください。",
        ),
        (
            ("--now", "tomorrow"),
            "member-client: エラー: --now には 2026-11-24T10:00 のような日時を指定してください。",
        ),
        (
            ("--seed", "all"),
            "member-client: エラー: --seed には次のいずれかを指定してください: demo, none",
        ),
        (
            ("--lang", "fr"),
            "member-client: エラー: --lang には次のいずれかを指定してください: ja, en",
        ),
        (
            ("--kiosks",),
            "member-client: エラー: --kiosks は member-client のオプションではありません。"
            "member-client --help をご覧ください。",
        ),
        (
            ("--store",),
            "member-client: エラー: --store には値を指定してください。member-client --help を"
            "ご覧ください。",
        ),
    ],
    ids=["now-out-of-range", "now-not-a-date", "seed", "lang", "unknown-option", "no-value"],
)
def test_refusals_are_in_japanese_by_default(capsys, argv, sentence):
    assert _refusal(capsys, *argv) == sentence


def test_refusals_follow_the_language_asked_for(capsys):
    assert _refusal(capsys, "--lang", "en", "--now", "9999-01-01T00:00") == (
        "member-client: error: --now must lie between 2000-01-01T00:00 and 2099-12-31T23:59."
    )


def test_a_good_line_is_taken_as_given():
    options = parse_args(["--lang", "en", "--now", "2026-11-24T10:00", "--seed", "none"])
    assert (options.language, options.now, options.seed) == ("en", "2026-11-24T10:00", "none")


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (
            ("--s", "x"),  # no guessing among --store, --seed and --screenshot-tour
            "member-client: エラー: --s は member-client のオプションではありません。"
            "member-client --help をご覧ください。",
        ),
        (
            ("--kiosk=1",),
            "member-client: エラー: コマンドラインの指定を読み取れませんでした（--kiosk=1）。"
            "member-client --help をご覧ください。",
        ),
    ],
    ids=["abbreviation", "flag-with-a-value"],
)
def test_what_argparse_itself_refuses_is_said_in_japanese_too(capsys, argv, sentence):
    assert _refusal(capsys, *argv) == sentence
