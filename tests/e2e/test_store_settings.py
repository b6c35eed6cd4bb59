"""The settings screen's 接続先: check an address (a real HTTP ``/health`` on loopback, a port
with nothing behind it, an unencrypted address abroad), save only what was checked, switch
live, and start again on the saved address unless ``--store`` says otherwise."""

from __future__ import annotations

import configparser
import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

from desktop_app.paths import user_config_dir
from desktop_app.testing import close_all, context_of, launch_app, wait_until_idle

from .conftest import NOW

CONNECTED = "接続できました。「保存」を押すと、この接続先に切り替わります。"
UNAVAILABLE = "ただいまサービスに接続できません。しばらくしてからもう一度お試しください。"
INSECURE = "暗号化されていないアドレスは、このパソコン上のサーバーにしか使用できません。"


def _type(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def _settings(d):
    d.sign_in_web("yamada2026", "Taro2026pass")
    d.click("navSettings")
    return d.find(QLineEdit, "storeUrlInput")


def _check(d, qtbot, url: str) -> str:
    _type(qtbot, d.find(QLineEdit, "storeUrlInput"), url)
    qtbot.keyClick(d.find(QLineEdit, "storeUrlInput"), Qt.Key.Key_Return)  # Enter checks it
    wait_until_idle(d.window)
    return d.visible_text("storeStatusLabel")


def test_the_address_in_use_is_shown(drive, store_url):
    d = drive()
    field = _settings(d)
    assert field.text() == store_url  # the setting itself keeps the address as typed
    path = store_url.removeprefix("sqlite:///")
    file = path.rsplit("/", 1)[-1]
    current = d.find(QLabel, "storeCurrentLabel")
    assert current.text() == f"現在の接続先：このパソコン内のデータ（{file}）"
    assert d.visible_text("storeCurrentDetailLabel") == f"保存場所：{path}"  # muted, below
    assert current.toolTip() == f"保存場所：{path}"
    assert "sqlite" not in current.text() and "保存先" not in current.text()
    assert not d.find(QAbstractButton, "storeSaveButton").isEnabled()


def test_the_default_store_is_named_as_such(drive):
    d = drive(store_url=None)
    _settings(d)
    assert (
        d.visible_text("storeCurrentLabel") == "現在の接続先：このパソコン内のデータ（members.db）"
    )
    assert d.find(QLineEdit, "storeUrlInput").text().endswith("members.db")


def test_a_member_server_that_answers_can_be_saved(drive, health_server, qtbot):
    d = drive()
    _settings(d)
    save = d.find(QAbstractButton, "storeSaveButton")
    assert _check(d, qtbot, health_server.url) == CONNECTED
    assert health_server.requests == ["/health"]
    assert save.isEnabled()
    qtbot.keyClicks(d.find(QLineEdit, "storeUrlInput"), "1")  # another address: not checked
    assert not save.isEnabled() and d.visible_text("storeStatusLabel") == ""


def test_a_port_with_nothing_listening_says_it_cannot_connect(drive, silent_port, qtbot):
    d = drive()
    _settings(d)
    assert _check(d, qtbot, f"http://127.0.0.1:{silent_port}") == UNAVAILABLE
    assert not d.find(QAbstractButton, "storeSaveButton").isEnabled()
    assert d.visible_text("connectionBanner") == ""  # not the store in use: no banner


def test_an_unencrypted_address_abroad_is_refused(drive, qtbot):
    d = drive()
    _settings(d)
    assert _check(d, qtbot, "http://example.com").startswith(INSECURE)
    assert not d.find(QAbstractButton, "storeSaveButton").isEnabled()


def test_saving_switches_live_signs_out_and_is_remembered(drive, tmp_path, qtbot):
    d = drive()
    context = context_of(d.window)
    _settings(d)
    other = f"sqlite:///{tmp_path / 'branch.db'}"
    assert _check(d, qtbot, other) == CONNECTED
    d.click("storeSaveButton")

    assert d.screen() == "loginScreen"
    assert d.visible_text("messageBanner") == (
        "接続先を切り替えたため、ログアウトしました。もう一度ログインしてください。"
    )
    assert context.host.url == other
    saved = configparser.ConfigParser(interpolation=None)
    saved.read(user_config_dir() / "settings.ini", encoding="utf-8")
    assert saved.get("General", "store_url") == other

    d.sign_in_web("yamada2026", "Taro2026pass")  # on the new store, seeded afresh
    assert d.screen() == "homeScreen"
    d.click("navSettings")
    assert (
        d.visible_text("storeCurrentLabel") == "現在の接続先：このパソコン内のデータ（branch.db）"
    )
    assert d.visible_text("storeCurrentDetailLabel") == f"保存場所：{tmp_path / 'branch.db'}"
    assert "接続先を切り替えました" in d.visible_text("storeStatusLabel")


def test_a_switch_that_fails_keeps_the_store_in_use(drive, store_url, tmp_path, qtbot):
    """The address answered the check, but by the time it is saved it no longer opens (here:
    another application took the file over): nothing changes, and the member is told."""
    d = drive()
    _settings(d)
    branch = tmp_path / "branch.db"
    assert _check(d, qtbot, f"sqlite:///{branch}") == CONNECTED
    branch.unlink()
    with closing(sqlite3.connect(branch)) as connection, connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    d.click("storeSaveButton")
    context = context_of(d.window)
    assert context.host.url == store_url
    assert "接続先を切り替えられなかった" in d.visible_text("messageBanner")
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "homeScreen"
    d.click("navSettings")
    status = d.visible_text("storeStatusLabel")
    assert "他のアプリケーションのデータ" in status and status.endswith(
        "接続先は変更していません。"
    )


@pytest.fixture
def saved_store(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'saved.db'}"
    (user_config_dir() / "settings.ini").write_text(
        f"[General]\nstore_url={url}\n", encoding="utf-8"
    )
    return url


def test_the_saved_address_is_used_at_start_up(qapp, saved_store):
    try:
        window = launch_app(now=NOW)
        wait_until_idle(window)
        assert context_of(window).host.url == saved_store
    finally:
        close_all()


def test_store_wins_over_the_saved_address(qapp, saved_store, store_url):
    try:
        window = launch_app(store_url=store_url, now=NOW)
        wait_until_idle(window)
        assert context_of(window).host.url == store_url
    finally:
        close_all()


def test_a_certificate_is_verified_with_the_ca_bundle_given(drive, tls_health_server, qtbot):
    d = drive()
    _settings(d)
    assert _check(d, qtbot, tls_health_server.url) == (
        "サーバーの証明書を確認できなかったため、接続しませんでした。サーバーのアドレスをご確認ください。"
    )
    assert tls_health_server.requests == []


def test_the_ca_bundle_of_the_harness_reaches_the_check(
    drive, tls_health_server, self_signed, qtbot
):
    d = drive(ca_file=self_signed[0])
    _settings(d)
    assert _check(d, qtbot, tls_health_server.url) == CONNECTED


def test_the_ca_bundle_reaches_the_opening_of_the_store(drive, monkeypatch, tmp_path):
    import desktop_app.store as stores

    asked: dict[str, object] = {}
    real = stores.open_store

    def spy(url, clock, **options):
        asked.update(options)
        return real(url, clock, **options)

    monkeypatch.setattr(stores, "open_store", spy)
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    drive(ca_file=str(bundle))
    assert asked["ca_file"] == str(bundle)


def test_the_harness_refuses_now_with_a_member_server(qapp):
    with pytest.raises(ValueError, match="--now"):
        launch_app(store_url="https://127.0.0.1:8765", now=NOW)


def test_the_connection_can_be_changed_before_signing_in(drive, tmp_path, qtbot):
    """A member whose server cannot be reached must not need to sign in to change it."""
    d = drive()
    d.click("loginSettingsLink")
    assert d.screen() == "settingsScreen"
    back = d.find(QAbstractButton, "settingsBackButton")
    assert back.isVisible() and back.text() == "戻る"
    other = f"sqlite:///{tmp_path / 'branch.db'}"
    assert _check(d, qtbot, other) == CONNECTED
    d.click("storeSaveButton")
    assert d.screen() == "settingsScreen"  # nobody to sign out
    assert d.visible_text("storeStatusLabel") == (
        "接続先を切り替えました。次回の起動時もこの接続先を使用します。"
    )
    assert context_of(d.window).host.url == other
    d.click("settingsBackButton")
    assert d.screen() == "loginScreen"
    d.sign_in_web("yamada2026", "Taro2026pass")
    assert d.screen() == "homeScreen"
    d.click("navSettings")
    assert not d.find(QAbstractButton, "settingsBackButton").isVisible()  # the navigation is up
