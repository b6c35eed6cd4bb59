"""Rules as a host sets them: seeding above the legal cap is refused when the store opens
(the rules the store applies are in contract/test_rules.py)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.domain.rules import LoanRules, Rules
from desktop_app.store.sql import SqlStore


def test_seeding_above_the_legal_cap_is_refused(db_url: str) -> None:
    strict = Rules(loan=LoanRules(legal_caps=((None, Decimal("0.15")),)))
    with pytest.raises(AppError) as caught:
        SqlStore(
            db_url,
            FixedClock(datetime(2026, 11, 24, tzinfo=TOKYO)),
            rules=strict,
            hash_profile="fast",
        )
    assert caught.value.code is ErrorCode.RATE_OUT_OF_RANGE
