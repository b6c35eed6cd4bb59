"""How often confirmation codes may be asked for and guessed (DOMAIN.md §1).

Requests are limited per identifier (whatever was typed: a member number or a Web-ID, found
or not, so the pace of refusals tells nobody whether it exists) and per member (codes sent,
whichever identifier found them): at most one a ``request_interval`` and
``requests_per_day`` a Tokyo day. Wrong codes are bounded per member and day across codes.
On PostgreSQL the check and the record are serialised per identifier and per member with
transaction-scoped advisory locks; SQLite writers queue at ``BEGIN IMMEDIATE`` anyway.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from datetime import datetime, time, timedelta

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session as DbSession

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import CodeRules
from desktop_app.store.sql.schema import CodeRequest, VerificationCode

_KEPT = timedelta(days=2)  # requests older than this limit nothing


def identifier_key(identifier: str) -> str:
    """The SHA-256 of an identifier as typed (NFKC-folded, without spaces or hyphens)."""
    folded = unicodedata.normalize("NFKC", identifier)
    plain = "".join(char for char in folded if not char.isspace() and char != "-")
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


def start_of_day(now: datetime) -> datetime:
    """Midnight in Tokyo that starts ``now``'s day."""
    return datetime.combine(now.astimezone(TOKYO).date(), time(0, 0), TOKYO)


def _next_minute(at: datetime) -> datetime:
    """``at`` rounded up to a whole minute: the time a member is told to come back at."""
    seconds = at.second + at.microsecond / 1_000_000
    return at.replace(second=0, microsecond=0) + timedelta(minutes=math.ceil(seconds / 60))


def _lock(db: DbSession, name: str) -> None:
    if db.get_bind().dialect.name == "postgresql":
        db.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))"), {"name": name})


def _refusal(times: list[datetime], rules: CodeRules, now: datetime) -> AppError | None:
    if sum(at >= start_of_day(now) for at in times) >= rules.requests_per_day:
        return AppError(ErrorCode.CODE_REQUESTS_EXHAUSTED)
    if times and now - max(times) < rules.request_interval:
        return AppError(
            ErrorCode.CODE_REQUEST_TOO_SOON,
            resume_at=_next_minute(max(times) + rules.request_interval),
        )
    return None


def _since(rules: CodeRules, now: datetime) -> datetime:
    return min(start_of_day(now), now - rules.request_interval)


def identifier_refusal(db: DbSession, rules: CodeRules, key: str, now: datetime) -> AppError | None:
    """Too soon or too often for this identifier (locks it until the transaction ends)."""
    _lock(db, f"code-identifier:{key}")
    times = db.scalars(
        select(CodeRequest.at).where(
            CodeRequest.identifier_hash == key, CodeRequest.at >= _since(rules, now)
        )
    ).all()
    return _refusal(list(times), rules, now)


def member_refusal(
    db: DbSession, rules: CodeRules, member_id: int, now: datetime
) -> AppError | None:
    """Too soon or too often for this member, or no wrong tries left today."""
    _lock(db, f"code-member:{member_id}")
    times = db.scalars(
        select(CodeRequest.at).where(
            CodeRequest.member_id == member_id, CodeRequest.at >= _since(rules, now)
        )
    ).all()
    refusal = _refusal(list(times), rules, now)
    if refusal is None and wrong_tries_today(db, member_id, now) >= rules.wrong_tries_per_day:
        return AppError(ErrorCode.CODE_GUESSES_EXHAUSTED)
    return refusal


def record_request(
    db: DbSession, key: str, member_id: int | None, purpose: str, now: datetime
) -> None:
    """Count a request (``member_id`` when a code was sent); forget the ones long past."""
    db.execute(
        delete(CodeRequest).where(CodeRequest.identifier_hash == key, CodeRequest.at < now - _KEPT)
    )
    db.add(CodeRequest(identifier_hash=key, member_id=member_id, purpose=purpose, at=now))


def wrong_tries_today(db: DbSession, member_id: int, now: datetime) -> int:
    """Wrong codes the member entered today, across the codes sent today."""
    total = db.scalar(
        select(func.coalesce(func.sum(VerificationCode.attempts), 0)).where(
            VerificationCode.member_id == member_id,
            VerificationCode.created_at >= start_of_day(now),
        )
    )
    return int(total or 0)
