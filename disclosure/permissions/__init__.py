"""Who may see and do what: one policy object per model.

`publications`, `office_changes`, `comments`, `applications`,
`yearly_figures`, `appeals`, `annual_reports` and `statements` each answer `visible(user)`
(a queryset) and `can(user, action, obj)` (the step, the object's state
included); the admin, the services and the views all ask them. `base` has who is who:
administrators, office staff and their roles.
"""

from disclosure.permissions.applications import ApplicationPolicy
from disclosure.permissions.base import (
    has_role,
    in_office,
    is_admin,
    is_office_staff,
    office_members,
    staff_of,
)
from disclosure.permissions.consultations import CommentPolicy
from disclosure.permissions.offices import OfficeChangePolicy
from disclosure.permissions.publications import PublicationPolicy
from disclosure.permissions.reports import AnnualReportPolicy, AppealPolicy, YearlyFiguresPolicy
from disclosure.permissions.statements import ItemStatementPolicy

publications = PublicationPolicy()
office_changes = OfficeChangePolicy()
comments = CommentPolicy()
applications = ApplicationPolicy()
yearly_figures = YearlyFiguresPolicy()
appeals = AppealPolicy()
annual_reports = AnnualReportPolicy()
statements = ItemStatementPolicy()

__all__ = [
    "annual_reports",
    "appeals",
    "applications",
    "comments",
    "has_role",
    "in_office",
    "is_admin",
    "is_office_staff",
    "office_changes",
    "office_members",
    "publications",
    "staff_of",
    "statements",
    "yearly_figures",
]
