"""The brand on a page: its mark, and the legal display and contact every 貸金業者 page carries
(company name, 貸金業登録番号, 日本貸金業協会 member number, support line with its hours, FAQ).

Everything shown comes from the configured ``Brand`` (desktop_app/domain/brand.py); nothing of
a brand is written here.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.brand import Brand
from desktop_app.i18n import _, hub, language
from desktop_app.paths import resources_dir
from desktop_app.viewmodels.messages import support_hours
from desktop_app.views.binding import make_button, make_label, name

MARK_SIZE = 40


def brand_mark(brand: Brand, object_name: str, size: int = MARK_SIZE) -> QLabel:
    """The brand's mark (its logo file, else the bundled one) as a label of ``size`` pixels."""
    path = brand.logo or str(resources_dir() / "icons" / "brand-mark.svg")
    mark = QLabel()
    name(mark, object_name)
    mark.setPixmap(QIcon(path).pixmap(QSize(size, size)))
    mark.setFixedSize(size, size)
    return mark


class BrandFooter(QFrame):
    """The footer: ``prefix`` + Footer and its labels (e.g. homeFooter, homeFooterCompanyLabel,
    homeFooterRegistrationLabel, homeFooterAssociationLabel, homeFooterContactLabel and the
    homeFooterFaqLink button, which opens the brand's FAQ page). It follows the interface
    language by itself, wherever it is placed."""

    def __init__(
        self, brand: Brand, prefix: str, parent: QWidget | None = None, *, kiosk: bool = False
    ) -> None:
        super().__init__(parent)
        self._brand = brand
        name(self, f"{prefix}Footer")
        self.setProperty("role", "footer")
        self.company = make_label(f"{prefix}FooterCompanyLabel", "footer", wrap=True)
        self.registration = make_label(f"{prefix}FooterRegistrationLabel", "footer", wrap=True)
        self.association = make_label(f"{prefix}FooterAssociationLabel", "footer", wrap=True)
        self.contact = make_label(f"{prefix}FooterContactLabel", "footer", wrap=True)
        self.faq = make_button(f"{prefix}FooterFaqLink")
        self.faq.setProperty("role", "link")
        self.faq.setCursor(Qt.CursorShape.PointingHandCursor)
        self.faq.clicked.connect(self._open_faq)
        # A branch kiosk never opens a browser (the next visitor would find it open).
        self.faq.setVisible(not kiosk)
        self.faq.setEnabled(not kiosk)
        for label in (self.company, self.registration, self.association, self.contact):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.company)
        layout.addWidget(self.registration)
        layout.addWidget(self.association)
        layout.addWidget(self.contact)
        layout.addWidget(self.faq, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()
        hub().language_changed.connect(self._language_changed)

    @Slot(str)
    def _language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _open_faq(self) -> None:
        QDesktopServices.openUrl(QUrl(self._brand.faq_url))

    def retranslate(self) -> None:
        brand, lang = self._brand, language()
        self.company.setText(brand.company(lang))
        self.registration.setText(
            _("Registered money lender: {number}").format(number=brand.registration(lang))
        )
        self.association.setText(
            _("Member of the Japan Financial Services Association, No. {number}").format(
                number=brand.association_number
            )
        )
        self.contact.setText(
            _("{brand} support: {phone} ({hours}, every day)").format(
                brand=brand.name(lang), phone=brand.support_phone, hours=support_hours(brand)
            )
        )
        self.faq.setText(_("Frequently asked questions"))
        self.faq.setAccessibleName(self.faq.text())
        self.faq.setToolTip(brand.faq_url)
        for label in (self.company, self.registration, self.association, self.contact):
            label.setAccessibleName(label.text())
