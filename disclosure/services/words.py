"""Maintaining the checked words (错敏词): adding many at once."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from disclosure import permissions
from disclosure.exceptions import WorkflowError, require
from disclosure.lib.words import WordLineError, normalised, parse_word_lines
from disclosure.models import CheckedWord

MAX_LINES = 5000


@transaction.atomic
def checked_words_import(*, text: str, severity: str, actor) -> tuple[int, list[str]]:
    """Add the words of pasted lines with one severity; all or nothing.

    Words already listed (in any width or case) are left as they are and
    named in the result: (how many were added, the terms skipped).
    """
    require(permissions.is_admin(actor), "只有管理员可以维护错敏词。")
    require(severity in CheckedWord.Severity.values, "请选择处理方式。")
    try:
        rows = parse_word_lines(text)
    except WordLineError as error:
        raise WorkflowError("未导入：" + "；".join(error.errors) + "。") from error
    require(bool(rows), "请填写要导入的错敏词，每行一个。")
    require(len(rows) <= MAX_LINES, f"一次最多导入{MAX_LINES}个错敏词。")
    listed = {normalised(term) for term in CheckedWord.objects.values_list("term", flat=True)}
    added = 0
    skipped: list[str] = []
    errors: list[str] = []
    for term, correct, note in rows:
        if normalised(term) in listed:
            skipped.append(term)
            continue
        word = CheckedWord(term=term, correct=correct, severity=severity, note=note)
        try:
            # Whether it is listed already was asked above, of all the words at once.
            word.clean_fields()
            word.clean_wording()
        except ValidationError as error:
            errors.append(f"“{term[:30]}”：" + "".join(error.messages))
            continue
        word._history_user = actor
        word.save()
        listed.add(normalised(term))
        added += 1
    require(not errors, "未导入：" + "；".join(errors))
    return added, skipped
