"""The sign-in card as a member meets it (issue 10, screenshot review): the form keeps its
height when notices stack up at 最大, an old refusal goes once the member edits, the Caps Lock
warning belongs to the password field, the disabled button names only what is missing, the
greyed-out 「Web-IDを記憶する」 says why, and the brand's footer is as wide as the card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QLineEdit, QTabWidget, QWidget

from desktop_app.testing import context_of, wait_until_idle
from desktop_app.views.appearance import POINT_SIZES

from .conftest import find, focus, shown, type_keys

LARGEST = max(POINT_SIZES, key=POINT_SIZES.__getitem__)


def failed_sign_in(qtbot, window) -> None:
    """A wrong password: the refusal shows and the password is emptied."""
    type_keys(qtbot, focus(qtbot, find(window, QLineEdit, "webIdInput")), "yamada2026")
    password = focus(qtbot, find(window, QLineEdit, "passwordInput"))
    type_keys(qtbot, password, "wrong-pass1")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    wait_until_idle(window)
    assert "誤りがあります" in shown(window, "loginError")


def test_the_form_keeps_its_height_when_notices_stack_up_at_the_largest_size(launch, qtbot):
    window = launch()
    context_of(window).settings.set_font_size(LARGEST)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920)
    web_id = focus(qtbot, find(window, QLineEdit, "webIdInput"))
    type_keys(qtbot, web_id, "ｙａｍａｄａ２０２６")  # converted: the width notice shows
    password = focus(qtbot, find(window, QLineEdit, "passwordInput"))
    type_keys(qtbot, password, "wrong-pass1")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    wait_until_idle(window)
    qtbot.wait(50)  # let the page settle
    assert shown(window, "widthNotice") and shown(window, "loginError")
    focus(qtbot, password)
    qtbot.keyClick(password, Qt.Key.Key_CapsLock)  # the third notice, under the other two
    # At once (as painted in the same frame), and once the page has caught up.
    for moment in ("at once", "settled"):
        assert shown(window, "capsLockHint"), moment
        for name in ("webIdInput", "passwordInput"):
            edit = find(window, QLineEdit, name)
            assert edit.height() >= edit.sizeHint().height(), f"{name} squeezed {moment}"
        qtbot.wait(50)


def test_a_sign_in_refusal_goes_once_the_member_edits_a_field(launch, qtbot):
    window = launch()
    failed_sign_in(qtbot, window)
    web_id = focus(qtbot, find(window, QLineEdit, "webIdInput"))
    qtbot.keyClick(web_id, Qt.Key.Key_Backspace)
    assert shown(window, "loginError") == ""


def test_the_caps_lock_warning_shows_only_while_the_secret_has_the_focus(launch, qtbot):
    window = launch()
    web_id = find(window, QLineEdit, "webIdInput")
    password = focus(qtbot, find(window, QLineEdit, "passwordInput"))
    qtbot.keyClick(password, Qt.Key.Key_CapsLock)
    assert "Caps Lock" in shown(window, "capsLockHint")
    focus(qtbot, web_id)  # the password is empty; the Web-ID is what is typed now
    assert shown(window, "capsLockHint") == ""
    focus(qtbot, password)
    assert "Caps Lock" in shown(window, "capsLockHint")
    find(window, QTabWidget, "loginMethodTabs").setCurrentIndex(1)
    pin = focus(qtbot, find(window, QLineEdit, "pinInput"))
    assert "Caps Lock" in shown(window, "capsLockHint")
    focus(qtbot, find(window, QLineEdit, "cardNumberInput"))
    assert shown(window, "capsLockHint") == ""
    assert pin.text() == ""


def test_the_sign_in_hint_names_only_what_is_missing(launch, qtbot):
    window = launch()
    type_keys(qtbot, focus(qtbot, find(window, QLineEdit, "webIdInput")), "yamada2026")
    assert shown(window, "loginButtonHint") == "パスワードを入力してください。"
    find(window, QTabWidget, "loginMethodTabs").setCurrentIndex(1)
    assert shown(window, "loginButtonHint") == "カード番号と暗証番号を入力してください。"
    type_keys(qtbot, focus(qtbot, find(window, QLineEdit, "pinInput")), "1234")
    assert shown(window, "loginButtonHint") == "カード番号を入力してください。"


def test_the_sign_in_hint_names_only_what_is_missing_in_english(launch, qtbot):
    window = launch(language="en")
    type_keys(qtbot, focus(qtbot, find(window, QLineEdit, "webIdInput")), "yamada2026")
    assert shown(window, "loginButtonHint") == "Enter your password."
    find(window, QTabWidget, "loginMethodTabs").setCurrentIndex(1)
    type_keys(qtbot, focus(qtbot, find(window, QLineEdit, "cardNumberInput")), "4000123412341234")
    assert shown(window, "loginButtonHint") == "Enter your PIN."


def test_the_greyed_out_remember_box_says_why_under_it(launch, qtbot):
    window = launch()  # tests run with keyring's "fail" backend: no keychain works
    check = find(window, QCheckBox, "rememberWebIdCheck")
    qtbot.waitUntil(lambda: not check.isEnabled() and bool(shown(window, "rememberWebIdHint")))
    hint = find(window, QLabel, "rememberWebIdHint")
    assert "キーチェーン" in hint.text()
    below = hint.mapTo(window, hint.rect().topLeft()).y()
    assert below >= check.mapTo(window, check.rect().bottomLeft()).y()


def test_the_login_footer_is_as_wide_as_the_card(launch, qtbot):
    window = launch()
    context_of(window).settings.set_font_size(LARGEST)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920)
    qtbot.wait(50)
    card = find(window, QWidget, "loginCard")
    footer = find(window, QWidget, "loginFooter")
    assert card.width() > 900  # it grows with the font
    assert abs(footer.width() - card.width()) <= 2 * card.layout().contentsMargins().left()
    left = footer.mapTo(window, footer.rect().topLeft()).x()
    assert abs(left - card.mapTo(window, card.rect().topLeft()).x()) <= 12
    # 「こはくローンサポートセンター」 and 「年中無休」 are not broken inside.
    contact = find(window, QLabel, "loginFooterContactLabel")
    lines = wrapped_lines(contact)
    for word in ("こはくローンサポートセンター", "年中無休"):
        assert any(word in line for line in lines), lines
    assert find(window, QAbstractButton, "loginFooterFaqLink").isVisible()


def wrapped_lines(label: QLabel) -> list[str]:
    """The lines ``label`` shows its text in, wrapped at its width as Qt wraps it."""
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
        lines.append(label.text()[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines
