"""How the money flows put their figures into words: one line per figure."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.models import AccountSummary
from desktop_app.i18n import _, format_date, format_datetime, format_yen


def rows_text(rows: Iterable[tuple[str, str]]) -> str:
    """A receipt or a confirmation, one ``caption：value`` line per figure (a row whose
    caption is empty is a sentence of its own)."""
    return "\n".join(
        _("{caption}: {value}").format(caption=caption, value=value) if caption else value
        for caption, value in rows
        if value
    )


def accepted_at(moment: datetime) -> str:
    """受付日時, in Japan's time whatever the store's clock says."""
    return format_datetime(moment.astimezone(TOKYO) if moment.tzinfo else moment)


def due_date_text(summary: AccountSummary | None) -> str:
    """次回返済日, saying so when it has passed (an overdue member's is in the past)."""
    if summary is None or summary.next_due_date is None:
        return ""
    day = format_date(summary.next_due_date)
    if summary.overdue:
        return _("{date} (this payment is overdue)").format(date=day)
    return day


def amount_due_text(summary: AccountSummary) -> str:
    """ご請求額 of an overdue member, late charges included, as the home page's overdue
    notice counts it: 「10,000円（遅延損害金684円を含みます）」."""
    return _("{amount} (late charges of {damages} included)").format(
        amount=format_yen(summary.next_payment), damages=format_yen(summary.late_damages)
    )
