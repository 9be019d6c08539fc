"""Who may publish and withdraw the dated statements (情况说明) of columns.

A statement speaks for its office, and is public as soon as it is saved:
the office's reviewer (审核人) publishes it, or an administrator; the
office's editors see them; other offices see nothing of them. It is never
changed once published: a wrong one is withdrawn by the same people, and
its history keeps it.
"""

from __future__ import annotations

from django.db.models import QuerySet

from disclosure.models import CatalogueItem, ItemStatement, Office
from disclosure.permissions.base import Policy, Role, has_role, is_admin, staff_of


def statement_items(office: Office | None = None) -> QuerySet:
    """Columns a statement may be given for: public, publishing, at the end of their branch.

    Given an office, only those it answers for.
    """
    public = CatalogueItem.objects.public()
    items = public.filter(
        presentation__in=[
            CatalogueItem.Presentation.DOCUMENTS,
            CatalogueItem.Presentation.PAGE,
            CatalogueItem.Presentation.LEADERS,
            CatalogueItem.Presentation.CONSULTATIONS,
        ]
    ).exclude(pk__in=public.filter(parent__isnull=False).values("parent_id"))
    if office is not None:
        items = items.filter(pk__in=CatalogueItem.objects.responsible(office).values("pk"))
    return items


class ItemStatementPolicy(Policy):
    model = ItemStatement

    def can_add(self, user) -> bool:
        """A reviewer of any office (for their own office's columns), or an administrator."""
        return has_role(user, Role.REVIEWER)

    def offices(self, user) -> QuerySet:
        """The offices the user may publish statements for."""
        if is_admin(user):
            return Office.objects.filter(is_active=True)
        staff = staff_of(user)
        if staff is None or not has_role(user, Role.REVIEWER):
            return Office.objects.none()
        return Office.objects.filter(pk=staff.office_id)

    def items(self, user) -> QuerySet:
        """The columns the user may publish a statement for."""
        if is_admin(user):
            return statement_items()
        staff = staff_of(user)
        if staff is None or not has_role(user, Role.REVIEWER):
            return CatalogueItem.objects.none()
        return statement_items(staff.office)

    def may_state(self, user, office: Office, item: CatalogueItem) -> bool:
        """Whether the user may publish a statement of `office` on `item`."""
        return (
            self.offices(user).filter(pk=office.pk).exists()
            and statement_items(office).filter(pk=item.pk).exists()
        )

    def can_edit(self, user, statement: ItemStatement) -> bool:
        return False  # a published statement is withdrawn, never changed

    def can_delete(self, user, statement: ItemStatement) -> bool:
        """Withdraw: the reviewer of the statement's office, or an administrator."""
        return has_role(user, Role.REVIEWER, statement.office_id)

    refusals = {"delete": "只有本科室或单位的审核人或系统管理员可以撤回情况说明。"}
