"""The change history of the registered details and the reminder emails sent (re-exported by
``schema``)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.sql.schema_types import Base, UtcDateTime

CHANGE_ITEMS = (
    "address",
    "phone",
    "email",
    "workplace",
    "bank_account",
    "due_day",
    "auto_debit",
    "reminder",
    "web_statements",
    "web_id",
    "password",
)


class ProfileChangeRow(Base):
    """One change of the registered details (変更履歴): what, when, from which device.

    ``before`` and ``after`` are what the member is shown, masked as ``domain.profile`` masks
    them (never a whole phone number, email address or account number, never a secret).
    """

    __tablename__ = "profile_changes"
    __table_args__ = (
        CheckConstraint(
            "item IN (" + ", ".join(f"'{item}'" for item in CHANGE_ITEMS) + ")", name="item"
        ),
        Index("ix_profile_changes_member_at_id", "member_id", "at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    item: Mapped[str] = mapped_column(String(16))
    before: Mapped[str] = mapped_column(String(200))
    after: Mapped[str] = mapped_column(String(200))
    device_id: Mapped[str] = mapped_column(String(64))


class ReminderSent(Base):
    """A reminder email put in the outbox: one per member and (nominal) due date."""

    __tablename__ = "reminders_sent"
    __table_args__ = (UniqueConstraint("member_id", "due_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    due_date: Mapped[date] = mapped_column(Date)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
