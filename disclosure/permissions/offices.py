"""Who may propose and approve changes to the public particulars of offices (内设机构, 所属单位)."""

from __future__ import annotations

from django.db.models import QuerySet

from disclosure.models import CatalogueItem, Office, OfficeProfileChange
from disclosure.permissions.base import Policy, Role, has_role, is_admin, staff_of

Status = OfficeProfileChange.Status


class OfficeChangePolicy(Policy):
    model = OfficeProfileChange

    def offices(self, user) -> QuerySet:
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

    def visible(self, user, queryset: QuerySet | None = None) -> QuerySet:
        queryset = OfficeProfileChange.objects.all() if queryset is None else queryset
        return queryset.filter(office__in=self.offices(user))

    def can_add(self, user) -> bool:
        return has_role(user, Role.EDITOR) and self.offices(user).exists()

    def _in_scope(self, user, change: OfficeProfileChange) -> bool:
        return self.offices(user).filter(pk=change.office_id).exists()

    def can_edit(self, user, change: OfficeProfileChange) -> bool:
        return (
            change.status == Status.DRAFT
            and has_role(user, Role.EDITOR)
            and self._in_scope(user, change)
        )

    def can_submit(self, user, change: OfficeProfileChange) -> bool:
        return self.can_edit(user, change)

    def can_delete(self, user, change: OfficeProfileChange) -> bool:
        return self.can_edit(user, change)

    def can_review(self, user, change: OfficeProfileChange) -> bool:
        return (
            change.status == Status.SUBMITTED
            and has_role(user, Role.REVIEWER)
            and self._in_scope(user, change)
            and user.pk != change.created_by_id
        )

    def can_return(self, user, change: OfficeProfileChange) -> bool:
        return self.can_review(user, change)

    def can_approve_profile(self, user, change: OfficeProfileChange) -> bool:
        return self.can_review(user, change)

    # Told to whoever tries a step that is not theirs to take now.
    refusals = {
        "submit": "只有负责内设机构、所属单位信息的科室的信息员可以提交变更。",
        "return": "只有本科室的审核人可以退回变更，且不能审核自己起草的变更。",
        "approve_profile": "只有本科室的审核人可以批准变更，且不能审核自己起草的变更。",
    }
