"""Settings remembered between runs: language, font size, theme (and this device's id)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.i18n import LANGUAGES, N_, _, hub, set_language
from desktop_app.viewmodels.base import ViewModel
from desktop_app.viewmodels.observed import Observed
from desktop_app.viewmodels.services import Services

# Point sizes in desktop_app/views/appearance.py: 10, 12, 15, 18, 24 (最大 is twice 標準).
FONT_SIZES = (
    ("small", N_("Small")),
    ("medium", N_("Standard")),
    ("large", N_("Large")),
    ("xlarge", N_("Extra large")),
    ("xxlarge", N_("Largest")),
)
# "system": light or dark as the computer's own setting says, followed while running;
# "high_contrast": black, white and yellow, thick borders (for low vision).
THEMES = (
    ("light", N_("Light")),
    ("dark", N_("Dark")),
    ("high_contrast", N_("High contrast")),
    ("system", N_("Follow the system")),
)
IDLE_MINUTES = (5, 10, 15, 30)
DEFAULT_IDLE_MINUTES = 15
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}


class SettingsViewModel(ViewModel):
    """Preferences, persisted in an INI file in the user's config folder.

    Signals:
        language_changed(str), font_size_changed(str), theme_changed(str): a preference
        changed (the value is a code: "ja", "medium", "dark" …).
        idle_minutes_changed(int): the idle timeout changed (minutes).
    """

    language_changed = Signal(str)
    font_size_changed = Signal(str)
    theme_changed = Signal(str)
    idle_minutes_changed = Signal(int)

    language = Observed("", language_changed)
    font_size = Observed("", font_size_changed)
    theme = Observed("", theme_changed)
    idle_minutes = Observed(0, idle_minutes_changed)

    def __init__(
        self,
        services: Services,
        language_override: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(services, parent)
        self._settings = services.preferences
        stored_language = str(self._settings.value("language") or "ja")
        self.language = language_override or _pick(stored_language, LANGUAGES, "ja")
        self.font_size = _pick(
            str(self._settings.value("font_size") or "medium"), _codes(FONT_SIZES), "medium"
        )
        self.theme = _pick(str(self._settings.value("theme") or "light"), _codes(THEMES), "light")
        self.idle_minutes = _pick_minutes(
            self._settings.value("idle_minutes") or DEFAULT_IDLE_MINUTES
        )
        hub().language_changed.connect(self._follow_language)
        # A kiosk's start: every wipe puts what a visitor chose back to it.
        self._start = (self.language, self.font_size, self.theme)

    @property
    def device_id(self) -> str:
        """A random id of this installation, to recognise a device not seen before."""
        device = self._settings.value("device_id") or ""
        if not device:
            import uuid

            device = uuid.uuid4().hex
            self._settings.set_value("device_id", device)
        return device

    def reset(self) -> None:
        """Preferences belong to this computer, not to the member: a wipe keeps them. At a
        branch kiosk they are the visitor's: a wipe puts the kiosk's start back."""
        if self.kiosk:
            language, font_size, theme = self._start
            if self.language != language:
                self.set_language(language)
            self.set_font_size(font_size)
            self.set_theme(theme)

    def apply_language(self) -> None:
        set_language(self.language)

    def set_language(self, code: str) -> None:
        if code in LANGUAGES:
            self._settings.set_value("language", code)
            self.language = code
            set_language(code)

    @Slot(str)
    def _follow_language(self, code: str) -> None:
        """The interface language changed (here or by ``--lang``): show it as chosen."""
        self.language = code

    def set_font_size(self, code: str) -> None:
        if code in _codes(FONT_SIZES):
            self._settings.set_value("font_size", code)
            self.font_size = code

    def set_theme(self, code: str) -> None:
        if code in _codes(THEMES):
            self._settings.set_value("theme", code)
            self.theme = code

    def set_idle_minutes(self, minutes: int) -> None:
        """(Not at a kiosk: its timeout is the branch's, not a visitor's.)"""
        if minutes in IDLE_MINUTES and not self.kiosk:
            self._settings.set_value("idle_minutes", str(minutes))
            self.idle_minutes = minutes

    @staticmethod
    def idle_choices() -> list[tuple[int, str]]:
        return [(m, _("{minutes} minutes").format(minutes=m)) for m in IDLE_MINUTES]

    @staticmethod
    def language_choices() -> list[tuple[str, str]]:
        return [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES]

    @staticmethod
    def font_size_choices() -> list[tuple[str, str]]:
        return [(code, _(label)) for code, label in FONT_SIZES]

    @staticmethod
    def theme_choices() -> list[tuple[str, str]]:
        return [(code, _(label)) for code, label in THEMES]

    def sync(self) -> None:
        self._settings.sync()


def _codes(choices: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(code for code, _label in choices)


def _pick_minutes(value: object) -> int:
    try:
        minutes = int(str(value))
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return minutes if minutes in IDLE_MINUTES else DEFAULT_IDLE_MINUTES


def _pick(value: str, allowed: tuple[str, ...], default: str) -> str:
    return value if value in allowed else default
