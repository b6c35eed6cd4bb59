"""Every screen and state, as the screenshot tour shows them: ``scenes(window)`` plays the
screen registry's tour scenes in a client started by ``launch_app`` and yields at each of the
tour's screenshots (tests/views/test_fit.py, test_accessible_names.py)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QMainWindow

from desktop_app.screens import screens
from desktop_app.testing import context_of, wait_until_idle

NOW = "2026-11-24T10:00:00+09:00"
# Demo members of DOMAIN.md §8 the tour's scenes sign in as.
MEMBERS = {
    "yamada": ("web", "yamada2026", "Taro2026pass"),
    "suzuki": ("card", "123456789012345", "3690"),
    "hanako": ("web", "hanako0202", "Hanako2026"),
}


def settle(window: QMainWindow) -> None:
    """Until the store is idle and its answers are handled: an answer may start another call
    (a confirmation reads the account again before it opens), so wait after each round."""
    for _round in range(3):
        wait_until_idle(window)
        QApplication.processEvents()
    wait_until_idle(window)


def sign_in(context, member: str) -> None:
    from desktop_app.viewmodels.login import LoginMethod

    method, ident, secret = MEMBERS[member]
    login = context.login
    if method == "web":
        login.set_method(LoginMethod.WEB_ID)
        login.set_web_id_text(ident)
        login.set_password_text(secret)
    else:
        login.set_method(LoginMethod.CARD)
        login.set_card_text(ident)
        login.set_pin_text(secret)
    login.sign_in()


def scenes(window: QMainWindow) -> Iterator[str]:
    """Play every scene of every screen; yield at each of the tour's screenshots."""
    context = context_of(window)
    member: str | None = None
    for spec in screens():
        for scene in spec.tour:
            signed_out = scene.member is not None and context.app_vm.session is None
            if scene.member != member or signed_out:  # a scene may have signed out
                if context.app_vm.session is not None:
                    context.app_vm.sign_out()
                    settle(window)
                if scene.member is not None:
                    sign_in(context, scene.member)
                    settle(window)
                    assert context.app_vm.session is not None, context.login.error
                member = scene.member
            for step in scene.play(context):
                settle(window)
                if step is not None:
                    yield f"{spec.name}/{step}"
