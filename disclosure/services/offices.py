"""Changes to an office's public particulars: drafted, submitted, approved or returned."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from disclosure import permissions
from disclosure.exceptions import require
from disclosure.models import PROFILE_FIELDS, OfficeProfileChange
from disclosure.models.base import locked
from disclosure.services.content import content_changed

Status = OfficeProfileChange.Status


@transaction.atomic
def office_change_save_draft(*, change: OfficeProfileChange, actor) -> OfficeProfileChange:
    if change.pk is None:
        change.created_by = actor
        change.status = Status.DRAFT
    else:
        change.status = locked(change).status
    require(
        permissions.office_changes.can(actor, "edit", change),
        "只有负责内设机构、所属单位信息的科室的信息员可以起草变更。",
    )
    change.full_clean()
    change.save()
    return change


@transaction.atomic
def office_change_submit(*, change: OfficeProfileChange, actor) -> OfficeProfileChange:
    change = permissions.office_changes.locked_for(actor, "submit", change)
    change.status = Status.SUBMITTED
    change.submitted_at = timezone.now()
    change.return_reason = ""
    change.save()
    return change


@transaction.atomic
def office_change_return(*, change: OfficeProfileChange, actor, reason: str) -> OfficeProfileChange:
    change = permissions.office_changes.locked_for(actor, "return", change)
    require(bool(reason.strip()), "请填写退回原因。")
    change.status = Status.DRAFT
    change.return_reason = reason
    change.save()
    return change


@transaction.atomic
def office_change_approve(*, change: OfficeProfileChange, actor) -> OfficeProfileChange:
    """The office's public particulars become what the change says; the old ones stay in history."""
    change = permissions.office_changes.locked_for(actor, "approve_profile", change)
    office = change.office
    if not office.history.exists():
        # Offices loaded from the catalogue fixture have no version yet: keep the one shown until now.
        type(office).history.bulk_history_create([office], default_change_reason="变更前的信息")
    for field in PROFILE_FIELDS:
        setattr(office, field, getattr(change, field))
    office._history_user = actor
    office._change_reason = f"批准变更（{change.created_by.get_username()}起草）"
    office.save()
    change.status = Status.APPROVED
    change.reviewed_by = actor
    change.reviewed_at = timezone.now()
    change.save()
    content_changed()
    return change
