"""Is this date a working day (工作日)?

One lookup over three sources, the first that knows the year wins:

1. the schedule administrators enter from the State Council's yearly holiday
   notice (each holiday and each 调休 working weekend day);
2. chinesecalendar, for the years it carries (2004–2026 in 1.11);
3. Monday to Friday, which is only a guess: callers are told so.

Everything here is a pure function of a `Calendar`; `HolidaySchedule.objects.calendar()` is the
one place that reads the administrators' table.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

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

    @cached_property
    def _entered_holidays(self) -> frozenset[dt.date]:
        """Every day off entered, whichever year's notice gave it (New Year may start in December)."""
        return frozenset().union(*(schedule.holidays for schedule in self.schedules.values()))

    @cached_property
    def _entered_workdays(self) -> frozenset[dt.date]:
        return frozenset().union(*(schedule.workdays for schedule in self.schedules.values()))

    def is_workday(self, day: dt.date) -> bool:
        if day in self._entered_workdays:
            return True
        if day in self._entered_holidays:
            return False
        if self.source(day.year) is Source.PACKAGE:
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


_FULL_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_SEPARATORS = re.compile(r"[、，,；;\s]+")


class DayListError(ValueError):
    """Words that are not a list of dates; the message is for the member of staff."""


def parse_day_list(text: str, near: dt.date) -> list[dt.date]:
    """Dates as a notice writes them: "2月14日、2月28日", "2026-02-14，2026-02-28".

    A date without its year is taken in the year that puts it nearest to
    `near` (the holiday it belongs to), so "12月29日" next to a New Year
    that begins on 30 December stays in December of that year.
    """
    days = []
    for word in filter(None, _SEPARATORS.split(text.strip())):
        full, short = _FULL_DATE.fullmatch(word), _MONTH_DAY.fullmatch(word)
        try:
            if full:
                day = dt.date(*(int(part) for part in full.groups()))
            elif short:
                month, day_of_month = int(short.group(1)), int(short.group(2))
                candidates = [
                    dt.date(year, month, day_of_month)
                    for year in (near.year - 1, near.year, near.year + 1)
                ]
                day = min(candidates, key=lambda candidate: abs(candidate - near))
            else:
                raise ValueError
        except ValueError:
            raise DayListError(
                f"“{word}”不是日期，请写成“2月14日”或“2026-02-14”，多个日期用顿号分开。"
            ) from None
        if day not in days:
            days.append(day)
    return sorted(days)
