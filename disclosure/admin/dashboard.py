"""The 公开时限 dashboard: what is due and overdue, for documents and applications alike.

Each office sees its own; administrators see every office.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone

from disclosure import compliance, permissions
from disclosure.models import Publication


def deadlines_view(request):
    if not permissions.is_office_staff(request.user):
        raise PermissionDenied
    context = {
        **admin.site.each_context(request),
        "title": "公开时限",
        "opts": Publication._meta,
        **compliance.dashboard(
            *compliance.scope_for(request.user),
            timezone.localdate(),
            applications=permissions.applications.visible(request.user),
        ),
    }
    return TemplateResponse(request, "admin/disclosure/publication/deadlines.html", context)
