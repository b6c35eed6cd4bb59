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


def test_a_ca_bundle_that_does_not_exist_is_refused(capsys, tmp_path):
    missing = tmp_path / "nowhere.pem"
    assert _refusal(capsys, "--ca", str(missing)) == (
        f"member-client: エラー: --ca に指定されたファイル {missing} が見つかりません。"
    )


def test_a_ca_bundle_is_taken_for_the_member_server(tmp_path):
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    options = parse_args(["--store", "https://members.example.jp", "--ca", str(bundle)])
    assert (options.store_url, options.ca_file) == ("https://members.example.jp", str(bundle))


@pytest.mark.parametrize("store", ["https://members.example.jp", "http://127.0.0.1:8765"])
def test_now_is_refused_with_a_member_server(capsys, store):
    assert _refusal(capsys, "--store", store, "--now", "2026-11-24T10:00") == (
        f"member-client: エラー: 会員サーバー（{store}）に接続するときはサーバーの時刻を表示する"
        "ため、--now は指定できません。代わりにサーバーを member-server --now で起動してください。"
    )


def test_now_is_refused_in_english_too(capsys):
    assert _refusal(
        capsys, "--lang", "en", "--store", "https://members.example.jp", "--now", "2026-11-24T10:00"
    ) == (
        "member-client: error: With a member server (https://members.example.jp) the server's "
        "clock is shown, so --now cannot be used. Please start the server with member-server "
        "--now instead."
    )


def test_now_is_refused_with_a_saved_member_server(capsys):
    from desktop_app.paths import user_config_dir

    (user_config_dir() / "settings.ini").write_text(
        "[General]\nstore_url=https://members.example.jp\n", encoding="utf-8"
    )
    assert "--now は指定できません" in _refusal(capsys, "--now", "2026-11-24T10:00")
    options = parse_args(["--store", "sqlite:///members.db", "--now", "2026-11-24T10:00"])
    assert options.now == "2026-11-24T10:00"  # --store says which store: the client's clock


@pytest.mark.parametrize("store", ["http://example.com", "http://192.168.1.20:8765"])
def test_an_unencrypted_address_abroad_is_refused(capsys, store):
    assert _refusal(capsys, "--store", store) == (
        "member-client: エラー: 暗号化されていないアドレスは、このパソコン上のサーバーにしか"
        "使用できません。暗号化通信に対応したサーバーのアドレスを指定してください。"
    )


def test_an_unencrypted_address_of_this_computer_is_taken():
    assert parse_args(["--store", "http://localhost:8765"]).store_url == "http://localhost:8765"


@pytest.mark.parametrize("seconds", ["4", "86401", "1.5", "sixty", "６０", "-10", ""])
def test_idle_seconds_outside_whole_seconds_from_5_to_a_day_are_refused(capsys, seconds):
    assert _refusal(capsys, "--idle-seconds", seconds) == (
        "member-client: エラー: --idle-seconds には 5 から 86400 までの秒数（整数）を"
        "指定してください。"
    )


def test_idle_seconds_are_refused_in_english_too(capsys):
    assert _refusal(capsys, "--lang", "en", "--idle-seconds", "3") == (
        "member-client: error: --idle-seconds takes a whole number of seconds from 5 to 86400."
    )


@pytest.mark.parametrize("seconds", ["5", "60", "86400"])
def test_idle_seconds_within_the_range_are_taken(seconds):
    assert parse_args(["--idle-seconds", seconds]).idle_seconds == int(seconds)


def test_the_idle_period_is_unset_unless_given():
    options = parse_args([])
    assert (options.idle_seconds, options.kiosk_demo_reset, options.set_staff_pin) == (
        None,
        False,
        False,
    )


def test_the_kiosk_demo_reset_needs_the_kiosk(capsys):
    assert _refusal(capsys, "--kiosk-demo-reset") == (
        "member-client: エラー: --kiosk-demo-reset は --kiosk と一緒に指定してください。"
    )
    options = parse_args(["--kiosk", "--kiosk-demo-reset", "--idle-seconds", "90"])
    assert (options.kiosk, options.kiosk_demo_reset, options.idle_seconds) == (True, True, 90)


def test_setting_the_staff_pin_is_an_option():
    assert parse_args(["--set-staff-pin"]).set_staff_pin is True
