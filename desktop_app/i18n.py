"""Interface language: Babel-compiled gettext catalogs from i18n/, Qt's own qtbase
translation, and the display formats of UI-CONTRACT.md (yen, dates, times, rates).

``_()`` marks and translates a message; ``N_()`` only marks one for later translation.
``hub().language_changed`` tells views and view-models to translate themselves again.

Qt's own dialogs read Qt's ``qtbase`` catalog; the few strings it lacks in Japanese (the file
dialog's "Look in:", "Files of type:", the "Folder" of its type column …) come from our catalog
through ``QtFallbackTranslator``.
"""

from __future__ import annotations

import gettext
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from desktop_app.paths import catalogs_dir

if TYPE_CHECKING:
    from datetime import date, datetime
    from decimal import Decimal

LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"

_state: dict[str, object] = {
    "language": DEFAULT_LANGUAGE,
    "translations": gettext.NullTranslations(),
}
_WEEKDAYS_JA = "月火水木金土日"
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def N_(message: str) -> str:
    return message


# The Qt strings qtbase_ja.qm leaves untranslated, in the widgets the client opens (the CSV save
# dialog and its file list), by Qt context. Each source text is also our message id.
QT_FALLBACK: dict[str, tuple[str, ...]] = {
    "QFileDialog": (N_("&Look in:"), N_("Files of &type:")),
    "QAbstractFileIconProvider": (
        N_("Folder"),
        N_("File Folder"),
        N_("File"),
        N_("Drive"),
        N_("Alias"),
        N_("Shortcut"),
        N_("Unknown"),
    ),
    "QErrorMessage": (N_("An error occurred"), N_("Information:"), N_("Critical Error:")),
}


class QtFallbackTranslator(QTranslator):
    """Answers Qt's own strings that ``qtbase_<lang>`` lacks, from our Babel catalog.

    Installed before qtbase's translator, so Qt asks it last: it only fills gaps. Qt may ask
    from its file-information thread (the "Folder" of the type column): it reads only the
    immutable catalog of its language.
    """

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = load_catalog(lang)
        self._known = {(context, text) for context, texts in QT_FALLBACK.items() for text in texts}

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        """The translation, or None (a null QString: "not mine", Qt asks on; an empty
        string would be taken as the translation)."""
        if (context, source_text) not in self._known:
            return None
        translated = self._catalog.gettext(source_text)
        return None if translated == source_text else translated

    def isEmpty(self) -> bool:  # Qt asks whether there is anything to look up
        return False


class LanguageHub(QObject):
    """Announces a change of interface language.

    Signals:
        language_changed(str): the new language code ("ja" or "en").
    """

    language_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.qt_translators: list[QTranslator] = []


_hub: LanguageHub | None = None


def hub() -> LanguageHub:
    global _hub
    if _hub is None:
        _hub = LanguageHub()
    return _hub


def language() -> str:
    return str(_state["language"])


def load_catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang``; a missing file is an error, not a silent fallback."""
    with (catalogs_dir() / lang / "LC_MESSAGES" / "messages.mo").open("rb") as handle:
        return gettext.GNUTranslations(handle)


def set_language(lang: str) -> None:
    """Switch the interface language everywhere, Qt's own dialogs included."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang}")
    changed = lang != _state["language"]
    _state["language"] = lang
    _state["translations"] = load_catalog(lang)
    QLocale.setDefault(
        QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English)
    )
    _install_qt_translator(lang)
    if changed:
        hub().language_changed.emit(lang)


def _install_qt_translator(lang: str) -> None:
    app = QCoreApplication.instance()
    if app is None:
        return
    center = hub()
    for previous in center.qt_translators:
        QCoreApplication.removeTranslator(previous)
        previous.deleteLater()
    center.qt_translators = []
    # Qt asks the translator installed last first: qtbase, then our fallback for its gaps.
    fallback = QtFallbackTranslator(lang, center)
    QCoreApplication.installTranslator(fallback)
    center.qt_translators.append(fallback)
    translator = QTranslator(center)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", path):
        QCoreApplication.installTranslator(translator)
        center.qt_translators.append(translator)


def _(message: str) -> str:
    translations = _state["translations"]
    assert isinstance(translations, gettext.NullTranslations)
    return translations.gettext(message)


def format_yen(yen: int) -> str:
    """``120,000円`` in Japanese, ``¥120,000`` in English."""
    if language() == "ja":
        return f"{yen:,}円"
    return f"-¥{-yen:,}" if yen < 0 else f"¥{yen:,}"


def format_date(day: date) -> str:
    """``2026年11月25日(水)`` in Japanese, ``Wed, Nov 25, 2026`` in English."""
    if language() == "ja":
        return f"{day.year}年{day.month}月{day.day}日({_WEEKDAYS_JA[day.weekday()]})"
    return f"{_WEEKDAYS_EN[day.weekday()]}, {_MONTHS_EN[day.month - 1]} {day.day}, {day.year}"


def date_format() -> str:
    """A QDateEdit display format matching ``format_date``."""
    return "yyyy年M月d日(ddd)" if language() == "ja" else "ddd, MMM d, yyyy"


def format_time(moment: datetime) -> str:
    """``9:30``."""
    return f"{moment.hour}:{moment.minute:02d}"


def format_day_and_time(moment: datetime) -> str:
    """``11月30日(月) 7:00`` in Japanese, ``Mon, Nov 30, 7:00`` in English (no year)."""
    day = moment.date()
    if language() == "ja":
        return f"{day.month}月{day.day}日({_WEEKDAYS_JA[day.weekday()]}) {format_time(moment)}"
    weekday, month = _WEEKDAYS_EN[day.weekday()], _MONTHS_EN[day.month - 1]
    return f"{weekday}, {month} {day.day}, {format_time(moment)}"


def format_datetime(moment: datetime) -> str:
    return f"{format_date(moment.date())} {format_time(moment)}"


def format_month(day: date) -> str:
    """``2026年11月`` in Japanese, ``Nov 2026`` in English."""
    if language() == "ja":
        return f"{day.year}年{day.month}月"
    return f"{_MONTHS_EN[day.month - 1]} {day.year}"


def format_short_date(day: date) -> str:
    """``2026/12/25(金)`` in Japanese, ``12/25/2026`` in English: for a table column,
    where ``format_date`` is too wide."""
    if language() == "ja":
        return f"{day:%Y/%m/%d}({_WEEKDAYS_JA[day.weekday()]})"
    return f"{day:%m/%d/%Y}"


def format_short_datetime(moment: datetime, separator: str = " ") -> str:
    """``2026/11/04 10:00`` in Japanese, ``11/04/2026 10:00`` in English: for a table
    column, where ``format_datetime`` is too wide (``separator="\\n"``: the time under the
    date)."""
    day, time = moment.date(), format_time(moment)
    if language() == "ja":
        return f"{day:%Y/%m/%d}{separator}{time}"
    return f"{day:%m/%d/%Y}{separator}{time}"


def format_rate(rate: Decimal) -> str:
    """``Decimal("0.18")`` → ``18.0%``."""
    from decimal import Decimal

    return f"{(rate * 100).quantize(Decimal('0.1'))}%"
