"""Why a command is disabled, as the sentence shown beside it: the first input that is
typed and wrong (「パスワード：8～20文字で入力してください。」), else what is still to be
entered. Captions are message ids; a secret's error never names its character."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.domain.errors import ErrorCode
from desktop_app.domain.fields import FieldResult
from desktop_app.i18n import _
from desktop_app.viewmodels.messages import error_sentence

CHARACTER_ERRORS = frozenset({ErrorCode.FULL_WIDTH_CHAR, ErrorCode.INVALID_CHAR})


def typed_problem(
    inputs: Iterable[tuple[str, str, FieldResult]], skip: frozenset[ErrorCode] = frozenset()
) -> str | None:
    """``inputs`` are (caption id, text, result). The sentence for the first typed input
    that is wrong; "" when that error is one of ``skip`` (said elsewhere); None when none is."""
    for caption, text, result in inputs:
        error = result.error
        if text and error is not None:
            if error.code in skip:
                return ""
            return _("{field}: {reason}").format(field=_(caption), reason=error_sentence(error))
    return None


def missing(captions: list[str]) -> str:
    """「次の項目を入力してください：会員番号、ご登録のメールアドレス」 ("" for none)."""
    if not captions:
        return ""
    return _("Please enter: {fields}.").format(fields=_(", ").join(_(c) for c in captions))
