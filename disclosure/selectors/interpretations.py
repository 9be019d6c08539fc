"""政策解读 published late: more than the allowed working days after their policy."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, QuerySet
from django.utils import timezone

from disclosure.lib.legal import INTERPRETATION_WORKING_DAYS
from disclosure.lib.workdays import Calendar
from disclosure.models import HolidaySchedule, Publication


def late_interpretations(
    publications: QuerySet, today: dt.date, calendar: Calendar | None = None
) -> list[Publication]:
    """This year's published 解读 that came more than three working days after their policy.

    Each carries `lag`, the working days after the policy's publication. Only
    those later than three calendar days are counted in working days: fewer
    calendar days cannot hold more working days.
    """
    calendar = calendar or HolidaySchedule.objects.calendar()
    candidates = (
        publications.filter(
            status=Publication.Status.PUBLISHED,
            published_at__year=today.year,
            published_at__lte=timezone.now(),
            interprets__published_at__isnull=False,
            published_at__gt=F("interprets__published_at")
            + dt.timedelta(days=INTERPRETATION_WORKING_DAYS),
        )
        .select_related("office", "item", "interprets")
        .order_by("office__order", "office_id", "-published_at")
    )
    late = []
    for reading in candidates:
        reading.lag = reading.interpretation_lag(calendar)
        if reading.lag > INTERPRETATION_WORKING_DAYS:
            late.append(reading)
    return late
