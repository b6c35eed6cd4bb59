"""``--screenshot-tour DIR``: walk through every screen and state, in Japanese and English,
and save each as a PNG (DIR/ja/NN_name.png, DIR/en/NN_name.png; with ``--kiosk``
DIR/ja-kiosk/…, DIR/en-kiosk/…; ``--lang`` renders that language only).

``run_tour(..., font_size=…)`` renders at that font size into DIR/<lang>[-kiosk]/<size>/ with
settings of its own (nothing of this computer's settings is read or written):
tools/tour_matrix.py renders every look that way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Slot
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app import i18n
from desktop_app.app import AppContext, Options, build, configure_logging, ensure_application
from desktop_app.screens import screens
from desktop_app.screens.scenes import HANAKO, SUZUKI, YAMADA
from desktop_app.viewmodels.login import LoginMethod


class _Tour(QObject):
    def __init__(self, context: AppContext, folder: Path, language: str) -> None:
        super().__init__(context)
        self._context = context
        self._folder = folder
        self._steps = self._walk(language)
        self._timer = QTimer(self)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._advance)
        self.saved: list[Path] = []
        self.failure: BaseException | None = None

    def start(self) -> None:
        self._timer.start()

    @Slot()
    def _advance(self) -> None:
        if not self._context.runner.is_idle():
            return  # wait for the store, as a member would
        try:
            next(self._steps)
        except StopIteration:
            self._finish()
        except Exception as exc:
            self.failure = exc
            self._finish()

    def _finish(self) -> None:
        self._timer.stop()
        QApplication.quit()

    def _shot(self, language: str, name: str) -> None:
        window = self._context.window
        panel = self._context.kiosk_input
        if panel is not None:  # offscreen no window is active, so no focus change is signalled
            panel.follow_focus()  # type: ignore[attr-defined]
        # What a scene just set is laid out first, as the member sees it a moment later: a
        # wrapped label gets its height in a second pass (its width comes from the first).
        for _pass in range(3):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        pixmap = window.grab()
        painter = QPainter(pixmap)
        for dialog in window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.resize(dialog.sizeHint())  # adjustSize() keeps it to ⅔ of the screen
                image = dialog.grab()
                spot = QPoint(
                    (pixmap.width() - image.width()) // 2, (pixmap.height() - image.height()) // 3
                )
                painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 90))
                painter.drawPixmap(spot, image)
        painter.end()
        folder = self._folder
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{len(list(folder.glob('*.png'))) + 1:02d}_{name}.png"
        pixmap.save(str(path))
        self.saved.append(path)

    def _walk(self, language: str) -> Iterator[None]:
        """Every scene of every screen, in the registry's order; members signed in and out
        between scenes as each scene asks."""
        c = self._context
        i18n.set_language(language)
        c.app_vm.sign_out()
        yield
        member: str | None = None
        for spec in screens():
            for scene in spec.tour:
                # A scene may have signed its member out (the sign-out scene): sign in again.
                signed_out = scene.member is not None and c.app_vm.session is None
                if scene.member != member or signed_out:
                    yield from self._become(scene.member)
                    member = scene.member
                for step in scene.play(c):
                    if step is None:
                        yield  # the tour waits until the client is idle again
                    else:
                        self._shot(language, step)

    def _become(self, member: str | None) -> Iterator[None]:
        c = self._context
        if c.app_vm.session is not None:
            c.app_vm.sign_out()
            yield
        if member is None:
            return
        web_id, password, card, pin = _MEMBERS[member]
        if web_id is not None and password is not None:
            c.login.set_method(LoginMethod.WEB_ID)
            c.login.set_web_id_text(web_id)
            c.login.set_password_text(password)
        else:
            c.login.set_method(LoginMethod.CARD)
            c.login.set_card_text(card)
            c.login.set_pin_text(pin)
        c.login.sign_in()
        yield
        yield
        if c.app_vm.session is None:
            raise RuntimeError(f"the tour could not sign {member} in: {c.login.error}")


# Demo members of DOMAIN.md §8 the scenes sign in as: (Web-ID, password, card, PIN).
_MEMBERS: dict[str, tuple[str | None, str | None, str, str]] = {
    YAMADA: ("yamada2026", "Taro2026pass", "4000123412341234", "1234"),
    SUZUKI: (None, None, "123456789012345", "3690"),
    HANAKO: ("hanako0202", "Hanako2026", "5012345678", "2580"),
}


def tour_folder(out_dir: Path, language: str, kiosk: bool, font_size: str | None = None) -> Path:
    """Where the tour of one look goes: ``out_dir/<lang>[-kiosk][/<font size>]``."""
    folder = out_dir / (f"{language}-kiosk" if kiosk else language)
    return folder if font_size is None else folder / font_size


def run_tour(
    options: Options,
    out_dir: Path,
    size: tuple[int, int] = (1000, 700),
    *,
    font_size: str | None = None,
    theme: str | None = None,
) -> int:
    """Render the tour into ``out_dir`` (see ``tour_folder``), each language (``--lang``'s,
    else both) on a fresh store of its own (a scratch one unless ``--store`` was given, so a
    member's own store is never touched). With ``font_size`` or ``theme`` the client's
    settings are the tour's own (in memory), that size and theme.
    Returns the process exit status."""
    import tempfile

    from desktop_app.viewmodels.services import MemoryPreferences

    app = ensure_application()
    configure_logging()
    saved = 0
    looks = {"font_size": font_size, "theme": theme}
    own = {key: value for key, value in looks.items() if value is not None}
    for language in (options.language,) if options.language else i18n.LANGUAGES:
        folder = tour_folder(out_dir, language, options.kiosk, font_size)
        for stale in folder.glob("*.png"):
            stale.unlink()
        scratch = Path(tempfile.mkdtemp(prefix="member-client-tour-"))
        store_url = options.store_url or f"sqlite:///{scratch / 'tour.db'}"
        context = build(
            options._replace(language=language, store_url=store_url),
            preferences=MemoryPreferences(own) if own else None,
        )
        context.window.resize(*size)
        context.build_all_screens()
        context.window.show()
        context.warm_up()
        context.login.load_remembered()  # as at start: whether 「Web-IDを記憶する」 can work
        tour = _Tour(context, folder, language)
        tour.start()
        app.exec()  # quitting closes the window, which shuts its client down
        if tour.failure is not None:
            print(f"screenshot tour failed in {language}: {tour.failure!r}")
            return 1
        saved += len(tour.saved)
    print(f"{saved} screenshots in {out_dir}")
    return 0
