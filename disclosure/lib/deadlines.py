"""Deadline rules (公开时限) and their due dates.

Pure functions: a rule is parsed from the catalogue's words, and a due date
is computed from a rule, the date of the event that starts the clock and a
`workdays.Calendar`. The legal numbers:

- N working days after an event, the day of the event not counted
  (政府信息公开条例 Art. 26: 20 working days);
- N calendar days after an event (批复后20日内); a last day that is a rest
  day moves to the next working day (民法典 Art. 203);
- a fixed yearly date (每年1月31日前): the report on year Y is due on that
  date of year Y+1;
- 及时公开: 20 working days unless the item sets a shorter bound;
- per quarter (每季度结束后N日内) and per month (每月N日前).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from disclosure.lib.legal import (
    CORRECTION_WINDOW_WORKING_DAYS,
    PUBLISH_WORKING_DAYS,
    REPLY_WORKING_DAYS,
)
from disclosure.lib.workdays import Calendar

MAX_DAYS = 366


class RuleError(ValueError):
    """Words that are not a deadline rule; the message is for the member of staff."""


@dataclass(frozen=True)
class WorkingDays:
    days: int
    timely: bool = False

    def describe(self) -> str:
        prefix = "及时公开，最迟" if self.timely else ""
        return f"{prefix}事件发生之日起{self.days}个工作日内（当日不计）"


@dataclass(frozen=True)
class CalendarDays:
    days: int

    def describe(self) -> str:
        return f"事件发生之日起{self.days}日内（最后一日为休息日的，顺延至下一个工作日）"


@dataclass(frozen=True)
class YearlyDate:
    month: int
    day: int

    def describe(self) -> str:
        return f"每年{self.month}月{self.day}日前（公开上一年度的信息）"


@dataclass(frozen=True)
class AfterQuarter:
    days: int
    working: bool

    def describe(self) -> str:
        unit = "个工作日" if self.working else "日"
        return f"每季度结束后{self.days}{unit}内"


@dataclass(frozen=True)
class MonthlyDate:
    day: int

    def describe(self) -> str:
        return f"每月{self.day}日前（公开上一个月的信息）"


Rule = WorkingDays | CalendarDays | YearlyDate | AfterQuarter | MonthlyDate


# ---------------------------------------------------------------- parsing

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _number(text: str) -> int:
    """20, ２０, 二十, 十五, 三十一 → int."""
    if text.isdecimal():
        return int(text)
    try:
        if "十" in text:
            tens, _, ones = text.partition("十")
            return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
        value = 0
        for char in text:
            value = value * 10 + _DIGITS[char]
        return value
    except KeyError:
        raise RuleError(f"“{text}”不是一个能识别的数字，请用阿拉伯数字书写。") from None


def _normalise(words: str) -> str:
    text = words.translate(_FULLWIDTH)
    return re.sub(r"[\s，,。；;、（）()]", "", text)


N = r"\d+|[零〇一二两三四五六七八九十]+"
EVENT = r"(?:.*?(?:之日起|之日后|后|起))?"
_YEARLY = re.compile(rf"^每年的?(?P<month>{N})月(?P<day>{N})日(?:前|之前|以前)$")
_MONTHLY = re.compile(rf"^每月的?(?P<day>{N})日(?:前|之前|以前)$")
_QUARTER = re.compile(
    rf"^每个?季度(?:结束|末)?(?:后|之日起)(?P<days>{N})(?P<unit>个工作日|日|天)内$"
)
_WORKING = re.compile(rf"^{EVENT}(?P<days>{N})个工作日内(?:公开)?$")
_CALENDAR = re.compile(rf"^{EVENT}(?P<days>{N})个?(?:日|天|自然日)内(?:公开)?$")


def _days(match: re.Match) -> int:
    days = _number(match.group("days"))
    if not 1 <= days <= MAX_DAYS:
        raise RuleError(f"时限天数应在1到{MAX_DAYS}之间。")
    return days


def parse_rule(words: str, *, timely_days: int | None = None) -> Rule:
    """The rule the catalogue's 公开时限 words state.

    `timely_days` is an item's own bound for 及时公开 (at most 20).
    """
    text = _normalise(words or "")
    if not text:
        raise RuleError("公开时限不能为空。")
    if text in ("及时公开", "及时"):
        days = timely_days or PUBLISH_WORKING_DAYS
        if not 1 <= days <= PUBLISH_WORKING_DAYS:
            raise RuleError(f"及时公开的时限不能超过{PUBLISH_WORKING_DAYS}个工作日。")
        return WorkingDays(days, timely=True)
    if match := _YEARLY.match(text):
        month, day = _number(match.group("month")), _number(match.group("day"))
        try:
            dt.date(2024, month, day)  # a leap year, so that 2月29日 is a real date
        except ValueError:
            raise RuleError(f"“{words}”中的{month}月{day}日不是一个有效的日期。") from None
        return YearlyDate(month, day)
    if match := _MONTHLY.match(text):
        day = _number(match.group("day"))
        if not 1 <= day <= 28:
            raise RuleError("“每月N日前”中的N应在1到28之间，每个月都有这一天。")
        return MonthlyDate(day)
    if match := _QUARTER.match(text):
        return AfterQuarter(_days(match), working=match.group("unit") == "个工作日")
    if match := _WORKING.match(text):
        return WorkingDays(_days(match))
    if match := _CALENDAR.match(text):
        return CalendarDays(_days(match))
    raise RuleError(
        f"无法识别公开时限“{words}”。可用的写法如：信息形成或者变更之日起20个工作日内、"
        "批复后20日内、每年1月31日前、每季度结束后15日内、每月10日前、及时公开。"
    )


# ---------------------------------------------------------------- due dates


def uses_calendar(rule: Rule) -> bool:
    """Whether the due date depends on which days are working days."""
    return not isinstance(rule, YearlyDate | MonthlyDate)


def quarter_end(day: dt.date) -> dt.date:
    """The last day of the quarter `day` falls in."""
    month = (day.month - 1) // 3 * 3 + 3
    first_of_next = dt.date(day.year + (month == 12), month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def due_date(rule: Rule, start: dt.date, calendar: Calendar) -> dt.date:
    """When what started on `start` must be public.

    `start` is the event: the information formed or changed, the approval,
    or any day of the year, quarter or month being reported on.
    """
    if isinstance(rule, WorkingDays):
        return calendar.add_workdays(start, rule.days)
    if isinstance(rule, CalendarDays):
        return calendar.next_workday(start + dt.timedelta(days=rule.days))
    if isinstance(rule, YearlyDate):
        try:
            return dt.date(start.year + 1, rule.month, rule.day)
        except ValueError:  # 2月29日 in a common year
            return dt.date(start.year + 1, rule.month, rule.day - 1)
    if isinstance(rule, AfterQuarter):
        end = quarter_end(start)
        if rule.working:
            return calendar.add_workdays(end, rule.days)
        return calendar.next_workday(end + dt.timedelta(days=rule.days))
    if isinstance(rule, MonthlyDate):
        year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
        return dt.date(year, month, rule.day)
    raise TypeError(f"not a rule: {rule!r}")


# -- applications for information (依申请公开) ---------------------------------


def reply_due_date(
    clock_start: dt.date, calendar: Calendar, *, extension_days: int = 0, paused_days: int = 0
) -> dt.date:
    """The last day to reply to an application.

    Counted in working days from the day the application (or its correction)
    arrived, that day not counted; an extension adds its days, and the working
    days spent waiting for a third party's opinion (Art. 32) are not counted.
    """
    return calendar.add_workdays(clock_start, REPLY_WORKING_DAYS + extension_days + paused_days)


def correction_window_closes(received_on: dt.date, calendar: Calendar) -> dt.date:
    """The last day on which a correction may be asked for."""
    return calendar.add_workdays(received_on, CORRECTION_WINDOW_WORKING_DAYS)
