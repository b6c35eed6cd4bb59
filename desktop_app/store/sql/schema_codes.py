"""The outbox and the one-time codes (re-exported by ``schema``)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.sql.schema_types import Base, UtcDateTime


class OutboxMessage(Base):
    """A message "sent" to a member (a demo inbox shows them; a deployment plugs in SMTP).

    A message carrying a one-time code keeps it in ``code`` (the body shows ``CODE_MASK`` in
    its place) only until it is delivered: then ``code`` is emptied and ``delivered_at`` set.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_member_id_id", "member_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    code: Mapped[str | None] = mapped_column(String(8), default=None)
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    # The address a message went to when it is not the member's current one (the notice of
    # an email change to the old address); None: the member's registered address or phone.
    address: Mapped[str | None] = mapped_column(String(254), default=None)


class CodePurpose(StrEnum):
    REGISTER = "register"
    RESET = "reset"
    # the changes of the registered details that need a code (``profile.CodedChange``)
    EMAIL = "email"
    BANK_ACCOUNT = "bank_account"
    WEB_ID = "web_id"
    PASSWORD = "password"


class VerificationCode(Base):
    """A confirmation code sent to a member: 6 digits for Web-ID registration and password
    reset, 4 for a change of the email, the bank account, the Web-ID or the password.

    Only ``sha256(salt + code)`` is kept here; the code itself only in the outbox message
    that carries it, until that is delivered. A code is dead once used, expired,
    voided by a newer code of the same purpose (its ``expires_at`` is brought forward), or
    tried wrongly too often.
    """

    __tablename__ = "verification_codes"
    __table_args__ = (
        CheckConstraint(
            "purpose IN ('register', 'reset', 'email', 'bank_account', 'web_id', 'password')",
            name="purpose",
        ),
        Index("ix_verification_codes_member_purpose_id", "member_id", "purpose", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(16))
    code_hash: Mapped[str] = mapped_column(String(64))
    salt: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class CodeRequest(Base):
    """A request for a confirmation code, kept to limit how often codes are asked for.

    ``identifier_hash`` is the SHA-256 of the identifier typed (a member number or Web-ID),
    kept whether or not it matched anyone; ``member_id`` is set when a code was sent.
    """

    __tablename__ = "code_requests"
    __table_args__ = (
        Index("ix_code_requests_identifier_hash_at", "identifier_hash", "at"),
        Index("ix_code_requests_member_id_at", "member_id", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identifier_hash: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
