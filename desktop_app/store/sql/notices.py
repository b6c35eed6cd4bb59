"""Notices the service "sends" a member (written to the outbox the demo inbox shows)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.brand import DEFAULT_BRAND
from desktop_app.domain.models import CodeChannel
from desktop_app.store.sql.schema import Member, OutboxMessage


def signature() -> str:
    """The footer of every email: the brand, the support line, "do not reply"."""
    brand = DEFAULT_BRAND
    return (
        f"――――――――――――――――\n{brand.name_ja}\n"
        f"サポートセンター {brand.support_phone}（受付時間 {brand.support_hours} 年中無休）\n"
        "※このメールは送信専用です。ご返信いただいてもお答えできません。"
    )


def notice_message(member: Member, now: datetime, what: str, advice: str) -> tuple[str, str]:
    """The subject (「【こはくローン】{what}」) and body of a notice that ``what`` happened."""
    subject = f"【{DEFAULT_BRAND.name_ja}】{what}"
    body = (
        f"{member.name} 様\n\n"
        f"いつも{DEFAULT_BRAND.name_ja}をご利用いただき、誠にありがとうございます。\n"
        f"{now:%Y年%m月%d日 %H:%M} に、{what}。\n"
        f"{advice}\n\n"
        "※お心当たりのない場合は、第三者による不正なお手続きの可能性がございます。"
        "至急サポートセンターまでご連絡ください。\n\n"
        f"{signature()}"
    )
    return subject, body


def add_notice(db: DbSession, member: Member, now: datetime, what: str, advice: str) -> None:
    """A notice of a change, by email when the member has one, else by SMS."""
    subject, body = notice_message(member, now, what, advice)
    db.add(
        OutboxMessage(
            member_id=member.id,
            channel=(CodeChannel.EMAIL if member.email else CodeChannel.SMS).value,
            subject=subject,
            body=body,
            created_at=now,
        )
    )
