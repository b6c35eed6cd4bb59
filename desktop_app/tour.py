"""``--screenshot-tour DIR``: walk through every screen and state, in Japanese and English,
and save each as a PNG (DIR/ja/NN_name.png, DIR/en/NN_name.png)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QDate, QObject, QPoint, QTimer, Slot
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from desktop_app import i18n
from desktop_app.app import AppContext, Options, build, configure_logging
from desktop_app.viewmodels.application import Screen
from desktop_app.viewmodels.login import LoginMethod
from desktop_app.viewmodels.repay import RepayKind


class _Tour(QObject):
    def __init__(self, context: AppContext, out_dir: Path, language: str) -> None:
        super().__init__(context)
        self._context = context
        self._out = out_dir
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
        pixmap = window.grab()
        painter = QPainter(pixmap)
        for dialog in window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.adjustSize()
                image = dialog.grab()
                spot = QPoint(
                    (pixmap.width() - image.width()) // 2, (pixmap.height() - image.height()) // 3
                )
                painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 90))
                painter.drawPixmap(spot, image)
        painter.end()
        folder = self._out / language
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{len(list(folder.glob('*.png'))) + 1:02d}_{name}.png"
        pixmap.save(str(path))
        self.saved.append(path)

    def _walk(self, language: str) -> Iterator[None]:
        c = self._context
        i18n.set_language(language)
        c.app_vm.sign_out()
        yield
        self._shot(language, "login")
        c.login.set_method(LoginMethod.WEB_ID)
        c.login.set_web_id_text("yamada2026")
        c.login.set_password_text("wrong-pass1")
        c.login.sign_in()
        yield
        self._shot(language, "login_error")
        c.login.set_web_id_text("ｙａｍａｄａ２０２６")
        yield
        self._shot(language, "login_width_notice")
        c.login.set_caps_lock(True)
        yield
        self._shot(language, "login_caps_lock")
        c.login.set_caps_lock(False)
        c.login.set_password_text("Taro2026pass")
        c.login.sign_in()
        yield
        yield
        self._shot(language, "home")
        c.app_vm.navigate(Screen.BORROW)
        c.borrow.set_amount_text("1万")
        yield
        self._shot(language, "borrow")
        c.borrow.set_amount_text("1234")
        yield
        self._shot(language, "borrow_amount_error")
        c.borrow.set_amount_text("10,000")
        c.borrow.request_confirmation()
        yield
        self._shot(language, "borrow_confirm")
        self._press("confirmAcceptButton")
        yield
        yield
        self._shot(language, "borrow_receipt")
        c.app_vm.navigate(Screen.REPAY)
        c.repay.set_kind(int(RepayKind.AMOUNT))
        c.repay.set_amount_text("10000")
        yield
        self._shot(language, "repay")
        c.repay.request_confirmation()
        yield
        self._shot(language, "repay_confirm")
        self._press("confirmAcceptButton")
        yield
        yield
        self._shot(language, "repay_result")
        c.app_vm.navigate(Screen.HISTORY)
        yield
        yield
        self._shot(language, "history")
        c.app_vm.navigate(Screen.SIMULATOR)
        c.simulator.set_monthly_text("20,000")
        yield
        yield
        self._shot(language, "simulator")
        c.app_vm.navigate(Screen.INTEREST)
        yield
        yield
        self._shot(language, "interest")
        c.app_vm.navigate(Screen.LIMIT)
        c.limit.income.set_text("600万")
        c.limit.other_debts.set_text("50万")
        c.limit.requested.set_text("80万")
        yield
        self._shot(language, "limit_increase")
        c.app_vm.navigate(Screen.SETTINGS)
        yield
        self._shot(language, "settings")
        c.app_vm.sign_out()
        yield
        c.login.set_method(LoginMethod.CARD)
        c.login.set_card_text("123456789012345")
        c.login.set_pin_text("3690")
        c.login.sign_in()
        yield
        yield
        self._shot(language, "home_overdue")
        c.app_vm.navigate(Screen.BORROW)
        yield
        self._shot(language, "borrow_blocked")
        c.app_vm.navigate(Screen.PROMISE)
        yield
        self._shot(language, "promise")
        c.idle.warn_now()
        yield
        self._shot(language, "idle_warning")
        c.idle.stay()
        c.app_vm.sign_out()
        yield
        self._shot(language, "signed_out")
        yield from self._credentials(language)

    def _credentials(self, language: str) -> Iterator[None]:
        c = self._context
        assert c.register is not None and c.reset is not None
        c.app_vm.navigate(Screen.REGISTER)
        c.register.member_number.set_text("１０００００００６")
        c.register.email.set_text("ito@example.jp")
        c.register.send_code()
        yield
        self._shot(language, "register_code_sent")
        c.app_vm.navigate(Screen.INBOX)
        yield
        yield
        self._shot(language, "inbox")
        c.app_vm.navigate(Screen.RESET)
        c.reset.identifier.set_text("tanaka0404")
        reset_view = c.views[Screen.RESET]
        reset_view.birth.setDate(QDate(1990, 4, 4))  # type: ignore[attr-defined]
        yield
        self._shot(language, "reset_password")
        c.app_vm.navigate(Screen.LOGIN)

    def _press(self, object_name: str) -> None:
        button = self._context.window.findChild(QPushButton, object_name)
        if button is None:
            raise LookupError(object_name)
        button.click()


def run_tour(options: Options, out_dir: Path) -> int:
    """Render the tour into ``out_dir``, each language on a fresh store of its own (a scratch
    one unless ``--store`` was given, so a member's own store is never touched).
    Returns the process exit status."""
    import tempfile

    app = QApplication.instance()
    assert app is not None
    configure_logging()
    saved = 0
    for language in i18n.LANGUAGES:
        for stale in (out_dir / language).glob("*.png"):
            stale.unlink()
        scratch = Path(tempfile.mkdtemp(prefix="member-client-tour-"))
        store_url = options.store_url or f"sqlite:///{scratch / 'tour.db'}"
        context = build(options._replace(language=language, store_url=store_url))
        context.window.resize(1000, 700)
        context.build_all_screens()
        context.window.show()
        context.warm_up()
        tour = _Tour(context, out_dir, language)
        tour.start()
        app.exec()  # quitting closes the window, which shuts its client down
        if tour.failure is not None:
            print(f"screenshot tour failed in {language}: {tour.failure!r}")
            return 1
        saved += len(tour.saved)
    print(f"{saved} screenshots in {out_dir}")
    return 0
