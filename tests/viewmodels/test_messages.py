"""Every error code has a sentence, every sentence names only what its code carries, and the
parameters are shown by their declared types (yen, instants, dates, rates): never guessed
from their names, never left as a raw ``{placeholder}``."""

from __future__ import annotations

import re
import string
from datetime import date, datetime
from decimal import Decimal
from types import UnionType

import pytest

from desktop_app import i18n
from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import PARAMS, AppError, ErrorCode, ParamType, Yen
from desktop_app.viewmodels import messages
from desktop_app.viewmodels.messages import BRAND_PARAMS, error_sentence

SAMPLES: dict[type, object] = {
    Yen: 50_000,
    int: 3,
    str: "Ａ",
    Decimal: Decimal("0.146"),
    date: date(2026, 12, 3),
    datetime: datetime(2026, 11, 30, 7, 0, tzinfo=TOKYO),
}


def _sample(kind: ParamType) -> object:
    if isinstance(kind, UnionType):
        kind = next(k for k in kind.__args__ if k is not type(None))
    return SAMPLES[kind]


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_a_sentence() -> None:
    missing = [code for code in ErrorCode if code not in messages._SENTENCES]
    assert missing == []


@pytest.mark.parametrize("code", list(ErrorCode), ids=[c.value for c in ErrorCode])
def test_a_sentence_names_only_parameters_its_code_carries(code: ErrorCode) -> None:
    declared = set(PARAMS.get(code, {}))
    assert _placeholders(messages._SENTENCES[code]) <= declared | BRAND_PARAMS


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_sentence_renders_whole_in_both_languages(lang: str) -> None:
    i18n.set_language(lang)
    try:
        for code in ErrorCode:
            params = {name: _sample(kind) for name, kind in PARAMS.get(code, {}).items()}
            sentence = error_sentence(AppError(code, **params))
            assert sentence and "{" not in sentence and "}" not in sentence, (code, sentence)
    finally:
        i18n.set_language("ja")


def test_parameters_are_shown_by_their_declared_type() -> None:
    i18n.set_language("ja")
    resume = datetime(2026, 11, 30, 7, 0, tzinfo=TOKYO)
    assert i18n.format_day_and_time(resume) in error_sentence(
        AppError(ErrorCode.MAINTENANCE, resume_at=resume)
    )
    assert "50,000円" in error_sentence(AppError(ErrorCode.AMOUNT_BELOW_MINIMUM, minimum=50_000))
    assert "10,000円" in error_sentence(AppError(ErrorCode.AMOUNT_NOT_THOUSANDS, unit=10_000))
    assert "2026年12月3日" in error_sentence(
        AppError(ErrorCode.PROMISE_DATE_OUT_OF_RANGE, latest=date(2026, 12, 3))
    )
    assert "15.0%" in error_sentence(
        AppError(ErrorCode.RATE_OUT_OF_RANGE, rate=Decimal("0.18"), cap=Decimal("0.15"))
    )
    # A count stays a count: 3 tries, not 3円.
    tries = error_sentence(AppError(ErrorCode.CODE_WRONG, remaining=3))
    assert "3" in tries and "円" not in tries
    assert not re.search(r"\{\w+\}", tries)
