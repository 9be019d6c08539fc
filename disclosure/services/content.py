"""Mark what citizens see as changed (see `ContentVersion`)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F, Min
from django.utils import timezone

from disclosure.models import ContentVersion, Publication
from disclosure.selectors.content import forget_request_state


def content_changed() -> None:
    """Increase the content version, in the caller's transaction.

    Call it from every service that changes a public page, inside its
    transaction: the new number becomes visible when the change commits,
    never before. It also records the next scheduled publication.
    """
    now = timezone.now()
    next_release = Publication.objects.filter(
        status=Publication.Status.PUBLISHED, published_at__gt=now
    ).aggregate(at=Min("published_at"))["at"]
    with transaction.atomic():
        updated = ContentVersion.objects.filter(id=1).update(
            number=F("number") + 1, changed_at=now, next_release_at=next_release
        )
        if not updated:
            ContentVersion.objects.get_or_create(
                id=1, defaults={"number": 2, "changed_at": now, "next_release_at": next_release}
            )
    forget_request_state()
