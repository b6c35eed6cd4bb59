"""Signed in to a read-only store, the banner says only viewing is possible, for as long as the
member is signed in, under whatever else it says (decision 13)."""

from __future__ import annotations

from desktop_app import i18n
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store.sql import SqlStore

YAMADA = ("4000123412341234", "1234")
NOTICE_JA = (
    "データファイルに書き込めないため、照会のみご利用いただけます。"
    "お借入れ・ご返済などのお手続きはできません。"
)
NOTICE_EN = (
    "The data file cannot be written to, so you can only view your account. Borrowing, "
    "repaying and other changes are not available."
)


def test_a_read_only_session_keeps_its_notice_until_signed_out(
    make_app, sql_store, wait_idle, clock, tmp_path
):
    sql_store.close()
    viewer = SqlStore(
        f"sqlite:///file:{tmp_path / 'vm.db'}?mode=ro&uri=true", clock, hash_profile="fast"
    )
    try:
        app = make_app(viewer)
        session = viewer.sign_in_with_card(*YAMADA, "vm-device")
        app.start_session(session)
        wait_idle()
        assert app.summary is not None and app.summary.principal == 120_000
        assert app.message == NOTICE_JA
        app._on_failure(AppError(ErrorCode.STORE_DISK_FULL))  # another message on top
        assert app.message.endswith("\n" + NOTICE_JA) and len(app.message) > len(NOTICE_JA) + 1
        app.on_screen_changed("home")
        i18n.set_language("en")
        app.retranslate()
        assert app.message.endswith("\n" + NOTICE_EN)
        i18n.set_language("ja")
        app.sign_out()
        wait_idle()
        assert app.message != "" and NOTICE_JA not in app.message
    finally:
        viewer.close()


def test_a_session_that_can_write_has_no_notice(make_app, sql_store, wait_idle):
    app = make_app(sql_store)
    session = sql_store.sign_in_with_card(*YAMADA, "vm-device")
    assert not session.read_only
    app.start_session(session)
    wait_idle()
    assert app.message == ""
