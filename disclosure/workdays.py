"""Is this date a working day (工作日)?

One lookup over three sources, the first that knows the year wins:

1. the schedule administrators enter from the State Council's yearly holiday
   notice (each holiday and each 调休 working weekend day);
2. chinesecalendar, for the years it carries (2004–2026 in 1.11);
3. Monday to Friday, which is only a guess: callers are told so.

Everything here is a pure function of a `Calendar`; `load_calendar()` is the
one place that reads the administrators' table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

import chinese_calendar

ONE_DAY = dt.timedelta(days=1)


class Source(Enum):
    TABLE = "国务院放假安排（后台录入）"
    PACKAGE = "chinesecalendar"
    GUESS = "周一至周五（未录入当年放假安排）"


@dataclass(frozen=True)
class YearSchedule:
    """One year of the State Council's notice: days off, and weekend days worked."""

    year: int
    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()
    reference: str = ""


def _package_years() -> range:
    first = min(chinese_calendar.holidays).year
    last = max(chinese_calendar.holidays).year
    return range(first, last + 1)


PACKAGE_YEARS = _package_years()


@dataclass(frozen=True)
class Calendar:
    schedules: dict[int, YearSchedule] = field(default_factory=dict)

    def source(self, year: int) -> Source:
        if year in self.schedules:
            return Source.TABLE
        if year in PACKAGE_YEARS:
            return Source.PACKAGE
        return Source.GUESS

    def is_workday(self, day: dt.date) -> bool:
        source = self.source(day.year)
        if source is Source.TABLE:
            schedule = self.schedules[day.year]
            if day in schedule.workdays:
                return True
            if day in schedule.holidays:
                return False
            return day.weekday() < 5
        if source is Source.PACKAGE:
            return chinese_calendar.is_workday(day)
        return day.weekday() < 5

    def next_workday(self, day: dt.date) -> dt.date:
        """The day itself if it is a working day, else the first working day after it."""
        while not self.is_workday(day):
            day += ONE_DAY
        return day

    def add_workdays(self, start: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `start`; `start` itself is not counted."""
        day = start
        while count > 0:
            day += ONE_DAY
            if self.is_workday(day):
                count -= 1
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative if `end` is earlier)."""
        if end < start:
            return -self.workdays_between(end, start)
        count, day = 0, start
        while day < end:
            day += ONE_DAY
            count += self.is_workday(day)
        return count

    def guessed_years(self, start: dt.date, end: dt.date) -> list[int]:
        """Years between the two dates for which only Monday to Friday is known."""
        low, high = sorted((start.year, end.year))
        return [year for year in range(low, high + 1) if self.source(year) is Source.GUESS]


def load_calendar() -> Calendar:
    """The calendar with the administrators' schedules: the only read of the table."""
    from .models import HolidaySchedule, HolidayScheduleDay

    workday = HolidayScheduleDay.Kind.WORKDAY
    schedules = {}
    for schedule in HolidaySchedule.objects.prefetch_related("days"):
        days = list(schedule.days.all())
        schedules[schedule.year] = YearSchedule(
            year=schedule.year,
            holidays=frozenset(day.date for day in days if day.kind != workday),
            workdays=frozenset(day.date for day in days if day.kind == workday),
            reference=schedule.notice_reference,
        )
    return Calendar(schedules)
