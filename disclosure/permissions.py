"""Who may do what with publications.

Administrators (superusers) may do everything. Every other member of staff
belongs to one office as an editor (信息员), who drafts and submits, or a
reviewer (审核人), who approves, returns and withdraws; both act only on
their own office's publications. Nobody approves what they wrote.
"""

from __future__ import annotations

from django.db.models import QuerySet

from disclosure.models import (
    CatalogueItem,
    Comment,
    InformationRequest,
    Office,
    OfficeProfileChange,
    Publication,
    StaffMember,
)

Role = StaffMember.Role
Status = Publication.Status


def staff_of(user) -> StaffMember | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return user.staff
    except StaffMember.DoesNotExist:
        return None


def is_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)


def has_role(user, publication: Publication | None, role: str) -> bool:
    """Whether the user holds `role` in the publication's office (or is an administrator)."""
    if is_admin(user):
        return True
    staff = staff_of(user)
    if staff is None or staff.role != role:
        return False
    return publication is None or publication.office_id == staff.office_id


def is_office_staff(user) -> bool:
    return is_admin(user) or staff_of(user) is not None


def _own_office(user, queryset: QuerySet, office_field: str = "office_id") -> QuerySet:
    """All of it for administrators, their office's rows for staff, nothing for anyone else."""
    if is_admin(user):
        return queryset
    staff = staff_of(user)
    if staff is None:
        return queryset.none()
    return queryset.filter(**{office_field: staff.office_id})


def publications_for(user, queryset: QuerySet | None = None) -> QuerySet:
    """The publications a member of staff may see in the admin."""
    return _own_office(user, Publication.objects.all() if queryset is None else queryset)


def items_for(user) -> QuerySet:
    """The active leaf items under which the user may create publications."""
    items = CatalogueItem.objects.filter(is_active=True, children__isnull=True).filter(
        presentation__in=[
            CatalogueItem.Presentation.DOCUMENTS,
            CatalogueItem.Presentation.PAGE,
            CatalogueItem.Presentation.LEADERS,
            CatalogueItem.Presentation.CONSULTATIONS,
        ]
    )
    if is_admin(user):
        return items
    staff = staff_of(user)
    if staff is None or staff.role != Role.EDITOR:
        return items.none()
    return items.filter(pk__in=CatalogueItem.objects.responsible(staff.office).values("pk"))


def is_author(user, publication: Publication) -> bool:
    return user.pk in {publication.created_by_id, publication.submitted_by_id}


def can_edit(user, publication: Publication) -> bool:
    return publication.status == Status.DRAFT and has_role(user, publication, Role.EDITOR)


def can_submit(user, publication: Publication) -> bool:
    return can_edit(user, publication)


def can_review(user, publication: Publication) -> bool:
    return (
        publication.status == Status.SUBMITTED
        and has_role(user, publication, Role.REVIEWER)
        and not is_author(user, publication)
    )


def can_withdraw(user, publication: Publication) -> bool:
    return publication.status == Status.PUBLISHED and has_role(user, publication, Role.REVIEWER)


def can_revise(user, publication: Publication) -> bool:
    return (
        publication.status == Status.PUBLISHED
        and publication.revision_of_id is None
        and has_role(user, publication, Role.EDITOR)
    )


def can_delete(user, publication: Publication) -> bool:
    """Only drafts that were never published, by their office's editors."""
    return (
        publication.status == Status.DRAFT
        and publication.index_number is None
        and has_role(user, publication, Role.EDITOR)
    )


# -- the public particulars of offices (内设机构, 所属单位) ---------------------


def profile_offices(user) -> QuerySet:
    """Offices whose public particulars the user's office looks after.

    The office responsible for the 内设机构 item keeps the 股室' particulars,
    the one responsible for 所属单位 those of the 局属单位.
    """
    if is_admin(user):
        return Office.objects.all()
    staff = staff_of(user)
    if staff is None:
        return Office.objects.none()
    presentations = set(
        CatalogueItem.objects.responsible(staff.office)
        .filter(is_active=True)
        .values_list("presentation", flat=True)
    )
    kinds = [
        kind
        for presentation, kind in (
            (CatalogueItem.Presentation.SECTIONS, Office.Kind.SECTION),
            (CatalogueItem.Presentation.UNITS, Office.Kind.UNIT),
        )
        if presentation in presentations
    ]
    return Office.objects.filter(kind__in=kinds)


def profile_changes_for(user, queryset: QuerySet | None = None) -> QuerySet:
    queryset = OfficeProfileChange.objects.all() if queryset is None else queryset
    return queryset.filter(office__in=profile_offices(user))


def _in_profile_scope(user, change: OfficeProfileChange) -> bool:
    return profile_offices(user).filter(pk=change.office_id).exists()


def can_edit_profile_change(user, change: OfficeProfileChange) -> bool:
    return (
        change.status == OfficeProfileChange.Status.DRAFT
        and has_role(user, None, Role.EDITOR)
        and _in_profile_scope(user, change)
    )


def can_review_profile_change(user, change: OfficeProfileChange) -> bool:
    return (
        change.status == OfficeProfileChange.Status.SUBMITTED
        and has_role(user, None, Role.REVIEWER)
        and _in_profile_scope(user, change)
        and user.pk != change.created_by_id
    )


# -- citizens' comments and applications -----------------------------------
#
# A citizen's contact details and identity are seen only by the staff of the
# office that handles them; administrators see the records, masked.


def in_office(user, office_id: int) -> bool:
    staff = staff_of(user)
    return staff is not None and staff.office_id == office_id


def comments_for(user, queryset: QuerySet | None = None) -> QuerySet:
    """Comments on the consultations of the user's office."""
    queryset = Comment.objects.all() if queryset is None else queryset
    return _own_office(user, queryset, "consultation__office_id")


def can_moderate(user, comment: Comment) -> bool:
    return is_admin(user) or in_office(user, comment.consultation.office_id)


def can_see_contact(user, comment: Comment) -> bool:
    return in_office(user, comment.consultation.office_id)


def applications_for(user, queryset: QuerySet | None = None) -> QuerySet:
    """Applications handled by the user's office (all of them, masked, for administrators)."""
    return _own_office(user, InformationRequest.objects.all() if queryset is None else queryset)


def can_handle_application(user, request: InformationRequest) -> bool:
    """The staff of the handling office: they act on it and see the applicant's details."""
    return in_office(user, request.office_id)


def can_approve_extension(user, request: InformationRequest) -> bool:
    staff = staff_of(user)
    return (
        staff is not None and staff.office_id == request.office_id and staff.role == Role.REVIEWER
    )


def office_members(office_id: int) -> int:
    """How many active members of staff an office has."""
    return StaffMember.objects.filter(office_id=office_id, user__is_active=True).count()


def can_review_answer(user, request: InformationRequest) -> bool:
    """A reviewer of the handling office who did not prepare the reply (four eyes)."""
    staff = staff_of(user)
    return (
        staff is not None
        and staff.office_id == request.office_id
        and staff.role == Role.REVIEWER
        and user.pk != request.reply_prepared_by_id
    )
