"""Calendars for tests, built without the database."""

import datetime as dt

from disclosure.lib.workdays import Calendar, YearSchedule


def days(*spans: tuple[str, str]) -> frozenset[dt.date]:
    """Every date of each (first, last) span, ISO strings."""
    out = set()
    for first, last in spans:
        day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        while day <= end:
            out.add(day)
            day += dt.timedelta(days=1)
    return frozenset(out)


# A 2027 schedule as an administrator would enter it from the notice. It is a
# test fixture, not the real notice: New Year, a Spring Festival week with
# two weekend working days, and National Day.
SCHEDULE_2027 = YearSchedule(
    year=2027,
    holidays=days(
        ("2027-01-01", "2027-01-03"), ("2027-02-06", "2027-02-13"), ("2027-10-01", "2027-10-07")
    ),
    workdays=days(
        ("2027-01-30", "2027-01-30"), ("2027-02-14", "2027-02-14"), ("2027-10-09", "2027-10-09")
    ),
    reference="测试用2027年放假安排",
)

PACKAGE_ONLY = Calendar()
WITH_2027 = Calendar({2027: SCHEDULE_2027})

# The same schedule as rows of the admin: (holiday, first day off, last day off, working days).
HOLIDAYS_2027 = [
    ("元旦", "2027-01-01", "2027-01-03", []),
    ("春节", "2027-02-06", "2027-02-13", ["2027-01-30", "2027-02-14"]),
    ("国庆节", "2027-10-01", "2027-10-07", ["2027-10-09"]),
]


def enter_2027(rows=HOLIDAYS_2027):
    """Enter the test schedule for 2027 as an administrator would; returns the schedule."""
    from disclosure.models import HolidaySchedule

    schedule = HolidaySchedule.objects.create(year=2027, notice_reference=SCHEDULE_2027.reference)
    for name, first, last, workdays in rows:
        schedule.holidays.create(
            name=name,
            first_day=dt.date.fromisoformat(first),
            last_day=dt.date.fromisoformat(last),
            workdays=workdays,
        )
    return schedule
