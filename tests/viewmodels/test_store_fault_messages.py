"""Each store fault and code limit reads as its own Japanese sentence saying what to do
(never the one "cannot connect" sentence, never the generic "something went wrong")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from desktop_app.domain.clock import TOKYO
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.i18n import language, set_language
from desktop_app.viewmodels.messages import error_sentence

FAULTS = {
    ErrorCode.STORE_NOT_PERSISTENT: "アプリを終了するとデータがすべて失われる",
    ErrorCode.STORE_URL_INCOMPLETE: "サーバー名またはデータベース名",
    ErrorCode.STORE_URL_UNSUPPORTED: "形式には対応していません",
    ErrorCode.STORE_FOREIGN: "他のアプリケーションのデータ",
    ErrorCode.STORE_CORRUPT: "バックアップから復元",
    ErrorCode.STORE_SCHEMA_NEWER: "アプリを最新版に更新してください",
    ErrorCode.STORE_READ_ONLY: "書き込み権限をご確認ください",
    ErrorCode.STORE_DISK_FULL: "空き容量を確保してから",
    ErrorCode.CODE_REQUESTS_EXHAUSTED: "明日以降",
    ErrorCode.CODE_GUESSES_EXHAUSTED: "誤入力が上限",
}


@pytest.fixture
def japanese(qapp: object) -> Iterator[None]:
    before = language()
    set_language("ja")
    yield
    set_language(before)


@pytest.mark.parametrize("code", list(FAULTS), ids=[code.value for code in FAULTS])
def test_each_fault_has_its_own_sentence(japanese: None, code: ErrorCode) -> None:
    sentence = error_sentence(AppError(code))
    assert FAULTS[code] in sentence
    assert sentence != error_sentence(AppError(ErrorCode.STORE_UNAVAILABLE))
    assert sentence != error_sentence(AppError(ErrorCode.UNEXPECTED))


def test_too_soon_says_when_to_ask_again(japanese: None) -> None:
    resume = datetime(2026, 11, 24, 10, 2, tzinfo=TOKYO)
    sentence = error_sentence(AppError(ErrorCode.CODE_REQUEST_TOO_SOON, resume_at=resume))
    assert "10:02" in sentence
    assert "以降にもう一度ご請求ください" in sentence


def test_the_corrupt_store_sentence_gives_the_support_line(japanese: None) -> None:
    assert "0120-000-000" in error_sentence(AppError(ErrorCode.STORE_CORRUPT))
