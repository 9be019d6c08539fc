"""Who is who: administrators, the staff of an office and their role, and the policy shape.

Administrators (superusers) may do everything. Every other member of staff
belongs to one office as an editor (信息员), who drafts and submits, or a
reviewer (审核人), who approves, returns and withdraws.
"""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet

from disclosure.exceptions import require
from disclosure.models import StaffMember
from disclosure.models.base import locked

Role = StaffMember.Role


def staff_of(user) -> StaffMember | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return user.staff
    except StaffMember.DoesNotExist:
        return None


def is_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)


def is_office_staff(user) -> bool:
    return is_admin(user) or staff_of(user) is not None


def in_office(user, office_id: int) -> bool:
    """A member of that office's staff (administrators are not)."""
    staff = staff_of(user)
    return staff is not None and staff.office_id == office_id


def has_role(user, role: str, office_id: int | None = None) -> bool:
    """Whether the user holds `role` (in that office, if one is given), or is an administrator."""
    if is_admin(user):
        return True
    staff = staff_of(user)
    if staff is None or staff.role != role:
        return False
    return office_id is None or office_id == staff.office_id


def office_members(office_id: int) -> int:
    """How many active members of staff an office has."""
    return StaffMember.objects.filter(office_id=office_id, user__is_active=True).count()


class Policy:
    """What a member of staff may see of one model, and do with one of its objects.

    `visible(user)` is every object the user may see: all of them for
    administrators, their own office's for staff, nothing for anyone else.
    `can(user, action, obj)` answers whether the user may take the step
    `action` on `obj` now, its state included; each action is a method
    `can_<action>`. The admin asks it which buttons to show, the services
    ask it again before they act.
    """

    model: type[models.Model]
    office_field = "office_id"

    def visible(self, user, queryset: QuerySet | None = None) -> QuerySet:
        queryset = self.model._default_manager.all() if queryset is None else queryset
        if is_admin(user):
            return queryset
        staff = staff_of(user)
        if staff is None:
            return queryset.none()
        return queryset.filter(**{self.office_field: staff.office_id})

    refusals: dict[str, str] = {}

    def locked_for(self, user, action: str, obj):
        """The object's row, locked, if the user may take the step now.

        Otherwise a `WorkflowError` says who may: the policy's `refusals`.
        """
        obj = locked(obj)
        require(self.can(user, action, obj), self.refusals[action])
        return obj

    def can(self, user, action: str, obj) -> bool:
        check = getattr(self, f"can_{action}", None)
        if check is None:
            raise ValueError(f"{type(self).__name__} has no action {action!r}")
        return check(user, obj)
