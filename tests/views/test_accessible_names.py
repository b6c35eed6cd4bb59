"""Every screen and state in Japanese and English, as a screen reader walks it: no control a
member can operate is nameless (tests/views/a11y_checks.py says what that means)."""

from __future__ import annotations

import pytest

from desktop_app.testing import close_all, launch_app
from tests.views.a11y_checks import nameless
from tests.views.scene_walk import NOW, scenes, settle


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_control_of_every_scene_has_an_accessible_name(qapp, tmp_path, language):
    window = launch_app(store_url=f"sqlite:///{tmp_path / 'm.db'}", now=NOW, language=language)
    try:
        window.resize(1000, 700)
        settle(window)
        problems = [f"login/start: {p}" for p in nameless(window)]
        shots = 0
        for shot in scenes(window):
            shots += 1
            problems += [f"{shot}: {p}" for p in nameless(window)]
        assert shots >= 20
        assert problems == [], "\n".join(sorted(set(problems)))
    finally:
        close_all()


def _names(window) -> dict[str, list[tuple[str, str]]]:
    """Every named widget's accessible name and description, by object name."""
    from PySide6.QtWidgets import QWidget

    found: dict[str, list[tuple[str, str]]] = {}
    for widget in [window, *window.findChildren(QWidget)]:
        key = widget.objectName()
        if key and not key.startswith("qt_"):
            found.setdefault(key, []).append(
                (widget.accessibleName(), widget.accessibleDescription())
            )
    return found


def test_a_live_language_switch_retranslates_every_accessible_name(qapp, tmp_path):
    """Switched from English to Japanese while running, every name and description is what a
    client started in Japanese says: none stays in the language it was built in."""
    from desktop_app import i18n

    window = launch_app(store_url=f"sqlite:///{tmp_path / 'a.db'}", now=NOW, language="ja")
    settle(window)
    started_in_japanese = _names(window)
    close_all()
    window = launch_app(store_url=f"sqlite:///{tmp_path / 'b.db'}", now=NOW, language="en")
    try:
        settle(window)
        english = _names(window)
        i18n.set_language("ja")
        settle(window)
        switched = _names(window)
        stale = [
            f"{key}: {switched[key]} (started in Japanese: {names})"
            for key, names in started_in_japanese.items()
            if switched.get(key) != names and switched.get(key) == english.get(key)
        ]
        assert stale == [], "\n".join(stale)
    finally:
        i18n.set_language("ja")
        close_all()
