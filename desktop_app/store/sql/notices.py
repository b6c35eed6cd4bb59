"""Notices the service "sends" a member (written to the outbox the demo inbox shows)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.brand import DEFAULT_BRAND
from desktop_app.domain.models import CodeChannel
from desktop_app.domain.rules import CodeRules
from desktop_app.store.sql.schema import CodePurpose, Member, OutboxMessage

# What a message shows in place of its one-time code once the code is delivered (and before:
# the stored body never holds the code; ``revealed`` puts it in for the one delivery).
CODE_MASK = "••••••"


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


def add_notice(
    db: DbSession,
    member: Member,
    now: datetime,
    what: str,
    advice: str,
    *,
    address: str | None = None,
) -> None:
    """A notice of a change, by email when the member has one, else by SMS; to the email
    ``address`` instead when given (the old address, told of an email change)."""
    subject, body = notice_message(member, now, what, advice)
    email = address or member.email
    db.add(
        OutboxMessage(
            member_id=member.id,
            channel=(CodeChannel.EMAIL if email else CodeChannel.SMS).value,
            subject=subject,
            body=body,
            created_at=now,
            address=address,
        )
    )


def add_new_device_alert(db: DbSession, member: Member, now: datetime) -> None:
    """The alert of a sign-in from a device not seen before."""
    db.add(
        OutboxMessage(
            member_id=member.id,
            channel=(CodeChannel.EMAIL if member.email else CodeChannel.SMS).value,
            subject="新しい端末からのログインがありました",
            body=(
                f"{member.name} 様\n\n"
                f"{now:%Y年%m月%d日 %H:%M} に、これまでご利用のなかった端末から"
                "会員サービスへのログインがありました。\n"
                "お心当たりのない場合は、お手数ですがサポートセンターまでご連絡ください。"
            ),
            created_at=now,
        )
    )


_PURPOSE_TEXT = {
    CodePurpose.REGISTER: "Web-IDのご登録",
    CodePurpose.RESET: "パスワード再設定",
    CodePurpose.EMAIL: "メールアドレスの変更",
    CodePurpose.BANK_ACCOUNT: "お振込先口座の変更",
    CodePurpose.WEB_ID: "Web-IDの変更",
    CodePurpose.PASSWORD: "パスワードの変更",
}


def mask_email(address: str) -> str:
    """``ito@example.jp`` → ``i***@example.jp``."""
    local, at, domain = address.partition("@")
    return f"{local[:1]}***{at}{domain}"


def mask_phone(number: str) -> str:
    """``09067890123`` → ``090-****-0123``."""
    if len(number) < 8:
        return "****"
    return f"{number[:3]}-****-{number[-4:]}"


def recipient(channel: str, email: str | None, phone: str | None) -> str:
    if channel == CodeChannel.EMAIL:
        return mask_email(email) if email else ""
    return mask_phone(phone) if phone else ""


def revealed(body: str, code: str | None) -> str:
    """The body as delivered: with its code in place of the mask (while it has one)."""
    return body if code is None else body.replace(CODE_MASK, code, 1)


def code_message(
    member: Member,
    purpose: CodePurpose,
    channel: CodeChannel,
    expires_at: datetime,
    rules: CodeRules,
) -> tuple[str, str]:
    """The subject and body of the message that carries ``code``, with ``CODE_MASK`` where
    the code goes (the code is kept beside the body until delivered: see ``revealed``)."""
    brand = DEFAULT_BRAND
    subject = f"【{brand.name_ja}】確認コードのお知らせ"
    minutes = int(rules.validity.total_seconds() // 60)
    if channel is CodeChannel.SMS:
        body = (
            f"【{brand.name_ja}】{_PURPOSE_TEXT[purpose]}の確認コードは {CODE_MASK} です。"
            f"有効期限は{minutes}分間です。このコードを他人に教えないでください。"
            "お心当たりのない場合は、このメッセージを破棄してください。"
        )
        return subject, body
    body = (
        f"{member.name} 様\n\n"
        f"いつも{brand.name_ja}をご利用いただき、誠にありがとうございます。\n"
        f"{_PURPOSE_TEXT[purpose]}に必要な確認コードをお知らせいたします。\n\n"
        f"確認コード：{CODE_MASK}\n"
        f"有効期限：{expires_at:%Y年%m月%d日 %H:%M}まで（発行から{minutes}分間）\n\n"
        "画面の案内に従って、確認コードをご入力ください。有効期限を過ぎた場合や、"
        f"{rules.tries}回続けて誤った確認コードを入力された場合は、"
        "お手数ですが確認コードを再度ご請求ください。\n\n"
        "※確認コードは第三者に教えないでください。当社の社員が確認コードをお尋ねすることは"
        "ございません。\n"
        "※お心当たりのない場合は、第三者がお手続きを試みた可能性がございます。"
        "このメールを破棄のうえ、ご不安な点はサポートセンターまでご連絡ください。\n\n"
        f"{signature()}"
    )
    return subject, body
