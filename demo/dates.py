"""Dates of the demo content, all relative to today."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

# The year the demo documents speak of: this one.
YEAR = timezone.localdate().year


def midday(day: dt.date) -> dt.datetime:
    """10:00 on `day`, Zhalantun time: when a backdated demo event happened."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
