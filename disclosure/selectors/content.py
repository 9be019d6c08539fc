"""The version of what citizens see (see `ContentVersion`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from disclosure.models import ContentVersion


@dataclass(frozen=True)
class ContentState:
    number: int
    next_release_at: datetime | None

    def release_due(self, now: datetime | None = None) -> bool:
        """A scheduled document has become public since the number last changed."""
        return self.next_release_at is not None and (now or timezone.now()) >= self.next_release_at

    def seconds_to_release(self, now: datetime | None = None) -> float | None:
        """How long anything kept under this number stays true, if a release is scheduled."""
        if self.next_release_at is None:
            return None
        return max((self.next_release_at - (now or timezone.now())).total_seconds(), 0.0)


def content_state() -> ContentState:
    """The current version, in one query (version 1 before anything has changed)."""
    row = ContentVersion.objects.filter(id=1).values_list("number", "next_release_at").first()
    if row is None:
        return ContentState(number=1, next_release_at=None)
    return ContentState(number=row[0], next_release_at=row[1])
