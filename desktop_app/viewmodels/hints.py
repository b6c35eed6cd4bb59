"""Why a command is disabled, as the sentence shown beside it: the first input that is
typed and wrong (「パスワード：8～20文字で入力してください。」), else what is still to be
entered. Captions are message ids; a secret's error never names its character."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.domain.errors import ErrorCode
from desktop_app.domain.fields import FieldResult
from desktop_app.i18n import _
from desktop_app.viewmodels.messages import error_sentence, in_sentence

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
    """「会員番号を入力してください。」: the first input still empty, in a short sentence that
    fits under a button without breaking inside a word ("" for none). The next one is named
    once that is entered."""
    if not captions:
        return ""
    return _("Please enter the {field}.").format(field=in_sentence(_(captions[0])))
