"""The store in use as a member reads it on the settings screen: no raw developer URL, no user
name or password, the data file by its name (its full path only as the secondary line)."""

from __future__ import annotations

import pytest

from desktop_app import i18n
from desktop_app.viewmodels.messages import in_sentence
from desktop_app.viewmodels.store_place import StorePlace, describe_store


@pytest.fixture
def english(qapp):
    i18n.set_language("en")
    yield
    i18n.set_language("ja")


@pytest.mark.parametrize(
    ("url", "place"),
    [
        (
            "sqlite:////tmp/member-client-tour-x/tour.db",
            StorePlace(
                "このパソコン内のデータ（tour.db）", "保存場所：/tmp/member-client-tour-x/tour.db"
            ),
        ),
        (
            "sqlite:///members.db",
            StorePlace("このパソコン内のデータ（members.db）", "保存場所：members.db"),
        ),
        ("sqlite://", StorePlace("このパソコン内のデータ（アプリの終了時に消去されます）")),
        (
            "https://kohaku:secret@members.example.jp/api/?token=abc#top",
            StorePlace("会員サーバー（https://members.example.jp/api）"),
        ),
        ("http://127.0.0.1:8765", StorePlace("会員サーバー（http://127.0.0.1:8765）")),
        (
            "postgresql+psycopg://loans:S3cret!@db.example.jp:5432/members?sslmode=require",
            StorePlace("db.example.jp:5432 のデータベース「members」"),
        ),
        (
            "postgresql+psycopg://postgres@/test?host=/run/postgresql",
            StorePlace("/run/postgresql のデータベース「test」"),
        ),
    ],
)
def test_each_kind_of_store_is_named_as_a_member_understands_it(japanese, url, place):
    assert describe_store(url) == place


def test_no_password_or_user_name_is_ever_shown(japanese):
    for url in (
        "postgresql+psycopg://loans:S3cret!@db.example.jp/members",
        "https://loans:S3cret!@members.example.jp",
    ):
        shown = describe_store(url)
        assert "S3cret" not in shown.text + shown.detail
        assert "loans" not in shown.text + shown.detail


def test_english_names_the_data_on_this_computer(english):
    assert describe_store("sqlite:////home/taro/.local/share/members.db") == StorePlace(
        "Data on this computer (members.db)", "Saved in /home/taro/.local/share/members.db"
    )
    assert describe_store("postgresql+psycopg://u:p@db/members").text == (
        "The database “members” on db"
    )


def test_english_writes_a_caption_in_lower_case_inside_a_sentence(english):
    """ "Please enter: Confirmation code, New Web-ID…" read as a list of titles; a word
    capitalised throughout (Web-ID) keeps its capitals."""
    captions = ["Confirmation code", "New Web-ID", "Web-ID or member number", "Date of birth"]
    assert [in_sentence(i18n._(caption)) for caption in captions] == [
        "confirmation code",
        "new Web-ID",
        "Web-ID or member number",
        "date of birth",
    ]


def test_japanese_captions_stay_as_they_are_inside_a_sentence(japanese):
    assert in_sentence(i18n._("New Web-ID")) == "新しいWeb-ID"


def test_the_missing_input_sentence_names_the_field_in_lower_case(english):
    from desktop_app.viewmodels.hints import missing

    assert missing(["Confirmation code", "New Web-ID"]) == "Please enter the confirmation code."
    assert missing(["New Web-ID"]) == "Please enter the new Web-ID."
