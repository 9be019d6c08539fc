"""The figures staff enter for the annual report: each office's yearly counts, and appeals.

Each save checks that the row is the actor's office's (administrators may
enter any), records who entered it, and keeps the earlier version in the
row's history.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from disclosure import permissions
from disclosure.exceptions import WorkflowError, require
from disclosure.models import Appeal, YearlyFigures
from disclosure.models.base import locked
from disclosure.selectors.applications import receiving_office


def _validated_save(row, actor, duplicate: str = "") -> None:
    """Validate and save `row` as `actor`; what is wrong becomes a `WorkflowError`."""
    row.updated_by = actor
    row._history_user = actor
    try:
        row.full_clean()
    except ValidationError as error:
        raise WorkflowError("；".join(error.messages)) from error
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as error:
        # The same row sent twice at the same moment: the second finds the first.
        raise WorkflowError(duplicate or "保存失败，请刷新后重试。") from error


def _message_of(model, constraint: str) -> str:
    """What the model says when `constraint` is broken."""
    found = next(each for each in model._meta.constraints if each.name == constraint)
    return str(found.violation_error_message)


@transaction.atomic
def yearly_figures_save(*, figures: YearlyFigures, actor) -> YearlyFigures:
    """Enter or correct an office's counts for one year: its own staff, or an administrator."""
    policy = permissions.yearly_figures
    if figures.pk is None:
        require(policy.can_add(actor), "只有科室或单位的工作人员可以填报年度统计数据。")
    else:
        require(policy.can_edit(actor, locked(figures)), "只能修改本科室或单位填报的年度统计数据。")
    require(
        figures.office_id is not None and policy.can_edit(actor, figures),
        "只能填报本科室或单位的年度统计数据。",
    )
    _validated_save(figures, actor, _message_of(YearlyFigures, "yearly_figures_once_per_office"))
    return figures


@transaction.atomic
def appeal_save(*, appeal: Appeal, actor) -> Appeal:
    """Enter or update a 行政复议 or 行政诉讼: the office that handles applications, or an administrator."""
    policy = permissions.appeals
    office = receiving_office()
    if appeal.pk is None:
        require(
            policy.can_add(actor, office),
            f"行政复议和行政诉讼由{office.name}或系统管理员登记。"
            if office
            else "没有办理申请的科室。",
        )
    else:
        require(policy.can_edit(actor, locked(appeal)), "只能修改本科室登记的行政复议和行政诉讼。")
    require(
        appeal.office_id is not None and policy.can_edit(actor, appeal),
        "只能登记本科室承办的行政复议和行政诉讼。",
    )
    require(
        appeal.application_id is None or appeal.application.office_id == appeal.office_id,
        "所涉申请须是承办科室办理的申请。",
    )
    _validated_save(appeal, actor)
    return appeal
