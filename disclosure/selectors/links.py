"""Broken links for the 公开时限 dashboard: each office its own documents', administrators all."""

from __future__ import annotations

from django.db.models import F

from disclosure import permissions
from disclosure.models import LinkCheck


def broken_links(user) -> list[LinkCheck]:
    """Broken links the user answers for, by office, the site's own particulars first."""
    rows = LinkCheck.objects.filter(result__in=LinkCheck.BROKEN_RESULTS)
    if not permissions.is_admin(user):
        rows = rows.filter(publication__in=permissions.publications.visible(user))
    return list(
        rows.select_related("publication__office", "attachment").order_by(
            F("publication__office__order").asc(nulls_first=True),
            "publication__office_id",
            "publication_id",
            "broken_since",
            "id",
        )
    )
