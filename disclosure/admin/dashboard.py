"""The 公开时限 dashboard: what is due and overdue, for documents and applications alike.

Each office sees its own; administrators see every office.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone

from disclosure import permissions
from disclosure.models import Publication
from disclosure.selectors import columns, compliance, links
from disclosure.selectors.interpretations import late_interpretations


def deadlines_view(request):
    user = request.user
    if not permissions.is_office_staff(user):
        raise PermissionDenied
    office = None if permissions.is_admin(user) else permissions.staff_of(user).office
    context = {
        **admin.site.each_context(request),
        "title": "公开时限",
        "opts": Publication._meta,
        **compliance.dashboard(
            permissions.publications.visible(user),
            compliance.items_with_deadlines(office),
            timezone.localdate(),
            applications=permissions.applications.visible(user),
        ),
        "columns": columns.column_check(
            timezone.localdate(), office, can_state=permissions.statements.can_add(user)
        ),
        "broken_links": links.broken_links(user),
        "late_interpretations": late_interpretations(
            permissions.publications.visible(user), timezone.localdate()
        ),
    }
    return TemplateResponse(request, "admin/disclosure/publication/deadlines.html", context)
