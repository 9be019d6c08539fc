"""Publishing and withdrawing the dated statements (情况说明) of columns."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from disclosure import permissions
from disclosure.exceptions import WorkflowError, require
from disclosure.models import ItemStatement
from disclosure.services.content import content_changed


def statement_problems(statement: ItemStatement, actor, today: dt.date) -> dict[str, str]:
    """What keeps `statement` from being published by `actor`, by field ("" for the whole)."""
    policy = permissions.statements
    problems = {}
    if not policy.can_add(actor):
        problems[""] = "只有科室或单位的审核人或系统管理员可以发布情况说明。"
    if statement.office_id is None:
        problems["office"] = "请选择说明单位。"
    elif not policy.offices(actor).filter(pk=statement.office_id).exists():
        problems["office"] = "只能以本科室或单位的名义发布情况说明。"
    elif statement.item_id is not None and not policy.may_state(
        actor, statement.office, statement.item
    ):
        problems["item"] = (
            "说明单位不负责这个目录事项，或者这个事项不发布信息，不能为它发布情况说明。"
        )
    if statement.stated_on is not None and statement.stated_on > today:
        problems["stated_on"] = (
            f"说明日期不能晚于今天（{today.year}年{today.month}月{today.day}日）。"
        )
    if not (statement.text or "").strip():
        problems["text"] = "请填写说明内容。"
    return problems


@transaction.atomic
def item_statement_publish(*, statement: ItemStatement, actor, on: dt.date | None = None):
    """Publish a new statement: public at once, an update of its column from its date."""
    today = on or timezone.localdate()
    require(statement.pk is None, "情况说明发布后不能修改；如有错误，请撤回后重新发布。")
    statement.text = (statement.text or "").strip()
    problems = statement_problems(statement, actor, today)
    require(not problems, "；".join(problems.values()))
    statement.created_by = actor
    statement._history_user = actor
    try:
        statement.full_clean()
    except ValidationError as error:
        raise WorkflowError("；".join(error.messages)) from error
    statement.save()
    content_changed()
    return statement


@transaction.atomic
def item_statement_withdraw(*, statement: ItemStatement, actor) -> None:
    """Take a statement off the website; its history keeps what it said and who withdrew it."""
    statement = permissions.statements.locked_for(actor, "delete", statement)
    statement._history_user = actor
    statement.delete()
    content_changed()
