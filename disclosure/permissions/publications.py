"""Who may do what with publications: each office its own, nobody approves what they wrote."""

from __future__ import annotations

from django.db.models import QuerySet

from disclosure.models import CatalogueItem, Publication
from disclosure.permissions.base import Policy, Role, has_role, is_admin, staff_of

Status = Publication.Status

# The presentations under which staff publish documents (the others are generated pages).
PUBLISHED_UNDER = [
    CatalogueItem.Presentation.DOCUMENTS,
    CatalogueItem.Presentation.PAGE,
    CatalogueItem.Presentation.LEADERS,
    CatalogueItem.Presentation.CONSULTATIONS,
]


class PublicationPolicy(Policy):
    model = Publication

    def items(self, user) -> QuerySet:
        """The active leaf items under which the user may create publications."""
        items = CatalogueItem.objects.filter(is_active=True, children__isnull=True).filter(
            presentation__in=PUBLISHED_UNDER
        )
        if is_admin(user):
            return items
        staff = staff_of(user)
        if staff is None or staff.role != Role.EDITOR:
            return items.none()
        return items.filter(pk__in=CatalogueItem.objects.responsible(staff.office).values("pk"))

    def is_author(self, user, publication: Publication) -> bool:
        return user.pk in {publication.created_by_id, publication.submitted_by_id}

    def can_edit(self, user, publication: Publication) -> bool:
        return publication.status == Status.DRAFT and has_role(
            user, Role.EDITOR, publication.office_id
        )

    def can_submit(self, user, publication: Publication) -> bool:
        return self.can_edit(user, publication)

    def can_review(self, user, publication: Publication) -> bool:
        return (
            publication.status == Status.SUBMITTED
            and has_role(user, Role.REVIEWER, publication.office_id)
            and not self.is_author(user, publication)
        )

    def can_return(self, user, publication: Publication) -> bool:
        return self.can_review(user, publication)

    def can_approve(self, user, publication: Publication) -> bool:
        return self.can_review(user, publication)

    def can_withdraw(self, user, publication: Publication) -> bool:
        return publication.status == Status.PUBLISHED and has_role(
            user, Role.REVIEWER, publication.office_id
        )

    def can_revise(self, user, publication: Publication) -> bool:
        return (
            publication.status == Status.PUBLISHED
            and publication.revision_of_id is None
            and has_role(user, Role.EDITOR, publication.office_id)
        )

    def can_restore(self, user, publication: Publication) -> bool:
        """Bring back an earlier version: into the draft itself, or into a new revision."""
        return self.can_edit(user, publication) or self.can_revise(user, publication)

    def can_delete(self, user, publication: Publication) -> bool:
        """Only drafts that were never published, by their office's editors."""
        return (
            publication.status == Status.DRAFT
            and publication.index_number is None
            and has_role(user, Role.EDITOR, publication.office_id)
        )

    # Told to whoever tries a step that is not theirs to take now.
    refusals = {
        "submit": "只有本科室的信息员可以提交草稿。",
        "return": "只有本科室的审核人可以退回待审核的信息，且不能审核自己起草或提交的信息。",
        "approve": "只有本科室的审核人可以批准待审核的信息，且不能审核自己起草或提交的信息。",
        "withdraw": "只有本科室的审核人可以撤回已发布的信息。",
    }
