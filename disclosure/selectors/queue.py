"""The admin home's 我的待办: what waits for a member of staff, by their role."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from disclosure import permissions
from disclosure.models import (
    Comment,
    InformationRequest,
    OfficeProfileChange,
    Publication,
    StaffMember,
)
from disclosure.selectors import compliance

Role = StaffMember.Role
ApplicationStatus = InformationRequest.Status


@dataclass(frozen=True)
class QueueEntry:
    label: str
    count: int
    url: str
    urgent: bool = False


def _publications_url(query: str) -> str:
    return f"{reverse('admin:disclosure_publication_changelist')}?{query}"


def _applications_url(query: str) -> str:
    return f"{reverse('admin:disclosure_informationrequest_changelist')}?{query}"


def staff_queue(user, today: dt.date | None = None) -> list[QueueEntry]:
    """What is waiting for this user, by their role: the admin home's 我的待办."""
    today = today or timezone.localdate()
    staff = permissions.staff_of(user)
    is_admin = permissions.is_admin(user)
    if staff is None and not is_admin:
        return []
    publications = permissions.publications.visible(user)
    reviewer = is_admin or staff.role == Role.REVIEWER
    editor = is_admin or staff.role == Role.EDITOR
    entries = []
    if reviewer:
        waiting = publications.filter(status=Publication.Status.SUBMITTED).exclude(created_by=user)
        entries.append(
            QueueEntry(
                "待审核的信息",
                waiting.exclude(submitted_by=user).count(),
                _publications_url("state=submitted"),
            )
        )
        changes = permissions.office_changes.visible(user).filter(
            status=OfficeProfileChange.Status.SUBMITTED
        )
        if changes.exists():
            entries.append(
                QueueEntry(
                    "待审核的科室信息变更",
                    changes.exclude(created_by=user).count(),
                    reverse("admin:disclosure_officeprofilechange_changelist")
                    + "?status__exact=submitted",
                )
            )
    if editor:
        returned = publications.filter(status=Publication.Status.DRAFT).exclude(return_reason="")
        entries.append(
            QueueEntry("被退回的信息", returned.count(), _publications_url("state=returned"))
        )
    overdue = compliance.overdue(publications, today).count()
    entries.append(
        QueueEntry(
            "逾期未发布的信息",
            overdue,
            reverse("admin:disclosure_publication_deadlines"),
            urgent=overdue > 0,
        )
    )
    pending = permissions.comments.visible(user).filter(status=Comment.Status.PENDING).count()
    if pending:
        entries.append(
            QueueEntry(
                "待处理的公众意见",
                pending,
                reverse("admin:disclosure_comment_changelist") + "?status__exact=pending",
            )
        )
    if staff is not None:
        entries += _application_entries(user, staff, today)
    return entries


def _application_entries(user, staff: StaffMember, today: dt.date) -> list[QueueEntry]:
    """For the office that handles applications: what needs a step from it."""
    applications = InformationRequest.objects.filter(office_id=staff.office_id)
    late = compliance.applications_overdue(applications, today).values("pk")
    counts = applications.aggregate(
        total=Count("pk"),
        submitted=Count("pk", filter=Q(status=ApplicationStatus.SUBMITTED)),
        received=Count("pk", filter=Q(status=ApplicationStatus.RECEIVED)),
        late=Count("pk", filter=Q(pk__in=late)),
        review=Count(
            "pk", filter=Q(status=ApplicationStatus.REPLY_REVIEW) & ~Q(reply_prepared_by=user)
        ),
    )
    if not counts["total"]:
        return []
    entries = [
        QueueEntry(
            "待确认收到的申请", counts["submitted"], _applications_url("status__exact=submitted")
        ),
        QueueEntry("办理中的申请", counts["received"], _applications_url("status__exact=received")),
        QueueEntry(
            "逾期未答复的申请",
            counts["late"],
            _applications_url("due=overdue"),
            urgent=counts["late"] > 0,
        ),
    ]
    if staff.role == Role.REVIEWER:
        entries.insert(
            0,
            QueueEntry(
                "答复待审核的申请",
                counts["review"],
                _applications_url("status__exact=reply_review"),
            ),
        )
    return entries
