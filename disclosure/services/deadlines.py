"""Due dates of publications: computed from the item's rule and the event date, stored."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from disclosure.lib.deadlines import RuleError, due_date
from disclosure.lib.workdays import Calendar
from disclosure.models import HolidaySchedule, Publication


def compute_due_date(publication: Publication, calendar: Calendar) -> dt.date | None:
    """None when the item has no rule or the event date is not known yet."""
    start = publication.event_date()
    if start is None:
        return None
    try:
        rule = publication.item.deadline()
    except RuleError:
        return None
    return due_date(rule, start, calendar) if rule else None


def set_due_date(publication: Publication, calendar: Calendar | None = None) -> None:
    publication.due_date = compute_due_date(
        publication, calendar or HolidaySchedule.objects.calendar()
    )


def record_timeliness(
    publication: Publication, published_on: dt.date, calendar: Calendar | None = None
) -> None:
    """At publication: on time or not, and by how many working days late."""
    if publication.due_date is None:
        publication.on_time = publication.days_late = None
        return
    late = published_on > publication.due_date
    publication.on_time = not late
    publication.days_late = (
        (calendar or HolidaySchedule.objects.calendar()).workdays_between(
            publication.due_date, published_on
        )
        if late
        else 0
    )


def refresh_due_dates(publications: QuerySet) -> int:
    """Recompute the stored due dates, after an item's rule or the holiday table changed.

    Published documents keep the due date they were published against.
    """
    calendar = HolidaySchedule.objects.calendar()
    changed = []
    for publication in publications.exclude(status=Publication.Status.PUBLISHED).select_related(
        "item"
    ):
        due = compute_due_date(publication, calendar)
        if due != publication.due_date:
            publication.due_date = due
            changed.append(publication)
    Publication.objects.bulk_update(changed, ["due_date"], batch_size=500)
    return len(changed)
