"""A moment given as text in a query: an ISO 8601 date or date and time."""

from __future__ import annotations

from datetime import UTC, datetime, time, tzinfo

# Longer than any ISO 8601 date and time with fractions and an offset.
MAX_LENGTH = 40


def parse_moment(text: str, zone: tzinfo) -> datetime | None:
    """`2026-01-31` (the start of that day in `zone`), or a date and time, as an aware UTC time.

    A time without an offset is read in `zone`. None for anything else, and
    for a moment so near year 1 or 9999 that it cannot be shown in UTC.
    """
    text = text.strip()
    if not text or len(text) > MAX_LENGTH or not text.isascii():
        return None
    try:
        if len(text) == 10:
            moment = datetime.combine(datetime.strptime(text, "%Y-%m-%d").date(), time())
        else:
            moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=zone)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None
